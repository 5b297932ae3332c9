"""`kzreader stats` as data: the histogram, the top entities and who appears with the entity, as JSON or CSV."""
from __future__ import annotations

import csv
import io
from dataclasses import asdict, dataclass, field
from typing import Any

from kzreader.library.stats import Bar, EntityStat, Together

CSV_COLUMNS = ("table", "period", "precision", "start", "end", "key", "name", "type", "events", "articles",
               "mentions", "first", "last")


@dataclass(slots=True)
class Overview:
    """What `kzreader stats` reports for one filter."""

    by: str
    entity: str | None
    query: str | None
    histogram: list[Bar]
    entities: list[EntityStat]
    together: list[Together] = field(default_factory=list)


def to_json(ov: Overview) -> dict[str, Any]:
    return {
        "by": ov.by, "entity": ov.entity, "query": ov.query,
        "histogram": [asdict(b) for b in ov.histogram],
        "entities": [asdict(e) for e in ov.entities],
        "together": [asdict(t) for t in ov.together],
    }


def to_csv(ov: Overview) -> str:
    """One table, a `table` column naming the part each row belongs to (histogram, entities, together)."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for bar in ov.histogram:
        writer.writerow({"table": "histogram", **asdict(bar)})
    for ent in ov.entities:
        writer.writerow({"table": "entities", **asdict(ent)})
    for t in ov.together:
        writer.writerow({"table": "together", **asdict(t)})
    return buf.getvalue()
