"""The window's side of saved sessions: collect every tab into a session, and apply one back.

The file format and its validation live in gdstudio/session_file.py (pure, no Qt). Applying a
session is all-or-nothing: ``load_session`` validates and builds every trainer first, so a bad
file leaves the window exactly as it was.
"""

from __future__ import annotations

from typing import Any

from gdstudio.session_file import make_session


def tab_name(page, part) -> str:
    return f"{page.tab_key}/{part.key}"


def collect(window) -> dict[str, Any]:
    """A session of every tab and part as it is now (trainers are exported when saved)."""
    trainers, ui = {}, {}
    current = None
    for page in window.pages:
        for part in page.parts:
            name = tab_name(page, part)
            trainers[name] = part.trainer
            ui[name] = {
                "view": part.view.ui_state(),
                "speed": page.runner.speed_index if part is page.current else part.speed,
                "log_scale": page.loss_plot.log_scale,
            }
            if page is window.current_page() and part is page.current:
                current = name
    return make_session(trainers, current=current, ui=ui)


def apply(window, session: dict[str, Any]) -> None:
    """Show a loaded session: each saved tab's trainer, settings and view state."""
    parts = {tab_name(page, part): (page, part) for page in window.pages for part in page.parts}
    for name, tab in session["tabs"].items():
        if name not in parts:
            continue
        page, part = parts[name]
        trainer = tab["trainer_obj"]
        if trainer.model.key != part.key:
            continue
        ui = tab.get("ui") or {}
        page.runner.pause()
        view_state = ui.get("view")
        if isinstance(view_state, dict):
            part.view.set_ui_state(view_state)
        part.view.show_settings(trainer.model)  # the widgets show the loaded model's settings
        speed = ui.get("speed")
        if isinstance(speed, int):
            part.speed = speed
        opt = trainer.optimizer
        part.momentum = float(getattr(opt, "beta", 0.0))
        page.restore_initial_values(part, trainer.model.initial_params())
        page.use_trainer(part.view, trainer)
        if isinstance(ui.get("log_scale"), bool):
            page.controls.log_check.setChecked(ui["log_scale"])
    current = session.get("current")
    if current in parts:
        page, part = parts[current]
        window.tabs.setCurrentWidget(page)
        page.select_part(page.parts.index(part))
    for page in window.pages:
        page.select_part(page.part_index())
