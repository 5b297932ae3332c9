"""An article's sidecar: `<id>.yaml` beside `<id>.txt` with title, date, outlet, url, author, lang.

Sidecars come from users and from elsewhere, so they are read with
`yaml.safe_load` only, and each field is checked: a field of the wrong type is
dropped with a message naming the file and line, and the rest is kept.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from kzreader import yamlfile

FIELDS = ("title", "date", "outlet", "url", "author", "lang")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2})?)?)?)?$")


@dataclass(slots=True)
class Metadata:
    title: str | None = None
    date: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    author: str | None = None
    lang: str | None = None
    problems: list[str] = field(default_factory=list)

    def merged_over(self, other: "Metadata") -> "Metadata":
        """This metadata, with `other` filling what it lacks."""
        values = {f: getattr(self, f) or getattr(other, f) for f in (*FIELDS, "published")}
        return Metadata(**values, problems=[*self.problems, *other.problems])


def normalise_date(value: object) -> tuple[str, str | None] | None:
    """A date of any granularity as (date, published-with-time), or None if it is no date.

    `2022-11` stays a month; `2025-11-15T15:40` gives the day and keeps the time apart.
    """
    if isinstance(value, dt.datetime):
        return value.date().isoformat(), value.strftime("%Y-%m-%dT%H:%M")
    if isinstance(value, dt.date):
        return value.isoformat(), None
    if isinstance(value, int) and 1000 <= value <= 9999:
        return str(value), None
    if not isinstance(value, str):
        return None
    m = _DATE.match(value.strip())
    if not m:
        return None
    year, month, day, hour, minute = m.groups()
    try:
        if day:
            dt.date(int(year), int(month), int(day))
        elif month and not 1 <= int(month) <= 12:
            return None
    except ValueError:
        return None
    date = "-".join(p for p in (year, month, day) if p)
    published = f"{date}T{hour}:{minute}" if hour else None
    return date, published


def sidecar_path(txt: Path) -> Path:
    return txt.with_suffix(".yaml")


def read_sidecar(path: Path) -> Metadata:
    """The sidecar's metadata; a missing file is empty metadata, a broken one is reported."""
    meta = Metadata()
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        return meta
    except (OSError, UnicodeDecodeError) as exc:
        meta.problems.append(f"{path.name}: cannot read the metadata ({exc.__class__.__name__}); ignored")
        return meta
    try:
        data = yamlfile.load(raw)
    except yamlfile.YAMLProblem as exc:
        meta.problems.append(f"{path.name}{exc.where}: not valid YAML ({exc.problem}); metadata ignored")
        return meta
    if data is None:
        return meta
    if not isinstance(data, dict):
        meta.problems.append(f"{path.name}: expected a mapping of fields, got {type(data).__name__}; ignored")
        return meta
    lines = _field_lines(raw)
    for key in FIELDS:
        if key not in data or data[key] is None:
            continue
        value = data[key]
        where = f"{path.name} line {lines[key]}" if key in lines else path.name
        if key == "date":
            norm = normalise_date(value)
            if norm is None:
                meta.problems.append(f"{where}: date {value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD); ignored")
                continue
            meta.date, meta.published = norm
        elif isinstance(value, (str, int, float)) and not isinstance(value, bool):
            setattr(meta, key, str(value).strip())
        else:
            meta.problems.append(f"{where}: {key} must be text, got {type(value).__name__}; ignored")
    return meta


def _field_lines(raw: str) -> dict[str, int]:
    lines: dict[str, int] = {}
    for n, line in enumerate(raw.splitlines(), 1):
        key = line.split(":", 1)[0].strip()
        if key in FIELDS and not line[:1].isspace():
            lines.setdefault(key, n)
    return lines
