"""The pure model: dates with precision, the chronology, the shared view state. No Qt here."""

from .chronology import (
    Category,
    Chronology,
    Era,
    Event,
    Figure,
    Indicator,
    IndicatorPoint,
    Origin,
    Source,
    SourceRef,
)
from .dates import DateError, PartialDate, Precision
from .view_state import Selection, TimeRange, ViewState

__all__ = [
    "Category",
    "Chronology",
    "DateError",
    "Era",
    "Event",
    "Figure",
    "Indicator",
    "IndicatorPoint",
    "Origin",
    "PartialDate",
    "Precision",
    "Selection",
    "Source",
    "SourceRef",
    "TimeRange",
    "ViewState",
]
