"""GuessView.show_settings: the settings widgets show a game built elsewhere (``gdstudio run guess
... --png``, an opened session), with their signals blocked, so the frame builds no new game."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QCheckBox, QComboBox, QSpinBox

from gdstudio.cli import build_parser, make_trainer
from gdstudio.scenarios.guess_number import GuessNumber
from tests.qt.conftest import settings_in_png

PNG_ARGS = ["guess", "--secret", "7", "--low", "1", "--high", "20", "--feedback", "exact"]


@pytest.fixture
def page(window):
    window.tabs.setCurrentIndex(0)
    page = window.pages[0]
    assert page.tab_key == "guess"
    return page


def widgets(page):
    found = {
        "low": page.findChild(QSpinBox, "lowSpin"),
        "high": page.findChild(QSpinBox, "highSpin"),
        "random": page.findChild(QCheckBox, "secretRandomCheck"),
        "secret": page.findChild(QSpinBox, "secretSpin"),
        "feedback": page.findChild(QComboBox, "feedbackCombo"),
    }
    assert all(w is not None for w in found.values()), found
    return found


def shown(page) -> dict:
    w = widgets(page)
    return {
        "low": w["low"].value(),
        "high": w["high"].value(),
        "random": w["random"].isChecked(),
        "secret": w["secret"].value(),
        "secret_range": (w["secret"].minimum(), w["secret"].maximum()),
        "secret_enabled": w["secret"].isEnabled(),
        "feedback": w["feedback"].currentData(),
    }


def listen(page) -> list[str]:
    """Every signal the view or its settings widgets emit from now on, by name."""
    heard: list[str] = []
    view = page.parts[0].view
    w = widgets(page)
    view.settingsChanged.connect(lambda *_: heard.append("settingsChanged"))
    w["low"].valueChanged.connect(lambda *_: heard.append("lowSpin"))
    w["high"].valueChanged.connect(lambda *_: heard.append("highSpin"))
    w["secret"].valueChanged.connect(lambda *_: heard.append("secretSpin"))
    w["random"].toggled.connect(lambda *_: heard.append("secretRandomCheck"))
    w["feedback"].currentIndexChanged.connect(lambda *_: heard.append("feedbackCombo"))
    return heard


def test_the_png_path_shows_the_run_s_settings_and_keeps_its_trainer(page):
    """What gdstudio.qt.render does for ``gdstudio run guess ... --png``, on a real window."""
    trainer = make_trainer(build_parser().parse_args(PNG_ARGS))
    trainer.run()
    heard = listen(page)
    part = page.parts[0]
    part.view.show_settings(trainer.model)
    page.restore_initial_values(part, trainer.model.initial_params())
    page.use_trainer(part.view, trainer)
    assert shown(page) == {
        "low": 1,
        "high": 20,
        "random": False,
        "secret": 7,
        "secret_range": (1, 20),
        "secret_enabled": True,
        "feedback": "exact",
    }
    assert heard == []
    assert page.trainer is trainer and trainer.step_count > 0  # not rebuilt, not reset
    assert "between 1 and 20" in page.purpose_label.text()
    # the widgets hold the very game: a model made from them has the same settings
    again = part.view.create_model({"guess": trainer.model.first_guess})
    assert again.settings() == trainer.model.settings()


def test_a_random_secret_shows_as_random_after_a_fixed_one(page):
    w = widgets(page)
    w["random"].setChecked(False)
    w["secret"].setValue(30)
    w["feedback"].setCurrentIndex(1)
    before = page.trainer
    heard = listen(page)
    model = GuessNumber(low=-10, high=10, first_guess=0)
    page.parts[0].view.show_settings(model)
    now = shown(page)
    assert now["random"] and not now["secret_enabled"]
    assert (now["low"], now["high"], now["secret_range"]) == (-10, 10, (-10, 10))
    assert now["feedback"] == "vague"
    assert heard == [] and page.trainer is before  # nothing rebuilt the game on show
    again = page.parts[0].view.create_model({"guess": 0})
    assert again.settings() == model.settings()


def test_show_settings_then_a_widget_edit_builds_a_game_from_the_shown_settings(page):
    view = page.parts[0].view
    view.show_settings(GuessNumber(low=5, high=60, secret=33, feedback="exact"))
    widgets(page)["high"].setValue(70)  # the student changes one setting: a new game
    m = page.trainer.model
    assert (m.low, m.high, m.given_secret, m.feedback_mode) == (5, 70, 33, "exact")


def test_a_range_beyond_the_spin_boxes_shows_their_nearest_bounds(page):
    heard = listen(page)
    page.parts[0].view.show_settings(GuessNumber(low=-5000, high=5000, secret=4321))
    now = shown(page)
    assert (now["low"], now["high"], now["secret"]) == (-1000, 1000, 1000)
    assert heard == []


def test_gdstudio_run_guess_png_draws_the_settings_of_the_run(tmp_path):
    out = tmp_path / "guess.png"
    seen = settings_in_png("guess", PNG_ARGS, out)
    assert seen["steps"] > 0
    assert {k: seen[k] for k in ("low", "high", "random_secret", "secret", "feedback")} == {
        "low": 1,
        "high": 20,
        "random_secret": False,
        "secret": 7,
        "feedback": "exact",
    }
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_a_random_secret_shows_a_question_mark_not_the_fixed_number(page):
    """The fixed secret's box keeps its number while the secret is random, but shows "?": the
    game's secret is another number (43 for seed 0) and a greyed 44 beside it misled."""
    w = widgets(page)
    assert w["random"].isChecked() and page.trainer.model.secret == 43
    assert not w["secret"].isEnabled() and w["secret"].text() == "?"
    assert w["secret"].value() == 44  # kept for when the secret is fixed again
    w["random"].setChecked(False)
    assert w["secret"].isEnabled() and w["secret"].text() == "44"
    assert page.trainer.model.secret == 44
    w["random"].setChecked(True)
    assert w["secret"].text() == "?" and page.trainer.model.secret == 43
