"""Reading ahead in a thread: items in order, errors raised to the reader, early close stops it."""

from __future__ import annotations

import threading

import pytest

from data.export.prefetch import prefetched


def test_items_come_in_order():
    assert list(prefetched(iter(range(50)), depth=2)) == list(range(50))


def test_an_error_in_the_producer_is_raised_to_the_reader():
    def broken():
        yield 1
        raise ValueError("database gone")

    reader = prefetched(broken())
    assert next(reader) == 1
    with pytest.raises(ValueError, match="database gone"):
        next(reader)


def test_closing_early_stops_the_producer_and_closes_its_source():
    closed = threading.Event()

    def endless():
        try:
            n = 0
            while True:
                yield n
                n += 1
        finally:
            closed.set()

    reader = prefetched(endless(), depth=1)
    assert [next(reader) for _ in range(3)] == [0, 1, 2]
    reader.close()  # a client that went away
    assert closed.is_set()
    assert not any(t.name == "prefetch" for t in threading.enumerate())
