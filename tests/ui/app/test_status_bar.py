"""The status bar follows every step of a movement without laying itself out again at each one."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtWidgets import QApplication, QLabel

from timeline_app.ui.app import language
from timeline_app.ui.app.main_window import MainWindow

from ..conftest import press

K = Qt.Key


class _Count(QObject):
    """Counts the layout requests the status bar receives."""

    def __init__(self) -> None:
        super().__init__()
        self.layouts = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            self.layouts += 1
        return False


def _natural(label: QLabel) -> QSize:
    """The size a label of the same font and style asks for the same text."""
    twin = QLabel(label.text())
    twin.setFont(label.font())
    twin.setStyleSheet(label.styleSheet())
    twin.setContentsMargins(label.contentsMargins())
    twin.setIndent(label.indent())
    twin.setMargin(label.margin())
    return twin.sizeHint().boundedTo(QSize(_ANY, label.height()))


_ANY = (1 << 24) - 1


def _texts(w: MainWindow) -> tuple[str, str]:
    return w.range_label.text(), w.count_label.text()


def test_panning_changes_the_texts_but_not_the_layout(qtbot, window: MainWindow) -> None:
    press(qtbot, window, K.Key_W)  # into the chronology: events leave and enter the view as it pans
    press(qtbot, window, K.Key_W)
    for _ in range(6):  # the labels have grown to the widest texts of this stretch
        press(qtbot, window, K.Key_D)
    for _ in range(6):
        press(qtbot, window, K.Key_A)
    QApplication.processEvents()
    count = _Count()
    window.statusBar().installEventFilter(count)
    seen = {_texts(window)}
    for key in [K.Key_D] * 6 + [K.Key_A] * 6:
        press(qtbot, window, key)
        QApplication.processEvents()
        seen.add(_texts(window))
        for label in (window.range_label, window.count_label):  # as wide as the text asks
            assert label.size().expandedTo(_natural(label)) == label.size()
    window.statusBar().removeEventFilter(count)
    assert len(seen) > 6  # the dates changed at every step, and the count too
    assert count.layouts == 0
    for label in (window.range_label, window.count_label):  # and every text is shown whole
        assert label.width() >= label.fontMetrics().horizontalAdvance(label.text())


def test_a_text_that_needs_more_room_gets_it(qtbot, window: MainWindow) -> None:
    label = window.count_label
    before = label.width()
    label.setText(label.text() + " · and a good deal more to say")
    assert label.width() > before
    assert label.width() >= label.fontMetrics().horizontalAdvance(label.text())


def test_another_language_fits_its_own_texts(qtbot, window: MainWindow) -> None:
    english = window.count_label.width()
    assert window.count_label.width() >= window.count_label.sizeHint().width()
    language.apply_language(language.CHINESE)
    QApplication.processEvents()
    assert window.count_label.text() == "视图中 7 / 7 个事件"
    assert window.count_label.width() == window.count_label.sizeHint().width() != english
