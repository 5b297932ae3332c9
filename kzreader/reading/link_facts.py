"""The facts of every event a sweep has met: the most recently used in memory, the others pickled in a temporary file.

A corpus sweep meets old events again through their rare keys, long after
their facts left memory. Reading such an event back from the state and
deriving its facts again cost 170 µs at 10,000 articles and 450 µs at
100,000 (SQLite's pages no longer cached), millions of times; unpickling the
facts it already had costs a few tens of µs. The file takes the place of
memory, so what stays in memory is bounded whatever the corpus's size.
"""
from __future__ import annotations

import os
import pickle
import tempfile
from collections import OrderedDict
from collections.abc import Hashable

from kzreader.reading.links import _Facts

_LENGTH_BITS = 32


class HeldFacts:
    """Facts by their event's place in the sweep; `held` of them in memory, most recently used."""

    def __init__(self, held: int) -> None:
        self.held = held
        self.live: OrderedDict[Hashable, _Facts] = OrderedDict()
        # Where each let-go event's pickle starts in the file and how long it is, in one int.
        self.spilled: dict[Hashable, int] = {}
        self.file = tempfile.TemporaryFile()
        self.end = 0
        self.reads = 0

    def put(self, place: Hashable, facts: _Facts) -> None:
        """Keep facts no one changes any more: a pickle written once is read back for ever."""
        self.live[place] = facts
        self.live.move_to_end(place)
        while len(self.live) > self.held:
            old, f = self.live.popitem(last=False)
            if old not in self.spilled:
                data = pickle.dumps(f, protocol=pickle.HIGHEST_PROTOCOL)
                os.pwrite(self.file.fileno(), data, self.end)
                self.spilled[old] = self.end << _LENGTH_BITS | len(data)
                self.end += len(data)

    def get(self, place: Hashable) -> _Facts:
        f = self.live.get(place)
        if f is not None:
            self.live.move_to_end(place)
            return f
        where = self.spilled[place]  # a KeyError here is a sweep asking for an event it never put
        self.reads += 1
        f = pickle.loads(os.pread(self.file.fileno(), where & ((1 << _LENGTH_BITS) - 1), where >> _LENGTH_BITS))
        self.put(place, f)
        return f

    def close(self) -> None:
        self.file.close()
        self.live.clear()
        self.spilled.clear()
