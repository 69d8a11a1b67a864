"""View ▸ Data table: the shown plots' numbers as tables a keyboard and a screen reader can walk."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QGuiApplication
from PySide6.QtWidgets import QApplication

from timeline_app.ui.app.main_window import MainWindow
from timeline_app.ui.panels.data_table import DataTableDialog, SeriesView

from ..conftest import press

K = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier


def open_table(qtbot, w: MainWindow) -> DataTableDialog:  # type: ignore[no-untyped-def]
    press(qtbot, w, K.Key_T, CTRL)
    qtbot.waitUntil(lambda: w.access.data_table is not None and w.access.data_table.isVisible())
    assert w.access.data_table is not None
    return w.access.data_table


def cells(view: SeriesView) -> list[list[str]]:
    m = view.model()
    return [[str(m.index(r, c).data() or "") for c in range(m.columnCount())] for r in range(m.rowCount())]


def test_ctrl_t_opens_the_shown_series_as_a_table(qtbot, window: MainWindow) -> None:
    assert window.canvas.shown_plots() == [("PM2.5 annual mean concentration", "µg/m³")]
    dlg = open_table(qtbot, window)
    assert len(dlg.views) == 1
    view = dlg.views[0]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view)
    m = view.model()
    header = [m.headerData(c, Qt.Orientation.Horizontal) for c in range(m.columnCount())]
    assert header == ["Date", "Beijing", "Sources"]
    assert cells(view) == [
        ["2013", "89.5", "People's Daily"],
        ["2014", "85.8 (derived)", "People's Daily"],
        ["2023", "32", "People's Daily"],
    ]
    iface = QAccessible.queryAccessibleInterface(view)
    assert iface.role() == QAccessible.Role.Table
    assert iface.text(QAccessible.Text.Name) == "PM2.5 annual mean concentration (µg/m³)"
    assert iface.text(QAccessible.Text.Description) == (
        "PM2.5 annual mean concentration (µg/m³): Beijing; 2013 – 2023; latest Beijing 32 (2023)"
    )


def test_sorting_by_value_and_copying_cells(qtbot, window: MainWindow) -> None:
    view = open_table(qtbot, window).views[0]
    view.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    assert [row[0] for row in cells(view)] == ["2023", "2014", "2013"]
    qtbot.keyClick(view, K.Key_Home, CTRL)
    qtbot.keyClick(view, K.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(view, K.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(view, K.Key_C, CTRL)
    assert QGuiApplication.clipboard().text() == "2023\t32\n2014\t85.8 (derived)"


def test_no_plot_shown_says_how_to_show_one(qtbot, window: MainWindow) -> None:
    window.canvas.set_shown_plots([])
    dlg = open_table(qtbot, window)
    assert dlg.views == []
    from PySide6.QtWidgets import QLabel

    said = [lab.text() for lab in dlg.findChildren(QLabel)]
    assert any(t.startswith("No plot is shown: choose plots") for t in said), said


def test_s_sorts_by_the_current_column_and_says_so(qtbot, window: MainWindow, sent) -> None:  # type: ignore[no-untyped-def]
    span = window.state.range.span
    view = open_table(qtbot, window).views[0]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view)
    qtbot.keyClick(view, K.Key_Right)  # the Beijing column
    qtbot.keyClick(view, K.Key_S)
    assert [row[0] for row in cells(view)] == ["2023", "2014", "2013"]
    assert sent.announcements()[-1] == "Sorted by Beijing, ascending"
    qtbot.keyClick(view, K.Key_S)
    assert [row[0] for row in cells(view)] == ["2013", "2014", "2023"]
    assert sent.announcements()[-1] == "Sorted by Beijing, descending"
    assert window.state.range.span == span, "S in the table is not the window's zoom-out"
