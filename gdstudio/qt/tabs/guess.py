"""Guess the number: a number line with every guess and B's answer beside it.

Besides the machine playing A (the frame's Step / Run), the picture offers two things of its own:
the *race* (the vague B and the exact B on the same secret, side by side) and *you are A* (the
student types the guesses; a ``PlayerTrainer`` takes them as the update, so they land in the
same history, loss plot and table as the machine's).

The view is put together from: guess_line (the number line), guess_race (the race's page),
guess_player (the entry and hint of "You are A"), guess_settings (the game's settings) and
guess_words (B's words).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QSize, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
)

from gdstudio.engine import Phase, StopReason, Trainer
from gdstudio.qt.common import font
from gdstudio.qt.tabs.base import InitField, ScenarioView
from gdstudio.qt.tabs.guess_line import MAX_ROWS, ROW_PX, NumberLine
from gdstudio.qt.tabs.guess_player import PlayerBox, player_lesson
from gdstudio.qt.tabs.guess_race import RacePanel
from gdstudio.qt.tabs.guess_settings import GuessSettings
from gdstudio.qt.tabs.guess_words import answer_words, guesses_words
from gdstudio.scenarios.guess_number import GuessNumber, PlayerTrainer, RaceResult

__all__ = ["MAX_ROWS", "ROW_PX", "GuessView", "NumberLine"]


#: the latest guesses handed to the number line on each redraw: as many as it shows, and the one
#: above them (the dashed path comes in from it), so a redraw costs the same after a million
#: steps as after ten
TAIL = MAX_ROWS + 1


class GuessView(ScenarioView):
    scenario_key = "guess"

    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)

        # the picture's own buttons: race, you are A, reveal
        bar = QHBoxLayout()
        bar.setContentsMargins(4, 2, 4, 0)
        self.race_button = QPushButton()
        self.race_button.setObjectName("raceButton")
        self.race_button.setCheckable(True)
        self.player_button = QPushButton()
        self.player_button.setObjectName("youAreAButton")
        self.player_button.setCheckable(True)
        for b in (self.race_button, self.player_button):
            b.setFont(font(12, bold=True))
            b.setMinimumHeight(34)
            bar.addWidget(b)
        bar.addStretch(1)
        self.reveal_check = QCheckBox()
        self.reveal_check.setObjectName("revealCheck")
        self.reveal_check.setFont(font(12))
        bar.addWidget(self.reveal_check)
        layout.addLayout(bar)

        # you are A: the entry, its button and the hint (hidden until the student plays)
        self.player_box = PlayerBox()
        layout.addWidget(self.player_box)

        # the picture: the game's number line, or the race's two side by side
        self.stack = QStackedWidget()
        self.stack.setObjectName("guessPictureStack")
        layout.addWidget(self.stack, 1)
        self.line = NumberLine("numberLine")
        self.plot = self.line.widget
        self.stack.addWidget(self.line)
        self.race_page = RacePanel()
        self.race_lines = self.race_page.lines
        self.stack.addWidget(self.race_page)

        self.settings = GuessSettings()
        self.settings.changed.connect(self.settingsChanged)
        self.reveal_check.toggled.connect(self._redraw)
        self.race_button.toggled.connect(self._on_race)
        self.player_button.toggled.connect(self._on_player)
        self.player_box.submitted.connect(self.submit_guess)
        self._trainer: Trainer | None = None
        self._player_timer = QTimer(self)  # hands the frame a player trainer, after a rebuild
        self._player_timer.setSingleShot(True)
        self._player_timer.setInterval(0)
        self._player_timer.timeout.connect(self._become_player)
        self._resize_timer = QTimer(self)
        self._resize_timer.setSingleShot(True)
        self._resize_timer.setInterval(0)
        self._resize_timer.timeout.connect(self._redraw)
        for line in (self.line, *self.race_lines.values()):  # rows and label sides follow size
            line.plot.vb.sigResized.connect(self._redraw_soon)
        self.retranslate()

    @property
    def race(self) -> RaceResult | None:
        """The race on show (None: the game's own number line is shown)."""
        return self.race_page.result

    @property
    def guesses(self) -> np.ndarray:
        """The guesses on the game's number line, oldest first (tests read it)."""
        return self.line.guesses

    # --- texts --------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Guess the number")

    def purpose(self) -> str:
        return self.tr(
            "Purpose: B has picked a secret number between {low} and {high}. "
            "A must find it, using only what B answers."
        ).format(low=self.settings.low_spin.value(), high=self.settings.high_spin.value())

    def retranslate(self) -> None:
        self.settings.retranslate()
        self.reveal_check.setText(self.tr("Reveal the secret"))
        self.reveal_check.setToolTip(self.tr("For the teacher: draw the secret on the number line"))
        self.race_button.setToolTip(
            self.tr(
                "Play the whole game twice on this secret — once with B answering in words, "
                "once with B giving the exact difference — and show both side by side"
            )
        )
        self.player_button.setToolTip(
            self.tr("You play A: type your guesses, the app answers as B")
        )
        self.player_box.retranslate()
        for w, name in (
            (self.reveal_check, self.tr("Reveal the secret")),
            (self.race_button, self.tr("Race: vague answers against exact answers")),
            (self.player_button, self.tr("You are A: type the guesses yourself")),
            (self.plot, self.tr("The number line")),
        ):
            w.setAccessibleName(name)
        self.line.title.setText(self.tr("The number line: every guess, and what B said"))
        self.race_page.retranslate()
        self._set_button_texts()
        self._show_hint()
        if self._trainer is not None:
            self.refresh(self._trainer)

    def _set_button_texts(self) -> None:
        self.race_button.setText(
            self.tr("◀ Back to the game")
            if self.race_button.isChecked()
            else self.tr("Race: vague vs exact")
        )
        self.player_button.setText(
            self.tr("Stop being A") if self.player_button.isChecked() else self.tr("You are A")
        )

    def lesson(self, phase: Phase, trainer: Trainer) -> str:
        m: GuessNumber = trainer.model
        r = trainer.record
        if isinstance(trainer, PlayerTrainer):
            own = player_lesson(phase, trainer)
            if own:
                return own
        if phase is Phase.INIT or r is None:
            return self.tr(
                "A has to start somewhere, so A simply guesses <b>{guess}</b>. "
                "That first guess is the <i>initialization</i>: a starting point, not yet knowledge."
            ).format(guess=int(trainer.params[0]))
        g = r.forward.guess
        if phase is Phase.FORWARD:
            return self.tr(
                "A says <b>{guess}</b> out loud. Producing an answer from what you have now is "
                "the <i>forward</i> calculation."
            ).format(guess=g)
        if phase is Phase.LOSS:
            return self.tr(
                "B compares {guess} with the secret and says <b>“{answer}”</b>. "
                "That answer is the loss as A hears it. (The plot shows the true loss, "
                "half the squared miss: {loss}.)"
            ).format(guess=g, answer=answer_words(m, g), loss=f"{r.loss:g}")
        if phase is Phase.BACKWARD:
            if r.forward.level == 0:
                return self.tr("B says “correct!”: there is nothing left to carry back.")
            if m.feedback_mode == "exact":
                return self.tr(
                    "B hands the exact difference back to A: <b>{miss}</b>. Direction and size "
                    "together — a precise gradient."
                ).format(miss=f"{r.forward.miss:+d}")
            return self.tr(
                "B's words travel back to A. They carry a direction (bigger or smaller) and a "
                "vague degree (“too”, “a bit”) — nothing more. A reads them as a miss of about "
                "<b>{estimate}</b>."
            ).format(estimate=f"{r.gradient[0]:+.0f}")
        new = r.new_params
        if new is None:
            return ""
        nxt = int(new[0])
        return self.tr(
            "A moves the guess from {old} to <b>{new}</b>, against the direction B pointed, "
            "and never outside the range B's answers still allow. That move is the "
            "<i>gradient-descent</i> step."
        ).format(old=g, new=nxt)

    def stop_text(self, reason: StopReason, trainer: Trainer) -> str | None:
        if reason is StopReason.CONVERGED:
            n = guesses_words(len(trainer.history))
            if isinstance(trainer, PlayerTrainer):
                return self.tr("you found it! The secret number is {secret}, after {n}").format(
                    secret=trainer.model.secret, n=n
                )
            return self.tr("found it! The secret number is {secret}, after {n}").format(
                secret=trainer.model.secret, n=n
            )
        return None

    # --- model --------------------------------------------------------------------------
    def init_fields(self) -> list[InitField]:
        return [InitField("guess", self.tr("A's first guess"), -1000, 1000, 5, decimals=0, step=1)]

    def settings_widget(self):
        return self.settings

    def create_model(self, init: dict[str, float]) -> GuessNumber:
        return self.settings.create_model(init.get("guess", 5))

    def show_settings(self, model: GuessNumber) -> None:
        """The settings widgets show ``model``'s settings (signals blocked; no new game)."""
        self.settings.show_model(model)

    def ui_state(self) -> dict:
        return {**self.settings.state(), "reveal": self.reveal_check.isChecked()}

    def set_ui_state(self, state: dict) -> None:
        """Put saved settings back (signals blocked: the caller hands the frame the trainer).

        A loaded game is the machine's: the race and "You are A" are left.
        """
        self._leave_race()
        self._set_playing(False)
        self.settings.set_state(state)
        if isinstance(state.get("reveal"), bool):
            self.reveal_check.blockSignals(True)
            self.reveal_check.setChecked(state["reveal"])
            self.reveal_check.blockSignals(False)

    # --- the race -----------------------------------------------------------------------
    def _on_race(self, on: bool) -> None:
        self._set_button_texts()
        t = self._trainer
        if on and t is not None and not isinstance(t, PlayerTrainer):
            self.race_page.start(t)
            self.stack.setCurrentIndex(1)
            self._redraw_soon()
        else:
            self._leave_race()
        self._redraw()

    def _leave_race(self) -> None:
        self.race_page.clear()
        self.stack.setCurrentIndex(0)
        if self.race_button.isChecked():
            self.race_button.blockSignals(True)
            self.race_button.setChecked(False)
            self.race_button.blockSignals(False)
            self._set_button_texts()

    def race_text(self) -> str:
        """The race's counts in one line, then a sentence about them."""
        return self.race_page.text()

    # --- you are A ------------------------------------------------------------------------
    @property
    def playing(self) -> bool:
        return self.player_button.isChecked()

    def _set_playing(self, on: bool) -> None:
        """The toggle and what it shows, without handing the frame any trainer."""
        if self.player_button.isChecked() != on:
            self.player_button.blockSignals(True)
            self.player_button.setChecked(on)
            self.player_button.blockSignals(False)
        self._set_button_texts()
        self.player_box.setVisible(on)
        self.race_button.setEnabled(not on)
        self.player_box.clear()
        if not on:
            self._player_timer.stop()

    def _on_player(self, on: bool) -> None:
        self._set_playing(on)
        if on:
            self._leave_race()
            self.player_box.hint_key = ("start",)
            self._become_player()
            self.player_box.entry.setFocus()
        elif self.frame is not None and isinstance(self.frame.trainer, PlayerTrainer):
            self.settingsChanged.emit()  # the frame builds the machine guesser again
        self._show_hint()

    def _become_player(self) -> None:
        """Hand the frame a trainer that takes the student's guesses, on the same secret."""
        if not self.playing or self.frame is None:
            return
        t = self._trainer  # the game the frame showed last (the one the student takes over)
        if t is None or isinstance(t, PlayerTrainer):
            return
        m: GuessNumber = t.model
        game = GuessNumber(m.low, m.high, m.secret, m.first_guess, m.feedback_mode)
        self.frame.use_trainer(self, PlayerTrainer(game, lr=t.lr, seed=t.seed))

    def submit_guess(self) -> None:
        """The student's guess: refused with a hint unless it is a whole number in range."""
        t = self._trainer
        if not isinstance(t, PlayerTrainer):
            return
        value = self.player_box.take_guess(t)
        if value is None:  # refused: the hint says why
            self._show_hint()
            return
        t.play(value)
        self.player_box.clear()
        self.player_box.hint_key = ("said", value)
        if self.frame is not None:
            self.frame.refresh()
        else:
            self.refresh(t)
        self._show_hint()
        self.player_box.entry.setFocus()

    def _show_hint(self) -> None:
        s = self.settings
        self.player_box.show_hint(self._trainer, s.low_spin.value(), s.high_spin.value())

    # --- picture ------------------------------------------------------------------------
    def sizeHint(self) -> QSize:
        # modest, so the frame's splitter leaves the lesson panel its share (a plot asks 640x480)
        return QSize(480, 120)

    def _redraw(self, *_args) -> None:
        if self._trainer is not None:
            self.refresh(self._trainer)

    def _redraw_soon(self, *_args) -> None:
        self._resize_timer.start()  # once the layout settled: rows and label sides follow size

    def refresh(self, trainer: Trainer) -> None:
        self._trainer = trainer
        m: GuessNumber = trainer.model
        player = isinstance(trainer, PlayerTrainer)
        if self.playing and not player and not self._player_timer.isActive():
            # the frame rebuilt the game (new settings, seed, first guess): stay in "you are A"
            self._player_timer.start()
        if self.race is not None and not self.race_page.is_for(trainer):
            self._leave_race()  # the game moved on: show it again
        if self.race is not None:
            self.race_page.draw(m, self.reveal_check.isChecked())
            return
        column = trainer.history.column("guess")
        skipped = max(0, len(column) - TAIL)  # only the latest guesses can be on screen
        guesses = column[skipped:].tolist()
        answers = [answer_words(m, int(g)) for g in guesses]
        r = trainer.record
        if trainer.phase in (Phase.FORWARD, Phase.LOSS) and r is not None:
            guesses.append(r.forward.guess)  # said, but not yet in the history
            answers.append(
                answer_words(m, r.forward.guess) if trainer.phase is Phase.LOSS else None
            )
        elif not guesses and not player:
            guesses, answers = [trainer.params[0]], [None]  # A's first guess, before B speaks
        found = bool(answers) and trainer.stop is StopReason.CONVERGED
        self.line.show(
            guesses,
            answers,
            m.low,
            m.high,
            m.secret if self.reveal_check.isChecked() else None,
            self.line.rows_that_fit(),
            found=found,
            secret_words=self.tr("secret: {n}").format(n=m.secret),
            prompt=self.tr("Your turn: type a guess") if player and not guesses else "",
            offset=skipped,
        )
        if self.words_due():  # a caption: a few times a second is enough while running
            n, hidden = skipped + len(guesses), skipped + self.line.first
            if hidden:  # the earlier guesses scrolled off the top
                title = self.tr("The number line: the last {k} of {n} guesses").format(
                    k=n - hidden, n=n
                )
            else:
                title = self.tr("The number line: every guess, and what B said")
            self.line.title.setText(title)
        self.player_box.follow(trainer, player)
        if player:
            self._show_hint()
