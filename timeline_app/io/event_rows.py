"""Events as the loader reads them, a column per field (made into an EventTable at the end)."""

from __future__ import annotations

from collections.abc import Sequence

from ..model.chronology import Origin
from ..model.dates import PartialDate
from ..model.event_table import EventTable, Extras
from ..model.table_concat import concat_tables
from ..model.text_column import IdKeys, TextColumn


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
        # events read elsewhere (worker processes: see .parallel) as tables, in reading order with
        # the rows above, which are made into a table of their own before each one
        self.tables: list[EventTable] = []
        self._in_tables = 0

    def __len__(self) -> int:
        return len(self.ids) + self._in_tables

    def add_table(self, table: EventTable) -> None:
        """Events read and checked elsewhere, after those read so far."""
        self._flush()
        self.tables.append(table)
        self._in_tables += len(table)

    def id_column(self) -> TextColumn:
        """The ids of all the events, in reading order."""
        column = TextColumn.from_strings(self.ids)
        return TextColumn.concat([*(t.ids for t in self.tables), column]) if self.tables else column

    def _flush(self) -> None:
        """The rows read so far made into a table, in reading order (the files keep their numbers;
        the joined table is sorted once, and :meth:`id_column` gives the ids in this order)."""
        if not self.ids:
            return
        table = self._rows_table(sort=False)
        kept = (self.tables, self._in_tables + len(self.ids), self.files)
        EventRows.__init__(self)
        self.tables, self._in_tables, self.files = kept
        self.tables.append(table)

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

    def table(self, *, sort: bool = True, keyed: IdKeys | None = None) -> EventTable:
        """The events as a table; without ``sort``, in reading order (a worker's share). ``keyed``:
        :func:`~..model.text_column.id_keys` of :meth:`id_column`, if made already."""
        if not self.tables:
            return self._rows_table(sort, keyed)
        self._flush()
        return concat_tables(self.tables, keyed)

    def _rows_table(self, sort: bool = True, keyed: IdKeys | None = None) -> EventTable:
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
            sort=sort,
            keyed=keyed,
        )
