"""The reader's own colours, derived from each theme so every theme stays readable.

A theme's `$accent` and `$warning` may be one colour (textual-dark), its
`$secondary` may be a dark blue on a dark background, and a light theme's
`$success` may be a pale green on white. So the colours of entity types,
search hits and pane borders are not taken from the theme as they are: each
starts from a theme colour, moves to another hue if it would look like a type
already coloured (or like grey text), and is then lightened or darkened in
its own hue until it reads at WCAG's 4.5:1 against the panes' backgrounds.

`theme_colours` gives them as CSS variables (`$kz-person`, ...) that the app
adds to the theme's; styles in `formatting` and `app.tcss` use those.
"""
from __future__ import annotations

from collections.abc import Mapping

from textual.color import Color

TEXT_CONTRAST = 4.5
"""WCAG AA for text: entity names, hits, the focused border and its title."""
BLURRED_CONTRAST = (1.6, 2.6)
"""An unfocused border: there, but clearly fainter than the focused one."""
MIN_SATURATION = 0.3
"""Below this a colour reads as grey text, not as a type."""
MIN_HUE_APART = 40.0
"""Degrees between the hues of two entity types, so they are told apart."""

# Each type starts from a theme colour; these hues are tried, in order, when it clashes.
TYPE_SOURCES = {"person": "accent", "place": "success", "org": "secondary", "money": "warning"}
FALLBACK_HUES = {"person": (25, 330), "place": (135, 95), "org": (205, 265), "money": (300, 55, 175)}
HIT_HUE, CURRENT_HIT_HUE = 52.0, 12.0
"""Search hits are a highlighter's yellow behind dark text; the hit stepped to is orange-red."""

# The ANSI themes leave colours to the terminal's palette, so contrast cannot be computed for the real
# screen: they get ANSI colours chosen for a dark or light terminal background.
ANSI = {
    True: {"person": "ansi_bright_magenta", "place": "ansi_bright_green", "org": "ansi_bright_cyan",
           "money": "ansi_bright_yellow", "focus": "ansi_bright_blue", "blurred": "ansi_bright_black"},
    False: {"person": "ansi_magenta", "place": "ansi_green", "org": "ansi_blue", "money": "ansi_red",
            "focus": "ansi_blue", "blurred": "ansi_white"},
}


def luminance(colour: Color) -> float:
    """WCAG relative luminance of an opaque colour."""
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = colour.rgb
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: Color, b: Color) -> float:
    """WCAG contrast ratio, 1 to 21."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def backgrounds(variables: Mapping[str, str]) -> list[Color]:
    """What the reader's text stands on: the panes' `$surface` and the screen's `$background`."""
    found = []
    for name in ("surface", "background"):
        colour = Color.parse(variables[name])
        if colour.a > 0 and colour.ansi is None:
            found.append(colour)
    return found


def readable(colour: Color, grounds: list[Color], minimum: float, dark: bool) -> Color:
    """`colour` in its own hue, lightened (on a dark theme) or darkened until it reads at `minimum`."""
    h, s, l = colour.hsl
    step = 0.01 if dark else -0.01
    while not all(contrast(colour, g) >= minimum for g in grounds) and 0.0 < l < 1.0:
        l = min(max(l + step, 0.0), 1.0)
        colour = Color.from_hsl(h, s, l)
    return colour


def faint(colour: Color, grounds: list[Color], dark: bool) -> Color:
    """`colour` moved until it stands between `BLURRED_CONTRAST`'s bounds against the backgrounds."""
    low, high = BLURRED_CONTRAST
    h, s, l = colour.hsl
    for _ in range(100):
        worst = min(contrast(colour, g) for g in grounds)
        best = max(contrast(colour, g) for g in grounds)
        if worst >= low and best <= high:
            break
        further = worst < low
        l = min(max(l + (0.01 if further == dark else -0.01), 0.0), 1.0)
        colour = Color.from_hsl(h, s, l)
    return colour


def _hue_apart(a: float, b: float) -> float:
    d = abs(a - b) * 360 % 360
    return min(d, 360 - d)


def _distinct(colour: Color, taken: list[Color]) -> bool:
    h, s, _ = colour.hsl
    return s >= MIN_SATURATION and all(_hue_apart(h, t.hsl[0]) >= MIN_HUE_APART for t in taken)


def type_colours(variables: Mapping[str, str], dark: bool) -> dict[str, Color]:
    """A readable colour per entity type, no two of a like hue."""
    grounds = backgrounds(variables)
    taken: list[Color] = []
    colours: dict[str, Color] = {}
    for etype, source in TYPE_SOURCES.items():
        candidates = [Color.parse(variables[source])]
        candidates += [Color.from_hsl(hue / 360, 0.75, 0.5) for hue in FALLBACK_HUES[etype]]
        candidates += [Color.from_hsl(hue / 360, 0.75, 0.5) for hue in range(0, 360, 15)]
        chosen = next((c for c in candidates if _distinct(c, taken)), candidates[0])
        colours[etype] = readable(chosen, grounds, TEXT_CONTRAST + 0.1, dark)
        taken.append(colours[etype])
    return colours


def theme_colours(variables: Mapping[str, str], dark: bool) -> dict[str, str]:
    """The reader's CSS variables for a theme whose Textual variables are `variables`."""
    ink = Color.parse("#000000")
    hit = Color.from_hsl(HIT_HUE / 360, 0.95, 0.55)
    current = Color.from_hsl(CURRENT_HIT_HUE / 360, 0.95, 0.6)
    out = {"kz-hit": ink.hex, "kz-hit-background": hit.hex, "kz-current-hit-background": current.hex}
    if not backgrounds(variables):
        ansi = ANSI[dark]
        return {**out, **{f"kz-{k}": v for k, v in ansi.items()}, "kz-hit": "ansi_black",
                "kz-hit-background": "ansi_yellow", "kz-current-hit-background": "ansi_bright_red"}
    grounds = backgrounds(variables)
    out.update({f"kz-{etype}": colour.hex for etype, colour in type_colours(variables, dark).items()})
    out["kz-focus"] = readable(Color.parse(variables["border"]), grounds, TEXT_CONTRAST + 0.1, dark).hex
    out["kz-blurred"] = faint(Color.parse(variables["border-blurred"]), grounds, dark).hex
    return out
