""" "You are A" in Guess the number: the student types the guesses, the app answers as B.

``PlayerBox`` is the row above the number line: the entry, its button and the hint that says
what to type, what was wrong, or what B said. The view hands the frame a ``PlayerTrainer`` and
plays what ``take_guess`` accepts; ``player_lesson`` explains the phases in the student's own
game. The texts keep the ``GuessView`` translation context.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from gdstudio.engine import Phase, StopReason, Trainer
from gdstudio.qt.common import font, translate
from gdstudio.qt.tabs.guess_words import answer_words, guesses_words
from gdstudio.scenarios.guess_number import (
    EMPTY,
    OUT_OF_RANGE,
    GuessNumber,
    PlayerTrainer,
    read_guess,
)

ERROR_STYLE = "QLineEdit { border: 3px solid #D55E00; }"


class PlayerBox(QWidget):
    """The entry for the student's guess, its button and the hint beside them."""

    #: Enter or the button: the view takes the guess (``take_guess``)
    submitted = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("playerBox")
        box = QVBoxLayout(self)
        box.setContentsMargins(4, 0, 4, 0)
        box.setSpacing(2)
        row = QHBoxLayout()
        box.addLayout(row)
        self.entry_label = QLabel()
        self.entry_label.setFont(font(13, bold=True))
        self.entry = QLineEdit()
        self.entry.setObjectName("guessEntry")
        self.entry.setFont(font(15))
        self.entry.setMaxLength(12)
        self.entry.setFixedWidth(96)
        self.entry.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.entry_label.setBuddy(self.entry)
        self.submit_button = QPushButton()
        self.submit_button.setObjectName("guessSubmitButton")
        self.submit_button.setFont(font(12, bold=True))
        self.submit_button.setMinimumHeight(34)
        self.hint = QLabel()
        self.hint.setObjectName("guessHint")
        self.hint.setFont(font(13))
        self.hint.setWordWrap(True)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        row.addWidget(self.entry_label)
        row.addWidget(self.entry)
        row.addWidget(self.submit_button)
        row.addStretch(1)
        box.addWidget(self.hint)
        self.setVisible(False)
        #: what the hint says: ("start",), ("over",), ("bad", problem, text), ("said", guess)
        self.hint_key: tuple = ("start",)
        self.submit_button.clicked.connect(self.submitted)
        self.entry.returnPressed.connect(self.submitted)
        self.entry.textEdited.connect(self._on_typing)

    def retranslate(self) -> None:
        self.entry_label.setText(translate("GuessView", "Your guess:"))
        self.submit_button.setText(translate("GuessView", "Guess"))
        for w, name in (
            (self.entry, translate("GuessView", "Your guess")),
            (self.submit_button, translate("GuessView", "Say your guess to B")),
            (self.hint, translate("GuessView", "What B says to your guess")),
        ):
            w.setAccessibleName(name)

    def clear(self) -> None:
        """An empty entry without the refusal's red frame."""
        self.entry.clear()
        self.entry.setStyleSheet("")

    def take_guess(self, t: PlayerTrainer) -> int | None:
        """The typed guess, or None when the game is over or the text is not a whole number in
        range (then ``hint_key`` says why and the entry is marked; nothing else changes)."""
        m: GuessNumber = t.model
        text = self.entry.text()
        if t.stop is not None:
            self.hint_key = ("over",)
            return None
        value, problem = read_guess(text, m.low, m.high)
        if problem is not None:
            self.hint_key = ("bad", problem, text.strip())
            self.entry.setStyleSheet(ERROR_STYLE)
            self.entry.selectAll()
            return None
        return value

    def _on_typing(self, _text: str) -> None:
        if self.hint_key[0] == "bad":
            self.entry.setStyleSheet("")

    def follow(self, t: Trainer, player: bool) -> None:
        """The entry is open while the student plays an unfinished game; after Back or Reset
        the hint repeats the last answer still heard."""
        open_ = player and t.stop is None
        self.entry.setEnabled(open_)
        self.submit_button.setEnabled(open_)
        if player and self.hint_key[0] != "bad":
            n = len(t.history)
            last = int(t.history.column("guess")[-1]) if n else None
            self.hint_key = ("said", last) if n else ("start",)

    def show_hint(self, t: Trainer | None, low: int, high: int) -> None:
        """The line beside the entry: what to type, what was wrong, or what B said.

        ``low`` and ``high`` are the settings' range, for when no student game runs yet.
        """
        m = t.model if isinstance(t, PlayerTrainer) else None
        low = m.low if m else low
        high = m.high if m else high
        key = self.hint_key
        bad = key[0] == "bad"
        if isinstance(t, PlayerTrainer) and t.stop is StopReason.CONVERGED:
            text = translate(
                "GuessView", "✓ Correct! You found {secret} in {n}. Press Reset to play again."
            ).format(secret=m.secret, n=guesses_words(len(t.history)))
        elif key[0] == "over":
            text = translate("GuessView", "The game is over. Press Reset to play again.")
        elif bad:
            what = key[2]
            if key[1] == EMPTY:
                text = translate(
                    "GuessView", "✗ Type a number first: a whole number from {low} to {high}."
                )
            elif key[1] == OUT_OF_RANGE:
                text = translate(
                    "GuessView", "✗ {text} is outside {low}…{high}. Nothing was changed."
                )
            else:
                text = translate(
                    "GuessView",
                    "✗ “{text}” is not a whole number. Type one from {low} to {high}; "
                    "nothing was changed.",
                )
            text = text.format(text=what, low=low, high=high)
        elif key[0] == "said" and m is not None:
            text = translate("GuessView", "B says: “{answer}”. Your turn again.").format(
                answer=answer_words(m, key[1])
            )
        else:
            text = translate(
                "GuessView", "Type a whole number from {low} to {high}, then press Enter."
            ).format(low=low, high=high)
        self.hint.setText(text)
        # a refusal is vermilion and bold, and starts with ✗: never told apart by colour alone
        self.hint.setStyleSheet("QLabel { color: #D55E00; font-weight: 700; }" if bad else "")


def player_lesson(phase: Phase, t: PlayerTrainer) -> str:
    """The lesson while the student is A ("" where the machine's words fit as they are)."""
    m: GuessNumber = t.model
    r = t.record
    if phase is Phase.INIT or r is None:
        return translate(
            "GuessView",
            "<b>You are A now.</b> Type a first guess from {low} to {high} above the number "
            "line and press Enter. Whatever you pick is your <i>initialization</i>: a "
            "starting point, not yet knowledge.",
        ).format(low=m.low, high=m.high)
    if phase is not Phase.BACKWARD:
        return ""
    g = r.forward.guess
    if r.forward.level == 0:
        return translate(
            "GuessView",
            "B says <b>“correct!”</b>: you found {secret} in {n}. Each answer you heard was "
            "the loss; turning it into your next guess was your own gradient-descent step.",
        ).format(secret=m.secret, n=guesses_words(len(t.history)))
    if m.feedback_mode == "exact":
        carried = translate(
            "GuessView", "the exact difference: the direction and the size of your miss"
        )
    else:
        carried = translate("GuessView", "a direction and a vague degree — nothing more")
    return translate(
        "GuessView",
        "You said {guess}; B answers <b>“{answer}”</b>. That answer is all that travels "
        "back to you ({carried}). Now <i>you</i> are the gradient descent: type a better "
        "guess.",
    ).format(guess=g, answer=answer_words(m, g), carried=carried)
