"""The reader's colours in every theme the app offers, computed from the theme's own colours (WCAG contrast)."""
from __future__ import annotations

from pathlib import Path

from textual.color import Color
from textual.markup import parse_style

from kzreader.tui.app import ReaderApp
from kzreader.tui.colours import contrast
from kzreader.tui.formatting import CURRENT_HIT_STYLE, ENTITY_STYLES, HIT_STYLE

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
NOMINAL = {True: Color.parse("#000000"), False: Color.parse("#FFFFFF")}


def grounds(variables: dict[str, str], dark: bool) -> list[Color]:
    """The panes' surface and the screen's background; an ANSI theme's are the terminal's, taken as black or white."""
    found = [Color.parse(variables[n]) for n in ("surface", "background")]
    found = [c for c in found if c.a > 0 and c.ansi is None]
    return found or [NOMINAL[dark]]


def colour(style: str, variables: dict[str, str], part: str = "foreground") -> Color:
    resolved = getattr(parse_style(style, variables), part)
    assert resolved is not None, style
    return resolved


def hue_apart(a: Color, b: Color) -> float:
    d = abs(a.hsl.h - b.hsl.h) * 360
    return min(d, 360 - d)


async def test_every_theme_reads_at_4_5_to_1_with_each_type_its_own_colour(seeds_index: Path) -> None:
    app = ReaderApp(SEEDS, seeds_index)
    async with app.run_test(size=(80, 24)) as pilot:
        problems: list[str] = []
        for name, theme in app.available_themes.items():
            app.theme = name
            await pilot.pause()
            variables = app.get_css_variables()
            under = grounds(variables, theme.dark)
            types = {etype: colour(style, variables) for etype, style in ENTITY_STYLES.items()}
            for etype, fg in types.items():
                worst = min(contrast(fg, g) for g in under)
                if worst < 4.5:
                    problems.append(f"{name}: {etype} {fg.hex} at {worst:.2f}:1")
            names = list(types)
            for i, a in enumerate(names):
                for b in names[i + 1:]:
                    if types[a].ansi is None and hue_apart(types[a], types[b]) < 30:
                        problems.append(f"{name}: {a} and {b} alike ({types[a].hex}, {types[b].hex})")
                    if types[a] == types[b]:
                        problems.append(f"{name}: {a} and {b} the same colour")
            for style in (HIT_STYLE, CURRENT_HIT_STYLE):
                ink, paper = colour(style, variables), colour(style, variables, "background")
                if ink.ansi is None and contrast(ink, paper) < 4.5:
                    problems.append(f"{name}: hit text at {contrast(ink, paper):.2f}:1")
                if paper in types.values():
                    problems.append(f"{name}: hits look like an entity type")
            if colour(HIT_STYLE, variables, "background") == colour(CURRENT_HIT_STYLE, variables, "background"):
                problems.append(f"{name}: the current hit looks like the others")
            focus, blurred = Color.parse(variables["kz-focus"]), Color.parse(variables["kz-blurred"])
            if focus.ansi is None:
                if min(contrast(focus, g) for g in under) < 4.5:
                    problems.append(f"{name}: focused border at {min(contrast(focus, g) for g in under):.2f}:1")
                if min(contrast(blurred, g) for g in under) < 1.5:
                    problems.append(f"{name}: unfocused border invisible")
                if contrast(focus, blurred) < 1.8:
                    problems.append(f"{name}: focus hardly differs from no focus")
        assert not problems, "\n".join(problems)


async def test_switching_theme_recolours_the_open_article(seeds_index: Path) -> None:
    """The colours follow the theme at once: atom-one-light's places are readable, not its pale `$success`."""
    app = ReaderApp(SEEDS, seeds_index)
    async with app.run_test(size=(80, 24)) as pilot:
        app.theme = "atom-one-light"
        await pilot.pause()
        place = colour(ENTITY_STYLES["place"], app.get_css_variables())
        surface = Color.parse(app.get_css_variables()["surface"])
        assert contrast(place, surface) >= 4.5
        assert place != Color.parse(app.get_css_variables()["success"])
