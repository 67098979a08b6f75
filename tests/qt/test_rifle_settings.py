"""RifleView.show_settings: the range's spin boxes show a model built elsewhere (``gdstudio run
rifle ... --png``, an opened session), with their signals blocked, so the frame builds no new
model."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtWidgets import QDoubleSpinBox, QSpinBox

from gdstudio.cli import build_parser, make_trainer
from gdstudio.scenarios.rifle import Rifle
from tests.qt.conftest import settings_in_png

PNG_ARGS = ["rifle", "--burst", "5", "--wind", "3", "--wind-direction", "90", "--spread", "0.5"]
SPINS = {
    "burst": (QSpinBox, "burstSpin"),
    "wind": (QDoubleSpinBox, "windSpin"),
    "wind_direction": (QDoubleSpinBox, "windDirectionSpin"),
    "spread": (QDoubleSpinBox, "spreadSpin"),
    "sight_x": (QDoubleSpinBox, "sightXSpin"),
    "sight_y": (QDoubleSpinBox, "sightYSpin"),
}


@pytest.fixture
def page(window):
    index = next(i for i, p in enumerate(window.pages) if p.tab_key == "rifle")
    window.tabs.setCurrentIndex(index)
    return window.pages[index]


def spins(page) -> dict:
    found = {key: page.findChild(cls, name) for key, (cls, name) in SPINS.items()}
    assert all(w is not None for w in found.values()), found
    return found


def shown(page) -> dict:
    return {key: spin.value() for key, spin in spins(page).items()}


def listen(page) -> list[str]:
    """Every signal the view or its spin boxes emit from now on, by name."""
    heard: list[str] = []
    page.parts[0].view.settingsChanged.connect(lambda *_: heard.append("settingsChanged"))
    for key, spin in spins(page).items():
        spin.valueChanged.connect(lambda *_, key=key: heard.append(key))
    return heard


def test_show_settings_shows_the_model_without_a_rebuild(page):
    model = Rifle(burst=5, wind=3, wind_direction=90, spread=0.5, sight_error=(-10, 20))
    before = page.trainer
    heard = listen(page)
    page.parts[0].view.show_settings(model)
    assert shown(page) == {
        "burst": 5,
        "wind": 3.0,
        "wind_direction": 90.0,
        "spread": 0.5,
        "sight_x": -10.0,
        "sight_y": 20.0,
    }
    assert heard == [] and page.trainer is before
    # the spin boxes hold the very range: a model made from them has the same settings
    again = page.parts[0].view.create_model({"aim_x": 0.0, "aim_y": 0.0})
    assert again.settings() == model.settings()


def test_the_png_path_shows_the_run_s_settings_and_keeps_its_trainer(page):
    """What gdstudio.qt.render does for ``gdstudio run rifle ... --png``, on a real window."""
    trainer = make_trainer(build_parser().parse_args([*PNG_ARGS, "--steps", "20"]))
    trainer.run()
    heard = listen(page)
    part = page.parts[0]
    part.view.show_settings(trainer.model)
    page.restore_initial_values(part, trainer.model.initial_params())
    page.use_trainer(part.view, trainer)
    now = shown(page)
    assert (now["burst"], now["wind"], now["wind_direction"], now["spread"]) == (5, 3.0, 90.0, 0.5)
    assert (now["sight_x"], now["sight_y"]) == tuple(trainer.model.sight_error)
    assert heard == []
    assert page.trainer is trainer and trainer.step_count > 0  # not rebuilt, not reset
    assert part.view.wind_text.toPlainText() == "wind 3 cm"


def test_a_wind_direction_beyond_the_spin_box_shows_as_the_same_angle(page):
    heard = listen(page)
    view = page.parts[0].view
    for given, expected in ((270, -90.0), (-450, -90.0), (540, -180.0), (180, 180.0), (45, 45.0)):
        model = Rifle(wind=2, wind_direction=given)
        view.show_settings(model)
        assert shown(page)["wind_direction"] == expected, given
        again = view.create_model({"aim_x": 0.0, "aim_y": 0.0})
        assert np.allclose(again.drift, model.drift), given  # the wind blows the same way
    assert heard == []


def test_numbers_beyond_the_spin_boxes_show_their_nearest_bounds(page):
    heard = listen(page)
    page.parts[0].view.show_settings(Rifle(wind=100, spread=40, sight_error=(-90, 60)))
    now = shown(page)
    assert (now["wind"], now["spread"], now["sight_x"], now["sight_y"]) == (20, 15, -45, 45)
    assert heard == []


def test_gdstudio_run_rifle_png_draws_the_settings_of_the_run(tmp_path):
    out = tmp_path / "rifle.png"
    seen = settings_in_png("rifle", PNG_ARGS, out)
    assert seen["steps"] > 0
    assert {k: seen[k] for k in ("burst", "wind", "wind_direction", "spread")} == {
        "burst": 5,
        "wind": 3.0,
        "wind_direction": 90.0,
        "spread": 0.5,
    }
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
