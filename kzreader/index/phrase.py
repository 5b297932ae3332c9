"""Phrases over stacked terms, matched by comparing word positions directly.

Whoosh's `Sequence` builds a span object for every position of every term in
every candidate document and compares them pairwise; at 10,000 articles a
two-word phrase of common words took 200-500 ms, most of it there. Here each
candidate's positions become one set per word, and a phrase is found where a
position of the first word is followed by one of the second, and so on: the
same documents for the exact phrase (slop 1, in order), a fraction of the work.
Other slops keep Whoosh's own span matching.
"""
from __future__ import annotations

from typing import Any

from whoosh import matching
from whoosh import query as wq
from whoosh.util import make_binary_tree


class StackedPhrase(wq.Sequence):
    """A `Sequence` of slots, each a term or an `Or` of terms at one position."""

    def _matcher(self, subs: list[wq.Query], searcher: Any, context: Any) -> Any:
        slots = [slot_terms(q) for q in subs]
        if self.slop != 1 or not self.ordered or any(terms is None for terms in slots):
            return super()._matcher(subs, searcher, context)
        context = context.set(needs_current=True)
        leaves: list[list[Any]] = []
        for terms in slots:
            live = [m for t in terms or () if (m := t.matcher(searcher, context)).is_active()]
            if not live:
                return matching.NullMatcher()
            leaves.append(live)
        m = AdjacentMatcher(leaves)
        return matching.WrappingMatcher(m, boost=self.boost) if self.boost != 1.0 else m


def slot_terms(q: wq.Query) -> list[wq.Term] | None:
    if isinstance(q, wq.Term):
        return [q]
    if isinstance(q, wq.Or) and all(isinstance(c, wq.Term) for c in q.subqueries):
        return list(q.subqueries)
    return None


class AdjacentMatcher(matching.WrappingMatcher):
    """Documents holding every slot where the slots' words stand next to each other in order.

    `leaves` are each slot's term matchers, kept to read their positions at the
    current document: a union moves its terms along, so those at the current
    document are the ones that occur in it.
    """

    def __init__(self, leaves: list[list[Any]]) -> None:
        unions = [make_binary_tree(matching.UnionMatcher, live) if len(live) > 1 else live[0] for live in leaves]
        super().__init__(make_binary_tree(matching.IntersectionMatcher, unions))
        self._leaves = leaves
        if self.child.is_active():
            self._find_next()

    def copy(self) -> AdjacentMatcher:
        # The copy must read the positions of its own leaves, so it is rebuilt from copies of them.
        return AdjacentMatcher([[leaf.copy() for leaf in slot] for slot in self._leaves])

    def replace(self, minquality: float = 0) -> Any:
        # A replaced child would no longer move the leaves this matcher reads.
        return self if self.is_active() else matching.NullMatcher()

    def _adjacent(self) -> bool:
        doc = self.child.id()
        starts: set[int] | None = None
        for offset, slot in enumerate(self._leaves):
            here: set[int] = set()
            for leaf in slot:
                if leaf.is_active() and leaf.id() == doc:
                    here.update(leaf.value_as("positions"))
            if starts is None:
                starts = here
            else:
                starts = {p for p in starts if p + offset in here}
            if not starts:
                return False
        return True

    def _find_next(self) -> bool:
        child = self.child
        moved = False
        while child.is_active() and not self._adjacent():
            moved = child.next() or moved
        return moved

    def next(self) -> bool:
        moved = self.child.next()
        return self._find_next() or bool(moved)

    def skip_to(self, id: int) -> bool:
        moved = self.child.skip_to(id)
        return self._find_next() or bool(moved)

    def all_ids(self) -> Any:
        while self.is_active():
            yield self.id()
            self.next()

    def supports_block_quality(self) -> bool:
        return False
