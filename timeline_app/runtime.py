"""Process-wide tuning the app asks for at start-up: the one place that changes the interpreter, the
C allocator or the process's standard error.

Importing this module (or :mod:`timeline_app.io`, which uses it) changes nothing global. A library
user calling :func:`timeline_app.io.load_chronology` gets a plain load; the app (the viewer, the
command line) calls :func:`tune_for_app` once at start-up, and from then on every load runs inside
:func:`loading`, with each of the settings below. Each is here because a measurement asked for it
(docs/PERFORMANCE.md, and the commits named):

* **The cyclic garbage collector paused while a load runs.** A load allocates millions of small
  objects and frees none of them; the collector walked them again and again: 100k events
  15.5 s -> 5.2 s (commit 9c973d0). The pause is process-wide (the collector has no per-thread
  switch), so while a background load runs the interface thread does not collect either.
* **Freed memory given back after a load** (``malloc_trim``, glibc): the C allocator kept what a
  load freed in its heap; 1M events 1.39 GB -> 0.42 GB after a cold load (commit 9b199c6).
* **Blocks of 4 MB or more always mapped** (``mallopt(M_MMAP_THRESHOLD)``, glibc): after a first
  large load glibc served the lists a load grows from the heap, and growing one copied it with the
  interpreter lock held: 46-66 ms interface stalls at 1M events, 22-38 ms with it (commit abf3427).
* **Threads switched every 1 ms while a background load runs** (``sys.setswitchinterval``, 5 ms by
  default): the interface thread waited up to a whole interval each time it asked for the lock;
  longest frame while loading 1M events 48 -> 44 ms on its own (commit c026c5a).
* **The C parser's own messages kept off standard error** (file descriptor 2 pointed at the null
  device while rapidyaml parses): it prints before raising, and the loader then reports the same
  problem with its file, line and column (commit ee73a5e).
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import os
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass

MMAP_THRESHOLD = 4 << 20
LOADING_SWITCH_INTERVAL_S = 0.001


@dataclass
class Tuning:
    """What :func:`loading` and :func:`quiet_stderr` do; all off until :func:`tune_for_app`."""

    gc_paused_while_loading: bool = False
    memory_returned_after_loading: bool = False
    parser_stderr_silenced: bool = False
    brisk_switching_while_loading: bool = False
    large_blocks_mapped: bool = False


tuning = Tuning()


def tune_for_app() -> Tuning:
    """Turn every setting on (the viewer and the command line call this once at start-up)."""
    tuning.gc_paused_while_loading = True
    tuning.memory_returned_after_loading = _malloc_trim() is not None
    tuning.parser_stderr_silenced = True
    tuning.brisk_switching_while_loading = True
    tuning.large_blocks_mapped = fix_mmap_threshold()
    return tuning


# -- the C allocator (glibc) ---------------------------------------------------------------------
def _libc_function(name: str) -> Callable[..., int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        fn: Callable[..., int] = getattr(ctypes.CDLL(None), name)
    except (OSError, AttributeError):  # not glibc (musl has no malloc_trim)
        return None
    return fn


def _malloc_trim() -> Callable[..., int] | None:
    return _libc_function("malloc_trim")


def fix_mmap_threshold(size: int = MMAP_THRESHOLD) -> bool:
    """Serve every block of ``size`` bytes or more from its own mapping (glibc; elsewhere nothing).

    By default glibc raises this threshold as large blocks are freed (up to 32 MB); a mapped block
    grows in place (``mremap``) and is given back to the system when freed. True when set."""
    if _malloc_trim() is None:
        return False
    mallopt = _libc_function("mallopt")
    if mallopt is None:
        return False
    m_mmap_threshold = -3
    return bool(mallopt(m_mmap_threshold, size))


# -- around a load -------------------------------------------------------------------------------
@contextlib.contextmanager
def loading() -> Iterator[None]:
    """What surrounds each load: the collector paused and memory given back afterwards, when the
    app asked for them (:func:`tune_for_app`); nothing otherwise."""
    pause = tuning.gc_paused_while_loading
    was_enabled = gc.isenabled()
    if pause:
        gc.disable()
    try:
        yield
    finally:
        if pause and was_enabled:
            gc.enable()
        return_memory()


def return_memory() -> None:
    """Ask the C allocator to give what it holds freed back to the system (``malloc_trim``), when
    the app asked for it."""
    if tuning.memory_returned_after_loading:
        trim = _malloc_trim()
        if trim is not None:
            trim(0)


_switching_lock = threading.Lock()
_switching_loads = 0
_switching_saved = 0.005


@contextlib.contextmanager
def brisk_switching() -> Iterator[None]:
    """Shorten the interpreter's switch interval while any background load runs (loads may overlap
    while a cancelled one winds down); the last one to end puts the previous interval back. Nothing
    unless the app asked for it."""
    global _switching_loads, _switching_saved
    if not tuning.brisk_switching_while_loading:
        yield
        return
    with _switching_lock:
        if _switching_loads == 0:
            _switching_saved = sys.getswitchinterval()
            sys.setswitchinterval(min(_switching_saved, LOADING_SWITCH_INTERVAL_S))
        _switching_loads += 1
    try:
        yield
    finally:
        with _switching_lock:
            _switching_loads -= 1
            if _switching_loads == 0:
                sys.setswitchinterval(_switching_saved)


_stderr_lock = threading.Lock()


@contextlib.contextmanager
def quiet_stderr() -> Iterator[None]:
    """Send what C code writes to the process's standard error to the null device meanwhile, when
    the app asked for it; nothing otherwise."""
    if not tuning.parser_stderr_silenced:
        yield
        return
    with _stderr_lock:
        try:
            saved = os.dup(2)
        except OSError:  # no standard error at all (a windowed app): nothing to silence
            yield
            return
        try:
            null = os.open(os.devnull, os.O_WRONLY)
            try:
                os.dup2(null, 2)
            finally:
                os.close(null)
            yield
        finally:
            os.dup2(saved, 2)
            os.close(saved)
