"""Synthetic chronologies in timeline-app's format, for benchmarks and scale tests.

    python benchmarks/generate.py N OUT.yaml [--years 30] [--lanes 8] [--series 4] [--points 100]

N events spread over a span of years, in lanes; about one in five is a span (a few days to a few
years), the rest points; dates of day, month and year precision; indicator series of M points each.
Deterministic for a given seed.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

from timeline_app.model.dates import civil_from_days, days_from_civil

COLORS = [
    "#4e79a7",
    "#f28e2b",
    "#e15759",
    "#76b7b2",
    "#59a14f",
    "#edc948",
    "#b07aa1",
    "#ff9da7",
    "#9c755f",
    "#bab0ac",
]
WORDS = [
    "regional",
    "plan",
    "transport",
    "corridor",
    "railway",
    "station",
    "relocation",
    "market",
    "hospital",
    "school",
    "park",
    "river",
    "forest",
    "air",
    "quality",
    "industry",
    "cluster",
    "innovation",
    "hub",
    "agreement",
    "office",
    "summit",
    "outline",
    "bridge",
    "airport",
    "district",
    "campus",
    "reform",
    "pilot",
    "zone",
    "wetland",
    "reservoir",
    "metro",
    "line",
    "expressway",
    "port",
    "customs",
    "bonded",
    "area",
]


def _date(day: int, precision: str) -> str:
    y, m, d = civil_from_days(day)
    if precision == "year":
        return f"{y:04d}"
    if precision == "month":
        return f"{y:04d}-{m:02d}"
    return f"{y:04d}-{m:02d}-{d:02d}"


def build(
    n: int, *, years: int = 30, lanes: int = 8, series: int = 4, points: int = 100, seed: int = 1
) -> dict:
    rnd = random.Random(seed)
    first = days_from_civil(2024 - years, 1, 1)
    last = days_from_civil(2024, 1, 1)
    cats = [
        {"id": f"lane{i}", "name": f"Lane {i + 1}", "color": COLORS[i % len(COLORS)], "order": i}
        for i in range(lanes)
    ]
    events = []
    for i in range(n):
        day = rnd.randrange(first, last)
        precision = rnd.choices(["day", "month", "year"], weights=[7, 2, 1])[0]
        ev: dict = {
            "id": f"e{i}",
            "title": " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(2, 5))).capitalize(),
            "start": _date(day, precision),
            "category": f"lane{rnd.randrange(lanes)}",
        }
        if rnd.random() < 0.2:
            ev["end"] = _date(min(day + rnd.choice([3, 30, 200, 800]) + 400, last + 3000), "day")
        if rnd.random() < 0.3:
            ev["places"] = [rnd.choice(["Beijing", "Tianjin", "Hebei", "Xiong'an", "Tongzhou"])]
        if rnd.random() < 0.5:
            ev["description"] = " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(8, 30)))
        events.append(ev)
    inds = []
    for s in range(series):
        step = max(1, (last - first) // max(points, 1))
        pts = [
            {"date": _date(first + k * step, "day"), "value": round(50 + 40 * rnd.random() + k * 0.01, 3)}
            for k in range(points)
        ]
        inds.append(
            {
                "id": f"s{s}",
                "name": f"Measure {s % 2 + 1}",
                "unit": "index",
                "region": f"Region {s}",
                "points": pts,
            }
        )
    return {
        "chronology": {"title": f"Synthetic, {n:,} events"},
        "categories": cats,
        "events": events,
        "indicators": inds,
    }


def to_yaml(data: dict) -> str:
    """YAML in flow style per event (what a generator would write); JSON strings are valid YAML."""
    out = [f"chronology: {json.dumps(data['chronology'])}", "categories:"]
    out += [f"  - {json.dumps(c)}" for c in data["categories"]]
    out.append("events:")
    out += [f"  - {json.dumps(e, ensure_ascii=False)}" for e in data["events"]]
    out.append("indicators:")
    for ind in data["indicators"]:
        head = {k: v for k, v in ind.items() if k != "points"}
        out.append(f'  - {json.dumps(head)[:-1]}, "points": [')
        out += [f"      {json.dumps(p)}," for p in ind["points"]]
        out.append("    ]}")
    return "\n".join(out) + "\n"


def write(n: int, path: Path, **kw: int) -> Path:
    data = build(n, **kw)
    if path.suffix == ".json":
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    else:
        path.write_text(to_yaml(data), encoding="utf-8")
    return path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", type=int)
    ap.add_argument("out", type=Path)
    ap.add_argument("--years", type=int, default=30)
    ap.add_argument("--lanes", type=int, default=8)
    ap.add_argument("--series", type=int, default=4)
    ap.add_argument("--points", type=int, default=100)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    write(a.n, a.out, years=a.years, lanes=a.lanes, series=a.series, points=a.points, seed=a.seed)
    print(f"wrote {a.out} ({a.out.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
