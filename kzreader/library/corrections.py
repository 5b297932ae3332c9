"""The reader's corrections file: entities and links fixed by hand, kept in a YAML file of the user's.

The file is the truth for corrections as article files are for articles: the
index only applies what it says (`kzreader.index.corrections`). It is read
with `yaml.safe_load`; an entry that cannot be read is reported with the
file and line and left out, and the file is never rewritten because of an
error. Adding appends to the text as it stands (comments and all) and undoing
cuts one entry's lines out; both write a temporary file and rename it over.
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from kzreader import yamlfile
from kzreader.library import config, userfiles

ENTITY_TYPES = ("person", "place", "org", "money")

# kind -> (required fields with their type, optional fields with their type)
KINDS: dict[str, tuple[dict[str, type], dict[str, type]]] = {
    "rename": ({"key": str, "name": str}, {}),
    "type": ({"key": str, "type": str}, {}),
    "merge": ({"key": str, "into": str}, {"name": str, "type": str, "aliases": list}),
    "unmention": ({"article": str, "start": int, "end": int, "text": str}, {}),
    "reject": ({"name": str, "type": str}, {}),
    "unlink": ({"a": str, "b": str}, {}),
    "link": ({"a": str, "b": str}, {}),
}

HEADER = """\
# kzreader corrections: entities and event links fixed by hand.
# Kept by kzreader (`kzreader corrections`, or the keys in the app) and yours
# to edit: one entry a correction, applied in order, in every article they
# match, also in articles added later and after `kzreader index --rebuild`.
#
#   kind: rename     key: ENTITY-KEY  name: NEW NAME     the entity's canonical name
#   kind: type       key: ENTITY-KEY  type: person|place|org|money
#   kind: merge      key: ENTITY-KEY  into: OTHER-KEY     one entity, named as the other
#                    (name: the other's name, aliases: this one's names, both optional)
#   kind: unmention  article: ID  start: N  end: N  text: MENTION
#                    one mention taken out of its entity (dropped, with a notice,
#                    once the article's text there is no longer MENTION)
#   kind: reject     name: NAME  type: TYPE               "not an entity", wherever read
#   kind: unlink     a: EVENT-ID  b: EVENT-ID             the link between two events is wrong
#   kind: link       a: EVENT-ID  b: EVENT-ID             two events are the same event
#
# Entity keys and event ids are those of `kzreader entities --json` and
# `kzreader timeline --json`.
"""


class CorrectionsError(Exception):
    """The corrections file cannot be changed as asked; one line."""


@dataclass(frozen=True, slots=True)
class Correction:
    """One entry of the file: its kind, its fields, and where it stands (1-based) in the file."""

    kind: str
    fields: dict[str, Any]
    number: int = 0
    line: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, **self.fields}

    def describe(self) -> str:
        f = self.fields
        match self.kind:
            case "rename":
                return f"rename {f['key']} to {f['name']}"
            case "type":
                return f"{f['key']} is a {f['type']}"
            case "merge":
                return f"merge {f['key']} into {f['into']}"
            case "unmention":
                return f"not a mention: {f['text']!r} in {f['article']} at {f['start']}-{f['end']}"
            case "reject":
                return f"not an entity: {f['name']} ({f['type']})"
            case "unlink":
                return f"no link between {f['a']} and {f['b']}"
            case _:
                return f"{f['a']} and {f['b']} are the same event"


@dataclass(slots=True)
class Loaded:
    """What the file holds: the entries that could be read, and a one-line problem for each that could not."""

    corrections: list[Correction] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    readable: bool = True

    def entries(self) -> list[dict[str, Any]]:
        return [c.to_dict() for c in self.corrections]


def corrections_path(given: str | None, corpus: Path) -> Path:
    """`--corrections FILE`, else `KZREADER_CORRECTIONS`, else one file per corpus in the user's data folder.

    Never inside the corpus: the reader does not write there.
    """
    value = given or os.environ.get("KZREADER_CORRECTIONS")
    if value:
        return Path(value).expanduser()
    data = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / "kzreader" / "corrections"
    resolved = corpus.resolve()
    if resolved == config.BUNDLED_CORPUS.resolve():
        return data / "seeds.yaml"
    tag = hashlib.blake2b(str(resolved).encode(), digest_size=6).hexdigest()
    return data / f"{resolved.name or 'corpus'}-{tag}.yaml"


def load(path: Path) -> Loaded:
    """The file's entries; a missing file is an empty list, a broken one its problems."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Loaded()
    except (OSError, UnicodeDecodeError) as exc:
        return Loaded(problems=[f"{path}: cannot read the corrections ({exc}); starting without them"],
                      readable=False)
    return parse(text, path)


def parse(text: str, path: Path) -> Loaded:
    try:
        nodes = yaml.compose(text, Loader=yamlfile.LOADER)
        data = yaml.load(text, Loader=yamlfile.LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        reason = getattr(exc, "problem", None) or "not YAML"
        return Loaded(problems=[f"{where}: {reason}; starting without the corrections"], readable=False)
    if data is None:
        return Loaded()
    if not isinstance(data, list) or not isinstance(nodes, yaml.SequenceNode):
        return Loaded(problems=[f"{path}:1: the corrections must be a list of entries (- kind: ...); "
                                "starting without them"], readable=False)
    out = Loaded()
    for n, (item, node) in enumerate(zip(data, nodes.value), 1):
        line = node.start_mark.line + 1
        problem = _problem(item)
        if problem:
            out.problems.append(f"{path}:{line}: {problem}; this correction is left out")
            continue
        out.corrections.append(Correction(item["kind"], {k: v for k, v in item.items() if k != "kind"}, n, line))
    return out


def _problem(item: Any) -> str | None:
    if not isinstance(item, dict):
        return "an entry must be a mapping with a kind"
    kind = item.get("kind")
    if kind not in KINDS:
        return f"unknown kind {kind!r} (one of {', '.join(KINDS)})"
    required, optional = KINDS[kind]
    for name, typ in required.items():
        if name not in item:
            return f"a {kind} needs {name}"
    for name, value in item.items():
        typ = required.get(name) or optional.get(name)
        if name == "kind":
            continue
        if typ is None:
            return f"a {kind} has no field {name!r}"
        if not isinstance(value, typ) or isinstance(value, bool):
            return f"{name} of a {kind} must be {'a number' if typ is int else 'a list' if typ is list else 'text'}"
    if kind in ("type", "reject") and item["type"] not in ENTITY_TYPES:
        return f"type must be one of {', '.join(ENTITY_TYPES)}"
    if kind == "unmention" and not 0 <= item["start"] < item["end"]:
        return "start must be below end"
    return None


def add(path: Path, kind: str, **fields: Any) -> Correction:
    """Append one correction to the file (created with its header), checked as the reader will read it."""
    entry = {"kind": kind, **fields}
    problem = _problem(entry)
    if problem:
        raise CorrectionsError(problem)
    text = _current(path)
    if not text.strip():
        text = HEADER
    elif not text.endswith("\n"):
        text += "\n"
    text += yaml.safe_dump([entry], allow_unicode=True, sort_keys=False, width=1000)
    loaded = parse(text, path)
    userfiles.write(path, text)
    return loaded.corrections[-1]


def undo(path: Path, number: int) -> Correction:
    """Remove the `number`th entry of the file (as `kzreader corrections` numbers them); the rest stays as written."""
    text = _current(path)
    loaded = parse(text, path)
    nodes = yaml.compose(text, Loader=yamlfile.LOADER) if text.strip() else None
    if nodes is None or not isinstance(nodes, yaml.SequenceNode) or not 1 <= number <= len(nodes.value):
        raise CorrectionsError(f"{path} has no correction {number}")
    gone = next((c for c in loaded.corrections if c.number == number), None)
    lines = text.splitlines(keepends=True)
    first = nodes.value[number - 1].start_mark.line
    last = nodes.value[number].start_mark.line if number < len(nodes.value) else _end_line(nodes.value[-1], lines)
    del lines[first:last]
    userfiles.write(path, "".join(lines))
    return gone or Correction("unreadable", {}, number, first + 1)


def _end_line(node: yaml.Node, lines: list[str]) -> int:
    # The last entry ends where its node does, or at the end of that line.
    mark = node.end_mark
    return mark.line + (1 if mark.column > 0 else 0) if mark.line < len(lines) else len(lines)


def _current(path: Path) -> str:
    """The file's text, refusing to change a file that cannot be read rather than overwrite it."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return ""
    except (OSError, UnicodeDecodeError) as exc:
        raise CorrectionsError(f"{path}: cannot read it ({exc}); left as it is") from None
    loaded = parse(text, path)
    if not loaded.readable:
        raise CorrectionsError(f"{loaded.problems[0].split('; ')[0]}; fix the file first, it is left as it is")
    return text
