"""The high-contrast theme (View ▸ High contrast, Ctrl+Shift+H, remembered in the settings).

White text on black, yellow for the selection and the focus, cyan links: the colours of the
high-contrast themes of GNOME and Windows. It is an application palette, so everything that
follows the palette follows it: the canvas (:class:`~timeline_app.ui.drawing.palette.CanvasColors`
lifts every lane colour to a 3:1 contrast with the black), the plots, the panes and their focus
rings. Turned off, the palette the application started with comes back.

Fonts are never set here nor anywhere in the viewer in pixels or fixed points: every font is the
system's (or a fraction of it), so a larger system font makes the whole window larger.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

_original: QPalette | None = None
_on = False


def high_contrast_palette() -> QPalette:
    black, white = QColor("#000000"), QColor("#ffffff")
    yellow, cyan, grey = QColor("#ffff00"), QColor("#00ffff"), QColor("#c0c0c0")
    pal = QPalette()
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    for g in (group.Active, group.Inactive):
        for r, c in (
            (role.Window, black),
            (role.WindowText, white),
            (role.Base, black),
            (role.AlternateBase, QColor("#1a1a1a")),
            (role.Text, white),
            (role.Button, black),
            (role.ButtonText, white),
            (role.BrightText, yellow),
            (role.Highlight, yellow),
            (role.HighlightedText, black),
            (role.Link, cyan),
            (role.LinkVisited, QColor("#ff80ff")),
            (role.ToolTipBase, black),
            (role.ToolTipText, white),
            (role.PlaceholderText, grey),
            (role.Mid, white),
            (role.Dark, white),
            (role.Light, white),
            (role.Midlight, grey),
            (role.Shadow, white),
        ):
            pal.setColor(g, r, c)
    for r in (role.WindowText, role.Text, role.ButtonText):
        pal.setColor(group.Disabled, r, grey)
    for r in (role.Window, role.Base, role.Button):
        pal.setColor(group.Disabled, r, black)
    return pal


def is_high_contrast() -> bool:
    return _on


def set_high_contrast(on: bool) -> None:
    """Put the high-contrast palette on the application, or the one it had before."""
    global _original, _on
    app = QApplication.instance()
    if not isinstance(app, QApplication) or on == _on:
        return
    if on:
        _original = QPalette(app.palette())
        app.setPalette(high_contrast_palette())
    else:
        app.setPalette(_original if _original is not None else QPalette())
    _on = on


__all__ = ["high_contrast_palette", "is_high_contrast", "set_high_contrast"]
