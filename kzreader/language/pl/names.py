"""Base forms for capitalised words the dictionary lacks (mostly foreign surnames).

`candidates()` proposes nominatives by stripping Polish case endings; a
`NameVote` over a whole corpus makes the choice consistent: `Tokajewa`,
`Tokajewem` and `Tokajew` all settle on `Tokajew` because each supports the
others. The vote's table is plain data so the index can keep it between runs.
"""
from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field

from kzreader.language import pl

_WORDS = pl.vocabulary("names")
VOWELS = _WORDS.words("vowels")
_RULES: tuple[tuple[str, str, float], ...] = _WORDS.rows("endings", str, str, float)
# Which rules a stored vote was made with: another set of endings means voting over every form again.
RULES_MARK = hashlib.blake2b(repr(_RULES).encode(), digest_size=8).hexdigest()
_FEMININE_NOM = _WORDS.sequence("feminine_nominative_endings")
_SELF = 0.5
_ATTESTED_BONUS = 1.0
# Above one changed form in this many, voting again over every form is cheaper than voting near each.
_LOCAL_SHARE = 20


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
        return {w: _choose(w, cands, lambda lemma: support[lemma].items(), self.forms)
                for w, cands in per_form.items()}

    def to_dict(self) -> dict[str, int]:
        return dict(self.forms)

    @classmethod
    def from_dict(cls, data: Mapping[str, int], choices: Mapping[str, str] | None = None) -> "NameVote":
        """The vote over these forms; `choices`, when given, are its result already computed."""
        vote = cls()
        vote.forms.update({str(k): int(v) for k, v in data.items()})
        if choices is not None:
            vote._choice = dict(choices)
        return vote

    def updated(self, before: Mapping[str, str]) -> dict[str, str]:
        """The vote's choices, given `before`, the choices of an earlier vote over other forms.

        A form's choice depends only on the forms that share one of its
        candidate nominatives, or are one: only those near a form that came or
        went are voted again, so one changed article does not cost a vote over
        every name of the corpus. The result is the whole vote's, sum for sum.
        """
        current = self.forms.keys()
        changed = current ^ before.keys()
        if len(changed) * _LOCAL_SHARE > len(current):
            return dict(self.choices())
        # The whole vote sums each nominative's support in the order of the forms: so do these sums.
        order = {form: n for n, form in enumerate(self.forms)} if changed else {}
        by_lower: dict[str, list[str]] = defaultdict(list)
        for form in order:
            by_lower[form.lower()].append(form)
        cands: dict[str, dict[str, float]] = {}

        def candidates_of(form: str) -> dict[str, float]:
            found = cands.get(form)
            if found is None:
                found = cands[form] = dict(candidates(form))
            return found

        def holders(lemma: str) -> list[str]:
            """The forms of the vote with `lemma` among their candidates, in the whole vote's order."""
            out = {lemma} if lemma in current else set()
            for ending, repl, _score in _RULES:
                if lemma.endswith(repl):
                    stem = lemma[: len(lemma) - len(repl)]
                    out.update(f for f in by_lower.get(stem.lower() + ending, ()) if lemma in candidates_of(f))
            return sorted(out, key=order.__getitem__)

        affected: set[str] = set()
        for form in changed:
            for lemma in {form, *candidates_of(form)}:
                affected.update(holders(lemma))
        choice = {w: c for w, c in before.items() if w in current}
        for w in affected:
            choice[w] = _choose(w, candidates_of(w),
                                lambda lemma: ((f, candidates_of(f)[lemma]) for f in holders(lemma)), current)
        self._choice = choice
        return dict(choice)


def _choose(word: str, cands: Mapping[str, float], supporters: Callable[[str], Iterable[tuple[str, float]]],
            present: Collection[str]) -> str:
    """The vote for one form: its candidate with most support from the other forms, attested ones ahead."""
    best, best_score = word, float("-inf")
    for lemma, own in cands.items():
        others = sum(s for form, s in supporters(lemma) if form != word)
        attested = _ATTESTED_BONUS if lemma != word and lemma in present else 0.0
        total = own + others + attested
        if total > best_score or (total == best_score and len(lemma) < len(best)):
            best, best_score = lemma, total
    return best
