"""The indicator plots of the canvas, made when first shown and kept for the next chronology.

Making a ``pg.PlotItem`` costs some 20 ms, more than a frame, so a plot is made the first time
its group is shown, and when another chronology comes in, the plots of the previous one wait in a
pool (unlinked from the view) to show the new one's groups. Beyond :attr:`PlotPool.KEPT` waiting
plots, the oldest are deleted: a plot's signals hold closures over it, so only deleting the Qt
object frees it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pyqtgraph as pg

from timeline_app.geometry.series_lod import SeriesArrays
from timeline_app.model.chronology import Indicator
from timeline_app.ui.plots.chooser import PlotKey
from timeline_app.ui.plots.protocol import Plot


class PlotPool:
    """The plots by group for the chronology shown, and those waiting to be reused."""

    KEPT: int = 8  # plots kept for reuse beyond those of the chronology shown

    def __init__(
        self, make: Callable[[PlotKey, list[Indicator]], Plot], layout: pg.GraphicsLayout, view: pg.ViewBox
    ) -> None:
        self._make = make  # a new plot for a group, its signals connected
        self._layout = layout
        self._view = view  # the timeline's view, which every shown plot follows (X link)
        self._plots: dict[PlotKey, Plot] = {}
        self._waiting: list[Plot] = []

    def get(self, key: PlotKey) -> Plot | None:
        """The plot of ``key`` if it was made for this chronology."""
        return self._plots.get(key)

    def take(
        self, key: PlotKey, inds: list[Indicator], colors: dict[str, str], series: dict[str, SeriesArrays]
    ) -> Plot:
        """A plot for group ``key``: a waiting one given the group's data, or a new one."""
        if self._waiting:
            pl = self._waiting.pop(0)
            pl.set_data(key, inds, colors, series)
        else:
            pl = self._make(key, inds)
        pl.plot.getViewBox().setXLink(self._view)
        self._plots[key] = pl
        return pl

    def renew(self, shown_before: list[PlotKey]) -> None:
        """A new chronology: every plot made so far waits for reuse, those shown first."""
        old = [self._plots[k] for k in shown_before if k in self._plots]
        old += [pl for k, pl in self._plots.items() if k not in shown_before]
        for pl in old:
            pl.plot.getViewBox().setXLink(None)  # a waiting plot does not follow the view
        self._waiting = old + self._waiting
        self._plots = {}

    def trim(self) -> None:
        """Delete the waiting plots beyond :attr:`KEPT`."""
        while len(self._waiting) > self.KEPT:
            pl = self._waiting.pop()
            if pl.plot.scene() is not None:
                self._layout.removeItem(pl.plot)
            pl.plot.deleteLater()

    def current(self) -> Iterator[Plot]:
        """The plots made for the chronology shown."""
        return iter(list(self._plots.values()))

    def every(self) -> list[Plot]:
        """Every plot alive: made for this chronology, then waiting."""
        return [*self._plots.values(), *self._waiting]
