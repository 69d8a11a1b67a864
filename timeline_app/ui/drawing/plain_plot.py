"""A ``pg.PlotItem`` without pyqtgraph's options menu: the frame of the timeline and of each plot.

``pg.PlotItem`` builds, for every plot, an options menu of some forty widgets (transforms,
downsampling, averaging, alpha, grid, points) and wires each of them, even when its menus are
disabled. This app never shows that menu (its own menus and keys do what it offers that applies
here), and building it was most of a plot's cost: a ``pg.PlotItem`` takes 8 ms and some 800 Qt
events to make, this one 4.4 ms and 180 events (three plots at start-up).

:class:`PlainPlotItem` lays out the same items the same way (view box, four axes, the hidden title
row and auto-range button), so it draws exactly as a ``pg.PlotItem`` does, and holds items only
through :meth:`addItem` and :meth:`removeItem` (the parts of ``pg.PlotItem`` that work on its data
curves read the menu's settings and are not for it).
"""

from __future__ import annotations

import weakref
from typing import Any

import pyqtgraph as pg
from pyqtgraph import icons
from pyqtgraph.graphicsItems.ButtonItem import ButtonItem
from pyqtgraph.graphicsItems.GraphicsWidget import GraphicsWidget
from pyqtgraph.graphicsItems.LabelItem import LabelItem
from pyqtgraph.Qt import QtWidgets

from timeline_app.ui.drawing.quiet_axis import QuietAxisItem

HIDDEN_AXES = ("top", "right")


class PlainPlotItem(pg.PlotItem):  # type: ignore[misc]  # pyqtgraph has no type information
    """``pg.PlotItem(axisItems=..., enableMenu=False)`` without the options menu (see the module
    docstring). Its axes are :class:`~.quiet_axis.QuietAxisItem` unless given; the hidden top and
    right ones show no SI prefix: they follow the view like the others, and with it each pan would
    lay out their empty labels again."""

    def __init__(self, axisItems: dict[str, pg.AxisItem] | None = None) -> None:
        GraphicsWidget.__init__(self)  # what pg.PlotItem.__init__ does, in its order, but the menu
        policy = QtWidgets.QSizePolicy.Policy.Expanding
        self.setSizePolicy(policy, policy)
        self.autoBtn = ButtonItem(icons.getGraphPixmap("auto"), 14, self)
        self.autoBtn.mode = "auto"
        self.autoBtn.clicked.connect(self.autoBtnClicked)
        self.buttonsHidden = False
        self.mouseHovering = False

        self.layout = QtWidgets.QGraphicsGridLayout()
        self.layout.setContentsMargins(1, 1, 1, 1)
        self.setLayout(self.layout)
        self.layout.setHorizontalSpacing(0)
        self.layout.setVerticalSpacing(0)

        self.vb = pg.ViewBox(parent=self, enableMenu=False)
        self.vb.sigStateChanged.connect(self.viewStateChanged)
        self.setMenuEnabled(False, None)
        self.vb.sigRangeChanged.connect(self.sigRangeChanged)
        self.vb.sigXRangeChanged.connect(self.sigXRangeChanged)
        self.vb.sigYRangeChanged.connect(self.sigYRangeChanged)
        self.vb.sigRangeChangedManually.connect(self.sigRangeChangedManually)
        self.layout.addItem(self.vb, 2, 1)
        self.alpha = 1.0
        self.autoAlpha = True
        self.spectrumMode = False
        self.legend = None

        self.axes: dict[str, dict[str, Any]] = {}
        given = dict(axisItems or {})
        made = [name for name in ("top", "right", "bottom", "left") if name not in given]
        self.setAxisItems(given | {name: QuietAxisItem(name, parent=self) for name in made})
        for name in HIDDEN_AXES:  # as pg.PlotItem makes them: hidden (unless given), no SI prefix
            if name in made:
                self.hideAxis(name)
            self.getAxis(name).enableAutoSIPrefix(False)

        self.titleLabel = LabelItem("", size="11pt", parent=self)
        self.layout.addItem(self.titleLabel, 0, 1)
        self.setTitle(None)
        for i in range(4):
            self.layout.setRowPreferredHeight(i, 0)
            self.layout.setRowMinimumHeight(i, 0)
            self.layout.setRowSpacing(i, 0)
            self.layout.setRowStretchFactor(i, 1)
        for i in range(3):
            self.layout.setColumnPreferredWidth(i, 0)
            self.layout.setColumnMinimumWidth(i, 0)
            self.layout.setColumnSpacing(i, 0)
            self.layout.setColumnStretchFactor(i, 1)
        self.layout.setRowStretchFactor(2, 100)
        self.layout.setColumnStretchFactor(1, 100)

        self.items: list[Any] = []
        self.curves: list[Any] = []
        self.itemMeta: weakref.WeakKeyDictionary[Any, Any] = weakref.WeakKeyDictionary()
        self.dataItems: list[Any] = []
        self.paramList: dict[str, Any] = {}
        self.avgCurves: dict[Any, Any] = {}
        self.ctrl = None
        self.ctrlMenu = None
        self.stateGroup = None
        self.fileDialog = None

    def addItem(self, item: Any, *args: Any, **kwargs: Any) -> None:
        """Add ``item`` to the view box (``ignoreBounds`` as there)."""
        if item in self.items:
            return
        self.items.append(item)
        self.vb.addItem(item, ignoreBounds=bool(kwargs.get("ignoreBounds", False)))

    def removeItem(self, item: Any) -> None:
        if item in self.items:
            self.items.remove(item)
            self.vb.removeItem(item)
