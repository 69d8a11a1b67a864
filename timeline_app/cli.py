"""The command line: ``timeline-app [PATH]`` opens the viewer; ``validate``, ``export``, ``convert``
and ``render`` serve chronology authors without a window.

``validate`` and ``export`` never import Qt; the UI is imported lazily, only by the commands that
draw (the viewer and ``render``).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__, catalog, runtime, text
from . import cli_words as say
from .io import ChronologyError, load_chronology
from .model.chronology import Chronology
from .model.dates import DateError, PartialDate
from .model.saved_views import SavedView
from .paths import shipped_chronology

COMMANDS = ("validate", "export", "convert", "render", "report", "diff")

EPILOG = """\
commands:
  timeline-app [PATH]                       open the viewer (default: the shipped chronology)
  timeline-app [PATH] --smoke               check a build: load, draw one frame offscreen, print one line
  timeline-app validate [PATH ...]          check a chronology; exit 1 with file:line:col errors
  timeline-app export [PATH] --format json|csv [--table events|points]
  timeline-app convert IN --to yaml|json|csv|ics|timelinejs OUT
                                            IN: ours, TimelineJS (.json, .csv, .xlsx), Timeline
                                            (.timeline), iCalendar (.ics), a table (.csv, .xlsx)
  timeline-app render [PATH] --out FILE.png|.svg|.pdf [--from DATE] [--to DATE] [--size WxH] [--select ID]
                     [--plots all|N|NAME;NAME] [--view NAME|FILE.json]
  timeline-app report [PATH] --out FILE.pdf [--tour ID] [--page-size A4|Letter] [--lang en|zh]
                                            a multi-page PDF: the whole chronology, then a page per
                                            stop of the tour (or per lane), numbered, with an outline
  timeline-app diff OLD NEW [--format text|json]
                                            what changed between two chronologies; exit 1 if anything did

PATH is a chronology file or folder of YAML files, or a file in one of the formats above;
see docs/FORMAT.md.
"""


def _paths(values: Sequence[str] | None) -> list[str]:
    return list(values) if values else [str(shipped_chronology())]


def _load_or_report(paths: Sequence[str]) -> Chronology | None:
    try:
        return load_chronology(*paths, workers=True)
    except ChronologyError as exc:
        for line in exc.lines():
            print(line, file=sys.stderr)
        print(say.problems_found(len(exc.problems) + exc.more), file=sys.stderr)
        return None


def cmd_validate(args: argparse.Namespace) -> int:
    chron = _load_or_report(_paths(args.paths))
    if chron is None:
        return 1
    for origin, message in chron.warnings:
        print(say.warning(origin, message), file=sys.stderr)
    print(say.counted(chron.counts()))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from .io.export import events_csv, points_csv, to_json

    chron = _load_or_report(_paths([args.path] if args.path else None))
    if chron is None:
        return 1
    if args.output and args.output != "-" and _inside_chronology(Path(args.output), args.path):
        print(f"timeline-app export: {say.export_inside(args.output)}", file=sys.stderr)
        return 2
    if args.lang:  # the records' own fields in that language (every language stays in "texts")
        chron = _in_language(chron, args.lang)
    if args.format == "json":
        text = to_json(chron)
    else:
        text = points_csv(chron) if args.table == "points" else events_csv(chron)
    if args.output and args.output != "-":
        Path(args.output).write_text(text, encoding="utf-8", newline="")
    else:
        sys.stdout.write(text)
    return 0


def cmd_convert(args: argparse.Namespace) -> int:
    from .io.formats import writer

    chron = _load_or_report([args.input])
    if chron is None:
        return 1
    out = Path(args.output)
    if out.exists() and out.resolve() == Path(args.input).resolve():
        print(f"timeline-app convert: {say.convert_over_input(args.input)}", file=sys.stderr)
        return 2
    if args.lang and args.to != "yaml":  # a YAML file keeps every language as it was written
        chron = _in_language(chron, args.lang)
    written = writer(args.to)(chron, out)
    out.write_text(written, encoding="utf-8", newline="\r\n" if args.to == "ics" else "")
    print(say.wrote_converted(out, chron.counts(), args.to))
    return 0


def _in_language(chron: Chronology, lang: str) -> Chronology:
    """The chronology with its texts in ``lang`` (``en`` or ``zh_CN``) where written in it."""
    from .catalog import DATA_LANGUAGE
    from .model.localize import localize

    return localize(chron, DATA_LANGUAGE[lang])


def cmd_diff(args: argparse.Namespace) -> int:
    import json

    from .model.diff import diff_chronologies, summary

    old = _load_or_report([args.old])
    new = _load_or_report([args.new])
    if old is None or new is None:
        return 2
    changes = diff_chronologies(old, new)
    if args.format == "json":
        doc = {"old": args.old, "new": args.new, "summary": summary(changes)}
        doc["changes"] = [c.as_dict() for c in changes]
        print(json.dumps(doc, ensure_ascii=False, indent=2))
    else:
        titles: dict[str, str] = {}
        if say.spoken != catalog.ENGLISH:  # the events' titles in the language spoken, where written in it
            for chron in (old, new):
                shown = _in_language(chron, say.spoken)
                titles.update((e.id, e.title) for e in shown.events)
        for line in say.diff_lines(changes, summary(changes), titles):
            print(line)
    return 1 if changes else 0


def _inside_chronology(target: Path, path: str | None) -> bool:
    """Whether writing ``target`` would touch the chronology: one of its files, or a YAML/JSON file
    in its folder (which the next load would read as part of it)."""
    from .io import chronology_files

    root = Path(path) if path else shipped_chronology()
    t = target.resolve()
    if any(t == f.resolve() for f in chronology_files(root)):
        return True
    folder = root.resolve() if root.is_dir() else root.resolve().parent
    inside = folder == t.parent or folder in t.parents
    return root.is_dir() and inside and t.suffix.lower() in (".yaml", ".yml", ".json")


def _parse_size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"size must be WIDTHxHEIGHT, e.g. 1600x900, not '{text}'") from None
    if not (64 <= w <= 16384 and 64 <= h <= 16384):
        raise argparse.ArgumentTypeError("width and height must be between 64 and 16384 pixels")
    return w, h


def _parse_plots(text: str) -> int | list[str] | None:
    if text.strip().lower() == "all":
        return 10**6
    if text.strip().isdigit():
        return int(text)
    return [name.strip() for name in text.split(";") if name.strip()]


def _parse_date(text: str) -> PartialDate:
    try:
        return PartialDate.parse(text)
    except DateError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _find_view(spec: str, chronology_path: str) -> SavedView | str:
    """The view ``--view`` names: the first of a views file (FILE.json, as Export writes it), or
    one saved in the app for this chronology; else a message saying what is wrong."""
    from timeline_app.model import saved_views

    if spec.lower().endswith(".json") or Path(spec).is_file():
        try:
            views = saved_views.loads(Path(spec).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, saved_views.ViewFileError) as exc:
            return say.views_unreadable(spec, exc)
        return views[0] if views else say.no_view_in(spec)
    from timeline_app.ui.app.settings import Settings

    views = Settings().saved_views(chronology_path)
    found = saved_views.find(views, spec)
    if found is None:
        return say.no_view_named(spec, [v.name for v in views])
    return found


def cmd_render(args: argparse.Namespace) -> int:
    out = Path(args.out)
    if out.suffix.lower() not in (".png", ".svg", ".pdf"):
        print(f"timeline-app render: {say.out_suffix(out.name, say.png_svg_or_pdf())}", file=sys.stderr)
        return 2
    chron = _load_or_report(_paths([args.path] if args.path else None))
    if chron is None:
        return 1
    if args.select and chron.event(args.select) is None:
        print(f"timeline-app render: {say.no_event(args.select)}", file=sys.stderr)
        return 2
    start = float(args.date_from.first_day()) if args.date_from else None
    end = float(args.date_to.end_day()) if args.date_to else None
    if start is not None and end is not None and end <= start:
        print(f"timeline-app render: {say.to_after_from()}", file=sys.stderr)
        return 2
    view: SavedView | None = None
    if args.view:
        found = _find_view(args.view, _paths([args.path] if args.path else None)[0])
        if isinstance(found, str):
            print(f"timeline-app render: {found}", file=sys.stderr)
            return 2
        view = found
    from timeline_app.ui.headless.render import render_chronology

    select, plots, hidden, event_filter = args.select, args.plots, frozenset[str](), None
    if view is not None:  # the view's range, selection, filters and plots, unless given here
        if start is None and end is None:
            start, end = view.start, view.end
        if select is None and view.selected and chron.event(view.selected) is not None:
            select = view.selected
        if plots is None and view.plots is not None:
            plots = [k[0] for k in view.plots]
        hidden = frozenset(h for h in view.hidden_lanes if h in chron.category_index)
        event_filter = view.filter.restricted_to(chron)
    try:
        path = render_chronology(
            chron,
            out,
            size=args.size,
            start=start,
            end=end,
            select=select,
            plots=plots,
            hidden=hidden,
            event_filter=event_filter,
            language=args.lang,
        )
    except ValueError as exc:
        print(f"timeline-app render: {exc}", file=sys.stderr)
        return 2
    size = say.a4_landscape() if out.suffix.lower() == ".pdf" else f"{args.size[0]}x{args.size[1]}"
    print(say.wrote(path, size))
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    import time

    began = time.perf_counter()
    out = Path(args.out)
    if out.suffix.lower() != ".pdf":
        print(f"timeline-app report: {say.out_suffix(out.name, '.pdf')}", file=sys.stderr)
        return 2
    if _inside_chronology(out, args.path):
        print(f"timeline-app report: {say.report_inside(out)}", file=sys.stderr)
        return 2
    chron = _load_or_report(_paths([args.path] if args.path else None))
    if chron is None:
        return 1
    from timeline_app.ui.headless.report import write_report

    if args.lang:
        from .model.localize import localize

        chron = localize(chron, args.lang)
    try:
        pages = write_report(chron, out, tour=args.tour, page_size=args.page_size, language=args.lang)
    except ValueError as exc:
        print(f"timeline-app report: {exc}", file=sys.stderr)
        return 2
    print(say.wrote(out, say.pages_in(pages, time.perf_counter() - began)))
    return 0


def cmd_open(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="timeline-app",
        description="A desktop viewer for chronologies.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("path", nargs="?", help="a chronology file or folder (default: the last one opened)")
    parser.add_argument("--version", action="version", version=f"timeline-app {__version__}")
    parser.add_argument(
        "--lang",
        metavar="LANG",
        help="interface language for this run: en or zh_CN (default: as chosen in View ▸ Language, "
        "else the system's)",
    )
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="check this build: load PATH (default: the shipped chronology) as the window does, draw "
        "one frame (offscreen without a display), print one line, exit 0 (or 1 with the reason)",
    )
    args = parser.parse_args(argv)
    if args.smoke:
        from timeline_app.ui.headless.smoke import smoke

        return smoke(args.path)
    if args.path is not None and not Path(args.path).exists():
        parser.error(f"no such file or folder: {args.path}")
    # before Qt starts: errors at start-up (and later) go to a log file and a dialog, even in a windowed
    # build that has no console (see timeline_app/ui/app/startup_errors.py)
    from timeline_app.ui.app import startup_errors

    startup_errors.install("timeline-app")
    from timeline_app.ui.app.launch import run

    return run(args.path, lang=args.lang)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="timeline-app", description="Work with chronologies without a window."
    )
    parser.add_argument("--version", action="version", version=f"timeline-app {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    v = sub.add_parser("validate", help="check a chronology and print its counts or its errors")
    v.add_argument(
        "paths", nargs="*", metavar="PATH", help="files or folders (default: the shipped chronology)"
    )
    _lang(v, "the language of the messages: en or zh_CN (default: the system's)")
    v.set_defaults(func=cmd_validate)

    e = sub.add_parser("export", help="write the chronology as JSON or CSV on standard output")
    e.add_argument("path", nargs="?", metavar="PATH")
    e.add_argument("--format", choices=("json", "csv"), default="json")
    e.add_argument(
        "--table", choices=("events", "points"), default="events", help="which CSV table (default: events)"
    )
    e.add_argument("-o", "--output", help="write to this file instead of standard output")
    _lang(
        e,
        "the language of the messages, and of the records' own fields (every language stays in "
        "'texts'): en or zh_CN (default: the messages in the system's, the fields as written)",
    )
    e.set_defaults(func=cmd_export)

    c = sub.add_parser("convert", help="convert a chronology from or to another program's format")
    c.add_argument("input", metavar="IN", help="ours, TimelineJS JSON/CSV/XLSX, .timeline, .ics, or a table")
    c.add_argument("--to", required=True, choices=("yaml", "json", "csv", "ics", "timelinejs"))
    c.add_argument("output", metavar="OUT")
    _lang(
        c,
        "the language of the messages, and of the texts of a one-language format (ics, timelinejs, "
        "csv's title column): en or zh_CN (default: the messages in the system's, the texts in English)",
    )
    c.set_defaults(func=cmd_convert)

    r = sub.add_parser("render", help="draw the timeline and the plots to a PNG or SVG file")
    r.add_argument("path", nargs="?", metavar="PATH")
    r.add_argument("--out", required=True, help="FILE.png, FILE.svg or FILE.pdf (an A4 landscape page)")
    r.add_argument("--from", dest="date_from", type=_parse_date, help="first date shown (e.g. 2014, 2017-04)")
    r.add_argument("--to", dest="date_to", type=_parse_date, help="last date shown")
    r.add_argument(
        "--size", type=_parse_size, default=(1600, 900), help="WIDTHxHEIGHT in pixels (default 1600x900)"
    )
    r.add_argument("--select", help="id of the event to select")
    r.add_argument(
        "--lang",
        metavar="LANG",
        help="language of the dates on the axis: en or zh_CN (default: the system's)",
    )
    r.add_argument(
        "--plots",
        type=_parse_plots,
        help="which indicator plots: 'all', a number (the first N), or measure names separated by ';' "
        "(default: as many as fit at a readable height)",
    )
    r.add_argument(
        "--view",
        help="a view saved in the app for this chronology (by name), or a views file (FILE.json, as "
        "Go > Saved views > Export writes it): its range, selection, filters and plots",
    )
    r.set_defaults(func=cmd_render)

    rp = sub.add_parser(
        "report", help="write a multi-page PDF: the whole chronology, then each tour stop or lane"
    )
    rp.add_argument("path", nargs="?", metavar="PATH")
    rp.add_argument("--out", required=True, help="FILE.pdf")
    rp.add_argument("--tour", help="the id of a tour: one section per stop (default: one per lane)")
    rp.add_argument("--page-size", choices=("A4", "Letter"), default="A4")
    rp.add_argument(
        "--lang", choices=("en", "zh"), help="the chronology's texts in this language, where written in it"
    )
    rp.set_defaults(func=cmd_report)

    d = sub.add_parser(
        "diff", help="list the events added, removed, re-dated, re-worded or edited between two chronologies"
    )
    d.add_argument("old", metavar="OLD", help="the earlier chronology (file or folder)")
    d.add_argument("new", metavar="NEW", help="the later one")
    d.add_argument("--format", choices=("text", "json"), default="text")
    _lang(d, "the language of the text output: en or zh_CN (default: the system's; json is always English)")
    d.set_defaults(func=cmd_diff)
    return parser


def _lang(p: argparse.ArgumentParser, help: str) -> None:
    p.add_argument("--lang", metavar="LANG", type=say.language_arg, help=help)


def main(argv: Sequence[str] | None = None) -> int:
    runtime.tune_for_app()  # the app's process settings (GC, allocator, stderr): see runtime
    if sys.stdout is None or sys.stderr is None:  # a windowed frozen build: no console to print to
        from timeline_app.ui.app.startup_errors import ensure_streams

        ensure_streams()
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in COMMANDS:
        ns = build_parser().parse_args(args)
        before = text.installed()
        lang = getattr(ns, "lang", None)  # report's is a data language (zh): normalized here
        say.speak(catalog.normalize(lang) if lang else None)
        try:
            return int(ns.func(ns))
        finally:
            text.install(before)
    if args and args[0] in ("-h", "--help"):
        build_parser().print_help()
        print()
        print(EPILOG)
        return 0
    return cmd_open(args)


if __name__ == "__main__":
    sys.exit(main())
