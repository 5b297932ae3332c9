"""Shared look of the app: styles by entity type and link relation, and fitting text to a width.

Styles are Textual style strings over theme variables, so every theme works;
text from articles always enters a `Content` as data (never as markup) and
through `inert_text`, so its offsets still hold.
"""
from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len, set_cell_size
from textual.content import Content

from kzreader.library.inert import inert_text
from kzreader.library.relations import RELATION_MARKS, RELATION_ORDER

ENTITY_TYPES = ("person", "place", "org", "money")
ENTITY_LABELS = {"person": "person", "place": "place", "org": "org", "money": "money"}
# The `$kz-` colours are derived per theme for contrast and distinctness (`kzreader.tui.colours`).
ENTITY_STYLES = {
    "person": "bold $kz-person",
    "place": "bold $kz-place",
    "org": "bold $kz-org",
    "money": "bold $kz-money",
}
HIT_STYLE = "bold $kz-hit on $kz-hit-background"
CURRENT_HIT_STYLE = "bold underline $kz-hit on $kz-current-hit-background"
SENTENCE_STYLE = "underline on $primary 30%"
CURRENT_MENTION_STYLE = "reverse"
MUTED_STYLE = "$text-muted"
RELATION_STYLES = {"same": "bold $success", "story": "bold $primary", "conflict": "bold $error",
                   "related": "bold $warning"}
ELLIPSIS = "…"
BREAKS = frozenset(" ./-")


def safe(text: str | None, default: str = "") -> str:
    """Article-derived text made inert for the terminal (one character for one)."""
    return inert_text(text) if text else default


def fit(text: str, width: int, *, whole: bool = False) -> str:
    """`text` in at most `width` cells, cut at a word boundary with an ellipsis.

    Words also break after `.`, `/` and `-` (outlets are addresses). With
    `whole`, text that has no boundary to cut at gives "" rather than a stub
    of its first word; otherwise that one case is cut inside the word, and the
    ellipsis says so.
    """
    if width <= 0:
        return ""
    if cell_len(text) <= width:
        return text
    room = len(set_cell_size(text, width - 1))
    cut = next((i for i in range(room, 0, -1) if text[i] in BREAKS), 0)
    if not cut:
        return "" if whole else text[:room].rstrip() + ELLIPSIS
    return text[:cut].rstrip(" ,.;:–-") + ELLIPSIS


def wrap(text: str, width: int, lines: int) -> list[str]:
    """`text` word-wrapped into at most `lines` lines of `width` cells, the last one fitted."""
    words = text.split()
    out: list[str] = []
    current = ""
    for n, word in enumerate(words):
        candidate = f"{current} {word}" if current else word
        if cell_len(candidate) <= width:
            current = candidate
            continue
        if len(out) == lines - 1:
            out.append(fit(" ".join([current, *words[n:]]).strip(), width))
            return out
        if current:
            out.append(current)
        current = word if cell_len(word) <= width else fit(word, width)
    if current:
        out.append(current)
    return out


def snippet_line(text: str, start: int, matches: Sequence[tuple[int, int]], width: int) -> Content:
    """One line of `width` cells from a snippet (`text` at article offset `start`), its first match a third in.

    Line breaks become spaces one for one, so the matches' offsets still hold.
    """
    flat = safe(text).replace("\r", " ").replace("\n", " ")
    spans = [(s - start, e - start) for s, e in matches if 0 <= s - start < e - start <= len(flat)]
    first = spans[0][0] if spans else 0
    lo = max(0, min(first - width // 3, len(flat) - width + 1))
    cut = flat[lo:].rstrip()
    lead = ELLIPSIS if lo else ""
    room = width - len(lead)
    tail = ""
    if cell_len(cut) > room:
        room, tail = room - 1, ELLIPSIS
    room = len(set_cell_size(cut, max(room, 0)).rstrip()) if cell_len(cut) > room else len(cut)
    line = Content(lead + cut[:room] + tail)
    line = line.stylize(MUTED_STYLE, 0, len(line))
    for s, e in spans:
        a, b = max(s - lo, 0) + len(lead), min(e - lo, room) + len(lead)
        if a < b:
            line = line.stylize(HIT_STYLE, a, b)
    return line


def entity_legend() -> Content:
    """The key to the body's colours, for the article pane's header."""
    parts: list[Content] = []
    for etype in ENTITY_TYPES:
        parts.append(Content.styled(ENTITY_LABELS[etype], ENTITY_STYLES[etype]))
    parts.append(Content.styled("hit", HIT_STYLE))
    return Content(" ").join(parts)


def relation_legend() -> Content:
    """The key to the timeline's link marks, a mark against its word so all four fit a narrow pane."""
    return Content(" ").join(
        Content.styled(f"{RELATION_MARKS[r]}{r}", RELATION_STYLES[r]) for r in RELATION_ORDER
    )
