"""A synthetic corpus of N Polish articles: news-like (benchmarks/news/), or made from the seeds' sentences.

    python benchmarks/generate.py N OUT [--seed 42] [--kind news|seeds]

`news` (the default) draws people, places, organisations and events from
pools that grow with N, each event told by one outlet or a few
(benchmarks/news/__init__.py). `seeds`, the first generator, is kept to
compare figures with earlier runs: every article retells the seeds' events,
so each event has thousands of look-alikes. Its articles take 600-900 words
of seed sentences in a new order, with years, days and amounts re-rolled and
about a fifth of the longer words swapped for other word forms (from
`wordfreq`'s Polish list when installed, otherwise the seeds' own vocabulary)
and some names for invented ones. With either, article i depends only on
(seed, i): the 1k corpus is a prefix of the 10k one. Files are `.txt` with a
`.yaml` sidecar, so the whole pipeline runs on them.
"""
from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kzreader.corpus.articles import load_corpus  # noqa: E402
from kzreader.language.tokens import sentence_spans  # noqa: E402

KINDS = ("news", "seeds")
OUTLETS = ["rp.pl", "wydarzenia.interia.pl", "kresy.pl", "kierunekkaukaz.pl", "osw.waw.pl", "pap.pl", "tvn24.pl"]
_YEAR = re.compile(r"\b(19[89]\d|20[0-3]\d)\b")
_DAY_MONTH = re.compile(r"\b([1-9]|[12]\d|3[01])(?= (?:stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|"
                        r"września|października|listopada|grudnia)\b)")
_AMOUNT = re.compile(r"\b\d+(?:,\d+)?(?= (?:mld|mln|tys\.|miliard|milion))")
_LONG_WORD = re.compile(r"\b[a-ząćęłńóśźż]{5,}\b")
_SYLLABLES = ["ka", "ra", "no", "wi", "sa", "ta", "ma", "lo", "be", "zu", "dro", "gor", "mir", "sław", "bek", "tur"]
_ENDINGS = ["ow", "ew", "ski", "icz", "enko", "ajew", "in"]


def seed_material() -> tuple[list[str], list[str], list[str]]:
    corpus = load_corpus(ROOT / "seeds")
    sentences: list[str] = []
    headings: list[str] = []
    for art in corpus.articles:
        if art.duplicate_of:
            continue
        for start, end in art.regions:
            for s, e in sentence_spans(art.text[start:end]):
                sentence = art.text[start + s : start + e].strip()
                if len(sentence.split()) >= 6:
                    sentences.append(sentence)
                elif 2 <= len(sentence.split()) < 12:
                    headings.append(sentence.rstrip("."))
    vocabulary = sorted({w for s in sentences for w in _LONG_WORD.findall(s)})
    return sentences, headings, _word_pool(vocabulary)


def _word_pool(fallback: list[str]) -> list[str]:
    try:
        from wordfreq import top_n_list
    except ImportError:
        return fallback
    return [w for w in top_n_list("pl", 60_000) if w.isalpha() and len(w) >= 5]


def _name(rng: random.Random) -> str:
    first = "".join(rng.choice(_SYLLABLES) for _ in range(2)).capitalize()
    last = "".join(rng.choice(_SYLLABLES) for _ in range(2)).capitalize() + rng.choice(_ENDINGS)
    return f"{first} {last}"


def article(i: int, seed: int, sentences: list[str], headings: list[str], pool: list[str]) -> tuple[str, dict[str, str]]:
    rng = random.Random(f"{seed}:{i}")
    year = rng.randint(2015, 2026)
    month = rng.randint(1, 12)
    day = rng.randint(1, 28)
    target = rng.randint(600, 900)
    paragraphs: list[str] = []
    words = 0
    names = [_name(rng) for _ in range(3)]
    while words < target:
        para = []
        for _ in range(rng.randint(3, 6)):
            s = rng.choice(sentences)
            s = _YEAR.sub(lambda _m: str(rng.randint(year - 6, year)), s)
            s = _DAY_MONTH.sub(lambda _m: str(rng.randint(1, 28)), s)
            s = _AMOUNT.sub(lambda _m: f"{rng.randint(1, 300)},{rng.randint(0, 9)}", s)
            s = _LONG_WORD.sub(lambda m: rng.choice(pool) if rng.random() < 0.2 else m.group(), s)
            if rng.random() < 0.15:
                s = f"{rng.choice(names)} powiedział, że {s[0].lower()}{s[1:]}"
            para.append(s)
            words += len(s.split())
        paragraphs.append(" ".join(para))
    title = rng.choice(headings)
    body = "\n\n".join(paragraphs)
    text = f" date {year}-{month:02d}-{day:02d} {title}\n\n{body}\n"
    granular = f"{year}-{month:02d}" if rng.random() < 0.2 else f"{year}-{month:02d}-{day:02d}"
    meta = {"title": title, "date": granular, "outlet": rng.choice(OUTLETS),
            "url": f"https://example.org/{year}/{i}", "lang": "pl"}
    return text, meta


def generate(n: int, out: Path, seed: int = 42, kind: str = "news") -> None:
    import yaml

    if kind == "news":
        from benchmarks import news

        news.generate(n, out, seed)
        return

    sentences, headings, pool = seed_material()
    out.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        text, meta = article(i, seed, sentences, headings, pool)
        stem = out / f"a{i:06d}"
        stem.with_suffix(".txt").write_text(text, encoding="utf-8")
        stem.with_suffix(".yaml").write_text(yaml.safe_dump(meta, allow_unicode=True), encoding="utf-8")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int)
    ap.add_argument("out", type=Path)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--kind", choices=KINDS, default="news")
    args = ap.parse_args()
    generate(args.n, args.out, args.seed, args.kind)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
