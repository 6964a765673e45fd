"""A bounded memo: the answers most recently asked for, by their question, looked up without computing anything.

The service answers from a repository whose content does not change while it runs, so an answer worked out
once holds for as long as it is kept; the bound keeps a client that asks about every date from growing it
without end."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Memo(Generic[K, V]):
    """At most ``size`` values by key, the one asked for least recently dropped first. Safe to share between
    threads (answers are worked out in a thread pool and looked up on the event loop): each lookup or insertion
    holds a lock for a few dictionary operations only.

    >>> memo: Memo[str, int] = Memo(2)
    >>> memo.put("a", 1); memo.put("b", 2); memo.get("a")
    1
    >>> memo.put("c", 3); memo.get("b") is None, memo.get("a"), len(memo)
    (True, 1, 2)
    """

    def __init__(self, size: int):
        if size < 1:
            raise ValueError(f"a memo keeps at least one value, not {size}")
        self._size = size
        self._values: OrderedDict[K, V] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: K) -> V | None:
        with self._lock:
            value = self._values.get(key)
            if value is not None:
                self._values.move_to_end(key)
            return value

    def put(self, key: K, value: V) -> None:
        with self._lock:
            self._values[key] = value
            self._values.move_to_end(key)
            while len(self._values) > self._size:
                self._values.popitem(last=False)

    def __len__(self) -> int:
        return len(self._values)
