"""Each article's shingle signature, and which articles share its hashes: what finding copies asks of the state."""
from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Sequence

from kzreader.index.tables.base import StateFile
from kzreader.index.tables.sql import chunks

# A signature holds crc32 hashes (dedup.py): 32-bit, packed unsigned.
_HASH_BYTES = array("I").itemsize


class SignatureTables(StateFile):
    """The `shingles` table and each article's `signatures`."""

    def put_signature(self, aid: str, sig: Sequence[int]) -> None:
        self.drop_signature(aid)
        num = self.db.execute("INSERT INTO signatures(id, hashes) VALUES (?, ?)",
                              (aid, array("I", sig).tobytes())).lastrowid
        self.db.executemany("INSERT INTO shingles VALUES (?, ?)", ((h, num) for h in sig))

    def drop_signature(self, aid: str) -> None:
        row = self.db.execute("SELECT num, hashes FROM signatures WHERE id=?", (aid,)).fetchone()
        if row is None:
            return
        self.db.executemany("DELETE FROM shingles WHERE hash=? AND num=?", ((h, row[0]) for h in array("I", row[1])))
        self.db.execute("DELETE FROM signatures WHERE num=?", (row[0],))

    def signature(self, aid: str) -> list[int]:
        row = self.db.execute("SELECT hashes FROM signatures WHERE id=?", (aid,)).fetchone()
        return array("I", row[0]).tolist() if row else []

    def signature_sizes(self) -> dict[str, int]:
        return {r[0]: r[1] // _HASH_BYTES for r in self.db.execute("SELECT id, length(hashes) FROM signatures")}

    def signature_size(self, aid: str) -> int:
        row = self.db.execute("SELECT length(hashes) FROM signatures WHERE id=?", (aid,)).fetchone()
        return row[0] // _HASH_BYTES if row else 0

    def frequent_hashes(self, common: int) -> set[int]:
        """Hashes more than `common` articles hold, in one pass: for checking many articles at once."""
        return {r[0] for r in self.db.execute(
            "SELECT hash FROM shingles GROUP BY hash HAVING count(*) > ?", (common,))}

    def shared(self, sig: Sequence[int], common: int, frequent: set[int] | None = None) -> Counter[str]:
        """How many of these hashes each article holds, leaving out hashes more than `common` articles hold.

        Without `frequent`, each hash's holders are counted only up to
        `common` + 1: a hash that thousands of articles share must not cost
        thousands of steps for every article that has it.
        """
        if frequent is None:
            rare = [h for h in sig if self.db.execute(
                "SELECT count(*) FROM (SELECT 1 FROM shingles WHERE hash=? LIMIT ?)", (h, common + 1)
            ).fetchone()[0] <= common]
        else:
            rare = [h for h in sig if h not in frequent]
        counts: Counter[int] = Counter()
        for part in chunks(rare, 500):
            sql = f"SELECT num FROM shingles WHERE hash IN ({','.join('?' * len(part))})"
            counts.update(r[0] for r in self.db.execute(sql, part))
        ids: dict[int, str] = {}
        for part in chunks(sorted(counts), 500):
            sql = f"SELECT num, id FROM signatures WHERE num IN ({','.join('?' * len(part))})"
            ids.update(self.db.execute(sql, part))
        return Counter({ids[num]: n for num, n in counts.items()})
