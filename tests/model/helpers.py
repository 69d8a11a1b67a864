"""Small chronologies built in code, for tests that need no files."""

from __future__ import annotations

from timeline_app.model import Category, Chronology, Event, Indicator, IndicatorPoint, PartialDate


def d(text: str) -> PartialDate:
    return PartialDate.parse(text)


def small_chronology() -> Chronology:
    cats = [
        Category("plan", "Planning", "#4e79a7", 1),
        Category("eco", "Ecology", "#59a14f", 2),
        Category("move", "Relocation", "#f28e2b", 3),
    ]
    events = [
        Event("symposium", "First symposium", d("2014-02-26"), "plan"),
        Event("outline", "Plan outline adopted", d("2015-04-30"), "plan"),
        Event("xiongan", "Xiong'an New Area founded", d("2017-04-01"), "move"),
        Event("olympics", "Winter Olympics", d("2022-02-04"), "eco", end=d("2022-02-20")),
        Event("agencies", "Second batch of agencies moves", d("2024-01"), "move"),
        Event("roaming", "Roaming charges end", d("2015"), "eco"),
    ]
    pm = Indicator(
        "pm25-beijing",
        "PM2.5",
        "µg/m³",
        (IndicatorPoint(d("2014"), 85.8, derived="32 / (1 - 0.627)"), IndicatorPoint(d("2023"), 32.0)),
        region="Beijing",
    )
    return Chronology.build(title="Test", events=events, categories=cats, indicators=[pm])
