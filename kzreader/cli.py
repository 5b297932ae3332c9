"""The command line: `kzreader [--corpus DIR] [--index DIR] COMMAND [--json]`.

Every command brings the index up to date first (only what changed is
re-analysed). Terminal output is rendered with rich `Text` and styled spans,
never markup; `--json` prints the shapes documented in the README.
"""
from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
from collections.abc import Callable, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.text import Text

from kzreader import __version__, cli_corrections
from kzreader.corpus.articles import CorpusError
from kzreader.index import faults
from kzreader.index import folder as ix_mod
from kzreader.index.folder import IndexFolderError
from kzreader.index.indexer import RefreshReport
from kzreader.index.query import QueryError
from kzreader.cli_search import HIT_STYLE, article_meta, body_start, print_search, search_json, timeline_legend
from kzreader.index.store import StoreError
from kzreader.language import DEFAULT as POLISH
from kzreader.library import Library, TimelineFilter
from kzreader.library import config
from kzreader.library.dates import shown_date
from kzreader.library.export import to_csv, to_timelinejs
from kzreader.library.ids import UnknownArticle
from kzreader.library.inert import inert_text
from kzreader.library.relations import RELATION_MARKS, RELATION_ORDER
from kzreader.library.stats import PERIODS, bars, span_text
from kzreader.library.stats_export import Overview
from kzreader.library.stats_export import to_csv as stats_csv
from kzreader.library.stats_export import to_json as stats_json
from kzreader.library.reprints import also_in, copies_of
from kzreader.reading.annotations import Event
from kzreader.reading.gazetteer import GazetteerError
from kzreader.reading.periods import day_number

ENTITY_STYLES = {"person": "bold cyan", "place": "bold green", "org": "bold magenta", "money": "bold yellow"}


class UsageError(Exception):
    """Something the user asked for that cannot be done; one line, exit status 2."""


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="kzreader",
        description="A terminal reader for Polish news articles: search, entities and a timeline of dated events.",
    )
    p.add_argument("--corpus", help="folder of articles (.txt with optional .yaml); env KZREADER_CORPUS")
    p.add_argument("--index", help="folder of the index; env KZREADER_INDEX")
    p.add_argument("--corrections", help="the corrections file (YAML); env KZREADER_CORRECTIONS")
    p.add_argument("--version", action="version", version=f"kzreader {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    s = sub.add_parser("index", help="build or refresh the index")
    s.add_argument("--rebuild", action="store_true", help="rebuild from scratch")
    s.add_argument("--json", action="store_true")

    s = sub.add_parser("articles", help="list the articles")
    s.add_argument("--json", action="store_true")

    s = sub.add_parser("search", help="search the articles")
    s.add_argument("query", nargs="+", help="words, \"phrases\", AND/OR/NOT, prefix*, =exact, title:, outlet:, "
                                            "person:, place:, org:, date:2022, date:[2022-01 to 2022-06]")
    s.add_argument("--limit", type=int, default=20)
    s.add_argument("--json", action="store_true")

    s = sub.add_parser("show", help="print an article, search terms highlighted")
    s.add_argument("id")
    s.add_argument("--query", "-q", help="highlight the words this query matches")
    s.add_argument("--json", action="store_true")

    s = sub.add_parser("entities", help="people, places, organisations and sums")
    s.add_argument("--article", help="only this article")
    s.add_argument("--json", action="store_true")

    s = sub.add_parser("timeline", help="dated events and their links")
    s.add_argument("--from", dest="start", help="YYYY[-MM[-DD]]")
    s.add_argument("--to", dest="end", help="YYYY[-MM[-DD]]")
    s.add_argument("--entity", help="only events naming this entity")
    s.add_argument("--query", help="only events whose sentence this search matches")
    s.add_argument("--undated", action="store_true", help="also events whose year is unknown")
    s.add_argument("--format", choices=("table", "csv", "timelinejs"), default="table")
    s.add_argument("--json", action="store_true")

    s = sub.add_parser("stats", help="events per period, the entities in most articles, who appears with whom")
    s.add_argument("--by", choices=PERIODS, default="month", help="the histogram's period")
    s.add_argument("--entity", help="only events naming this entity; adds who appears with it")
    s.add_argument("--query", help="only the articles this search finds")
    s.add_argument("--limit", type=int, default=20, help="entities listed")
    s.add_argument("--format", choices=("table", "csv"), default="table")
    s.add_argument("--json", action="store_true")
    cli_corrections.register(sub)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.corrections:
        # Through the environment, so the app and its indexing child process use it too.
        os.environ["KZREADER_CORRECTIONS"] = args.corrections
    # Output to a pipe or a file is not wrapped: the reader of it does that.
    out = Console(highlight=False, soft_wrap=not sys.stdout.isatty())
    err = Console(stderr=True, highlight=False, soft_wrap=True)
    try:
        if args.command is None:
            return _launch_app(args, err)
        return COMMANDS[args.command](args, out, err)
    except (UsageError, QueryError, CorpusError, IndexFolderError, GazetteerError) as exc:
        err.print(Text(f"kzreader: {exc}", style="red"))
        return 2
    except StoreError as exc:
        err.print(Text(f"kzreader: the index cannot be used ({exc}); run `kzreader index --rebuild`", style="red"))
        return 1
    except faults.IndexWriteError as exc:
        err.print(Text(f"kzreader: {exc}", style="red"))
        return 1
    except sqlite3.DatabaseError as exc:
        err.print(Text(f"kzreader: {ix_mod.unreadable(_paths(args)[1], exc)}", style="red"))
        return 1
    except KeyboardInterrupt:
        err.print(Text("kzreader: interrupted", style="red"))
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return 0


def _paths(args: argparse.Namespace) -> tuple[Path, Path]:
    corpus = config.corpus_path(args.corpus)
    return corpus, config.index_path(args.index, corpus)


@contextmanager
def _library(args: argparse.Namespace, err: Console, rebuild: bool = False,
             as_it_stands: bool = True) -> Iterator[tuple[Library, RefreshReport | None]]:
    corpus, index_dir = _paths(args)
    show_progress = err.is_terminal and not getattr(args, "json", False)
    with _progress(err, show_progress) as progress:
        lib, report = Library.open(corpus, index_dir, rebuild=rebuild, progress=progress,
                                   log=lambda msg: err.print(Text(msg, style="yellow")), as_it_stands=as_it_stands)
    try:
        yield lib, report
    finally:
        lib.close()


@contextmanager
def _progress(err: Console, enabled: bool) -> Iterator[Callable[[str, int, int], None] | None]:
    if not enabled:
        yield None
        return
    bar = Progress(TextColumn("{task.description:>10}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                   console=err, transient=True)
    tasks: dict[str, Any] = {}

    def update(phase: str, done: int, total: int) -> None:
        if phase not in tasks:
            tasks[phase] = bar.add_task(phase, total=total)
        bar.update(tasks[phase], completed=done, total=total)

    with bar:
        yield update


def _emit_json(out: Console, data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=1) + "\n")


def cmd_index(args: argparse.Namespace, out: Console, err: Console) -> int:
    # Asked to index, it reports a folder it cannot write rather than showing the old index.
    with _library(args, err, rebuild=args.rebuild, as_it_stands=False) as (lib, report):
        assert report is not None
        data = {
            "articles": lib.store.article_count(), "added": len(report.added), "changed": len(report.changed),
            "removed": len(report.removed), "reanalysed": len(report.reanalysed), "unchanged": report.unchanged,
            "skipped": report.skipped, "problems": report.problems, "rebuilt": report.rebuilt, "seconds": round(report.seconds, 3),
            "words": report.words,
        }
        if args.json:
            _emit_json(out, data)
        else:
            out.print(Text(
                f"{data['articles']} articles indexed in {lib.index_dir} ({data['added']} added, "
                f"{data['changed']} changed, {data['removed']} removed, {data['unchanged']} unchanged) "
                f"in {report.seconds:.1f} s"
            ))
    return 0


def cmd_articles(args: argparse.Namespace, out: Console, err: Console) -> int:
    with _library(args, err) as (lib, _):
        rows = lib.articles()
        if args.json:
            _emit_json(out, {"articles": rows})
            return 0
        if not rows:
            out.print(Text(f"No articles in {lib.corpus}: drop .txt files there (with an optional .yaml beside each)."))
        for row in rows:
            line = Text()
            line.append(f"{row['date'] or '—':<10} ", style="dim")
            line.append(f"{inert_text(row['outlet'] or ''):<24.24} ", style="cyan")
            line.append(inert_text(row["title"] or row["id"]))
            if row["lang"] and row["lang"] != POLISH:
                line.append(f"  ({row['lang']})", style="dim")
            if row["duplicate_of"]:
                line.append(f"  (copy of {row['duplicate_of']})", style="dim")
            line.append(f"  [{row['id']}]", style="dim")
            out.print(line)
    return 0


def cmd_search(args: argparse.Namespace, out: Console, err: Console) -> int:
    if args.limit < 1:
        raise UsageError("--limit must be at least 1")
    query = " ".join(args.query)
    with _library(args, err) as (lib, _):
        result = lib.search(query, limit=args.limit)
        if args.json:
            _emit_json(out, search_json(result))
        else:
            print_search(out, err, result)
    return 0


def cmd_show(args: argparse.Namespace, out: Console, err: Console) -> int:
    with _library(args, err) as (lib, _):
        rec = lib.article(_article_id(lib, args.id))
        assert rec is not None
        spans = lib.matches(args.query, rec.id) if args.query else []
        entities = lib.entities(rec.id)
        if args.json:
            data = rec.summary() | {"text": rec.text, "matches": [{"start": m.start, "end": m.end} for m in spans]}
            _emit_json(out, data)
            return 0
        out.print(Text(inert_text(rec.title or rec.id), style="bold underline"))
        out.print(article_meta(rec))
        body = Text(inert_text(rec.text))
        for ent in entities:
            for m in ent.mentions:
                body.stylize(ENTITY_STYLES.get(ent.type, "bold"), m.start, m.end)
        for m in spans:
            body.stylize(HIT_STYLE, m.start, m.end)
        out.print()
        out.print(body[body_start(rec):])
    return 0


def _article_id(lib: Library, given: str) -> str:
    try:
        return lib.article_id(given)
    except UnknownArticle as exc:
        raise UsageError(str(exc)) from None


def entities_json(lib: Library, only: str | None) -> dict[str, Any]:
    ids = [only] if only else [a["id"] for a in lib.articles()]
    articles = []
    for aid in ids:
        articles.append({
            "article": aid,
            "entities": [
                {"name": e.name, "type": e.type, "key": e.key, "aliases": e.aliases,
                 "mentions": [{"start": m.start, "end": m.end, "text": m.text} for m in e.mentions],
                 **({"amount": e.amount, "currency": e.currency, "qualifier": e.qualifier} if e.type == "money" else {})}
                for e in lib.entities(aid)
            ],
        })
    return {"articles": articles, "entities": lib.entity_facets(ids if only else None)}


def cmd_entities(args: argparse.Namespace, out: Console, err: Console) -> int:
    with _library(args, err) as (lib, _):
        article = _article_id(lib, args.article) if args.article else None
        data = entities_json(lib, article)
        if args.json:
            _emit_json(out, data)
            return 0
        for etype in ("person", "place", "org", "money"):
            rows = [r for r in data["entities"] if r["type"] == etype]
            if not rows:
                continue
            out.print(Text(f"\n{etype}", style=ENTITY_STYLES[etype]))
            for r in rows:
                line = Text(f"  {r['mentions']:>4}  ")
                line.append(inert_text(r["name"]), style=ENTITY_STYLES[etype])
                span = " – ".join(x for x in (r["first"], r["last"]) if x)
                line.append(f"  {r['article_count']} article(s)  {span}", style="dim")
                out.print(line)
    return 0


def event_json(ev: Event) -> dict[str, Any]:
    return ev.to_dict()


def cmd_timeline(args: argparse.Namespace, out: Console, err: Console) -> int:
    # Data (JSON, CSV, TimelineJS) keeps every article's events; a reader's list folds reprints.
    listing = not args.json and args.format == "table"
    flt = TimelineFilter(args.start, args.end, args.entity, args.query, fold_copies=listing)
    for value in (args.start, args.end):
        if value:
            _check_date(value)
    with _library(args, err) as (lib, _):
        if args.entity and not lib.entity_keys(args.entity):
            err.print(Text(f"kzreader: no entity called {args.entity!r}; `kzreader entities` lists them", style="red"))
            return 1
        events = lib.timeline(flt, undated=args.undated or args.json)
        if args.json:
            _emit_json(out, {"events": [event_json(e) for e in events]})
            return 0
        if args.format == "csv":
            sys.stdout.write(to_csv(events))
            return 0
        if args.format == "timelinejs":
            titles = {a["id"]: a["title"] or a["id"] for a in lib.articles()}
            _emit_json(out, to_timelinejs(events, titles))
            return 0
        if not events:
            err.print(Text("No events match; `kzreader timeline` alone lists them all", style="bold"))
            return 0
        copies = copies_of(lib.articles())
        for ev in events:
            line = Text()
            line.append(f"{shown_date(ev.date):<10} ", style="bold")
            line.append(f"{ev.article[:12]:<12} ", style="dim")
            line.append(inert_text(ev.label or ev.sentence[:80]))
            kinds = {lk.relation for lk in ev.links}
            if kinds:
                line.append("  " + "".join(RELATION_MARKS[k] for k in RELATION_ORDER if k in kinds), style="yellow")
            reprints = also_in(ev, copies)
            if reprints:
                line.append(f"  also in {', '.join(reprints)}", style="dim")
            out.print(line)
        out.print(timeline_legend())
    return 0


def cmd_stats(args: argparse.Namespace, out: Console, err: Console) -> int:
    if args.limit < 1:
        raise UsageError("--limit must be at least 1")
    with _library(args, err) as (lib, _):
        flt = TimelineFilter(entity=args.entity, query=args.query)
        keys = lib.entity_keys(args.entity) if args.entity else []
        if args.entity and not keys:
            raise UsageError(f"no entity called {args.entity!r}; `kzreader entities` lists them")
        ov = Overview(args.by, args.entity, args.query, bars(lib.coverage(flt), args.by),
                      lib.top_entities(args.query, args.limit), lib.together(keys, args.query, args.limit))
        if args.json:
            _emit_json(out, stats_json(ov))
        elif args.format == "csv":
            sys.stdout.write(stats_csv(ov))
        else:
            _print_stats(out, ov)
    return 0


def _print_stats(out: Console, ov: Overview) -> None:
    top = max((b.events for b in ov.histogram), default=0)
    out.print(Text(f"Events by {ov.by}", style="bold"))
    for bar in ov.histogram:
        line = Text(f"{bar.period:<10} {bar.events:>6} ")
        line.append("█" * (bar.events * 40 // top if top else 0), style="cyan" if bar.precision == ov.by else "dim cyan")
        if bar.precision != ov.by:
            line.append(f" ({bar.precision} only)", style="dim")
        out.print(line)
    out.print(Text("\nIn most articles", style="bold"))
    for e in ov.entities:
        line = Text(f"{e.articles:>6}  ")
        line.append(f"{inert_text(e.name):<28.28}", style=ENTITY_STYLES.get(e.type, "bold"))
        line.append(f" {e.type:<6} {e.mentions:>6} mentions  {span_text(e.first, e.last)}", style="dim")
        out.print(line)
    if ov.entity:
        out.print(Text(f"\nWith {ov.entity}", style="bold"))
        for t in ov.together:
            line = Text()
            line.append(inert_text(t.name), style=ENTITY_STYLES.get(t.type, "bold"))
            line.append(f": {t.events} events, {span_text(t.first, t.last)}", style="dim")
            out.print(line)


def _check_date(value: str) -> None:
    try:
        day_number(value)
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def _launch_app(args: argparse.Namespace, err: Console) -> int:
    corpus, index_dir = _paths(args)
    if not sys.stdout.isatty() or os.environ.get("CI"):
        err.print(Text("kzreader: the terminal app needs an interactive terminal; try `kzreader --help` "
                       "for the commands (index, articles, search, show, entities, timeline, stats)"))
        return 2
    from kzreader.tui.app import ReaderApp

    ReaderApp(corpus, index_dir).run()
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace, Console, Console], int]] = {
    "index": cmd_index,
    "articles": cmd_articles,
    "search": cmd_search,
    "show": cmd_show,
    "entities": cmd_entities,
    "timeline": cmd_timeline,
    "stats": cmd_stats,
    "corrections": cli_corrections.cmd_corrections,
}
