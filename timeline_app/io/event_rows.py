"""Events as the loader reads them, a column per field (made into an EventTable at the end)."""

from __future__ import annotations

from collections.abc import Sequence

from ..model.chronology import Origin
from ..model.dates import PartialDate
from ..model.event_table import EventTable, Extras


class EventRows:
    """Events as the loader reads them, field by field (made into an :class:`EventTable` at the end:
    a million events are never a million objects)."""

    def __init__(self) -> None:
        self.ids: list[str] = []
        self.titles: list[str] = []
        self.starts: list[PartialDate] = []
        self.ends: list[PartialDate | None] = []
        self.categories: list[str] = []
        self.ongoing: list[bool] = []
        self.approximate: list[bool] = []
        self.importance: list[int] = []
        self.descriptions: list[str] = []
        self.extras: list[Extras | None] = []
        # where each event was written, as columns (not an Origin object per event)
        self.files: dict[str, int] = {}
        self.origin_file: list[int] = []
        self.origin_line: list[int] = []
        self.origin_column: list[int] = []
        self._categories: dict[str, str] = {}  # one string per category id, not one per event
        self._extras: dict[Extras, Extras] = {}  # one tuple per distinct value (most are alike)

    def __len__(self) -> int:
        return len(self.ids)

    def add(
        self,
        ident: str,
        title: str,
        start: PartialDate,
        end: PartialDate | None,
        category: str,
        ongoing: bool,
        approximate: bool,
        description: str,
        extras: Extras | None,
        origin: Origin,
        importance: int = 0,
    ) -> None:
        self.ids.append(ident)
        self.titles.append(title)
        self.starts.append(start)
        self.ends.append(end)
        self.categories.append(self._categories.setdefault(category, category))
        self.ongoing.append(ongoing)
        self.approximate.append(approximate)
        self.importance.append(importance)
        self.descriptions.append(description)
        self.extras.append(None if extras is None else self._extras.setdefault(extras, extras))
        self.origin_file.append(self.files.setdefault(origin.file, len(self.files)))
        self.origin_line.append(origin.line)
        self.origin_column.append(origin.column)

    def extend(
        self,
        *,
        ids: list[str],
        titles: list[str],
        starts: list[PartialDate],
        ends: list[PartialDate | None],
        categories: list[str],
        ongoing: list[bool],
        approximate: list[bool],
        descriptions: list[str],
        extras: list[Extras | None],
        file: str,
        lines: Sequence[int],
        columns: Sequence[int],
        importance: list[int],
    ) -> None:
        """Events given field by field, all checked (the fast path's batches): as ``add`` each."""
        self.ids += ids
        self.titles += titles
        self.starts += starts
        self.ends += ends
        self.categories += categories  # one string per category id already (see fast_events)
        self.ongoing += ongoing
        self.approximate += approximate
        self.importance += importance
        self.descriptions += descriptions
        shared = self._extras
        self.extras += [None if x is None else shared.setdefault(x, x) for x in extras]
        self.origin_file += [self.files.setdefault(file, len(self.files))] * len(ids)
        self.origin_line += lines
        self.origin_column += columns

    def table(self) -> EventTable:
        return EventTable.from_rows(
            ids=self.ids,
            titles=self.titles,
            descriptions=self.descriptions,
            starts=self.starts,
            ends=self.ends,
            categories=self.categories,
            ongoing=self.ongoing,
            approximate=self.approximate,
            extras=self.extras,
            importance=self.importance,
            origin_columns=(tuple(self.files), self.origin_file, self.origin_line, self.origin_column),
        )
