"""The plot frame without pyqtgraph's options menu draws exactly as a ``pg.PlotItem`` does."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QColor, QImage, QPainter
from pytestqt.qtbot import QtBot

from timeline_app.ui.drawing.plain_plot import PlainPlotItem


def _render(plot: pg.PlotItem, qtbot: QtBot) -> QImage:
    view = pg.GraphicsLayoutWidget()
    qtbot.addWidget(view)
    view.setBackground("w")
    view.resize(420, 260)
    view.addItem(plot)
    plot.setLabel("left", "µg/m³")
    plot.getAxis("left").setWidth(60)
    plot.addItem(pg.InfiniteLine(pos=3.0, angle=90, pen="r"), ignoreBounds=True)
    curve = pg.PlotCurveItem(np.arange(10.0), np.arange(10.0) ** 1.5, pen="b")
    plot.addItem(curve)
    plot.getViewBox().setRange(xRange=(0, 9), yRange=(0, 30), padding=0)
    view.show()
    qtbot.waitExposed(view)
    image = QImage(view.size(), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    view.render(painter)
    painter.end()
    return image


def test_it_draws_the_pixels_a_plot_item_draws(qtbot: QtBot) -> None:
    bottom = {"bottom": pg.AxisItem("bottom")}
    expected = _render(pg.PlotItem(axisItems=bottom, enableMenu=False), qtbot)
    got = _render(PlainPlotItem(axisItems={"bottom": pg.AxisItem("bottom")}), qtbot)
    assert got == expected
    # and it drew something: the red event line and the blue curve are there
    colors = {got.pixelColor(x, y).name() for x in range(420) for y in range(0, 260, 3)}
    assert "#ff0000" in colors and "#0000ff" in colors


def test_it_builds_no_options_menu_and_hides_the_extra_axes() -> None:
    plot = PlainPlotItem()
    assert plot.ctrl is None and plot.ctrlMenu is None and not plot.menuEnabled()
    assert plot.getAxis("left").isVisible() and plot.getAxis("bottom").isVisible()
    assert not plot.getAxis("top").isVisible() and not plot.getAxis("right").isVisible()
    assert not plot.getAxis("top").autoSIPrefix and not plot.getAxis("right").autoSIPrefix


def test_items_come_and_go_through_the_view_box() -> None:
    plot = PlainPlotItem()
    line = pg.InfiniteLine(pos=1.0)
    plot.addItem(line, ignoreBounds=True)
    plot.addItem(line)  # once only
    assert plot.items == [line] and line.parentItem() is plot.getViewBox().childGroup
    plot.removeItem(line)
    assert plot.items == [] and line.parentItem() is None
