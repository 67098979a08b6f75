"""The scenario models (pure: numpy and the standard library) and their ordered registry.

The window builds its tabs from ``SCENARIOS``: entries that share a ``tab`` are parts of one tab
(the black box has two). Adding a scenario is one module here, one view in ``gdstudio.qt.tabs``
and one line below.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from gdstudio.engine.model import Model
from gdstudio.scenarios.black_box import BlackBox, CrackBox
from gdstudio.scenarios.guess_number import GuessNumber
from gdstudio.scenarios.rifle import Rifle


@dataclass(frozen=True)
class ScenarioSpec:
    key: str  # the name `gdstudio run` takes
    tab: str  # which tab shows it
    factory: Callable[..., Model]

    @property
    def title(self) -> str:
        return self.factory.title


SCENARIOS: tuple[ScenarioSpec, ...] = (
    ScenarioSpec("guess", "guess", GuessNumber),
    ScenarioSpec("blackbox", "blackbox", BlackBox),
    ScenarioSpec("fit", "blackbox", CrackBox),
    ScenarioSpec("rifle", "rifle", Rifle),
)
BY_KEY: dict[str, ScenarioSpec] = {s.key: s for s in SCENARIOS}


def create(key: str, **settings) -> Model:
    """A model of the scenario ``key`` with the given settings (ValueError if they are bad)."""
    if key not in BY_KEY:
        raise ValueError(f"unknown scenario {key!r}; choose one of: {', '.join(BY_KEY)}")
    return BY_KEY[key].factory(**settings)


__all__ = [
    "BY_KEY",
    "SCENARIOS",
    "BlackBox",
    "CrackBox",
    "GuessNumber",
    "Rifle",
    "ScenarioSpec",
    "create",
]
