"""Base forms for capitalised words the dictionary lacks (mostly foreign surnames).

`candidates()` proposes nominatives by stripping Polish case endings; a
`NameVote` over a whole corpus makes the choice consistent: `Tokajewa`,
`Tokajewem` and `Tokajew` all settle on `Tokajew` because each supports the
others. The vote's table is plain data so the index can keep it between runs.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from kzreader.language import pl

_WORDS = pl.vocabulary("names")
VOWELS = _WORDS.words("vowels")
_RULES: tuple[tuple[str, str, float], ...] = _WORDS.rows("endings", str, str, float)
_FEMININE_NOM = _WORDS.sequence("feminine_nominative_endings")
_SELF = 0.5
_ATTESTED_BONUS = 1.0


def guessable(word: str) -> bool:
    """Only capitalised words longer than three letters, never acronyms."""
    return len(word) > 3 and word[:1].isupper() and not word.isupper() and word.replace("-", "").isalpha()


def candidates(word: str) -> list[tuple[str, float]]:
    """Possible nominatives of an unknown name, best first, the word itself included."""
    out: dict[str, float] = {word: _SELF + (0.05 if word.endswith(_FEMININE_NOM) else 0.0)}
    if not guessable(word):
        return [(word, 1.0)]
    lower = word.lower()
    for ending, repl, score in _RULES:
        if not lower.endswith(ending) or len(lower) - len(ending) < 3:
            continue
        stem = word[: len(word) - len(ending)]
        base = stem + repl
        if not repl and stem[-1].lower() in VOWELS:
            # A masculine stem ends in a consonant (Tokajew-a, not Ural-a-u).
            continue
        out[base] = max(out.get(base, 0.0), score)
    return sorted(out.items(), key=lambda kv: (-kv[1], len(kv[0])))


@dataclass
class NameVote:
    """Corpus-level choice of a base form for each unknown capitalised form."""

    forms: Counter[str] = field(default_factory=Counter)
    _choice: dict[str, str] | None = field(default=None, repr=False)

    def add(self, words: Iterable[str]) -> None:
        for w in words:
            for part in w.split("-"):
                if guessable(part):
                    self.forms[part] += 1
        self._choice = None

    def choices(self) -> Mapping[str, str]:
        if self._choice is None:
            self._choice = self._vote()
        return self._choice

    def base(self, word: str) -> str:
        """The voted base form, or the best guess for a form never seen.

        A hyphenated name is guessed part by part (Kassymem-Żomartem -> Kassym-Żomart).
        """
        if "-" in word:
            return "-".join(self.base(part) for part in word.split("-"))
        choice = self.choices().get(word)
        if choice is not None:
            return choice
        return candidates(word)[0][0]

    def _vote(self) -> dict[str, str]:
        support: dict[str, dict[str, float]] = defaultdict(dict)
        per_form = {w: dict(candidates(w)) for w in self.forms}
        for w, cands in per_form.items():
            for lemma, score in cands.items():
                support[lemma][w] = score
        choice: dict[str, str] = {}
        for w, cands in per_form.items():
            best, best_score = w, float("-inf")
            for lemma, own in cands.items():
                others = sum(s for form, s in support[lemma].items() if form != w)
                attested = _ATTESTED_BONUS if lemma != w and lemma in self.forms else 0.0
                total = own + others + attested
                if total > best_score or (total == best_score and len(lemma) < len(best)):
                    best, best_score = lemma, total
            choice[w] = best
        return choice

    def to_dict(self) -> dict[str, int]:
        return dict(self.forms)

    @classmethod
    def from_dict(cls, data: Mapping[str, int]) -> "NameVote":
        vote = cls()
        vote.forms.update({str(k): int(v) for k, v in data.items()})
        return vote
