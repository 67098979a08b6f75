"""One view per scenario (its picture, settings and words), keyed like the scenario registry.

Adding a scenario: a module in gdstudio/scenarios, its view module here, and one line in each
registry. The window itself does not change.
"""

from gdstudio.qt.tabs.base import InitField, ScenarioView
from gdstudio.qt.tabs.black_box import BlackBoxView
from gdstudio.qt.tabs.crack_box import CrackBoxView
from gdstudio.qt.tabs.guess import GuessView
from gdstudio.qt.tabs.rifle import RifleView

VIEWS: dict[str, type[ScenarioView]] = {
    "guess": GuessView,
    "blackbox": BlackBoxView,
    "fit": CrackBoxView,
    "rifle": RifleView,
}

__all__ = ["VIEWS", "InitField", "ScenarioView"]
