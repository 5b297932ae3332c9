"""Failures of the index folder, told apart: a write the system refused, or a damaged state file.

A full disk or a read-only folder is not the index's fault: clearing the
index and rebuilding it onto the same disk would only lose the last complete
one. Damage is the index's own, and the cure is a rebuild from the articles.
Both are told in one line that says the articles are untouched.
"""
from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

# Whoosh and SQLite see a file-size limit (EFBIG) as they see a full disk.
_FULL = {errno.ENOSPC, errno.EFBIG, errno.EDQUOT}
_REFUSED = {errno.EROFS, errno.EACCES, errno.EPERM}
_SQLITE_FULL = ("SQLITE_FULL",)
_SQLITE_REFUSED = ("SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_PERM", "SQLITE_AUTH")
# SQLite reports a failed write (EFBIG among others) as an I/O error without the errno.
_SQLITE_IO = ("SQLITE_IOERR",)
_SQLITE_DAMAGED = ("SQLITE_CORRUPT", "SQLITE_NOTADB")

FULL_ADVICE = "free some space (or choose another --index) and run it again"
REFUSED_ADVICE = "make it writable or choose another --index"


class IndexWriteError(OSError):
    """The index folder could not be written; the articles are untouched and the last complete index stands."""


def _named(exc: sqlite3.Error, prefixes: tuple[str, ...]) -> bool:
    return (getattr(exc, "sqlite_errorname", None) or "").startswith(prefixes)


def damaged(exc: BaseException) -> bool:
    """True when SQLite found the state file damaged (a page or the header is not what it wrote)."""
    return isinstance(exc, sqlite3.DatabaseError) and _named(exc, _SQLITE_DAMAGED)


def write_failure(exc: BaseException, index_dir: Path) -> IndexWriteError | None:
    """`exc` as a one-line IndexWriteError when it is the system refusing a write into `index_dir`, else None."""
    if isinstance(exc, IndexWriteError):
        return exc
    detail = advice = ""
    if isinstance(exc, OSError):
        # A refused read elsewhere (an article file, the corpus folder) is not the index's to report.
        inside = exc.filename is not None and Path(str(exc.filename)).resolve().is_relative_to(index_dir.resolve())
        if exc.errno in _FULL:
            detail, advice = f"the disk is full or a file size limit was reached: {exc.strerror}", FULL_ADVICE
        elif exc.errno in _REFUSED and inside:
            detail, advice = f"the folder is read-only: {exc.strerror}", REFUSED_ADVICE
    elif isinstance(exc, sqlite3.Error):
        if _named(exc, _SQLITE_FULL):
            detail, advice = f"the disk is full: {exc}", FULL_ADVICE
        elif _named(exc, _SQLITE_REFUSED):
            detail, advice = f"the folder is read-only: {exc}", REFUSED_ADVICE
        elif _named(exc, _SQLITE_IO):
            detail, advice = f"a write failed ({exc}), the disk may be full", FULL_ADVICE
    if not detail:
        return None
    return IndexWriteError(f"cannot write the index in {index_dir} ({detail}); the articles are untouched: {advice}")
