"""Guess the number's picture (issue 4): the number line, Reveal, the race and "You are A".

Widgets are found by objectName; the tests assert on what changed (history, plots, texts).
"""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QPushButton, QSpinBox

from gdstudio.engine import Phase, StopReason, Trainer
from gdstudio.qt.tabs.guess import MAX_ROWS, ROW_PX
from gdstudio.scenarios.guess_number import GuessNumber, PlayerTrainer, degree, word
from tests.benchmarks.window_run import marked_running

BAD_GUESSES = ("abc", "", "3.5", "0", "51", "1e3")


@pytest.fixture
def page(window):
    window.tabs.setCurrentIndex(0)
    page = window.pages[0]
    assert page.tab_key == "guess"
    page.reset()
    return page


def find(page, cls, name):
    w = page.findChild(cls, name)
    assert w is not None, name
    assert w.accessibleName(), name
    return w


def view_of(page):
    return page.parts[0].view


def b_words(g: int, secret: int, low: int = 1, high: int = 50) -> str:
    """B's words in English, as the number line writes them ("correct!" with its mark)."""
    w = word(degree(g - secret, low, high))
    return "correct!" if w == "correct" else w


def fix_secret(page, qtbot, secret: int) -> None:
    find(page, QCheckBox, "secretRandomCheck").setChecked(False)
    spin = find(page, QSpinBox, "secretSpin")
    spin.setValue(secret)
    assert page.trainer.model.secret == secret


def click(qtbot, button: QPushButton) -> None:
    assert button.isVisible() and button.isEnabled(), button.objectName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


# --- the number line ---------------------------------------------------------------------------
def test_number_line_shows_the_history_and_b_words_beside_each_guess(page, qtbot):
    view = view_of(page)
    assert page.trainer.seed == 0 and page.trainer.model.secret == 43  # fixed by the seed
    for _ in range(4):
        click(qtbot, find(page, QPushButton, "stepButton"))
    t = page.trainer
    guesses = t.history.column("guess")
    assert guesses.tolist() == [5, 30, 42, 45]
    assert np.array_equal(view.guesses, guesses)
    assert view.line.visible_labels() == [f"{int(g)} — {b_words(int(g), 43)}" for g in guesses]
    assert view.line.visible_labels()[-1] == "45 — a bit high"
    # the latest guess is emphasised: its own marker, bold words; the others are plain dots
    x, y = view.line.latest.getData()
    assert x.tolist() == [45] and y.tolist() == [-3]
    assert view.line.dots.getData()[0].tolist() == [5, 30, 42]
    assert [lab.bold for lab in view.line.words.shown] == [False, False, False, True]
    # ... and the rows are numbered in order
    ticks = view.line.row_numbers.ticks
    assert [text for _, text in ticks] == ["#1", "#2", "#3", "#4"]


def test_the_number_line_follows_the_phases_of_one_step(page, qtbot):
    view = view_of(page)
    assert view.line.visible_labels() == ["5"]  # A's first guess, before B said anything
    phase = find(page, QPushButton, "phaseButton")
    click(qtbot, phase)  # FORWARD: A says 5
    assert page.trainer.phase is Phase.FORWARD
    assert view.line.visible_labels() == ["5"]
    click(qtbot, phase)  # LOSS: B answers
    assert view.line.visible_labels() == ["5 — too low"]
    click(qtbot, phase)
    click(qtbot, phase)  # UPDATE: the row is in the history
    assert view.line.visible_labels() == ["5 — too low"]
    assert view.guesses.tolist() == [5]


def test_the_end_is_marked_correct(page, qtbot):
    view = view_of(page)
    while not page.trainer.done:
        page.step()
    t = page.trainer
    assert t.stop is StopReason.CONVERGED
    assert view.line.visible_labels()[-1] == "43 — correct!"
    assert "found it! The secret number is 43, after 5 guesses" in page.status_label.text()


def test_many_guesses_stay_readable(page, qtbot):
    view = view_of(page)
    find(page, QSpinBox, "highSpin").setValue(1000)
    page.controls.lr_spin.setValue(0.05)
    while not page.trainer.done:
        page.step()
    n = len(page.trainer.history)
    assert n > 50
    rows = len(view.line.words.shown)
    assert 4 <= rows <= MAX_ROWS
    last = [int(g) for g in page.trainer.history.column("guess")[-rows:]]
    secret = page.trainer.model.secret
    assert view.line.visible_labels() == [f"{g} — {b_words(g, secret, 1, 1000)}" for g in last]
    assert view.line.title.text() == f"The number line: the last {rows} of {n} guesses"
    # a row is tall enough for its words, and no two labels overlap
    assert abs(1 / view.line.plot.vb.viewPixelSize()[1]) >= ROW_PX - 1
    boxes = view.line.words.scene_rects()
    assert len(boxes) == rows
    for a, b in zip(boxes, boxes[1:]):
        assert not a.intersects(b)
    # every label is inside the plot, whole
    area = view.line.plot.vb.sceneBoundingRect()
    assert all(area.contains(box) for box in boxes)


def test_a_long_history_numbers_its_rows_from_the_first_guess(page, qtbot):
    # only the latest guesses are handed to the number line; the rows keep their real numbers
    view = view_of(page)
    old = page.trainer
    t = Trainer(old.model, lr=old.lr, seed=old.seed, stop_rules=False, max_steps=10**9)
    t.run(1500)
    page.use_trainer(view, t)
    n = len(t.history)
    ticks = [text for _, text in view.line.row_numbers.ticks]
    rows = len(view.line.visible_labels())
    assert ticks == [f"#{i}" for i in range(n - rows + 1, n + 1)]
    assert view.line.title.text() == f"The number line: the last {rows} of {n} guesses"
    assert view.line.visible_labels()[-1] == "43 — correct!"


def test_a_redraw_costs_the_same_after_many_guesses(page, qtbot, monkeypatch):
    import gdstudio.qt.tabs.guess as guess

    view = view_of(page)
    old = page.trainer
    t = Trainer(old.model, lr=old.lr, seed=old.seed, stop_rules=False, max_steps=10**9)
    t.run(3000)
    page.use_trainer(view, t)
    asked = []
    real = guess.answer_words
    monkeypatch.setattr(guess, "answer_words", lambda m, g: asked.append(g) or real(m, g))
    view.refresh(t)
    assert 0 < len(asked) <= MAX_ROWS + 1  # B's words only for the guesses that can be seen


def test_scrolling_rows_keep_their_labels(page, qtbot):
    # a label's layout is kept as the rows scroll up: a step lays out the new guess's words
    # and those of the one that stopped being the latest, not every label in view
    view = view_of(page)
    words = view.line.words
    find(page, QSpinBox, "highSpin").setValue(1000)
    page.controls.lr_spin.setValue(0.05)
    for _ in range(MAX_ROWS + 5):
        page.step()
    view.line.widget.grab()  # painted
    before, laid_out = list(words.shown), words.laid_out
    page.step()
    view.line.widget.grab()
    assert words.laid_out - laid_out <= 2
    rows = len(words.shown)
    assert [lab.text for lab in words.shown[:-2]] == [lab.text for lab in before[1:-1]]
    last = [int(g) for g in page.trainer.history.column("guess")[-rows:]]
    secret = page.trainer.model.secret
    assert view.line.visible_labels() == [f"{g} — {b_words(g, secret, 1, 1000)}" for g in last]
    assert [lab.y for lab in words.shown] == sorted((lab.y for lab in words.shown), reverse=True)
    assert [lab.bold for lab in words.shown] == [False] * (rows - 1) + [True]


def test_the_title_waits_for_the_words_while_running(page, qtbot):
    view = view_of(page)
    find(page, QSpinBox, "highSpin").setValue(1000)
    page.controls.lr_spin.setValue(0.05)
    for _ in range(MAX_ROWS + 5):
        page.step()
    title = view.line.title.text()
    t = page.trainer
    t.step()
    page.words_due = False  # between the text updates of a fast run
    view.refresh(t)
    assert view.line.title.text() == title
    assert view.line.visible_labels()[-1].startswith(f"{int(t.history.column('guess')[-1])} ")
    page.words_due = True
    view.refresh(t)
    assert view.line.title.text() != title
    assert f"of {len(t.history)} guesses" in view.line.title.text()


def test_new_titles_while_running_do_not_lay_out_the_window(page, qtbot):
    # the title changes with every word frame of a fast run ("the last 16 of 1234 guesses");
    # rewriting it must not send a layout request up through the view: each layout it reaches
    # asks its parent in turn, up to the window, which then repaints whole
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication, QWidget

    view = view_of(page)
    old = page.trainer
    t = Trainer(old.model, lr=old.lr, seed=old.seed, stop_rules=False, max_steps=10**9)
    t.run(200)
    page.use_trainer(view, t)
    QApplication.processEvents()
    height = view.line.title.height()

    requests = []

    class Spy(QObject):
        def eventFilter(self, obj, ev):
            if ev.type() == QEvent.Type.LayoutRequest and isinstance(obj, QWidget):
                requests.append(obj.objectName())
            return False

    watched = [view.line, view.stack, view]
    spy = Spy()
    for w in watched:
        w.installEventFilter(spy)
    try:
        with marked_running(page):  # "running" for the refresh, with no ticks of its own
            titles = set()
            for _ in range(5):
                page._words_at = 0.0  # a word frame: the refresh rewrites the texts
                t.step()
                page.refresh()
                QApplication.processEvents()
                titles.add(view.line.title.text())
    finally:
        for w in watched:
            w.removeEventFilter(spy)
    assert len(titles) == 5  # the title did change on every word frame
    assert f"of {len(t.history)} guesses" in view.line.title.text()
    assert requests == []
    assert view.line.title.height() == height  # the same one line as before
    assert view.line.title.width() == view.line.widget.width()  # across the whole line


# --- reveal -----------------------------------------------------------------------------------
def test_reveal_shows_and_hides_the_secret(page, qtbot):
    view = view_of(page)
    reveal = find(page, QCheckBox, "revealCheck")
    assert not reveal.isChecked()
    assert not view.line.secret_line.isVisible() and not view.line.secret_text.isVisible()
    page.step()
    reveal.setChecked(True)
    assert view.line.secret_line.isVisible() and view.line.secret_line.value() == 43
    assert view.line.secret_text.isVisible()
    assert view.line.secret_text.toPlainText() == "secret: 43"
    page.step()  # it stays while the game goes on
    assert view.line.secret_line.isVisible()
    reveal.setChecked(False)
    assert not view.line.secret_line.isVisible() and not view.line.secret_text.isVisible()


# --- the race ---------------------------------------------------------------------------------
def test_race_runs_both_guessers_on_the_current_secret(page, qtbot):
    view = view_of(page)
    fix_secret(page, qtbot, 44)
    race = find(page, QPushButton, "raceButton")
    click(qtbot, race)
    counts = find(page, QLabel, "raceCounts")
    assert counts.isVisible()
    assert "vague: 6 guesses · exact: 2 guesses" in counts.text()
    assert view.race.count("exact") < view.race.count("vague")
    assert view.race_lines["vague"].guesses.tolist() == [5, 30, 42, 45, 43, 44]
    assert view.race_lines["exact"].guesses.tolist() == [5, 44]
    assert view.race_lines["exact"].visible_labels() == ["5 — off by -39", "44 — correct!"]
    assert view.race_lines["vague"].visible_labels()[0] == "5 — too low"
    # side by side, both shown
    left, right = view.race_lines["vague"], view.race_lines["exact"]
    assert left.isVisible() and right.isVisible()
    assert (
        left.mapTo(view, left.rect().topLeft()).x() < right.mapTo(view, right.rect().topLeft()).x()
    )
    assert len(page.trainer.history) == 0  # the game itself did not move


def test_race_respects_reveal(page, qtbot):
    view = view_of(page)
    click(qtbot, find(page, QPushButton, "raceButton"))
    assert not view.race_lines["vague"].secret_line.isVisible()
    find(page, QCheckBox, "revealCheck").setChecked(True)
    assert view.race_lines["vague"].secret_line.isVisible()
    assert view.race_lines["exact"].secret_line.value() == 43


def test_race_does_not_break_normal_stepping(page, qtbot):
    view = view_of(page)
    fix_secret(page, qtbot, 44)
    step = find(page, QPushButton, "stepButton")
    click(qtbot, step)
    click(qtbot, step)
    race = find(page, QPushButton, "raceButton")
    click(qtbot, race)
    assert view.stack.currentIndex() == 1 and race.isChecked()
    click(qtbot, step)  # the game goes on, and the picture shows it again
    assert view.stack.currentIndex() == 0 and not race.isChecked() and view.race is None
    while not page.trainer.done:
        click(qtbot, step)
    alone = Trainer(GuessNumber(secret=44))
    alone.run()
    assert page.trainer.history.column("guess").tolist() == alone.history.column("guess").tolist()
    # toggling the race on and off leaves the game's picture as it was
    click(qtbot, race)
    click(qtbot, race)
    assert view.stack.currentIndex() == 0
    assert view.line.visible_labels()[-1] == "44 — correct!"


def test_race_when_words_win_says_so(page, qtbot):
    view = view_of(page)
    find(page, QSpinBox, "highSpin").setValue(1000)
    page.controls.lr_spin.setValue(0.05)
    click(qtbot, find(page, QPushButton, "raceButton"))
    v, e = view.race.count("vague"), view.race.count("exact")
    text = find(page, QLabel, "raceCounts").text()
    assert f"vague: {v} guesses · exact: {e} guesses" in text
    if e > v:
        assert "learning" in text


# --- you are A --------------------------------------------------------------------------------
def become_a(page, qtbot):
    click(qtbot, find(page, QPushButton, "youAreAButton"))
    qtbot.waitUntil(lambda: isinstance(page.trainer, PlayerTrainer))
    entry = find(page, QLineEdit, "guessEntry")
    assert entry.isVisible() and entry.isEnabled()
    return entry


def type_guess(qtbot, entry: QLineEdit, text: str, enter: bool = True, page=None) -> None:
    entry.clear()
    qtbot.keyClicks(entry, text)
    if enter:
        qtbot.keyClick(entry, Qt.Key.Key_Return)
    else:
        click(qtbot, find(page, QPushButton, "guessSubmitButton"))


def loss_points(page) -> int:
    x, _ = page.loss_plot.curve.getData()
    return 0 if x is None else len(x)


def test_you_are_a_refuses_bad_guesses_with_a_visible_hint(page, qtbot):
    view = view_of(page)
    fix_secret(page, qtbot, 44)
    entry = become_a(page, qtbot)
    hint = find(page, QLabel, "guessHint")
    assert hint.isVisible() and "from 1 to 50" in hint.text()
    type_guess(qtbot, entry, "20")  # one good guess first: the refusals must not touch it
    t = page.trainer
    assert t.history.column("guess").tolist() == [20]
    for text in BAD_GUESSES:
        type_guess(qtbot, entry, text)
        assert hint.isVisible() and hint.text().startswith("✗"), text
        assert "nothing was changed" in hint.text().lower() or text == "", text
        assert page.trainer is t and t.history.column("guess").tolist() == [20], text
        assert loss_points(page) == 1, text
        assert view.line.visible_labels() == ["20 — too low"], text
        assert entry.text() == text  # what was typed stays, to be corrected
    # out of range and not-a-number are told apart
    type_guess(qtbot, entry, "51")
    assert "outside 1…50" in hint.text()
    type_guess(qtbot, entry, "3.5")
    assert "not a whole number" in hint.text()
    type_guess(qtbot, entry, "", enter=False, page=page)
    assert hint.text().startswith("✗ Type a number first")


def test_you_are_a_answers_in_range_guesses_as_b(page, qtbot):
    view = view_of(page)
    fix_secret(page, qtbot, 44)
    entry = become_a(page, qtbot)
    hint = find(page, QLabel, "guessHint")
    assert loss_points(page) == 0 and view.line.visible_labels() == []
    type_guess(qtbot, entry, "30")
    assert loss_points(page) == 1
    assert page.loss_plot.curve.getData()[1].tolist() == [0.5 * 14**2]
    assert view.line.visible_labels() == ["30 — low"]
    assert hint.text() == "B says: “low”. Your turn again."
    assert entry.text() == "" and entry.hasFocus()
    type_guess(qtbot, entry, "50", enter=False, page=page)
    assert loss_points(page) == 2
    assert view.line.visible_labels() == ["30 — low", "50 — a bit high"]
    assert page.table.model().rowCount() == 2
    assert "B answers <b>“a bit high”</b>" in page.lesson.findChild(QLabel, "lessonBody").text()
    type_guess(qtbot, entry, " 44 ")
    t = page.trainer
    assert t.stop is StopReason.CONVERGED
    assert view.line.visible_labels()[-1] == "44 — correct!"
    assert hint.text().startswith("✓ Correct! You found 44 in 3 guesses")
    assert "you found it!" in page.status_label.text()
    assert not entry.isEnabled()


def test_you_are_a_in_exact_mode(page, qtbot):
    view = view_of(page)
    fix_secret(page, qtbot, 44)
    entry = become_a(page, qtbot)
    find(page, QComboBox, "feedbackCombo").setCurrentIndex(1)  # B answers exactly
    qtbot.waitUntil(lambda: isinstance(page.trainer, PlayerTrainer))
    assert page.trainer.model.feedback_mode == "exact"
    type_guess(qtbot, entry, "30")
    assert view.line.visible_labels() == ["30 — off by -14"]
    assert page.trainer.history.column("grad_guess").tolist() == [-14]


def test_stepping_waits_for_the_student_and_back_undoes_a_guess(page, qtbot):
    fix_secret(page, qtbot, 44)
    entry = become_a(page, qtbot)
    c = page.controls
    assert not c.step_button.isEnabled() and not c.run_button.isEnabled()
    page.step()  # the keyboard's Step: nothing to run, A is the student
    page.toggle_run()
    assert not page.runner.running and len(page.trainer.history) == 0
    type_guess(qtbot, entry, "10")
    type_guess(qtbot, entry, "40")
    page.step()
    assert page.trainer.history.column("guess").tolist() == [10, 40]
    click(qtbot, c.back_button)
    assert page.trainer.history.column("guess").tolist() == [10]
    assert loss_points(page) == 1
    type_guess(qtbot, entry, "44")
    assert page.trainer.history.column("guess").tolist() == [10, 44]
    click(qtbot, c.reset_button)
    assert len(page.trainer.history) == 0 and isinstance(page.trainer, PlayerTrainer)
    assert entry.isEnabled()


def test_typing_in_the_entry_does_not_trigger_the_window_keys(page, qtbot):
    fix_secret(page, qtbot, 44)
    entry = become_a(page, qtbot)
    type_guess(qtbot, entry, "12")
    entry.setFocus()
    qtbot.keyClicks(entry, "45")
    qtbot.keyClick(entry, Qt.Key.Key_Backspace)  # the window's "back one step" key
    qtbot.keyClick(entry, Qt.Key.Key_Left)
    assert entry.text() == "4"
    assert page.trainer.history.column("guess").tolist() == [12]


def test_leaving_you_are_a_restores_the_machine_guesser(page, qtbot):
    fix_secret(page, qtbot, 44)
    entry = become_a(page, qtbot)
    type_guess(qtbot, entry, "10")
    assert not find(page, QPushButton, "raceButton").isEnabled()
    click(qtbot, find(page, QPushButton, "youAreAButton"))
    assert not isinstance(page.trainer, PlayerTrainer)
    assert not entry.isVisible()
    qtbot.wait(10)  # no deferred switch back to the student
    assert not isinstance(page.trainer, PlayerTrainer)
    assert len(page.trainer.history) == 0
    click(qtbot, find(page, QPushButton, "stepButton"))
    assert page.trainer.history.column("guess").tolist() == [5]
    assert find(page, QPushButton, "raceButton").isEnabled()


# --- pictures ---------------------------------------------------------------------------------
def test_pictures_at_the_start_mid_run_and_end(page, qtbot, tmp_path):
    """The number line drawn at step 0, mid-run and at the end (tests/screenshots.py saves the
    whole window for looking at; this checks that the picture is really drawn)."""
    view = view_of(page)

    def drawn(name: str) -> None:
        qtbot.wait(5)
        image = view.line.widget.grab().toImage()
        image.save(str(tmp_path / f"{name}.png"))
        colours = {
            image.pixel(x, y)
            for x in range(0, image.width(), 7)
            for y in range(0, image.height(), 7)
        }
        assert len(colours) > 3, name  # more than a blank background

    drawn("0_start")
    page.step()
    page.step()
    drawn("1_mid")
    while not page.trainer.done:
        page.step()
    drawn("2_end")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["0_start.png", "1_mid.png", "2_end.png"]


# --- saved settings ---------------------------------------------------------------------------
def test_ui_state_round_trip_and_a_loaded_game_is_the_machines(page, qtbot):
    view = view_of(page)
    fix_secret(page, qtbot, 44)
    find(page, QComboBox, "feedbackCombo").setCurrentIndex(1)
    find(page, QCheckBox, "revealCheck").setChecked(True)
    state = view.ui_state()
    assert state == {
        "low": 1,
        "high": 50,
        "random_secret": False,
        "secret": 44,
        "feedback": "exact",
        "reveal": True,
    }
    become_a(page, qtbot)
    view.set_ui_state({**state, "high": 60, "secret": 55, "feedback": "vague", "reveal": "yes"})
    assert not find(page, QPushButton, "youAreAButton").isChecked()
    assert not find(page, QLineEdit, "guessEntry").isVisible()
    assert view.ui_state() == {**state, "high": 60, "secret": 55, "feedback": "vague"}
    trainer = Trainer(view.create_model({"guess": 5}))
    page.use_trainer(view, trainer)
    qtbot.wait(10)
    assert page.trainer is trainer and trainer.model.secret == 55


def test_scrolling_rows_leave_the_row_axis_alone(page, qtbot):
    # the rows scroll on every step of a long run: the row numbers are redrawn by one small
    # item, while the left axis keeps its picture (it is not rebuilt for each frame)
    view = view_of(page)
    old = page.trainer
    t = Trainer(old.model, lr=old.lr, seed=old.seed, stop_rules=False, max_steps=10**9)
    t.run(100)
    page.use_trainer(view, t)
    line = view.line
    left = line.plot.getAxis("left")
    line.widget.grab()  # painted once
    builds = []
    build = left.generateDrawSpecs
    left.generateDrawSpecs = lambda p: builds.append(1) or build(p)
    first = line.row_numbers.ticks[0][1]
    t.run(1)
    view.refresh(t)
    assert line.row_numbers.ticks[0][1] != first  # the rows moved on
    line.widget.grab()
    assert builds == []
    # the numbers are drawn beside the rows, in the axis's place: dark ink there
    image = line.widget.grab().toImage()
    box = left.sceneBoundingRect().toRect()
    dark = [
        (x, y)
        for x in range(box.left(), box.right(), 2)
        for y in range(box.top(), box.bottom(), 2)
        if image.pixelColor(x, y).value() < 100
    ]
    assert len(dark) > 20
