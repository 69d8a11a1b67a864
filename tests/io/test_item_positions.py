"""Where the items of a long list were written: the numpy passes agree with the count one by one."""

from __future__ import annotations

import yaml

from timeline_app.io import item_positions


def _starts(text: bytes, key: str = "events") -> list[int]:
    sections = item_positions.sections(text)
    assert sections is not None
    (sec,) = [s for s in sections if s.key == key]
    assert item_positions.find_items(text, sec)
    return item_positions.item_starts(text, sec)


def _events(n: int) -> list[dict[str, str]]:
    return [{"id": f"e{i}", "title": f"Event {i}", "start": "2014", "category": "p"} for i in range(n)]


def test_block_items_with_blank_and_comment_lines_agree() -> None:
    body = yaml.safe_dump({"events": _events(700)}, sort_keys=False)
    lines = body.splitlines(keepends=True)
    # blank lines and comments between items, and a long header before the list
    text = "# a header\n" * 5000 + "".join(f"{ln}\n# note\n" if ln.startswith("- ") else ln for ln in lines)
    raw = text.encode()
    starts = _starts(raw)
    alike = item_positions._positions_alike(raw, starts)
    assert alike is not None and len(alike) == 700
    assert alike == item_positions._positions_one_by_one(raw, starts)


def test_flow_items_written_unlike_are_counted_one_by_one() -> None:
    items = [f'  - {{"id": "e{i}", "title": "T", "start": "2014", "category": "p"}}\n' for i in range(400)]
    items[250] = items[250].replace("  - {", "  -   {")  # more spaces after one dash
    raw = ("events:\n" + "".join(items)).encode()
    starts = _starts(raw)
    assert item_positions._positions_alike(raw, starts) is None
    found = item_positions.find_positions(raw, starts)
    assert found == item_positions._positions_one_by_one(raw, starts)
    assert found is not None and found[250] == (252, 7) and found[0] == (2, 5)
