"""Timeline events out to other tools: CSV for spreadsheets, TimelineJS3 JSON for a web page."""
from __future__ import annotations

import csv
import html
import io
import re
from collections.abc import Iterable, Mapping
from typing import Any

from kzreader.reading.annotations import Event

CSV_COLUMNS = ("id", "article", "date", "granularity", "earliest", "latest", "text", "label", "entities",
               "keywords", "sentence", "links")
# Cells a spreadsheet would run as a formula; article text can start with them.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_CALENDAR_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_RELATION_NAMES = {"same": "the same as", "story": "one story with", "conflict": "dates disagree with",
                   "related": "related to"}


def _cell(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_START) else value


def _links_text(ev: Event) -> str:
    return "; ".join(f"{lk.relation}:{lk.event}" for lk in ev.links)


def to_csv(events: Iterable[Event]) -> str:
    """One row per event; list fields joined with `; `."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for ev in events:
        row = (ev.id, ev.article, ev.date, ev.granularity, ev.earliest or "", ev.latest or "", ev.text,
               ev.label, "; ".join(ev.entities), "; ".join(ev.keywords), ev.sentence, _links_text(ev))
        writer.writerow([_cell(str(v)) for v in row])
    return buf.getvalue()


def _start_date(ev: Event) -> dict[str, int] | None:
    """TimelineJS date parts; a week or other TIMEX3 form falls back to its first day."""
    m = _CALENDAR_DATE.match(ev.date)
    if m is None and ev.earliest:
        m = _CALENDAR_DATE.match(ev.earliest)
    if m is None:
        return None
    parts = {"year": int(m.group(1))}
    if m.group(2):
        parts["month"] = int(m.group(2))
    if m.group(3):
        parts["day"] = int(m.group(3))
    return parts


def _slide_text(ev: Event, titles: Mapping[str, str]) -> str:
    """HTML body of one slide: the sentence, its source and its links (all text escaped)."""
    source = titles.get(ev.article, ev.article)
    body = [f"<p>{html.escape(ev.sentence or ev.text)}</p>",
            f"<p><em>{html.escape(source)}</em> — „{html.escape(ev.text)}” → {html.escape(ev.date)}</p>"]
    for lk in ev.links:
        reasons = "; ".join(lk.reasons)
        body.append(f"<p>{html.escape(_RELATION_NAMES.get(lk.relation, lk.relation))} "
                    f"{html.escape(lk.event)}{': ' + html.escape(reasons) if reasons else ''}</p>")
    return "".join(body)


def to_timelinejs(events: Iterable[Event], titles: Mapping[str, str]) -> dict[str, Any]:
    """A TimelineJS3 document; events whose year is unknown cannot be placed and are left out."""
    slides = []
    for ev in events:
        start = _start_date(ev)
        if start is None:
            continue
        slides.append({
            "unique_id": re.sub(r"[^\w-]", "-", ev.id),
            "start_date": start,
            "display_date": ev.date,
            "text": {"headline": html.escape(ev.label or ev.text), "text": _slide_text(ev, titles)},
            "group": titles.get(ev.article, ev.article),
            "autolink": False,
        })
    return {
        "title": {"text": {"headline": "kzreader", "text": f"{len(slides)} dated events"}},
        "events": slides,
    }
