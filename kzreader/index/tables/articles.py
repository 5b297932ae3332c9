"""Articles as the index holds them, and the fingerprints of the files they were read from."""
from __future__ import annotations

import json
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from kzreader.index.tables.base import StateFile
from kzreader.index.tables.sql import ANY, id_list


@dataclass(slots=True)
class ArticleRecord:
    """An article as the index holds it: plain data for the views."""

    id: str
    title: str | None
    date: str | None
    published: str | None
    outlet: str | None
    url: str | None
    author: str | None
    lang: str | None
    date_source: str | None
    duplicate_of: str | None
    encoding: str
    text: str
    regions: list[tuple[int, int]]
    problems: list[str]
    words: int

    def summary(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "date": self.date,
            "published": self.published,
            "outlet": self.outlet,
            "url": self.url,
            "author": self.author,
            "lang": self.lang,
            "duplicate_of": self.duplicate_of,
            "date_source": self.date_source,
        }


_ARTICLE_COLUMNS = (
    "id, title, date, published, outlet, url, author, lang, date_source, duplicate_of, encoding, text, "
    "regions, problems, words"
)


def _record(row: Sequence[Any]) -> ArticleRecord:
    regions = [tuple(r) for r in json.loads(row[12] or "[]")]
    problems = json.loads(row[13] or "[]")
    return ArticleRecord(*row[:11], unpack_text(row[11]), regions, problems, row[14])  # type: ignore[arg-type]


# The text is kept deflated: a news article shrinks to a third (12.4 -> 4.4 MB
# at 2,000 articles) for about 0.25 ms to write and 0.07 ms to read it back.
def pack_text(text: str) -> bytes:
    return zlib.compress(text.encode("utf-8"), 6)


def unpack_text(data: bytes) -> str:
    return zlib.decompress(data).decode("utf-8")


class ArticleTables(StateFile):
    """The `files` and `articles` tables."""

    # files -----------------------------------------------------------------
    def files(self) -> dict[str, tuple[str, str]]:
        """id -> (fingerprint, content hash) of every file indexed."""
        return {r[0]: (r[1], r[2]) for r in self.db.execute("SELECT id, fingerprint, hash FROM files")}

    def put_file(self, aid: str, path: str, fingerprint: str, digest: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?)", (aid, path, fingerprint, digest))

    # articles ----------------------------------------------------------------
    def put_article(self, rec: ArticleRecord, own_date: str | None, day_range: tuple[int, int] | None, rank: int) -> None:
        start, end = day_range if day_range else (None, None)
        self.db.execute(
            "INSERT OR REPLACE INTO articles VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                rec.id, rec.title, rec.date, rec.published, rec.outlet, rec.url, rec.author, rec.lang,
                rec.date_source, rec.duplicate_of, own_date, rec.encoding, pack_text(rec.text), json.dumps(rec.regions),
                json.dumps(rec.problems, ensure_ascii=False), start, end, rec.words, rank,
            ),
        )

    def set_words(self, aid: str, words: int) -> None:
        self.db.execute("UPDATE articles SET words=? WHERE id=?", (words, aid))

    def article(self, aid: str) -> ArticleRecord | None:
        row = self.db.execute(f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id=?", (aid,)).fetchone()
        return _record(row) if row else None

    def article_ids(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT id FROM articles ORDER BY id")]

    def article_count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM articles").fetchone()[0])

    def summaries(self, ids: Iterable[str] | None = None) -> list[dict[str, Any]]:
        """Article metadata without text, newest first (undated last)."""
        cols = "id, title, date, published, outlet, url, author, lang, duplicate_of, date_source"
        sql = f"SELECT {cols} FROM articles"
        args: tuple[Any, ...] = ()
        if ids is not None:
            sql += f" WHERE id IN {ANY}"
            args = (id_list(ids),)
        sql += " ORDER BY day_start IS NULL, day_start DESC, id"
        keys = [c.strip() for c in cols.split(",")]
        return [dict(zip(keys, row)) for row in self.db.execute(sql, args)]

    def own_dates(self) -> dict[str, tuple[str | None, str | None, int]]:
        """id -> (date from its own file or sidecar, duplicate_of, metadata rank)."""
        return {r[0]: (r[1], r[2], r[3]) for r in self.db.execute("SELECT id, own_date, duplicate_of, rank FROM articles")}

    def set_duplicate(self, aid: str, original: str | None, date: str | None, source: str | None,
                      day_range: tuple[int, int] | None) -> None:
        start, end = day_range if day_range else (None, None)
        self.db.execute(
            "UPDATE articles SET duplicate_of=?, date=?, date_source=?, day_start=?, day_end=? WHERE id=?",
            (original, date, source, start, end, aid),
        )
