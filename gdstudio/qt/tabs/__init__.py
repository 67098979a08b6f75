"""One view per scenario (its picture, settings and words), keyed like the scenario registry.

Adding a scenario: a module in gdstudio/scenarios, its view module here, and one line in each
registry. The window itself does not change. Views are imported when their tab is first built,
so start-up pays only for the tab on screen.
"""

from __future__ import annotations

import importlib

from gdstudio.qt.tabs.base import InitField, ScenarioView

#: scenario key -> (module, class) of its view
VIEWS: dict[str, tuple[str, str]] = {
    "guess": ("gdstudio.qt.tabs.guess", "GuessView"),
    "blackbox": ("gdstudio.qt.tabs.black_box", "BlackBoxView"),
    "fit": ("gdstudio.qt.tabs.crack_box", "CrackBoxView"),
    "rifle": ("gdstudio.qt.tabs.rifle", "RifleView"),
}


def view_class(key: str) -> type[ScenarioView]:
    module, name = VIEWS[key]
    return getattr(importlib.import_module(module), name)


__all__ = ["VIEWS", "InitField", "ScenarioView", "view_class"]
