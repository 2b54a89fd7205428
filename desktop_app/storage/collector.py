"""The cycle collector paused while many records are built or read at once.

Reading or importing a large school makes millions of short-lived objects (JSON values, KTP
rows, driver tuples), none of them in a reference cycle: reference counting frees them all. The
cycle collector would still run thousands of times over them and over everything alive, a
quarter to a third of the processor time of ``export`` and ``check`` of such a school
(bench/exchange_bench.py). It is paused for the duration and runs normally again after;
pauses may nest and overlap across threads.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_paused = 0
_was_enabled = False


@contextmanager
def collector_paused() -> Iterator[None]:
    """No automatic cycle collection inside; as it was before once the last pause ends."""
    global _paused, _was_enabled
    with _lock:
        if _paused == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _paused += 1
    try:
        yield
    finally:
        with _lock:
            _paused -= 1
            if _paused == 0 and _was_enabled:
                gc.enable()
