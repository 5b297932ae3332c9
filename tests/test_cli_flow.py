"""The command line's rough edges: id prefixes, unwrapped pipes, the timeline's legend, clear empty results."""
from __future__ import annotations

import json
from pathlib import Path

from test_cli import run


def test_any_unique_prefix_of_an_id_works(seeds_index: Path) -> None:
    shown = run(seeds_index, "show", "004")
    assert shown.returncode == 0 and shown.stdout.startswith("Putin docenił")
    cut = run(seeds_index, "show", "004_340609ee", "--json")
    assert json.loads(cut.stdout)["id"] == "004_340609ee85e05146"
    ents = json.loads(run(seeds_index, "entities", "--article", "004", "--json").stdout)
    assert ents["articles"][0]["article"] == "004_340609ee85e05146"
    ambiguous = run(seeds_index, "show", "00")
    assert ambiguous.returncode == 2 and "starts 5 article ids" in ambiguous.stderr
    assert run(seeds_index, "show", "9").returncode == 2


def test_piped_output_is_not_wrapped_and_show_has_no_raw_header(seeds_index: Path) -> None:
    out = run(seeds_index, "show", "004").stdout.splitlines()
    assert out[1].startswith("kresy.pl") and out[1].endswith("kazachstanu/")
    assert not any(line.rstrip().endswith("·") for line in out)
    assert not any(line.startswith(" date ") for line in out)
    assert max(len(line) for line in out) > 80


def test_timeline_prints_a_legend_and_an_unknown_entity_exits_1(seeds_index: Path) -> None:
    listing = run(seeds_index, "timeline").stdout
    assert "marks: = the same event" in listing and "~ related" in listing
    nobody = run(seeds_index, "timeline", "--entity", "Nikt")
    assert nobody.returncode == 1 and "no entity called 'Nikt'" in nobody.stderr


def test_timeline_with_a_query_lists_the_events_whose_sentence_matches(seeds_index: Path) -> None:
    events = json.loads(run(seeds_index, "timeline", "--query", "Tokajew", "--json").stdout)["events"]
    assert events and all("tokaj" in e["sentence"].lower() for e in events)
    assert "1991" not in run(seeds_index, "timeline", "--query", "Tokajew").stdout


def test_an_empty_result_says_so(seeds_index: Path) -> None:
    plain = run(seeds_index, "search", "Nikt")
    assert plain.returncode == 0 and "No article matches 'Nikt'" in plain.stderr and "no article has 'Nikt'" in plain.stderr
    data = json.loads(run(seeds_index, "search", "Nikt", "--json").stdout)
    assert data["hits"] == [] and data["total"] == 0 and data["notes"]
    none = run(seeds_index, "timeline", "--from", "1900", "--to", "1901")
    assert none.returncode == 0 and "No events match" in none.stderr


def test_search_json_says_which_hit_is_a_copy_of_which(seeds_index: Path) -> None:
    data = json.loads(run(seeds_index, "search", '"elektrownia atomowa"', "--json").stdout)
    assert [h["article"][:3] for h in data["hits"]] == ["000", "002"]
    assert data["hits"][1]["copy_of"] == data["hits"][0]["article"]
    first = json.loads(run(seeds_index, "search", '"elektrownia atomowa"', "--limit", "1", "--json").stdout)
    assert [h["article"][:3] for h in first["hits"]] == ["000"]


def test_a_missing_corpus_folder_leaves_nothing_behind(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    proc = run(tmp_path / "unused", "articles", corpus=tmp_path / "nope", env={"XDG_CACHE_HOME": str(cache)})
    assert proc.returncode == 2 and "does not exist" in proc.stderr
    assert not (tmp_path / "unused").exists() and not cache.exists()
