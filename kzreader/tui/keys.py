"""The user's key map applied to the app: which binding ids exist and which key names Textual can read."""
from __future__ import annotations

import unicodedata

from textual.binding import Binding
from textual.dom import DOMNode
from textual.keys import REPLACED_KEYS, Keys, _get_unicode_name_from_key

MODIFIERS = frozenset({"ctrl", "shift", "alt", "meta", "super", "hyper"})
NAMED_KEYS = frozenset(k.value.rsplit("+", 1)[-1] for k in Keys if not k.value.startswith("<"))


def is_key(key: str) -> bool:
    """`key` is a key Textual can bind: `a`, `?`, `f5`, `question_mark`, `ctrl+shift+left`."""
    if len(key) == 1:
        return key.isprintable() and not key.isspace()
    *modifiers, base = key.split("+")
    if not base or len(set(modifiers)) != len(modifiers) or not MODIFIERS.issuperset(modifiers):
        return False
    if len(base) == 1 or base in NAMED_KEYS:
        return len(base) > 1 or (base.isprintable() and not base.isspace())
    try:
        unicodedata.lookup(_get_unicode_name_from_key(REPLACED_KEYS.get(base, base)))
    except KeyError:
        return False
    return True


def _subclasses(cls: type) -> list[type]:
    found = []
    for sub in cls.__subclasses__():
        found.append(sub)
        found.extend(_subclasses(sub))
    return found


def bindings_with_ids() -> dict[str, Binding]:
    """Every binding with an id, of every widget, screen and app class imported (Textual's own too)."""
    found: dict[str, Binding] = {}
    for cls in [DOMNode, *_subclasses(DOMNode)]:
        for binding in cls.__dict__.get("BINDINGS", ()):
            if isinstance(binding, Binding) and binding.id:
                found.setdefault(binding.id, binding)
    return found
