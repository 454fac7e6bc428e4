"""Read ahead in a thread of its own, so that a database's work overlaps the writer's.

SQLite runs its queries inside ``sqlite3_step`` with the GIL released (and zlib compresses with
it released too), so on two cores the full export's reading and writing overlap instead of
adding up. The producer thread owns the iterator from start to end: its connection is opened,
used and closed there.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from queue import Empty, Full, Queue
from typing import TypeVar

T = TypeVar("T")
_END = object()
_POLL = 0.1  # seconds between checks of whether the consumer has gone


def prefetched(items: Iterator[T], depth: int = 2) -> Iterator[T]:
    """``items``, produced by a thread up to ``depth`` ahead; an error there is raised here.
    Closing this iterator (a client that went away) stops the thread and closes ``items``."""
    queue: Queue = Queue(depth)
    stop = threading.Event()

    def put(item) -> bool:
        while not stop.is_set():
            try:
                queue.put(item, timeout=_POLL)
                return True
            except Full:
                continue
        return False

    def produce() -> None:
        try:
            for item in items:
                if not put(item):
                    break
            else:
                put(_END)
        except BaseException as error:  # handed to the consumer, raised there
            put(error)
        finally:
            close = getattr(items, "close", None)
            if close is not None:
                close()

    thread = threading.Thread(target=produce, name="prefetch", daemon=True)
    thread.start()
    try:
        while True:
            try:
                item = queue.get(timeout=_POLL)
            except Empty:
                if thread.is_alive():
                    continue
                try:  # it may have put its last item just before it ended
                    item = queue.get_nowait()
                except Empty:
                    raise RuntimeError("the prefetch thread ended without a result") from None
            if item is _END:
                return
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()
        thread.join()
