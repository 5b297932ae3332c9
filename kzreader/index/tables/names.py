"""The name vote's evidence: each article's unknown name forms, and their running totals over the corpus."""
from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable

from kzreader.index.tables.base import StateFile


class NameTables(StateFile):
    """The `names` and `name_totals` tables, and the vote's choices kept in `meta`."""

    def put_names(self, aid: str, forms: Counter[str]) -> None:
        self.drop_names(aid)
        self.db.executemany("INSERT INTO names VALUES (?, ?, ?)", ((aid, f, n) for f, n in forms.items()))
        self._count_names(forms.items())

    def drop_names(self, aid: str) -> None:
        old = self.db.execute("SELECT form, n FROM names WHERE id=?", (aid,)).fetchall()
        if old:
            self._count_names((form, -n) for form, n in old)
            self.db.execute("DELETE FROM names WHERE id=?", (aid,))

    def _count_names(self, changes: Iterable[tuple[str, int]]) -> None:
        self.db.executemany("INSERT INTO name_totals(form, n) VALUES (?, ?) "
                            "ON CONFLICT(form) DO UPDATE SET n = n + excluded.n", changes)

    def name_forms(self) -> dict[str, int]:
        return {r[0]: r[1] for r in self.db.execute("SELECT form, n FROM name_totals WHERE n > 0")}

    def put_name_choices(self, choices: dict[str, str]) -> None:
        # Kept beside the forms: summing every article's forms took a second
        # of the app's start at 100,000 articles.
        self.set_meta("name_choices", json.dumps(choices, ensure_ascii=False))

    def name_choices(self) -> dict[str, str]:
        """The name vote's base form for each unknown name form, as the last build decided it."""
        stored = self.get_meta("name_choices")
        return dict(json.loads(stored)) if stored else {}
