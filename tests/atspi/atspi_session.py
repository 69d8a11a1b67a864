"""Drive the viewer by keys under a real AT-SPI session and check what assistive technology hears.

Run by ``scripts/atspi_test.sh`` with the system Python (``/usr/bin/python3``, which has Debian's
``python3-pyatspi``), inside ``dbus-run-session`` on an Xvfb display. It starts the app on the
shipped chronology, listens with pyatspi as a screen reader does (focus, active-descendant,
announcement, name and text events), presses keys with ``xdotool`` and, after each key, asserts on
what the listener received. Prints one line per check; exits 1 on the first failure.

Not collected by pytest (the file name does not start with ``test_``): the app's own tests run on
Qt's offscreen platform, which has no accessibility bridge.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pyatspi  # type: ignore[import-not-found]
from gi.repository import GLib  # type: ignore[import-not-found]

ROOT = Path(__file__).resolve().parents[2]
APP_NAME = "timeline-app"


class Heard:
    """What the listener received: (event type, source name, source role, detail text)."""

    def __init__(self) -> None:
        self.events: list[tuple[str, str, str, str]] = []

    def __call__(self, event) -> None:  # type: ignore[no-untyped-def]
        try:
            src = event.source
            name = src.name or ""
            role = src.getRoleName()
        except Exception:  # a source gone by the time we ask
            name, role = "", ""
        detail = ""
        if isinstance(event.any_data, str):
            detail = event.any_data
        elif event.any_data is not None and event.type.startswith("object:active-descendant"):
            try:
                detail = event.any_data.name or ""
            except Exception:
                detail = ""
        if event.type.startswith("object:state-changed") and event.detail1 != 1:
            return  # only states turning on
        self.events.append((str(event.type), name, role, detail))

    def since(self, mark: int) -> list[tuple[str, str, str, str]]:
        return self.events[mark:]

    def texts(self, mark: int) -> str:
        return " | ".join(f"{t}<{n}|{r}|{d}>" for t, n, r, d in self.since(mark))


def pump(seconds: float) -> None:
    ctx = GLib.MainContext.default()
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        while ctx.iteration(False):
            pass
        time.sleep(0.01)


def wait_for(pred: Callable[[], bool], timeout: float) -> bool:
    end = time.monotonic() + timeout
    ctx = GLib.MainContext.default()
    while time.monotonic() < end:
        while ctx.iteration(False):
            pass
        if pred():
            return True
        time.sleep(0.02)
    return pred()


def focused_items(heard: Heard, mark: int) -> list[str]:
    """Names of the list items that got the focus since ``mark`` (the timeline's events)."""
    return [
        n
        for t, n, r, _ in heard.since(mark)
        if t.startswith(("focus:", "object:state-changed:focused")) and r == "list item" and n
    ]


def app_node() -> object | None:
    return find_app()


def find_named(node, name: str, depth: int = 0, role: str = ""):  # type: ignore[no-untyped-def]
    if node is None or depth > 12:
        return None
    try:
        if node.name == name and (not role or node.getRoleName() == role):
            return node
        for i in range(node.childCount):
            hit = find_named(node.getChildAtIndex(i), name, depth + 1, role)
            if hit is not None:
                return hit
    except Exception:
        return None
    return None


def find_prefixed(node, prefix: str, depth: int = 0):  # type: ignore[no-untyped-def]
    """The name of the first node whose name starts with ``prefix``, or None."""
    if node is None or depth > 12:
        return None
    try:
        if str(node.name).startswith(prefix):
            return str(node.name)
        for i in range(node.childCount):
            hit = find_prefixed(node.getChildAtIndex(i), prefix, depth + 1)
            if hit is not None:
                return hit
    except Exception:
        return None
    return None


def detail_says(app, title: str) -> bool:  # type: ignore[no-untyped-def]
    """Whether the detail pane, as AT-SPI sees it, describes the event ``title``."""
    pane = find_named(app, "Event details")
    return pane is not None and str(pane.description).startswith(title)


def find_app() -> object | None:
    desktop = pyatspi.Registry.getDesktop(0)
    for i in range(desktop.childCount):
        app = desktop.getChildAtIndex(i)
        if app is not None and app.name in (APP_NAME, "python3", "python", "Timeline"):
            return app
    return None


def key(*keys: str, window: str) -> None:
    subprocess.run(["xdotool", "key", "--window", window, "--clearmodifiers", *keys], check=True, timeout=10)


def typed(text: str, window: str) -> None:
    subprocess.run(["xdotool", "type", "--window", window, "--delay", "30", text], check=True, timeout=20)


failures = 0


def check(what: str, ok: bool, heard: Heard, mark: int) -> None:
    global failures
    print(("ok   " if ok else "FAIL ") + what, flush=True)
    if not ok:
        failures += 1
        print("     heard: " + heard.texts(mark)[:1500], flush=True)


def heard_text(heard: Heard, mark: int, text: str, kinds: tuple[str, ...]) -> Callable[[], bool]:
    def pred() -> bool:
        for t, name, _, detail in heard.since(mark):
            if t.startswith(kinds) and (text in name or text in detail):
                return True
        return False

    return pred


def main() -> int:
    heard = Heard()
    kinds = [
        "focus:",
        "object:state-changed:focused",
        "object:active-descendant-changed",
        "object:announcement",
        "object:property-change:accessible-name",
        "object:text-changed:insert",
        "object:text-caret-moved",
        "window:activate",
    ]
    for k in kinds:
        pyatspi.Registry.registerEventListener(heard, k)

    settings = tempfile.mkdtemp(prefix="timeline-atspi-")
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="xcb",
        QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
        QT_ACCESSIBILITY="1",
        TIMELINE_APP_SETTINGS_DIR=settings,
    )
    python = str(ROOT / ".venv" / "bin" / "python")
    app = subprocess.Popen([python, "-m", "timeline_app", str(ROOT / "events")], env=env, cwd=ROOT)
    try:
        win = ""
        end = time.monotonic() + 30
        while time.monotonic() < end and not win:
            out = subprocess.run(
                ["xdotool", "search", "--onlyvisible", "--name", "Timeline"],
                capture_output=True,
                text=True,
                timeout=10,
            ).stdout.split()
            win = out[0] if out else ""
            pump(0.2)
        if not win:
            print("FAIL the window did not appear in 30 s", flush=True)
            return 1
        subprocess.run(["xdotool", "windowactivate", "--sync", win], timeout=10, check=False)
        subprocess.run(["xdotool", "windowfocus", "--sync", win], timeout=10, check=False)
        check("the app is on the AT-SPI bus", wait_for(lambda: find_app() is not None, 15), heard, 0)
        pump(1.0)

        mark = len(heard.events)
        key("Home", window=win)
        ok = wait_for(lambda: bool(focused_items(heard, mark)), 5)
        first = focused_items(heard, mark)
        detail = wait_for(lambda: bool(first) and detail_says(app_node(), first[-1]), 3)
        check(f"Home: the selected event's title is delivered ({first[-1:]})", ok and detail, heard, mark)

        mark = len(heard.events)
        key("Right", window=win)
        ok = wait_for(lambda: any(n not in first for n in focused_items(heard, mark)), 5)
        now = focused_items(heard, mark)
        detail = wait_for(lambda: bool(now) and detail_says(app_node(), now[-1]), 3)
        check(f"Right: the next event's title is delivered ({now[-1:]})", ok and detail, heard, mark)

        mark = len(heard.events)
        key("w", window=win)
        ok = wait_for(heard_text(heard, mark, "Showing ", ("object:announcement",)), 5)
        check("w (zoom in): the visible range is announced", ok, heard, mark)

        status = find_prefixed(app_node(), "Visible dates: ")
        check(f"the status bar reads its value ({status!r})", status is not None, heard, len(heard.events))

        mark = len(heard.events)
        key("question", window=win)
        ok = wait_for(
            lambda: any(
                t.startswith(("focus:", "object:state-changed:focused"))
                and r == "dialog"
                and n == "Keyboard shortcuts"
                for t, n, r, _ in heard.since(mark)
            ),
            5,
        )
        overlay = find_named(app_node(), "Keyboard shortcuts", role="dialog")
        said = str(overlay.description) if overlay is not None else ""
        check("?: the keys overlay is a dialog whose text is read", ok and "Next event" in said, heard, mark)
        key("Escape", window=win)
        pump(0.3)

        mark = len(heard.events)
        key("slash", window=win)
        ok = wait_for(heard_text(heard, mark, "Search", ("focus:", "object:state-changed:focused")), 5)
        check("/: the search field is announced", ok, heard, mark)
        order = [t for t, n, _, _ in heard.since(mark) if n == "Search events"]
        first_focus = next((k for k, t in enumerate(order) if t.startswith("focus:")), len(order))
        first_caret = next((k for k, t in enumerate(order) if t.startswith("object:text-caret")), len(order))
        check(
            "/: the field's focus event comes before its caret event", first_focus < first_caret, heard, mark
        )

        mark = len(heard.events)
        typed("olymp", window=win)
        ok = wait_for(heard_text(heard, mark, "match", ("object:announcement", "object:property-change")), 5)
        check("typing: the number of matches is announced", ok, heard, mark)

        mark = len(heard.events)
        key("Return", window=win)
        ok = wait_for(heard_text(heard, mark, "Olympi", ("object:announcement",)), 5)
        check("Enter: the chosen match is announced", ok, heard, mark)

        mark = len(heard.events)
        key("Escape", window=win)
        pump(0.3)
        mark = len(heard.events)
        key("ctrl+t", window=win)
        ok = wait_for(
            lambda: any(
                t.startswith(("focus:", "object:state-changed:focused")) and r in ("table cell", "table")
                for t, n, r, _ in heard.since(mark)
            ),
            5,
        )
        check("Ctrl+T: the data table opens with the focus in a table", ok, heard, mark)

        key("Escape", window=win)
        pump(0.3)
        if app.poll() is not None:
            print(f"     the app ended before Ctrl+Q (exit {app.poll()})", flush=True)
        subprocess.run(["xdotool", "windowfocus", "--sync", win], timeout=10, check=False)
        # not checked: the app may quit on the key press, and its window be gone before xdotool
        # sends the release (BadWindow); the exit status below is what counts
        subprocess.run(
            ["xdotool", "key", "--window", win, "--clearmodifiers", "ctrl+q"],
            timeout=10,
            check=False,
            stderr=subprocess.DEVNULL,
        )
        code = None
        end = time.monotonic() + 10
        while code is None and time.monotonic() < end:
            pump(0.1)  # keep answering the app's AT-SPI calls while it closes
            code = app.poll()
        check(
            f"Ctrl+Q: the app quits cleanly with its accessible objects (exit {code})", code == 0, heard, mark
        )
    finally:
        app.terminate()
        try:
            app.wait(10)
        except subprocess.TimeoutExpired:
            app.kill()
    print(f"atspi: {failures} failure(s)", flush=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
