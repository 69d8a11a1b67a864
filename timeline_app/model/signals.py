"""A minimal synchronous signal, so the pure model can notify views without importing Qt.

Callbacks are held strongly for plain functions and weakly for bound methods, so a view that is
garbage-collected drops out by itself (as napari's/psygnal's evented models do).
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any


class Signal:
    __slots__ = ("_slots",)

    def __init__(self) -> None:
        self._slots: list[Callable[[], Callable[..., Any] | None]] = []

    def connect(self, callback: Callable[..., Any]) -> Callable[..., Any]:
        ref: Callable[[], Callable[..., Any] | None]
        if hasattr(callback, "__self__") and hasattr(callback, "__func__"):
            ref = weakref.WeakMethod(callback)
        else:

            def ref(cb: Callable[..., Any] = callback) -> Callable[..., Any]:
                return cb

        self._slots.append(ref)
        return callback

    def disconnect(self, callback: Callable[..., Any]) -> None:
        self._slots = [r for r in self._slots if r() not in (None, callback)]

    def emit(self, *args: Any) -> None:
        dead = False
        for ref in list(self._slots):
            cb = ref()
            if cb is None:
                dead = True
                continue
            cb(*args)
        if dead:
            self._slots = [r for r in self._slots if r() is not None]

    def __len__(self) -> int:
        return sum(1 for r in self._slots if r() is not None)
