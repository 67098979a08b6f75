"""Guess the number, the window's extras as pure logic: the race, typed guesses, the player."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from gdstudio.engine import Phase, StopReason, Trainer
from gdstudio.scenarios.guess_number import (
    EMPTY,
    NOT_WHOLE,
    OUT_OF_RANGE,
    GuessNumber,
    PlayerTrainer,
    TypedGuess,
    race,
    read_guess,
)


# --- the race ---------------------------------------------------------------------------------
def test_race_on_the_chapters_secret():
    r = race(1, 50, 44, 5)
    assert r.guesses["vague"] == (5, 30, 42, 45, 43, 44)
    assert r.guesses["exact"] == (5, 44)
    assert (r.count("vague"), r.count("exact")) == (6, 2)
    assert r.found == {"vague": True, "exact": True}


def test_race_equals_two_separate_games():
    for mode in ("vague", "exact"):
        t = Trainer(GuessNumber(secret=23, feedback=mode))
        t.run()
        assert race(1, 50, 23, 5).guesses[mode] == tuple(int(g) for g in t.history.column("guess"))


@pytest.mark.parametrize("secret", range(1, 51))
def test_race_exact_is_never_slower_at_learning_rate_one(secret):
    r = race(1, 50, secret, 5)
    assert r.count("exact") <= r.count("vague")
    assert r.guesses["vague"][-1] == r.guesses["exact"][-1] == secret


def test_race_always_finds_the_number_in_a_wide_range_with_a_small_rate():
    r = race(-1000, 1000, 777, -1000, lr=0.01)
    assert all(r.found.values())


# --- typed guesses ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("abc", NOT_WHOLE),
        ("", EMPTY),
        ("   ", EMPTY),
        ("3.5", NOT_WHOLE),
        ("0", OUT_OF_RANGE),
        ("51", OUT_OF_RANGE),
        ("1e3", NOT_WHOLE),
        ("0x10", NOT_WHOLE),
        ("4 2", NOT_WHOLE),
        ("五", NOT_WHOLE),
        ("-3", OUT_OF_RANGE),
        ("99999999999999999999", OUT_OF_RANGE),
        ("9" * 5000, OUT_OF_RANGE),
    ],
)
def test_read_guess_refuses(text, why):
    assert read_guess(text, 1, 50) == (None, why)


@pytest.mark.parametrize(
    ("text", "value"), [("1", 1), ("50", 50), (" 44 ", 44), ("+7", 7), ("０７", 7), ("４４", 44)]
)
def test_read_guess_accepts_whole_numbers_in_range(text, value):
    assert read_guess(text, 1, 50) == (value, None)


def test_read_guess_negative_ranges():
    assert read_guess("-5", -10, 10) == (-5, None)
    assert read_guess("−5", -10, 10) == (-5, None)  # the typographic minus sign


@given(st.integers(-1000, 1000), st.integers(-1000, 1000), st.integers(-2000, 2000))
def test_read_guess_is_exactly_the_range_check(low, high, value):
    low, high = min(low, high), max(low, high)
    got, why = read_guess(str(value), low, high)
    if low <= value <= high:
        assert (got, why) == (value, None)
    else:
        assert (got, why) == (None, OUT_OF_RANGE)


def test_typed_guess_rule_returns_the_typed_number_once():
    rule = TypedGuess(1.0, 1, 50)
    rule.pending = 17
    assert rule.update(np.array([3.0]), np.array([-2.0])).tolist() == [17.0]
    assert rule.pending is None
    assert rule.get_state() == {"lo": 4, "hi": 50}  # B said 3 is too low: the bracket shrank
    with pytest.raises(ValueError):
        rule.update(np.array([3.0]), np.array([-2.0]))


# --- the student as A --------------------------------------------------------------------------
def player(**settings) -> PlayerTrainer:
    return PlayerTrainer(GuessNumber(secret=44, **settings))


def test_player_waits_for_a_guess_and_stepping_does_nothing():
    t = player()
    assert t.phase is Phase.INIT and t.waiting and t.done and t.stop is None
    assert t.step() is False and t.advance_phase() is None
    assert t.run() is None
    assert len(t.history) == 0


def test_each_typed_guess_is_one_row_and_b_answers_it():
    t = player()
    assert t.play(30)
    assert t.phase is Phase.BACKWARD and t.waiting
    assert t.history.column("guess").tolist() == [30.0]
    assert t.history.column("loss").tolist() == [0.5 * 14**2]
    assert t.record.forward.level == -2  # "low"
    t.play(50)
    assert t.recent[0].new_params.tolist() == [50.0]  # the typed guess was the update
    assert t.history.column("guess").tolist() == [30.0, 50.0]
    assert t.model.answer(50) == "a bit high"
    assert t.step() is False  # still waiting: nothing ran
    t.play(44)
    assert t.stop is StopReason.CONVERGED and t.done
    assert t.play(12) is False
    assert t.history.column("guess").tolist() == [30.0, 50.0, 44.0]


def test_exact_feedback_for_the_player():
    t = player(feedback="exact")
    t.play(30)
    assert t.history.column("grad_guess").tolist() == [-14.0]
    assert t.model.answer(30) == "off by -14"


def test_player_guesses_must_lie_in_range():
    t = player()
    with pytest.raises(ValueError):
        t.play(51)
    assert len(t.history) == 0 and t.typed == []


def test_back_forgets_the_last_typed_guess():
    t = player()
    for g in (10, 40, 47):
        t.play(g)
    assert t.back()
    assert t.history.column("guess").tolist() == [10.0, 40.0]
    assert t.phase is Phase.BACKWARD and t.waiting and t.typed == [10, 40]
    t.play(44)
    assert t.stop is StopReason.CONVERGED
    assert t.back() and t.stop is None
    assert t.back() and t.back()
    assert t.phase is Phase.INIT and len(t.history) == 0
    assert t.back() is False


def test_reset_starts_a_new_game_on_the_same_secret():
    t = player()
    t.play(20)
    t.reset()
    assert len(t.history) == 0 and t.typed == [] and t.model.secret == 44
    t.play(44)
    assert t.stop is StopReason.CONVERGED


def test_a_far_jump_after_a_close_guess_is_not_a_divergence():
    t = PlayerTrainer(GuessNumber(low=-1000, high=1000, secret=999))
    t.play(998)
    t.play(-1000)
    assert t.stop is None


@pytest.mark.parametrize("typed", [[], [30], [30, 50], [30, 50, 44]])
def test_a_game_saved_while_a_person_plays_continues_with_the_machine(typed):
    t = player()
    for g in typed:
        t.play(g)
    state = t.export_state()
    machine = Trainer(GuessNumber(secret=44))
    machine.import_state(state)
    done = len(typed) > 0 and typed[-1] == 44
    assert machine.history.column("guess").tolist()[: len(typed) - 1] == typed[:-1]
    if not done:
        machine.run()
    assert machine.stop is StopReason.CONVERGED
    assert machine.history.column("guess").tolist()[: len(typed)] == typed
