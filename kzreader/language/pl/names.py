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

_VOWELS = set("aąeęioóuy")

# (ending, replacement, score): masculine declension first, then the
# consonant alternations of the locative, then feminine and adjectival names.
_RULES: tuple[tuple[str, str, float], ...] = (
    ("owi", "", 0.9),
    ("em", "", 0.9),
    ("kiem", "k", 0.9),
    ("giem", "g", 0.9),
    ("a", "", 0.8),
    ("ie", "", 0.7),
    ("u", "", 0.55),
    ("ów", "", 0.3),
    # Men's surnames declined like feminine nouns (Łukaszenka, Nausėda) and
    # adjectival foreign ones (Modi -> Modiego).
    ("ą", "a", 0.6),
    ("ę", "a", 0.6),
    ("ki", "ka", 0.4),
    ("gi", "ga", 0.4),
    ("iego", "i", 0.7),
    ("ami", "", 0.3),
    ("ach", "", 0.3),
    ("cie", "t", 0.75),
    ("dzie", "d", 0.75),
    ("rze", "r", 0.75),
    ("le", "ł", 0.75),
    ("ście", "st", 0.75),
    ("owej", "owa", 0.9),
    ("ewej", "ewa", 0.9),
    ("inej", "ina", 0.9),
    ("ową", "owa", 0.9),
    ("ewą", "ewa", 0.9),
    ("iną", "ina", 0.9),
    ("skiej", "ska", 0.6),
    ("ską", "ska", 0.6),
    ("skiego", "ski", 0.6),
    ("skiemu", "ski", 0.6),
    ("skim", "ski", 0.6),
    ("ckiego", "cki", 0.6),
    ("ckim", "cki", 0.6),
)
_SELF = 0.5
_FEMININE_NOM = ("owa", "ewa", "ina", "ska", "cka")
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
        if not repl and stem[-1].lower() in _VOWELS:
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
