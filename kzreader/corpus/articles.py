"""The corpus: article files in a folder, their metadata, and what their text says of itself.

An article is `<id>.txt` (any of the encodings `decoding` reads) with an
optional `<id>.yaml` sidecar. The file's own header lines are read too: a first
line ` date YYYY-MM[-DD]` (which may run on into the text), a
`Publikacja: DD.MM.YYYY HH:MM` line, the title as the first line, and ad and
photo-credit lines that are not body text. The sidecar wins where both speak.
"""
from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import NamedTuple
from pathlib import Path

from kzreader.corpus import dedup
from kzreader.corpus.decoding import NotText, decode
from kzreader.corpus.metadata import Metadata, normalise_date, read_sidecar, sidecar_path
from kzreader.language.detection import detect

_HEADER = re.compile(r"\A[ \t\ufeff]*date[ \t]+(\d{4}-\d{2}(?:-\d{2})?)\b[ \t]*")
_PUBLICATION = re.compile(r"^[ \t]*Publikacja:[ \t]*(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[ \t]+(\d{1,2}):(\d{2}))?[ \t]*$")
_NOT_BODY = re.compile(r"^[ \t]*(?:Reklama|Foto:.*|Fot\.:?.*|Publikacja:.*)[ \t]*$", re.IGNORECASE)
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_TITLE_MAX = 200
# A news article is well under a megabyte; a file of many megabytes is a dump or
# a book, and analysing it would stall the whole build.
MAX_BYTES = 8 * 1024 * 1024


@dataclass(slots=True)
class Article:
    """One article: its decoded text and what is known of it.

    `regions` are the (start, end) spans of body text, the title included;
    the header token, the publication line and ad and photo-credit lines are
    outside them. `date` keeps its granularity (`2022-11` stays a month) and
    `date_source` says where it came from.
    """

    id: str
    path: Path
    text: str
    regions: list[tuple[int, int]]
    title: str | None = None
    date: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    author: str | None = None
    lang: str | None = None
    date_source: str | None = None
    duplicate_of: str | None = None
    encoding: str = "utf-8"
    problems: list[str] = field(default_factory=list)

    @property
    def metadata_rank(self) -> int:
        """How much is known of the article: the richer one of two copies is the original."""
        return sum(1 for v in (self.title, self.date, self.outlet, self.url, self.author) if v)

    def inherit(self, original: "Article") -> None:
        """Take from the article this one copies what this one lacks."""
        self.duplicate_of = original.id
        for name in ("title", "outlet", "url", "author", "lang", "published"):
            if not getattr(self, name):
                setattr(self, name, getattr(original, name))
        if not self.date and original.date:
            self.date = original.date
            self.date_source = f"duplicate of {original.id}"


@dataclass(slots=True)
class Corpus:
    root: Path
    articles: list[Article]
    skipped: list[str] = field(default_factory=list)

    def by_id(self) -> dict[str, Article]:
        return {a.id: a for a in self.articles}


class SourceFile(NamedTuple):
    """An article file found in the corpus. Paths are kept as strings, and the
    record a tuple: making a Path, or a frozen dataclass, of every file cost
    more than walking the folders at 100,000 articles."""

    id: str
    file: str
    sidecar: str | None = None

    @property
    def path(self) -> Path:
        return Path(self.file)


class CorpusError(Exception):
    """The corpus folder cannot be used at all (missing, not a folder, unreadable)."""


@dataclass(frozen=True, slots=True)
class ArticleFolder:
    """One folder's article files, by name: `stems` in name order, `sidecars` the stems with a `.yaml`.

    A refresh that finds nothing changed must still look at every file; kept
    as names, without a record for each file, the listing of 100,000 articles
    takes a fraction of what making their `SourceFile`s did.
    """

    path: str
    prefix: str
    stems: list[str]
    sidecars: frozenset[str]

    def source(self, i: int) -> SourceFile:
        stem = self.stems[i]
        return SourceFile(self.prefix + stem, self.path + stem + ".txt",
                          self.path + stem + ".yaml" if stem in self.sidecars else None)

    def ids(self) -> list[str]:
        return [self.prefix + stem for stem in self.stems] if self.prefix else self.stems


def article_folders(root: Path, exclude: Path | None = None) -> Iterator[ArticleFolder]:
    """Every folder under `root` with `.txt` files, without following directory links (no loops).

    Ids are file names without `.txt`; files in subfolders keep their relative
    path so two outlets' `1.txt` do not collide.
    """
    if not root.exists():
        raise CorpusError(f"corpus folder {root} does not exist")
    if not root.is_dir():
        raise CorpusError(f"corpus {root} is not a folder")
    excluded = exclude.resolve() if exclude else None
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        base = Path(dirpath)
        dirnames[:] = sorted(
            d for d in dirnames if not d.startswith(".") and (excluded is None or (base / d).resolve() != excluded)
        )
        stems = [name[:-4] for name in sorted([n for n in filenames if n.endswith(".txt") and not n.startswith(".")])]
        if stems:
            rel = base.relative_to(root).as_posix()
            yield ArticleFolder(os.path.join(dirpath, ""), "" if rel == "." else rel + "/", stems,
                                frozenset([name[:-5] for name in filenames if name.endswith(".yaml")]))


def article_files(root: Path, exclude: Path | None = None) -> Iterator[SourceFile]:
    """Every `.txt` under `root`, folder by folder in name order, with its sidecar if it has one."""
    for folder in article_folders(root, exclude):
        yield from map(folder.source, range(len(folder.stems)))


def file_of(root: Path, aid: str) -> Path:
    """The file an article id was made from by `article_files`."""
    return root / f"{aid}.txt"


def read_article(source: SourceFile) -> tuple[Article, bytes]:
    """Read and decode one article with its metadata; raises NotText or OSError."""
    size = source.path.stat().st_size
    if size > MAX_BYTES:
        raise NotText(f"{size // (1024 * 1024)} MB is larger than the {MAX_BYTES // (1024 * 1024)} MB an article may have")
    raw = source.path.read_bytes()
    decoded = decode(raw)
    article = parse(source.id, source.path, decoded.text, read_sidecar(sidecar_path(source.path)))
    article.encoding = decoded.encoding
    if decoded.warning:
        article.problems.append(f"{source.path.name}: {decoded.warning}")
    return article, raw


def parse(aid: str, path: Path, text: str, sidecar: Metadata | None = None) -> Article:
    """Apply the header rules to decoded text; the sidecar's fields win."""
    own = Metadata()
    regions: list[tuple[int, int]] = []
    body_from = 0
    header = _HEADER.match(text)
    if header:
        norm = normalise_date(header.group(1))
        if norm:
            own.date = norm[0]
        body_from = header.end()
    source = "header" if own.date else None
    for m in _LINE.finditer(text, body_from):
        if m.start() == m.end():
            break
        start, end = m.start(), m.end()
        line = text[start:end].rstrip("\r\n")
        pub = _PUBLICATION.match(line)
        if pub:
            day, month, year, hour, minute = pub.groups()
            date = normalise_date(f"{year}-{int(month):02d}-{int(day):02d}")
            if date:
                own.date = date[0]
                own.published = f"{date[0]}T{int(hour):02d}:{minute}" if hour else None
                source = "publication line"
            continue
        if _NOT_BODY.match(line) or not line.strip():
            continue
        regions.append((start, start + len(line)))
    first = text[regions[0][0] : regions[0][1]].strip() if regions else ""
    if first and len(first) <= _TITLE_MAX and not first.endswith(".") and len(regions) > 1:
        own.title = first
    meta = (sidecar or Metadata()).merged_over(own)
    if sidecar and sidecar.date:
        source = "metadata"
    return Article(
        id=aid,
        path=path,
        text=text,
        regions=regions,
        title=meta.title,
        date=meta.date,
        published=meta.published,
        outlet=meta.outlet,
        url=meta.url,
        author=meta.author,
        lang=language_of(meta.lang, text, regions),
        date_source=source if meta.date else None,
        problems=list(meta.problems),
    )


def language_of(declared: str | None, text: str, regions: list[tuple[int, int]]) -> str:
    """The sidecar's language (`pl`, `PL`, `pl-PL` alike), else the one the body is written in."""
    if declared and (code := declared.strip().lower().replace("_", "-").split("-")[0]).isalpha():
        return code
    return detect(" ".join(text[s:e] for s, e in regions))


def load_corpus(root: Path, exclude: Path | None = None) -> Corpus:
    """Every readable article under `root`, near-duplicates resolved; the rest listed as skipped."""
    articles: list[Article] = []
    skipped: list[str] = []
    for source in article_files(root, exclude):
        try:
            article, _raw = read_article(source)
        except NotText as exc:
            skipped.append(f"{source.path}: skipped, {exc}")
            continue
        except OSError as exc:
            skipped.append(f"{source.path}: skipped, cannot read it ({exc.strerror or exc})")
            continue
        articles.append(article)
    resolve_duplicates(articles)
    return Corpus(root, articles, skipped)


def resolve_duplicates(articles: list[Article]) -> dict[str, str]:
    by_id = {a.id: a for a in articles}
    sigs = {a.id: dedup.signature(a.text, a.regions) for a in articles}
    index = dedup.ShingleIndex()
    for aid, sig in sigs.items():
        index.add(aid, sig)
    dups = dedup.find_duplicates(sigs, index.shared, index.sizes, {a.id: a.metadata_rank for a in articles})
    for aid, original in dups.items():
        by_id[aid].inherit(by_id[original])
    return dups
