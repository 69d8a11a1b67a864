"""Low vision: the high-contrast theme by key, remembered; the canvas and panes follow it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from timeline_app.ui.app import theme
from timeline_app.ui.app.launch import create_main_window
from timeline_app.ui.app.main_window import MainWindow
from timeline_app.ui.drawing.palette import contrast_ratio, lane_color

from ..conftest import press, show_window

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def test_ctrl_shift_h_turns_high_contrast_on_and_it_is_remembered(qtbot, window: MainWindow) -> None:
    try:
        press(qtbot, window, Qt.Key.Key_H, CTRL_SHIFT)
        assert theme.is_high_contrast() and window.key_actions["high-contrast"].isChecked()
        pal = QApplication.palette()
        assert pal.color(QPalette.ColorRole.Base) == QColor("#000000")
        qtbot.waitUntil(lambda: window.canvas.colors().background == QColor("#000000"))
        colors = window.canvas.colors()
        assert colors.background == QColor("#000000") and colors.foreground == QColor("#ffffff")
        for cat in window.state.chronology.categories:  # every lane stands out from the black
            assert contrast_ratio(lane_color(cat.color, colors), colors.background) >= 3.0
        img = window.canvas.grab().toImage()
        assert img.pixelColor(img.width() // 2, img.height() // 3).lightness() < 60
        window.save_settings()
        again = show_window(qtbot, create_main_window(window.path))
        assert again.key_actions["high-contrast"].isChecked()
        press(qtbot, again, Qt.Key.Key_H, CTRL_SHIFT)
        assert not theme.is_high_contrast()
        assert QApplication.palette().color(QPalette.ColorRole.Base) != QColor("#000000")
    finally:
        theme.set_high_contrast(False)


def test_series_of_a_plot_differ_by_marker_shape_not_colour_alone(qtbot, shipped_window: MainWindow) -> None:
    w = shipped_window
    w.canvas.set_shown_plots([("PM2.5 annual mean concentration", "µg/m³")])
    plot = w.canvas.indicator_plots()[0]
    shapes = {s.indicator.region: {x for x in s.symbols() if x != "d"} for s in plot.series}
    assert shapes["Beijing"] == {"o"} and shapes["Tianjin"] == {"s"} and shapes["Hebei"] == {"t"}


def test_a_larger_system_font_enlarges_the_timeline_and_panes(qtbot, window: MainWindow) -> None:
    from PySide6.QtGui import QFont

    before = QApplication.font()
    lane_label_h = window.canvas.timeline_item().fonts.fm.height()
    try:
        big = QFont(before)
        big.setPointSizeF(before.pointSizeF() * 2)
        QApplication.setFont(big)
        qtbot.waitUntil(lambda: window.canvas.timeline_item().fonts.fm.height() > 1.6 * lane_label_h)
        assert window.detail.font().pointSizeF() == big.pointSizeF()
        assert window.search.field.font().pointSizeF() == big.pointSizeF()
        assert window.range_label.font().pointSizeF() == big.pointSizeF()
    finally:
        QApplication.setFont(before)
