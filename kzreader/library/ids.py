"""An article named by any unique prefix of its id: `004` or `004_340609ee` for `004_340609ee85e05146`.

The timeline prints ids cut to fit a column; what it prints must work where an id is asked for.
"""
from __future__ import annotations

from collections.abc import Iterable


class UnknownArticle(LookupError):
    """No article, or more than one, has an id starting with what was given; the message is one line."""


def resolve(given: str, ids: Iterable[str]) -> str:
    """The one id that is `given` or starts with it."""
    given = given.strip()
    ids = list(ids)
    if given in ids:
        return given
    found = [aid for aid in ids if given and aid.startswith(given)]
    if len(found) == 1:
        return found[0]
    if not found:
        raise UnknownArticle(f"no article {given!r}; `kzreader articles` lists them")
    shown = ", ".join(found[:4]) + (", ..." if len(found) > 4 else "")
    raise UnknownArticle(f"{given!r} starts {len(found)} article ids ({shown}); give more of it")
