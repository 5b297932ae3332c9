"""What every table's queries share: id lists as one parameter, chunks under SQLite's variable limit, one encoder."""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

# A list of ids of any length as one parameter: a search used as a filter can
# match more articles than SQLite allows bound variables (32,766 by default).
ANY = "(SELECT value FROM json_each(?))"


# One encoder for the long id lists a query binds: json.dumps with options makes a new encoder per call.
JSON = json.JSONEncoder(ensure_ascii=False).encode


def id_list(ids: Iterable[str]) -> str:
    return JSON(list(ids))


def chunks(items: list[Any], size: int) -> Iterator[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]
