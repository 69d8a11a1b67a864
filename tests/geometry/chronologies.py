"""Chronologies for the view tests: a small one with eras and indicators, a crowded one (no Qt)."""

from __future__ import annotations

import numpy as np

from timeline_app.model import (
    Category,
    Chronology,
    Era,
    Event,
    Indicator,
    IndicatorPoint,
    PartialDate,
)
from timeline_app.model.dates import days_from_civil


def P(text: str) -> PartialDate:
    return PartialDate.parse(text)


def day(text: str) -> float:
    return float(P(text).first_day())


CATS = (
    Category("planning", "Planning", "#4e79a7", 1),
    Category("transport", "Transport", "#f28e2b", 2),
    Category("ecology", "Ecology", "#59a14f", 3),
)


def small_chronology() -> Chronology:
    events = [
        Event(
            "symposium",
            "First symposium on coordinated development",
            P("2014-02-26"),
            "planning",
            places=("Beijing",),
            tags=("symposium",),
        ),
        Event("outline", "Plan outline adopted", P("2015-04-30"), "planning"),
        Event(
            "rail", "Intercity railway opens", P("2017"), "transport", description="Trains between the cities"
        ),
        Event("games", "Winter Games", P("2022-02-04"), "transport", end=P("2022-02-20")),
        Event("clean-air", "Clean air action plan", P("2013-09"), "ecology", end=P("2017-12")),
        Event("wetland", "Wetland restoration", P("2016-03"), "ecology", ongoing=True, approximate=True),
        Event("airport", "Daxing airport opens", P("2019-09-25"), "transport"),
    ]
    inds = [
        Indicator(
            "pm25-beijing",
            "PM2.5 annual mean concentration",
            "µg/m³",
            (
                IndicatorPoint(P("2013"), 89.5),
                IndicatorPoint(P("2014"), 85.8, derived="32 / (1 - 0.627)"),
                IndicatorPoint(P("2015"), 80.6),
                IndicatorPoint(P("2023"), 32),
            ),
            region="Beijing",
        ),
        Indicator(
            "pm25-tianjin",
            "PM2.5 annual mean concentration",
            "µg/m³",
            (IndicatorPoint(P("2013"), 96), IndicatorPoint(P("2023"), 41)),
            region="Tianjin",
        ),
        Indicator(
            "gdp",
            "Regional GDP",
            "trillion yuan",
            (IndicatorPoint(P("2014"), 6.6), IndicatorPoint(P("2023"), 10.4)),
            region="Jing-Jin-Ji",
        ),
        Indicator(
            "rail-km",
            "High-speed rail length",
            "km",
            tuple(IndicatorPoint(P(str(y)), 1000.0 + 250 * (y - 2014)) for y in range(2014, 2024)),
        ),
    ]
    eras = [Era("decade", "The first decade", P("2014-02-26"), P("2024-02-26"))]
    return Chronology.build(title="Test", events=events, categories=CATS, eras=eras, indicators=inds)


def crowded_chronology(n: int = 400, seed: int = 3) -> Chronology:
    rng = np.random.default_rng(seed)
    lo, hi = days_from_civil(2010, 1, 1), days_from_civil(2024, 1, 1)
    from timeline_app.model.dates import civil_from_days

    events = []
    for k in range(n):
        y, m, dd = civil_from_days(int(rng.integers(lo, hi)))
        cat = CATS[int(rng.integers(0, 3))].id
        title = "Event " + "x" * int(rng.integers(0, 30)) + f" {k}"
        if k % 7 == 0:
            events.append(Event(f"e{k}", title, PartialDate(y), cat))
        elif k % 11 == 0:
            events.append(
                Event(f"e{k}", title, PartialDate(y, m, dd), cat, end=PartialDate(min(y + 1, 2030)))
            )
        else:
            events.append(Event(f"e{k}", title, PartialDate(y, m, dd), cat))
    return Chronology.build(title="Crowded", events=events, categories=CATS)
