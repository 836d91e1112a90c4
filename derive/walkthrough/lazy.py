"""A read-only sequence whose items are made when first read (:class:`Lazy`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any


class Lazy(Sequence):
    """``make(item)`` for each of ``items``, made when first read and kept: ``len``, indexing,
    slices (a tuple) and iteration as a tuple, and equal to the tuple of its made items. A
    handout shows a few entries of each tensor; what it does not show is never made."""

    __slots__ = ("_items", "_make", "_done")

    def __init__(self, items: Sequence[Any], make: Callable[[Any], Any]) -> None:
        # a Lazy stays lazy: its items are made when this one reads them
        self._items = items if isinstance(items, (tuple, Lazy)) else tuple(items)
        self._make, self._done = make, {}

    def __len__(self) -> int:
        return len(self._items)

    def __getitem__(self, k: Any) -> Any:
        if isinstance(k, slice):
            return tuple(self[i] for i in range(*k.indices(len(self._items))))
        if k < 0:
            k += len(self._items)
        if not 0 <= k < len(self._items):
            raise IndexError(k)
        if k not in self._done:
            self._done[k] = self._make(self._items[k])
        return self._done[k]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (Lazy, tuple)):
            return tuple(self) == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({len(self._items)} items)"
