"""Saved views (Ctrl+D, Go ▸ Saved views…): name the current view and come back to it.

One small dialog: a field to name the view shown (Enter saves it; the same name replaces), and the
list of the chronology's saved views (Enter or a double click returns to one, Delete removes it),
with Export… and Import… of a small JSON file (:mod:`timeline_app.model.saved_views`). The views
are kept per chronology in the user's settings by the window, which owns the list; the dialog asks
it through :class:`ViewStore`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from timeline_app.model import saved_views
from timeline_app.model.goto import period_words
from timeline_app.model.saved_views import SavedView, ViewFileError
from timeline_app.text import fill, translate


class ViewStore(Protocol):
    """What the dialog asks of the window."""

    def saved_views(self) -> list[SavedView]: ...
    def save_current_view(self, name: str) -> SavedView | None: ...
    def set_saved_views(self, views: list[SavedView]) -> None: ...
    def show_saved_view(self, view: SavedView) -> None: ...
    def owns_file(self, path: Path) -> bool: ...  # one of the chronology's own files


def describe(view: SavedView) -> str:
    """One line for the list: the name, the dates, what else the view holds."""
    parts = [period_words(view.start, view.end)]
    chips = len(view.filter.chips()) + len(view.hidden_lanes)
    if chips:
        parts.append(translate("SavedViews", "%Ln filter(s)", None, chips))
    if view.selected:
        parts.append(translate("SavedViews", "a selection"))
    return f"{view.name} — {' · '.join(parts)}"


class SavedViewsDialog(QDialog):
    def __init__(self, store: ViewStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setObjectName("savedViews")
        self.setWindowTitle(translate("SavedViews", "Saved views"))
        self.name = QLineEdit()
        self.name.setObjectName("viewName")
        self.name.setAccessibleName(translate("SavedViews", "Name of the view shown"))
        self.name.setPlaceholderText(translate("SavedViews", "Name this view, then Enter"))
        name_label = QLabel(translate("SavedViews", "&Save the view shown as:"))
        name_label.setBuddy(self.name)
        self.list = QListWidget()
        self.list.setObjectName("viewList")
        self.list.setAccessibleName(translate("SavedViews", "Saved views"))
        list_label = QLabel(translate("SavedViews", "&Return to a view (Enter; Delete removes it):"))
        list_label.setBuddy(self.list)
        self.message = QLabel()
        self.message.setObjectName("viewsMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.export_button = QPushButton(translate("SavedViews", "&Export…"))
        self.import_button = QPushButton(translate("SavedViews", "&Import…"))
        close = QPushButton(translate("SavedViews", "Close"))
        for b in (self.export_button, self.import_button, close):
            b.setAutoDefault(False)
        self.export_button.clicked.connect(self._export_dialog)
        self.import_button.clicked.connect(self._import_dialog)
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        lay = QVBoxLayout(self)
        lay.addWidget(name_label)
        lay.addWidget(self.name)
        lay.addWidget(list_label)
        lay.addWidget(self.list, 1)
        lay.addWidget(self.message)
        lay.addLayout(buttons)
        self.list.itemActivated.connect(self._go)
        self.list.installEventFilter(self)
        self.setMinimumSize(420, 320)

    # -- showing -------------------------------------------------------------------------------------
    def open_dialog(self) -> None:
        self.refresh()
        self.message.clear()
        self.name.clear()
        self.show()
        self.activateWindow()
        self.name.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def refresh(self) -> None:
        current = self.list.currentRow()
        self.list.clear()
        for v in self.store.saved_views():
            item = QListWidgetItem(describe(v))
            item.setData(Qt.ItemDataRole.UserRole, v.name)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(max(0, min(current, self.list.count() - 1)))
        self.export_button.setEnabled(self.list.count() > 0)

    def names(self) -> list[str]:
        return [str(self.list.item(k).data(Qt.ItemDataRole.UserRole)) for k in range(self.list.count())]

    # -- keys ----------------------------------------------------------------------------------------
    def keyPressEvent(self, e: QKeyEvent) -> None:
        if e.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.name.hasFocus():
            self.save(self.name.text())
        else:
            super().keyPressEvent(e)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.list
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
        ):
            self.remove_current()
            return True
        return super().eventFilter(watched, event)

    # -- commands ------------------------------------------------------------------------------------
    def save(self, name: str) -> None:
        if not name.strip():
            self.message.setText(translate("SavedViews", "Type a name for the view first."))
            return
        view = self.store.save_current_view(name)
        if view is None:
            return
        self.refresh()
        self.list.setCurrentRow(self.names().index(view.name))
        self.name.clear()
        self.message.setText(fill(translate("SavedViews", "Saved “%1”."), view.name))

    def _go(self, item: QListWidgetItem) -> None:
        found = saved_views.find(self.store.saved_views(), str(item.data(Qt.ItemDataRole.UserRole)))
        if found is not None:
            self.store.show_saved_view(found)
            self.accept()

    def remove_current(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        name = str(item.data(Qt.ItemDataRole.UserRole))
        self.store.set_saved_views([v for v in self.store.saved_views() if v.name != name])
        self.refresh()
        self.message.setText(fill(translate("SavedViews", "Removed “%1”."), name))

    def export_to(self, path: Path) -> bool:
        """Write every saved view to ``path`` (a small JSON file; never one of the chronology's)."""
        if self.store.owns_file(path):
            self.message.setText(
                translate("SavedViews", "That is one of the chronology's own files; choose another name.")
            )
            return False
        try:
            path.write_text(saved_views.dumps(self.store.saved_views()), encoding="utf-8")
        except OSError as e:
            self.message.setText(
                fill(translate("SavedViews", "Could not write %1: %2"), path, e.strerror or e)
            )
            return False
        n = len(self.store.saved_views())
        self.message.setText(fill(translate("SavedViews", "Exported %Ln view(s) to %1.", None, n), path.name))
        return True

    def import_from(self, path: Path) -> bool:
        """Add the views of ``path`` (one of the same name is replaced); say what went wrong in place."""
        try:
            found = saved_views.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ViewFileError) as e:
            self.message.setText(fill(translate("SavedViews", "Could not import %1: %2"), path.name, e))
            return False
        views = self.store.saved_views()
        for v in found:
            views = saved_views.with_view(views, v)
        self.store.set_saved_views(views)
        self.refresh()
        imported = len(found)
        self.message.setText(
            fill(translate("SavedViews", "Imported %Ln view(s) from %1.", None, imported), path.name)
        )
        return True

    def _export_dialog(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            translate("SavedViews", "Export saved views"),
            str(Path.home() / "views.json"),
            translate("SavedViews", "Views (*.json)"),
        )
        if name:
            self.export_to(Path(name))

    def _import_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            translate("SavedViews", "Import saved views"),
            str(Path.home()),
            translate("SavedViews", "Views (*.json);;All files (*)"),
        )
        if name:
            self.import_from(Path(name))
