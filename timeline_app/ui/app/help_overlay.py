"""The ``?`` overlay: every key binding of the keymap, grouped, over a veil on the window.

It takes the keyboard while shown (no other shortcut fires) and closes on Esc, ``?``, F1 or a click.
Colours come from the palette, so it follows the system's light or dark appearance.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from timeline_app.text import escape_html as esc
from timeline_app.text import translate
from timeline_app.ui.app import key_docs, keymap

_CLOSE_KEYS = (Qt.Key.Key_Escape, Qt.Key.Key_Question, Qt.Key.Key_F1)


def _group_html(group: str, rows: list[key_docs.Row]) -> str:
    body = []
    for r in rows:
        where = f" <i>({esc(keymap.tr_key(r.where))})</i>" if r.where else ""
        keys = ", ".join(f"<b>{esc(k)}</b>" for k in r.keys)
        body.append(
            f'<tr><td style="padding-right:14px; white-space:nowrap">{keys}</td>'
            f"<td>{esc(keymap.tr_key(r.description))}{where}</td></tr>"
        )
    table = f'<table cellspacing="0" cellpadding="2">{"".join(body)}</table>'
    return f'<h3 style="margin-bottom:4px">{esc(keymap.tr_key(group))}</h3>{table}'


def balance(sizes: list[int], columns: int) -> list[list[int]]:
    """Split groups (by their number of rows, in order) into ``columns`` runs of similar height."""
    total = sum(sizes) + 2 * len(sizes)  # a heading counts for two rows
    target = total / max(columns, 1)
    out: list[list[int]] = [[]]
    height = 0
    for i, n in enumerate(sizes):
        h = n + 2
        if out[-1] and height + h / 2 > target and len(out) < columns:
            out.append([])
            height = 0
        out[-1].append(i)
        height += h
    return out


class HelpOverlay(QWidget):
    """A child of the window covering all of it; call :meth:`show_over` to show it."""

    closed = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("helpOverlay")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground, True)
        self._previous_focus: QWidget | None = None

        self.card = QFrame(self)
        self.card.setObjectName("helpCard")
        self.card.setAutoFillBackground(True)
        self.card.setBackgroundRole(QPalette.ColorRole.Base)
        self.card.setFrameShape(QFrame.Shape.StyledPanel)
        title = QLabel()
        f = title.font()
        f.setPointSizeF(f.pointSizeF() * 1.35)
        f.setBold(True)
        title.setFont(f)
        hint = QLabel()
        hint.setWordWrap(True)
        hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        columns = QHBoxLayout()
        columns.setSpacing(32)
        self.labels: list[QLabel] = []
        self._groups: list[tuple[str, list[key_docs.Row]]] = []
        by_group: dict[str, list[key_docs.Row]] = {}
        for r in key_docs.rows():
            by_group.setdefault(r.group, []).append(r)
        groups = list(by_group.items())
        for run in balance([len(rows) for _, rows in groups], 3):
            col = QVBoxLayout()
            col.setSpacing(10)
            for i in run:
                group, rows = groups[i]
                label = QLabel(_group_html(group, rows))  # its size hint from the start
                label.setTextFormat(Qt.TextFormat.RichText)
                label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
                label.setWordWrap(True)
                self.labels.append(label)
                self._groups.append((group, rows))
                col.addWidget(label)
            col.addStretch(1)
            columns.addLayout(col, 1)

        body = QWidget()
        body.setLayout(columns)
        body.setAutoFillBackground(False)
        self.scroll_area = QScrollArea()  # a small window scrolls the table instead of cutting it
        self.scroll_area.setWidget(body)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll_area.viewport().setAutoFillBackground(False)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._body = body
        self._title, self._hint = title, hint

        lay = QVBoxLayout(self.card)
        lay.setContentsMargins(24, 18, 24, 18)
        lay.addWidget(title)
        lay.addWidget(hint)
        lay.addSpacing(6)
        lay.addWidget(self.scroll_area, 1)
        self.retranslate()
        self.hide()
        parent.installEventFilter(self)

    def retranslate(self) -> None:
        """Every text of the overlay in the current language (again after a language change)."""
        self.setAccessibleName(translate("HelpOverlay", "Keyboard shortcuts"))
        self._title.setText(translate("HelpOverlay", "Keyboard shortcuts"))
        self._hint.setText(
            translate(
                "HelpOverlay",
                "Esc or ? closes this. The keys work wherever the focus is, "
                "except while you type in the search field.",
            )
        )
        for label, (group, rows) in zip(self.labels, self._groups, strict=True):
            label.setText(_group_html(group, rows))
        # a screen reader, on the focus, says "Keyboard shortcuts, dialog" and then this description
        # (the role is the accessibility factory's: timeline_app.ui.app.canvas_access)
        self.setAccessibleDescription(f"{self._hint.text()}\n{self.text()}")

    def changeEvent(self, e: QEvent) -> None:
        super().changeEvent(e)
        if e.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def text(self) -> str:
        """Everything the overlay lists, as plain text (for tests and screen readers)."""
        from PySide6.QtGui import QTextDocument

        out = []
        for label in self.labels:
            doc = QTextDocument()
            doc.setHtml(label.text())
            out.append(doc.toPlainText())
        return "\n".join(out)

    # -- showing -----------------------------------------------------------------------------------
    def show_over(self) -> None:
        parent = self.parentWidget()
        if parent is None:
            return
        from PySide6.QtWidgets import QApplication

        focus = QApplication.focusWidget()
        self._previous_focus = focus if focus is not None and focus is not self else None
        self.setGeometry(parent.rect())
        self._place_card()
        self.show()
        self.raise_()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def close_overlay(self) -> None:
        if not self.isVisible():
            return
        self.hide()
        prev = self._previous_focus
        self._previous_focus = None
        if prev is not None:
            prev.setFocus(Qt.FocusReason.OtherFocusReason)
        self.closed.emit()

    def _place_card(self) -> None:
        body = self._body.sizeHint()
        margins = 24 * 2
        w = min(max(body.width() + margins + 24, 600), max(self.width() - 40, 200))
        self.card.setFixedWidth(w)
        inner = w - margins
        body_h = self._body.heightForWidth(inner) if self._body.hasHeightForWidth() else body.height()
        lay = self.card.layout()
        spacing = max(lay.spacing(), 0) if lay is not None else 0
        head = 18 * 2 + self._title.sizeHint().height() + self._hint.heightForWidth(inner) + 6 + 3 * spacing
        h = min(head + max(body_h, 0) + 4, self.height() - 40)
        self.card.setFixedHeight(max(h, 100))
        self.card.move((self.width() - w) // 2, max((self.height() - self.card.height()) // 2, 20))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        parent = self.parentWidget()
        resized = event.type() == QEvent.Type.Resize
        if parent is not None and watched is parent and resized and self.isVisible():
            self.setGeometry(parent.rect())
            self._place_card()
        return False

    # -- painting and input ------------------------------------------------------------------------
    def paintEvent(self, e: QPaintEvent) -> None:
        p = QPainter(self)
        veil = QColor(self.palette().color(QPalette.ColorRole.Window))
        veil.setAlpha(200)
        p.fillRect(self.rect(), veil)
        shade = QColor(self.palette().color(QPalette.ColorRole.Shadow))
        shade.setAlpha(60)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = QRectF(self.card.geometry()).adjusted(-3, -3, 3, 5)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(shade)
        p.drawRoundedRect(r, 6, 6)
        p.end()

    def event(self, e: QEvent) -> bool:
        # while shown, the overlay has the keyboard: no window shortcut fires underneath it
        if e.type() == QEvent.Type.ShortcutOverride and isinstance(e, QKeyEvent):
            e.accept()
            return True
        return super().event(e)

    def keyPressEvent(self, e: QKeyEvent) -> None:
        if e.key() in _CLOSE_KEYS:
            self.close_overlay()
            return
        e.accept()

    def mousePressEvent(self, e: QMouseEvent) -> None:
        self.close_overlay()
        e.accept()
