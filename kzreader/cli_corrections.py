"""`kzreader corrections`: list, add and take back the reader's corrections (kzreader.library.corrections).

    kzreader corrections [--json]                    the corrections, numbered
    kzreader corrections add rename ENTITY NAME      ENTITY: a key or any name the entity has
    kzreader corrections add type ENTITY TYPE        person, place, org or money
    kzreader corrections add merge ENTITY INTO       ENTITY becomes INTO
    kzreader corrections add reject ENTITY           "not an entity" (its name and type), or NAME --type T
    kzreader corrections add unmention ARTICLE START END
    kzreader corrections add unlink EVENT EVENT      the link between two events is wrong
    kzreader corrections add link EVENT EVENT        two events are the same event
    kzreader corrections undo N
"""
from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from rich.console import Console
from rich.text import Text

from kzreader.library import Library, config
from kzreader.library.correcting import Corrector
from kzreader.library.corrections import ENTITY_TYPES, Correction, CorrectionsError, Loaded


def register(sub: Any) -> None:
    """Add the `corrections` command to the command line's subparsers."""
    s = sub.add_parser("corrections", help="entities and event links fixed by hand: list, add, undo")
    s.add_argument("--json", action="store_true")
    actions = s.add_subparsers(dest="action", metavar="ACTION")
    a = actions.add_parser("add", help="add a correction")
    kinds = a.add_subparsers(dest="kind", metavar="KIND", required=True)
    k = kinds.add_parser("rename", help="an entity's canonical name")
    k.add_argument("entity")
    k.add_argument("name")
    k = kinds.add_parser("type", help="an entity's type")
    k.add_argument("entity")
    k.add_argument("type", choices=ENTITY_TYPES)
    k = kinds.add_parser("merge", help="one entity into another")
    k.add_argument("entity")
    k.add_argument("into")
    k = kinds.add_parser("reject", help="not an entity")
    k.add_argument("entity")
    k.add_argument("--type", choices=ENTITY_TYPES, help="with a name that is no entity's: the type to reject")
    k = kinds.add_parser("unmention", help="take one mention out of its entity")
    k.add_argument("article")
    k.add_argument("start", type=int)
    k.add_argument("end", type=int)
    for kind, text in (("unlink", "the link between two events is wrong"), ("link", "two events are the same")):
        k = kinds.add_parser(kind, help=text)
        k.add_argument("a")
        k.add_argument("b")
    for parser in (a, *kinds.choices.values()):
        parser.add_argument("--json", action="store_true")
    u = actions.add_parser("undo", help="take back correction N")
    u.add_argument("number", type=int)
    u.add_argument("--json", action="store_true")


def cmd_corrections(args: argparse.Namespace, out: Console, err: Console) -> int:
    corpus = config.corpus_path(args.corpus)
    log = (lambda msg: err.print(Text(msg, style="yellow")))
    lib, _ = Library.open(corpus, config.index_path(args.index, corpus), log=log)
    try:
        corrector = Corrector(lib)
        try:
            if args.action == "add":
                outcome = corrector.add(args.kind, **_fields(corrector, args))
            elif args.action == "undo":
                outcome = corrector.undo(args.number)
            else:
                _list(corrector.load(), corrector, out, args.json)
                return 0
        except CorrectionsError as exc:
            err.print(Text(f"kzreader: {exc}", style="red"))
            return 2
        for note in outcome.notes:
            log(note)
        done = "added" if args.action == "add" else "removed"
        if args.json:
            _emit({done: _row(outcome.correction), "file": str(corrector.path)})
        else:
            out.print(Text(f"{done} {outcome.correction.number}: {outcome.correction.describe()} "
                           f"({corrector.path})"))
        return 0
    finally:
        lib.close()


def _fields(corrector: Corrector, args: argparse.Namespace) -> dict[str, Any]:
    kind = args.kind
    if kind in ("rename", "type"):
        value = {"name": args.name} if kind == "rename" else {"type": args.type}
        return {"key": corrector.entity_key(args.entity), **value}
    if kind == "merge":
        return corrector.merge_fields(corrector.entity_key(args.entity), corrector.entity_key(args.into))
    if kind == "reject":
        if args.type:
            return {"name": args.entity, "type": args.type}
        etype, name = corrector.entity_name(corrector.entity_key(args.entity))
        return {"name": name, "type": etype}
    if kind == "unmention":
        rec = corrector.library.article(args.article)
        if rec is None:
            raise CorrectionsError(f"no article {args.article!r}")
        if not 0 <= args.start < args.end <= len(rec.text):
            raise CorrectionsError(f"{args.start}-{args.end} is not within the article's {len(rec.text)} characters")
        return {"article": args.article, "start": args.start, "end": args.end, "text": rec.text[args.start:args.end]}
    return {"a": corrector.event_id(args.a), "b": corrector.event_id(args.b)}


def _list(loaded: Loaded, corrector: Corrector, out: Console, as_json: bool) -> None:
    if as_json:
        _emit({"file": str(corrector.path), "corrections": [_row(c) for c in loaded.corrections],
               "problems": loaded.problems})
        return
    for problem in loaded.problems:
        out.print(Text(problem, style="yellow"))
    if not loaded.corrections:
        out.print(Text(f"No corrections in {corrector.path}."))
    for c in loaded.corrections:
        out.print(Text(f"{c.number:>3}  {c.describe()}"))


def _row(c: Correction) -> dict[str, Any]:
    return {"number": c.number, "line": c.line, **c.to_dict()}


def _emit(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=1) + "\n")
