"""The plot frame without pyqtgraph's options menu draws exactly as a ``pg.PlotItem`` does."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QColor, QImage, QPainter
from pytestqt.qtbot import QtBot

from timeline_app.ui.drawing.plain_plot import PlainPlotItem
from timeline_app.ui.drawing.quiet_axis import QuietAxisItem


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


def test_a_hidden_axis_label_is_written_when_shown(qtbot: QtBot) -> None:
    """The axes write their label's HTML only while it is shown (pyqtgraph wrote it at every pen or
    scale change, shown or not), and show what a pyqtgraph axis shows once it is shown."""
    axis, plain = QuietAxisItem("left"), pg.AxisItem("left")
    written: list[str] = []
    real = axis.label.setHtml
    axis.label.setHtml = lambda html: (written.append(html), real(html))[1]

    def both(step: str, *args: object) -> None:
        for a in (axis, plain):
            getattr(a, step)(*args)

    def shows() -> str:
        assert axis.label.isVisible() == plain.label.isVisible()
        assert axis.width() == plain.width()
        return axis.label.toPlainText() if axis.label.isVisible() else ""

    axis.labelText = plain.labelText = "PM2.5"
    for step, arg in (("setPen", "r"), ("setTextPen", "b"), ("setScale", 2.0)):
        both(step, arg)
    assert written == [] and shows() == ""
    both("showLabel", True)
    assert shows() == plain.label.toPlainText() and "PM2.5" in shows()
    both("setLabel", "µg/m³")
    assert shows() == plain.label.toPlainText() and "µg/m³" in shows()
    both("showLabel", False)
    count = len(written)
    both("setPen", "g")
    assert len(written) == count
    both("setLabel", "mm", None)  # a new text: shown by setLabel
    assert shows() == plain.label.toPlainText() and "mm" in shows()
    both("showLabel", False)
    count = len(written)
    axis.labelText = plain.labelText = "days"
    both("setScale", 3.0)
    assert len(written) == count and shows() == ""
    both("showLabel", True)
    assert shows() == plain.label.toPlainText() and "days" in shows()
