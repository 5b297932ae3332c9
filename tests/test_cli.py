"""The command line as scripts and score.py use it: JSON shapes, exit statuses, one-line errors."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SEEDS


def run(index: Path, *args: str, env: dict[str, str] | None = None, corpus: Path = SEEDS) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kzreader", "--corpus", str(corpus), "--index", str(index), *args],
        capture_output=True, text=True, env={**os.environ, **(env or {})}, timeout=120,
    )


def test_articles_search_entities_timeline_json(seeds_index: Path) -> None:
    arts = json.loads(run(seeds_index, "articles", "--json").stdout)["articles"]
    assert {a["id"][:3] for a in arts} == {"000", "001", "002", "003", "004"}
    assert all({"id", "title", "date", "duplicate_of"} <= set(a) for a in arts)

    hits = json.loads(run(seeds_index, "search", "Erywań", "--json").stdout)
    assert hits["total"] == 1 and hits["hits"][0]["article"].startswith("004")
    text = (SEEDS / f"{hits['hits'][0]['article']}.txt").read_text(encoding="utf-8")
    snippet = hits["hits"][0]["snippets"][0]
    assert text[snippet["start"] : snippet["end"]] == snippet["text"]

    ents = json.loads(run(seeds_index, "entities", "--article", "004_340609ee85e05146", "--json").stdout)
    text = (SEEDS / "004_340609ee85e05146.txt").read_text(encoding="utf-8")
    mentions = [m for e in ents["articles"][0]["entities"] for m in e["mentions"]]
    assert mentions and all(text[m["start"] : m["end"]] == m["text"] for m in mentions)
    assert {"key", "name", "type", "mentions", "articles", "first", "last"} <= set(ents["entities"][0])

    events = json.loads(run(seeds_index, "timeline", "--json").stdout)["events"]
    assert events and all({"id", "article", "date", "text", "start", "end", "links"} <= set(e) for e in events)


def test_timeline_filters_and_export_formats(seeds_index: Path) -> None:
    out = run(seeds_index, "timeline", "--from", "2022-01", "--to", "2022-12", "--format", "csv")
    assert out.returncode == 0 and out.stdout.splitlines()[0].startswith(("id", "date"))
    assert all("2022" in line for line in out.stdout.splitlines()[1:] if line)
    doc = json.loads(run(seeds_index, "timeline", "--format", "timelinejs").stdout)
    assert doc["events"] and "start_date" in doc["events"][0]
    bad = run(seeds_index, "timeline", "--from", "2022-13")
    assert bad.returncode == 2 and "month 13" in bad.stderr


@pytest.mark.parametrize("query", ["date:[2023 to 2022]", "Rosja)", "*"])
def test_a_bad_query_is_one_line_and_exit_2(seeds_index: Path, query: str) -> None:
    out = run(seeds_index, "search", query)
    assert out.returncode == 2
    assert len(out.stderr.strip().splitlines()) == 1 and "Traceback" not in out.stderr


def test_show_highlights_without_interpreting_markup(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "evil.txt").write_text("Tytuł [bold]x[/b] [@click=app.quit]y[/]\n\nRosja \x1b]52;c;aGk=\x07 i \x1b[31mKazachstan.",
                                     encoding="utf-8")
    out = run(tmp_path / "ix", "show", "evil", "--query", "Rosja", corpus=corpus)
    assert out.returncode == 0
    assert "[bold]x[/b]" in out.stdout and "[@click=app.quit]y[/]" in out.stdout
    assert "\x1b]52" not in out.stdout and "\x1b[31m" not in out.stdout


def test_a_broken_user_gazetteer_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "gaz.yaml"
    bad.write_text("places: [unclosed\n", encoding="utf-8")
    out = run(tmp_path / "ix", "entities", env={"KZREADER_GAZETTEER": str(bad)})
    assert out.returncode == 2 and "gaz.yaml" in out.stderr and "Traceback" not in out.stderr


def test_a_missing_corpus_folder_is_a_clear_error(tmp_path: Path) -> None:
    out = run(tmp_path / "ix", "articles", corpus=tmp_path / "nope")
    assert out.returncode == 2 and "does not exist" in out.stderr


def test_the_app_refuses_to_start_without_a_terminal(tmp_path: Path) -> None:
    out = run(tmp_path / "ix", env={"CI": "true"})
    assert out.returncode == 2 and "interactive terminal" in out.stderr


def test_a_reprints_events_fold_into_its_originals_rows_in_the_listing_not_in_the_data(seeds_index: Path) -> None:
    listing = run(seeds_index, "timeline", "--json").stdout
    copy_events = [e for e in json.loads(listing)["events"] if e["article"].startswith("002_")]
    assert copy_events, "the data keeps the reprint's events"
    table = run(seeds_index, "timeline").stdout
    rows = [line for line in table.splitlines() if line[:4].isdigit()]
    assert not any(line.split()[1].startswith("002_") for line in rows)
    assert any("also in 002_c3ac7bc5b52fd419" in line for line in table.splitlines())
