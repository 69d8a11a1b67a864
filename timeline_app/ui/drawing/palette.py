"""Canvas colours derived from the application's QPalette, so the canvas follows light and dark.

Everything the canvas paints that is not a lane colour comes from :class:`CanvasColors`, built by
:meth:`CanvasColors.from_palette`. Lane colours come from the data (``Category.color``) and go
through :func:`lane_color`, which nudges their lightness until they stand out from the background
(a contrast ratio of at least 3:1, the WCAG figure for graphics). Text is always drawn in the
palette's text colour (or black/white on a filled shape, :func:`text_on`), never in a lane colour,
so labels keep their contrast in both palettes.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from functools import lru_cache
from typing import Any

from PySide6 import QtGui


def mix(a: QtGui.QColor, b: QtGui.QColor, t: float) -> QtGui.QColor:
    """``a`` moved a fraction ``t`` of the way towards ``b`` (alpha too)."""
    return QtGui.QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * t,
        a.greenF() + (b.greenF() - a.greenF()) * t,
        a.blueF() + (b.blueF() - a.blueF()) * t,
        a.alphaF() + (b.alphaF() - a.alphaF()) * t,
    )


def with_alpha(c: QtGui.QColor, alpha: float) -> QtGui.QColor:
    out = QtGui.QColor(c)
    out.setAlphaF(max(0.0, min(1.0, alpha)))
    return out


def _linear(v: float) -> float:
    return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4


def luminance(c: QtGui.QColor) -> float:
    """Relative luminance (WCAG), 0 for black to 1 for white."""
    return 0.2126 * _linear(c.redF()) + 0.7152 * _linear(c.greenF()) + 0.0722 * _linear(c.blueF())


def contrast_ratio(a: QtGui.QColor, b: QtGui.QColor) -> float:
    la, lb = luminance(a), luminance(b)
    hi, lo = max(la, lb), min(la, lb)
    return (hi + 0.05) / (lo + 0.05)


def text_on(fill: QtGui.QColor) -> QtGui.QColor:
    """Black or white, whichever reads better on ``fill``."""
    black, white = QtGui.QColor(0, 0, 0), QtGui.QColor(255, 255, 255)
    return black if contrast_ratio(fill, black) >= contrast_ratio(fill, white) else white


@lru_cache(maxsize=512)
def _adjusted(hex_color: str, bg_rgb: int, min_ratio: float) -> int:
    c = QtGui.QColor(hex_color)
    if not c.isValid():
        c = QtGui.QColor("#808080")
    bg = QtGui.QColor.fromRgb(bg_rgb)
    dark_bg = luminance(bg) < 0.5
    h, s, light, a = c.hslHueF(), c.hslSaturationF(), c.lightnessF(), c.alphaF()
    step = 0.04 if dark_bg else -0.04
    for _ in range(25):
        if contrast_ratio(c, bg) >= min_ratio:
            break
        light = min(1.0, max(0.0, light + step))
        c = QtGui.QColor.fromHslF(max(h, 0.0), s, light, a)
    return c.rgba()


def lane_color(hex_color: str, colors: CanvasColors, min_ratio: float = 3.0) -> QtGui.QColor:
    """The data's lane colour, lightened (dark palette) or darkened (light palette) just enough to
    stand out from the canvas background."""
    return QtGui.QColor.fromRgba(_adjusted(hex_color, colors.background.rgb(), min_ratio))


@dataclass(frozen=True)
class CanvasColors:
    """Every non-data colour of the canvas."""

    background: QtGui.QColor
    foreground: QtGui.QColor  # text, axes
    muted: QtGui.QColor  # secondary text (hidden lanes, era titles)
    grid: QtGui.QColor
    grid_major: QtGui.QColor
    lane_stripe: QtGui.QColor  # every other lane
    separator: QtGui.QColor  # between lanes
    selection: QtGui.QColor  # ring around the selected event, its marker on plots
    match: QtGui.QColor  # search matches
    today: QtGui.QColor
    era: QtGui.QColor  # eras without a colour of their own
    crosshair: QtGui.QColor
    panel: QtGui.QColor  # background of read-outs and legends
    is_dark: bool

    @classmethod
    def from_palette(cls, pal: QtGui.QPalette) -> CanvasColors:
        role = QtGui.QPalette.ColorRole
        bg = QtGui.QColor(pal.color(role.Base))
        fg = QtGui.QColor(pal.color(role.Text))
        if contrast_ratio(bg, fg) < 4.5:  # a broken palette: fall back to something readable
            fg = text_on(bg)
        dark = luminance(bg) < luminance(fg)
        sel = QtGui.QColor(pal.color(role.Highlight))
        if contrast_ratio(sel, bg) < 2.5:
            sel = QtGui.QColor("#3d8bfd") if dark else QtGui.QColor("#0a58ca")
        match = QtGui.QColor("#ffb000") if dark else QtGui.QColor("#d97706")
        return cls(
            background=bg,
            foreground=fg,
            muted=mix(fg, bg, 0.45),
            grid=with_alpha(mix(fg, bg, 0.5), 0.18),
            grid_major=with_alpha(mix(fg, bg, 0.4), 0.32),
            lane_stripe=mix(bg, fg, 0.035 if not dark else 0.05),
            separator=with_alpha(mix(fg, bg, 0.5), 0.35),
            selection=sel,
            match=match,
            today=QtGui.QColor("#e15759") if not dark else QtGui.QColor("#ff7b7b"),
            era=mix(bg, QtGui.QColor("#8c7ae6"), 0.16 if not dark else 0.22),
            crosshair=with_alpha(fg, 0.55),
            panel=with_alpha(mix(bg, fg, 0.06), 0.88),
            is_dark=dark,
        )

    @classmethod
    def from_application(cls) -> CanvasColors:
        """The colours of the application's palette (worked out once per palette: the overview band
        asks at every frame)."""
        app = QtGui.QGuiApplication.instance()
        pal = app.palette() if isinstance(app, QtGui.QGuiApplication) else QtGui.QPalette()
        key = pal.cacheKey()
        hit = _FROM_APPLICATION.get(key)
        if hit is None:
            _FROM_APPLICATION.clear()
            hit = _FROM_APPLICATION[key] = cls.from_palette(pal)
        # a copy of each colour: the caller may change its own (QColor is mutable)
        colors: dict[str, Any] = {
            f.name: QtGui.QColor(getattr(hit, f.name)) for f in fields(hit) if f.name != "is_dark"
        }
        return replace(hit, **colors)


_FROM_APPLICATION: dict[int, CanvasColors] = {}


def era_color(hex_color: str, colors: CanvasColors) -> QtGui.QColor:
    """A soft background band for an era: its own colour (if any) blended into the background."""
    if not hex_color:
        return colors.era
    c = QtGui.QColor(hex_color)
    if not c.isValid():
        return colors.era
    return mix(colors.background, c, 0.45 if not colors.is_dark else 0.25)
