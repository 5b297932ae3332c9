"""Faults while indexing or reading: a full disk, a damaged state file, a read-only index folder, a kill during
the final commit, a rebuild under an open reader.

Each: one clear line (no traceback), the articles and the user's files byte-identical, and the next run answers
as a clean build does. The command line runs in child processes, as a user runs it.
"""
from __future__ import annotations

import ctypes
import hashlib
import json
import os
import resource
import select
import signal
import stat
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from kzreader.cli_search import search_json
from kzreader.index import folder as ix_mod
from kzreader.library import Library
from kzreader.library.corrections import corrections_path

ARTICLES = {
    "astana": "Prezydent Kasym-Żomart Tokajew spotkał się w Astanie z premierem Polski. Rozmawiano o wolframie "
              "i o kolei do Ałmaty.\n",
    "ropa": "Kazachstan zwiększy wydobycie ropy w Kaszaganie. Minister energetyki Ałmasadam Satkalijew zapowiedział "
            "w Astanie nowe kontrakty.\n",
    "miedz": "Spółka KGHM podpisała w Warszawie umowę o dostawach miedzi z Kazachstanu. Umowę podpisał Jan Nowak.\n",
    "stepy": "Na stepach pod Karagandą otwarto kopalnię węgla. Wojewoda Marek Kowalski przyjechał z Polski.\n",
}
QUERIES = ("Astana", "Kazachstan miedź")
PreExec = Callable[[], None] | None


def _corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir(exist_ok=True)
    for name, text in ARTICLES.items():
        (corpus / f"{name}.txt").write_text(text, encoding="utf-8")
    # A correction of the reader's, applied by every build: it must survive every fault.
    fixes = corrections_path(None, corpus)
    fixes.parent.mkdir(parents=True, exist_ok=True)
    fixes.write_text("- kind: reject\n  name: Jan Nowak\n  type: person\n", encoding="utf-8")
    return corpus


def _users_own(user_folders: Path) -> tuple[Path, Path]:
    """The user's settings and data: not the cache folder, which holds what can always be made again."""
    return user_folders / "config", user_folders / "data"


def _snapshot(*roots: Path) -> dict[str, str]:
    """Every file under `roots` with its content's hash: the articles and the user's own files."""
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest()
            for root in roots for p in sorted(root.rglob("*")) if p.is_file()}


def _kz(corpus: Path, index_dir: Path, *args: str, preexec: PreExec = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kzreader", "--corpus", str(corpus), "--index", str(index_dir), *args],
                          capture_output=True, text=True, check=False, timeout=300, preexec_fn=preexec)


def _said_one_line(proc: subprocess.CompletedProcess[str], words: str) -> None:
    """A failed run says what happened in one line of its own, without a traceback."""
    assert "Traceback" not in proc.stderr, proc.stderr
    lines = [ln for ln in proc.stderr.splitlines() if ln.startswith("kzreader:")]
    assert len(lines) == 1 and words in lines[0], proc.stderr


def _build(corpus: Path, index_dir: Path) -> None:
    lib, _ = Library.open(corpus, index_dir)
    lib.close()


def _answers(corpus: Path, index_dir: Path) -> dict[str, object]:
    """What the reader is shown (the articles, a few searches) from the index the last run left, as JSON."""
    lib, report = Library.open(corpus, index_dir, update=False)
    try:
        assert report is None, "the index the last run left needed indexing again"
        return {"articles": lib.articles(), **{q: _unscored(search_json(lib.search(q))) for q in QUERIES}}
    finally:
        lib.close()


def _unscored(found: dict[str, Any]) -> dict[str, Any]:
    """A search's answer without its scores: an index brought up to date scores apart from a clean build
    (Whoosh counts deleted documents in its statistics until segments merge), fault or none."""
    return found | {"hits": [{k: v for k, v in hit.items() if k != "score"} for hit in found["hits"]]}


def _clean(corpus: Path, tmp_path: Path) -> dict[str, object]:
    clean = tmp_path / f"clean-{time.monotonic_ns()}"
    _build(corpus, clean)
    return _answers(corpus, clean)


# 1. the disk filling up ------------------------------------------------------------------------------------------
def _file_size_limit(limit: int) -> Callable[[], None]:
    def apply() -> None:
        # Ignored, the signal lets the write fail with EFBIG as on a full disk instead of killing the process.
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


def test_a_disk_filling_up_during_a_build(tmp_path: Path, user_folders: Path) -> None:
    corpus = _corpus(tmp_path)
    clean = _clean(corpus, tmp_path)
    biggest = max(p.stat().st_size for p in next(tmp_path.glob("clean-*")).iterdir())
    before = _snapshot(corpus, *_users_own(user_folders))
    index_dir = tmp_path / "ix"
    # From the first page of the state file to the last megabytes of the search index.
    for limit in (8 * 1024, biggest // 2, biggest * 9 // 10):
        proc = _kz(corpus, index_dir, "index", preexec=_file_size_limit(limit))
        assert proc.returncode != 0, f"a build within {limit} bytes a file did not fail"
        _said_one_line(proc, "the disk")
        assert "articles are untouched" in proc.stderr
    # Filled while a search brings a complete index up to date: the same line, or the index as it stood.
    assert _kz(corpus, index_dir, "index").returncode == 0
    (corpus / "extra.txt").write_text("Nowy artykuł o Astanie i o miedzi.\n" * 400, encoding="utf-8")
    proc = _kz(corpus, index_dir, "search", "Astana", preexec=_file_size_limit(8 * 1024))
    assert "the disk" in proc.stderr and "Traceback" not in proc.stderr, proc.stderr
    if proc.returncode != 0:
        _said_one_line(proc, "the disk")
    else:
        assert "as it stands" in proc.stderr
    (corpus / "extra.txt").unlink()
    assert _kz(corpus, index_dir, "index").returncode == 0
    assert _snapshot(corpus, *_users_own(user_folders)) == before
    assert _answers(corpus, index_dir) == clean


# 2. a damaged state file -----------------------------------------------------------------------------------------
def _damage(path: Path, how: str) -> None:
    size = path.stat().st_size
    if how == "header":
        with path.open("r+b") as fh:
            fh.write(b"\xffgarbage" * 16)
    elif how == "truncated":
        os.truncate(path, size // 2)
    else:  # pages deep in the file, which opening it does not read
        with path.open("r+b") as fh:
            for at in (size // 4, size // 2, size * 3 // 4):
                fh.seek(at // 4096 * 4096)
                fh.write(os.urandom(4096))


@pytest.mark.parametrize("how", ["header", "truncated", "pages"])
def test_a_damaged_state_file(tmp_path: Path, user_folders: Path, how: str) -> None:
    corpus = _corpus(tmp_path)
    index_dir = tmp_path / "ix"
    _build(corpus, index_dir)
    clean = _answers(corpus, index_dir)
    before = _snapshot(corpus, *_users_own(user_folders))
    for name in ("state.db-wal", "state.db-shm"):
        (index_dir / name).unlink(missing_ok=True)
    _damage(index_dir / ix_mod.STATE_FILE, how)
    # Each reads other tables; searches are asked below, of the index the last of these runs left.
    commands = [("articles", "--json"), ("entities", "--json"), ("timeline", "--json")]
    for args in commands:
        proc = _kz(corpus, index_dir, *args)
        if proc.returncode != 0:
            # Damage only a read comes upon is told, and the next run rebuilds.
            _said_one_line(proc, "damaged")
            assert "next run rebuilds" in proc.stderr
            proc = _kz(corpus, index_dir, *args)
        assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr
    assert _snapshot(corpus, *_users_own(user_folders)) == before
    assert _answers(corpus, index_dir) == clean


# 3. a read-only index folder -------------------------------------------------------------------------------------
PR_CAPBSET_DROP = 24
# CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER: what lets root write where the mode bits say no.
OVERRIDES = (1, 2, 3)


def _as_plain_user() -> None:
    """Root without the capabilities that override file modes, so a read-only folder is one to it too."""
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in OVERRIDES:
        if libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def _read_only(folder: Path) -> None:
    for p in (folder, *folder.iterdir()):
        p.chmod(p.stat().st_mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))


def _writable(folder: Path) -> None:
    for p in (folder, *folder.iterdir()):
        p.chmod(p.stat().st_mode | stat.S_IWUSR)


@pytest.fixture
def unprivileged(tmp_path: Path) -> Iterator[PreExec]:
    """How to run a child for whom a read-only folder is read-only: as it is, or as root without overrides."""
    if os.geteuid() != 0:
        yield None
        return
    probe = tmp_path / "probe"
    probe.mkdir()
    _read_only(probe)
    try:
        proc = subprocess.run([sys.executable, "-c", f"open({str(probe / 'x')!r}, 'w')"], preexec_fn=_as_plain_user,
                              capture_output=True, check=False)
    except subprocess.SubprocessError:
        pytest.skip("running as root, and this system does not let a child drop CAP_DAC_OVERRIDE (prctl)")
    if proc.returncode == 0:
        pytest.skip("running as root, and a read-only folder stays writable to a child without CAP_DAC_OVERRIDE")
    yield _as_plain_user


def test_a_read_only_index_folder(tmp_path: Path, user_folders: Path, unprivileged: PreExec) -> None:
    corpus = _corpus(tmp_path)
    index_dir = tmp_path / "ix"
    _build(corpus, index_dir)
    clean = _answers(corpus, index_dir)
    (corpus / "extra.txt").write_text("Nowy artykuł o miedzi z Astany.\n", encoding="utf-8")
    before = _snapshot(corpus, *_users_own(user_folders))
    try:
        # Reading: the last complete index as it stands, with one line saying why it is not brought up to date;
        # with the state's log files left beside it (a reader still open), and without them.
        for leftovers in (True, False):
            if not leftovers:
                for name in ("state.db-wal", "state.db-shm"):
                    (index_dir / name).unlink(missing_ok=True)
            _read_only(index_dir)
            proc = _kz(corpus, index_dir, "articles", "--json", preexec=unprivileged)
            assert proc.returncode == 0, proc.stderr
            assert json.loads(proc.stdout)["articles"] == clean["articles"]
            assert "read-only" in proc.stderr and "as it stands" in proc.stderr and "Traceback" not in proc.stderr
            _writable(index_dir)
        _read_only(index_dir)
        # Asked to index, or to refresh as the app's child process does: one line, and a failure.
        proc = _kz(corpus, index_dir, "index", preexec=unprivileged)
        assert proc.returncode != 0
        _said_one_line(proc, "read-only")
        child = subprocess.run([sys.executable, "-m", "kzreader.index.indexer", str(corpus), str(index_dir)],
                               capture_output=True, text=True, check=False, preexec_fn=unprivileged)
        assert child.returncode != 0 and "Traceback" not in child.stderr
        assert child.stderr.strip().count("\n") == 0 and "read-only" in child.stderr
        # No index to show at all: one line.
        empty = tmp_path / "empty"
        empty.mkdir(mode=0o700)
        _read_only(empty)
        proc = _kz(corpus, empty, "search", "Astana", preexec=unprivileged)
        assert proc.returncode != 0
        _said_one_line(proc, "read-only")
    finally:
        _writable(index_dir)
    assert _kz(corpus, index_dir, "index").returncode == 0
    assert _snapshot(corpus, *_users_own(user_folders)) == before
    assert _answers(corpus, index_dir) == _clean(corpus, tmp_path)


# 4. killed during the final commit -------------------------------------------------------------------------------
KILLS = {
    # The search index's new segment written, its table of contents not.
    "search-index": """
        from whoosh import writing
        real = writing.SegmentWriter._commit_toc
        def dying(self, *a, **k):
            os._exit(9)
        writing.SegmentWriter._commit_toc = dying
    """,
    # The search index committed, the state's final commit (with its completion mark) not begun.
    "state-before": """
        from kzreader.index.store import Store
        real = Store.commit
        def dying(self):
            if self.get_meta("complete") == "1":
                os._exit(9)
            real(self)
        Store.commit = dying
    """,
    # The state's final commit written to its log, then the process killed: the test tears the log's end off,
    # as a kill in the middle of the write leaves it.
    "state-torn": """
        from kzreader.index.store import Store
        real = Store.commit
        def dying(self):
            real(self)
            if self.get_meta("complete") == "1":
                os._exit(9)
        Store.commit = dying
    """,
    # Everything committed but the folder's version mark.
    "mark": """
        from kzreader.index import folder
        def dying(index_dir):
            os._exit(9)
        folder.mark = dying
    """,
}


@pytest.mark.parametrize("point", sorted(KILLS))
def test_killed_during_the_final_commit(tmp_path: Path, user_folders: Path, point: str) -> None:
    corpus = _corpus(tmp_path)
    index_dir = tmp_path / "ix"
    _build(corpus, index_dir)
    (corpus / "miedz.txt").write_text(ARTICLES["miedz"].replace("Warszawie", "Astanie"), encoding="utf-8")
    (corpus / "nowy.txt").write_text("Nowy artykuł o Kazachstanie i miedzi.\n", encoding="utf-8")
    before = _snapshot(corpus, *_users_own(user_folders))
    code = "import os, sys\n" + textwrap.dedent(KILLS[point]) + textwrap.dedent(f"""
        from kzreader.cli import main
        main(["--corpus", {str(corpus)!r}, "--index", {str(index_dir)!r}, "index"])
    """)
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=300)
    assert proc.returncode == 9, proc.stderr
    wal = index_dir / "state.db-wal"
    if point == "state-torn":
        assert wal.stat().st_size > 4096, "the final commit did not reach the log"
        os.truncate(wal, wal.stat().st_size - 100)
    proc = _kz(corpus, index_dir, "index")
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr
    assert _snapshot(corpus, *_users_own(user_folders)) == before
    assert _answers(corpus, index_dir) == _clean(corpus, tmp_path)


# 5. a rebuild under an open reader -------------------------------------------------------------------------------
def _wait_for(path: Path, proc: subprocess.Popen[str], timeout: float = 240) -> None:
    deadline = time.monotonic() + timeout
    while not path.exists():
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, f"{path.name} did not appear"
        time.sleep(0.05)


def _first_line(proc: subprocess.Popen[str], timeout: float) -> str:
    """The first line `proc` writes to its stderr, or "" if the time runs out first."""
    assert proc.stderr is not None
    ready, _, _ = select.select([proc.stderr], [], [], timeout)
    return proc.stderr.readline() if ready else ""


def _what_a_reader_sees(lib: Library) -> tuple[object, ...]:
    ids = [a["id"] for a in lib.articles()]
    return (ids, [[h.article for h in lib.search(q, limit=50).hits] for q in QUERIES],
            [lib.article(i).text for i in ids], [len(lib.entities(i)) for i in ids], len(lib.timeline()))


def test_a_rebuild_by_another_process_under_an_open_reader(tmp_path: Path, user_folders: Path) -> None:
    corpus = _corpus(tmp_path)
    index_dir = tmp_path / "ix"
    _build(corpus, index_dir)
    lib, _ = Library.open(corpus, index_dir, update=False)  # as the app opens it
    try:
        seen = _what_a_reader_sees(lib)
        (corpus / "nowy.txt").write_text("Nowy artykuł o Astanie i miedzi.\n", encoding="utf-8")
        before = _snapshot(corpus, *_users_own(user_folders))
        paused, go = tmp_path / "paused", tmp_path / "go"
        # The rebuild stops after its search index is written and before its state is complete.
        code = textwrap.dedent(f"""
            import time
            from pathlib import Path
            from kzreader.index import indexer
            real = indexer.corpus_passes
            def held(*a, **k):
                Path({str(paused)!r}).touch()
                while not Path({str(go)!r}).exists():
                    time.sleep(0.05)
                return real(*a, **k)
            indexer.corpus_passes = held
            from kzreader.cli import main
            raise SystemExit(main(["--corpus", {str(corpus)!r}, "--index", {str(index_dir)!r}, "index", "--rebuild"]))
        """)
        rebuild = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                   text=True)
        _wait_for(paused, rebuild)
        # Mid-rebuild, the open reader still answers from the index it opened...
        assert _what_a_reader_sees(lib) == seen
        # ...and a reader starting now says it waits for the rebuild, then answers from the new index.
        late = subprocess.Popen([sys.executable, "-m", "kzreader", "--corpus", str(corpus), "--index", str(index_dir),
                                 "search", "Astana", "--json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True)
        assert "another kzreader is indexing" in _first_line(late, timeout=240)
        go.touch()
        out, err = rebuild.communicate(timeout=300)
        assert rebuild.returncode == 0, err
        late_out, late_err = late.communicate(timeout=300)
        assert late.returncode == 0 and "Traceback" not in late_err, late_err
        assert "nowy" in {h["article"] for h in json.loads(late_out)["hits"]}
        assert _what_a_reader_sees(lib) == seen
    finally:
        lib.close()
    reopened, _ = Library.open(corpus, index_dir, update=False)
    try:
        assert "nowy" in _what_a_reader_sees(reopened)[0]
    finally:
        reopened.close()
    assert _snapshot(corpus, *_users_own(user_folders)) == before
    assert _answers(corpus, index_dir) == _clean(corpus, tmp_path)
