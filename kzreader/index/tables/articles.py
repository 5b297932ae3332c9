"""Articles as the index holds them, and the fingerprints of the files they were read from."""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kzreader.corpus.articles import file_of
from kzreader.corpus.decoding import NotText, decode
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
    # False when the article's file no longer holds the text it was indexed from (`text` is then empty).
    readable: bool = True

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
    "id, title, date, published, outlet, url, author, lang, date_source, duplicate_of, encoding, digest, "
    "regions, problems, words"
)


def text_digest(text: str) -> int:
    """64 bits of the text's BLAKE2b, signed for SQLite: what tells the text indexed apart from an edited one."""
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "big",
                          signed=True)


class ArticleTables(StateFile):
    """The `files` and `articles` tables.

    An article's text is not kept: it is its file's, decoded again when asked
    for (`texts` is the corpus folder), and checked against the digest of the
    text the article was indexed from, since its offsets point into that text.
    Deflated texts were 22 of the state's 197 MB at 10,000 articles.
    """

    texts: Path | None = None

    # files -----------------------------------------------------------------
    def fingerprints(self) -> dict[str, str]:
        """id -> fingerprint of every file indexed."""
        return dict(self.db.execute("SELECT id, fingerprint FROM files"))

    def file_hash(self, aid: str) -> str | None:
        """The content hash of a file as it was indexed."""
        row = self.db.execute("SELECT hash FROM files WHERE id = ?", (aid,)).fetchone()
        return row[0] if row else None

    def put_file(self, aid: str, path: str, fingerprint: str, digest: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?)", (aid, path, fingerprint, digest))

    # articles ----------------------------------------------------------------
    def put_article(self, rec: ArticleRecord, own_date: str | None, day_range: tuple[int, int] | None, rank: int) -> None:
        start, end = day_range if day_range else (None, None)
        self.db.execute(
            "INSERT OR REPLACE INTO articles VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                rec.id, rec.title, rec.date, rec.published, rec.outlet, rec.url, rec.author, rec.lang,
                rec.date_source, rec.duplicate_of, own_date, rec.encoding, text_digest(rec.text),
                json.dumps(rec.regions), json.dumps(rec.problems, ensure_ascii=False), start, end, rec.words, rank,
            ),
        )

    def set_words(self, aid: str, words: int) -> None:
        self.db.execute("UPDATE articles SET words=? WHERE id=?", (words, aid))

    def article(self, aid: str) -> ArticleRecord | None:
        row = self.db.execute(f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id=?", (aid,)).fetchone()
        return self._record(row) if row else None

    def _record(self, row: Sequence[Any]) -> ArticleRecord:
        regions = [tuple(r) for r in json.loads(row[12] or "[]")]
        problems = json.loads(row[13] or "[]")
        text = self._text(row[0], row[11])
        if text is None:
            problems.insert(0, f"{file_of(Path(), row[0])} changed or went away since it was indexed: refresh the "
                               "index (`kzreader index`) to read it again")
        return ArticleRecord(*row[:11], text or "", regions, problems, row[14],  # type: ignore[arg-type]
                             text is not None)

    def _text(self, aid: str, digest: int) -> str | None:
        """The article's file decoded, if it is still the text the article was indexed from."""
        if self.texts is None:
            return None
        try:
            text = decode(file_of(self.texts, aid).read_bytes()).text
        except (OSError, NotText):
            return None
        return text if text_digest(text) == digest else None

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
