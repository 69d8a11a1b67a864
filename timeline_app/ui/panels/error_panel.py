"""A bar under the timeline that lists what is wrong with the chronology's files.

It never blocks: the viewer keeps showing the last chronology that loaded while the panel lists the
problems, each as ``file:line:column: message``. A problem can be copied (Ctrl+C, the context menu,
or "Copy all") or opened in the system's editor for that file (double-click or Enter). Fixing the
file hides the panel by itself.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QPoint, Qt, QUrl, Signal
from PySide6.QtGui import (
    QDesktopServices,
    QFontDatabase,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSizePolicy,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from timeline_app.text import translate

_FILE_ROLE = Qt.ItemDataRole.UserRole
_LIST_KEYS = {
    Qt.Key.Key_Up,
    Qt.Key.Key_Down,
    Qt.Key.Key_Home,
    Qt.Key.Key_End,
    Qt.Key.Key_PageUp,
    Qt.Key.Key_PageDown,
    Qt.Key.Key_Return,
    Qt.Key.Key_Enter,
}


class ProblemList(QListWidget):
    """The problems, one a line, in a fixed-width font. Keeps its own list keys while focused."""

    copy_requested = Signal()

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ShortcutOverride and isinstance(e, QKeyEvent):
            no_mods = e.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
            if (no_mods and e.key() in _LIST_KEYS) or e.matches(QKeySequence.StandardKey.Copy):
                e.accept()
                return True
        return super().event(e)

    def keyPressEvent(self, e: QKeyEvent) -> None:
        if e.matches(QKeySequence.StandardKey.Copy):
            self.copy_requested.emit()
            return
        if e.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentItem() is not None:
            self.itemActivated.emit(self.currentItem())
            return
        super().keyPressEvent(e)


class ErrorPanel(QFrame):
    """Non-modal list of problems. ``retry_requested`` asks the window to try loading again."""

    retry_requested = Signal()
    hidden_by_user = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("errorPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)

        icon = QLabel()
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(size, size)
        )
        self.header = QLabel()
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.header.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

        self.copy_button = QPushButton()
        self.copy_button.clicked.connect(self.copy_all)
        self.retry_button = QPushButton()
        self.retry_button.clicked.connect(self.retry_requested)
        self._close = close = QToolButton()
        close.setAutoRaise(True)
        close.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_TitleBarCloseButton))
        close.clicked.connect(self._hide_by_user)

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.header, 1)
        top.addWidget(self.copy_button)
        top.addWidget(self.retry_button)
        top.addWidget(close)

        self.list = ProblemList()
        self.list.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._context_menu)
        self.list.itemActivated.connect(self._open_item)
        self.list.copy_requested.connect(self.copy_selected)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 6, 8, 6)
        lay.addLayout(top)
        lay.addWidget(self.list)
        self.retranslate()
        self.hide()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def retranslate(self) -> None:
        """Every fixed text of the panel in the current language (again after a language change)."""
        self.setAccessibleName(translate("ErrorPanel", "Problems in the chronology files"))
        self.copy_button.setText(translate("ErrorPanel", "Copy all"))
        self.copy_button.setToolTip(translate("ErrorPanel", "Copy every problem to the clipboard"))
        self.retry_button.setText(translate("ErrorPanel", "Try again"))
        self.retry_button.setToolTip(translate("ErrorPanel", "Read the files again (F5)"))
        self._close.setToolTip(
            translate("ErrorPanel", "Hide this panel (the status bar still shows the problems)")
        )
        self._close.setAccessibleName(translate("ErrorPanel", "Hide problems"))
        self.list.setToolTip(translate("ErrorPanel", "Double-click or Enter: open the file · Ctrl+C: copy"))
        self.list.setAccessibleName(translate("ErrorPanel", "Problems"))

    def changeEvent(self, e: QEvent) -> None:
        super().changeEvent(e)
        if e.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    # -- the focus ring -------------------------------------------------------------------------------
    def _focus_changed(self, *_: object) -> None:
        self.update()

    def paintEvent(self, e: QPaintEvent) -> None:
        super().paintEvent(e)
        w = QApplication.focusWidget()
        if w is not None and self.isAncestorOf(w):
            p = QPainter(self)
            p.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 2))
            p.drawRect(self.rect().adjusted(1, 1, -1, -1))
            p.end()

    # -- content -----------------------------------------------------------------------------------
    def show_problems(self, header: str, lines: Sequence[str], files: Sequence[str | None] = ()) -> None:
        """Show ``lines`` (``file:line:col: message``) under ``header``; ``files`` are the files they name."""
        self._fill(header, lines, files)
        self.show()

    def say_again(self, header: str, lines: Sequence[str], files: Sequence[str | None] = ()) -> None:
        """The same problems in other words (after a language change): the row selected stays
        selected, and the panel stays shown or hidden."""
        row = self.list.currentRow()
        self._fill(header, lines, files)
        if 0 <= row < self.list.count():
            self.list.setCurrentRow(row)

    def _fill(self, header: str, lines: Sequence[str], files: Sequence[str | None]) -> None:
        self.header.setText(header)
        self.list.clear()
        for i, line in enumerate(lines):
            item = QListWidgetItem(line)
            f = files[i] if i < len(files) else None
            if f:
                item.setData(_FILE_ROLE, f)
            self.list.addItem(item)
        rows = min(max(self.list.count(), 1), 6)
        self.list.setFixedHeight(self.list.sizeHintForRow(0) * rows + 2 * self.list.frameWidth() + 4)

    def clear(self) -> None:
        self.list.clear()
        self.header.clear()
        self.hide()

    def lines(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def has_problems(self) -> bool:
        return self.list.count() > 0

    # -- copying and opening -----------------------------------------------------------------------
    def copy_all(self) -> None:
        QGuiApplication.clipboard().setText("\n".join(self.lines()) + "\n")

    def copy_selected(self) -> None:
        items = self.list.selectedItems() or ([self.list.currentItem()] if self.list.currentItem() else [])
        if items:
            QGuiApplication.clipboard().setText("\n".join(i.text() for i in items) + "\n")

    def _open_item(self, item: QListWidgetItem) -> None:
        f = item.data(_FILE_ROLE)
        if f and os.path.isfile(f):
            QDesktopServices.openUrl(QUrl.fromLocalFile(os.path.abspath(f)))

    def _context_menu(self, pos: QPoint) -> None:
        item = self.list.itemAt(pos)
        menu = QMenu(self)
        menu.addAction(translate("ErrorPanel", "Copy"), self.copy_selected).setEnabled(item is not None)
        menu.addAction(translate("ErrorPanel", "Copy all"), self.copy_all)
        if item is not None and item.data(_FILE_ROLE):
            menu.addAction(translate("ErrorPanel", "Open the file"), lambda: self._open_item(item))
        menu.popup(self.list.viewport().mapToGlobal(pos))

    def _hide_by_user(self) -> None:
        self.hide()
        self.hidden_by_user.emit()
