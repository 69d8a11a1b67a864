"""The plots as data: View ▸ Data table shows the series of the plots shown as real tables.

A plot is a picture; its numbers are what a screen-reader user (or anyone copying them) needs.
:class:`DataTableDialog` has one tab per shown plot (a measure in a unit): a ``QTableView`` with one
row per date and one column per region, then the sources of that row's values. Any column sorts
(numbers as numbers, dates in time); Ctrl+C copies the selected cells as tab-separated text, ready
for a spreadsheet. Screen readers walk it cell by cell with the column headers, as any Qt table.

:func:`series_table` builds the rows (no Qt in it); :func:`plot_description` is the plot's short text
alternative (measure, unit, regions, range, latest values), which the canvas gives its plots.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from timeline_app.model.chronology import Chronology, Indicator
from timeline_app.text import fill, format_number, translate
from timeline_app.ui.drawing.speech import announce

PlotKey = tuple[str, str]
SORT_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class SeriesTable:
    """One plot's numbers: a row per date, a column per region."""

    title: str  # "PM2.5 annual mean concentration (µg/m³)"
    regions: list[str]
    dates: list[str]  # a row's date in words
    days: list[float]  # a row's date as a day number (sorting)
    values: list[list[float | None]]  # [row][region]
    derived: list[list[bool]]
    sources: list[str]  # a row's sources, in words

    def header(self) -> list[str]:
        return [translate("DataTable", "Date"), *self.regions, translate("DataTable", "Sources")]

    def cell_text(self, row: int, col: int) -> str:
        if col == 0:
            return self.dates[row]
        if col <= len(self.regions):
            v = self.values[row][col - 1]
            if v is None:
                return ""
            return format_number(v) + (
                " " + translate("DataTable", "(derived)") if self.derived[row][col - 1] else ""
            )
        return self.sources[row]


def _region(ind: Indicator) -> str:
    return ind.region or ind.name


def series_table(chron: Chronology, key: PlotKey, inds: list[Indicator]) -> SeriesTable:
    regions = list(dict.fromkeys(_region(i) for i in inds))
    rows: dict[str, int] = {}
    dates: list[str] = []
    days: list[float] = []
    values: list[list[float | None]] = []
    derived: list[list[bool]] = []
    sources: list[list[str]] = []
    points = sorted(
        ((p.day(), p.date.words(), regions.index(_region(ind)), p) for ind in inds for p in ind.points),
        key=lambda t: (t[0], t[2]),
    )
    for day, words, col, p in points:
        r = rows.get(words)
        if r is None:
            r = rows[words] = len(dates)
            dates.append(words)
            days.append(day)
            values.append([None] * len(regions))
            derived.append([False] * len(regions))
            sources.append([])
        values[r][col] = p.value
        derived[r][col] = p.is_derived
        if p.source is not None:
            src = chron.source(p.source.source)
            who = src.publisher or src.title if src is not None else p.source.source
            if who not in sources[r]:
                sources[r].append(who)
    title = f"{key[0]} ({key[1]})" if key[1] else key[0]
    return SeriesTable(title, regions, dates, days, values, derived, ["; ".join(s) for s in sources])


def plot_description(table: SeriesTable) -> str:
    """ "PM2.5 … (µg/m³): Beijing, Tianjin, Hebei; 2013 – 2023; latest Beijing 32 (2023), …"."""
    if not table.dates:
        return table.title
    span = table.dates[0] if len(table.dates) == 1 else f"{table.dates[0]} – {table.dates[-1]}"
    latest = []
    for c, region in enumerate(table.regions):
        for r in range(len(table.dates) - 1, -1, -1):
            v = table.values[r][c]
            if v is not None:
                latest.append(f"{region} {format_number(v)} ({table.dates[r]})")
                break
    return fill(
        translate("DataTable", "%1: %2; %3; latest %4"),
        table.title,
        ", ".join(table.regions),
        span,
        ", ".join(latest),
    )


class SeriesModel(QAbstractTableModel):
    def __init__(self, table: SeriesTable, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = table

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.table.dates)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.table.regions) + 2

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if not index.isValid():
            return None
        r, c = index.row(), index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.table.cell_text(r, c)
        if role == SORT_ROLE:
            if c == 0:
                return self.table.days[r]
            if c <= len(self.table.regions):
                v = self.table.values[r][c - 1]
                return float("-inf") if v is None else v
            return self.table.sources[r]
        if role == Qt.ItemDataRole.TextAlignmentRole and 0 < c <= len(self.table.regions):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.table.header()[section]
        return None


class SeriesView(QTableView):
    """A sortable table; Ctrl+C copies the selected cells as tab-separated text."""

    def copy_selection(self) -> str:
        sel = self.selectionModel()
        model = self.model()
        if sel is None or model is None:
            return ""
        cells = sorted((i.row(), i.column()) for i in sel.selectedIndexes())
        if not cells:
            return ""
        rows = sorted({r for r, _ in cells})
        cols = sorted({c for _, c in cells})
        picked = set(cells)
        lines = []
        for r in rows:
            line = [str(model.index(r, c).data() or "") if (r, c) in picked else "" for c in cols]
            lines.append("\t".join(line))
        text = "\n".join(lines)
        QGuiApplication.clipboard().setText(text)
        return text

    def sort_current_column(self) -> str:
        """S: sort by the column of the current cell (ascending, then descending on the next S);
        says how it is sorted."""
        model = self.model()
        col = self.currentIndex().column()
        if model is None or col < 0:
            return ""
        header = self.horizontalHeader()
        ascending = Qt.SortOrder.AscendingOrder
        again = header.sortIndicatorSection() == col and header.sortIndicatorOrder() == ascending
        order = Qt.SortOrder.DescendingOrder if again else ascending
        self.sortByColumn(col, order)
        name = str(model.headerData(col, Qt.Orientation.Horizontal) or "")
        text = fill(
            translate("DataTable", "Sorted by %1, descending")
            if again
            else translate("DataTable", "Sorted by %1, ascending"),
            name,
        )
        announce(self, text)
        return text

    def keyPressEvent(self, e) -> None:  # type: ignore[no-untyped-def]
        if e.matches(QKeySequence.StandardKey.Copy):
            self.copy_selection()
            e.accept()
            return
        if e.key() == Qt.Key.Key_S and not e.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.sort_current_column()
            e.accept()
            return
        super().keyPressEvent(e)


class DataTableDialog(QDialog):
    """One tab per plot shown: its series as a table (see the module docstring)."""

    def __init__(self, chron: Chronology, keys: list[PlotKey], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dataTable")
        self.setWindowTitle(translate("DataTable", "Data table"))
        self.setAccessibleName(translate("DataTable", "Data table"))
        self.resize(760, 460)
        lay = QVBoxLayout(self)
        self.tabs = QTabWidget()
        self.views: list[SeriesView] = []
        groups = dict(chron.plot_groups())
        for key in keys:
            inds = groups.get(key)
            if not inds:
                continue
            table = series_table(chron, key, inds)
            view = SeriesView()
            model = SeriesModel(table, view)
            proxy = QSortFilterProxyModel(view)
            proxy.setSourceModel(model)
            proxy.setSortRole(SORT_ROLE)
            view.setModel(proxy)
            view.setSortingEnabled(True)
            view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
            view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
            view.setAlternatingRowColors(True)
            view.setAccessibleName(table.title)
            view.setAccessibleDescription(plot_description(table))
            view.resizeColumnsToContents()
            view.horizontalHeader().setStretchLastSection(True)
            self.views.append(view)
            self.tabs.addTab(view, key[0].replace("&", "&&"))
        if self.views:
            lay.addWidget(self.tabs, 1)
            hint = QLabel(
                translate(
                    "DataTable",
                    "S (or a click on a column's header) sorts by that column; Ctrl+C copies the cells.",
                )
            )
        else:
            hint = QLabel(
                translate("DataTable", "No plot is shown: choose plots under the timeline (Plots ▾) first.")
            )
        hint.setWordWrap(True)
        lay.addWidget(hint)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        if self.views:
            v = self.views[0]
            v.setCurrentIndex(v.model().index(0, 0))
            v.setFocus()


__all__ = ["DataTableDialog", "SeriesTable", "plot_description", "series_table"]
