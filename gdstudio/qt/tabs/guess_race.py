"""The race of Guess the number: the vague B and the exact B on the same secret, side by side.

``RacePanel`` is the race's page in the view's picture stack: the counts over two number lines.
The view starts a race for the game it shows (``start``) and drops it as soon as the game moves
on (``is_for``). Its texts keep the ``GuessView`` translation context.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from gdstudio.engine import Trainer
from gdstudio.qt.common import translate
from gdstudio.qt.tabs.guess_line import NumberLine
from gdstudio.qt.tabs.guess_words import answer_words, guesses_words
from gdstudio.scenarios.guess_number import GuessNumber, RaceResult, race


def race_key(t: Trainer) -> tuple:
    """What a race was run for: it is dropped as soon as the game moves on."""
    return (id(t), len(t.history), t.phase, t.stop)


class RacePanel(QWidget):
    """The race's counts (``label``) over its two number lines (``lines``: vague, exact)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        self.label = QLabel()
        self.label.setObjectName("raceCounts")
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.label)
        self.lines_view = QWidget()
        self.lines_view.setObjectName("raceLines")
        side_by_side = QHBoxLayout(self.lines_view)
        side_by_side.setContentsMargins(0, 0, 0, 0)
        side_by_side.setSpacing(6)
        self.lines = {
            "vague": NumberLine("raceVague", 12, 13),
            "exact": NumberLine("raceExact", 12, 13),
        }
        for line in self.lines.values():
            side_by_side.addWidget(line, 1)
        layout.addWidget(self.lines_view, 1)
        self.result: RaceResult | None = None
        self.key: tuple | None = None

    def retranslate(self) -> None:
        self.lines_view.setAccessibleName(translate("GuessView", "The race, side by side"))
        self.label.setAccessibleName(translate("GuessView", "Guesses each needed"))
        self.lines["vague"].title.setText(translate("GuessView", "In words"))
        self.lines["exact"].title.setText(translate("GuessView", "Exactly"))

    # --- the race's data ------------------------------------------------------------------
    def start(self, t: Trainer) -> None:
        """Play the whole game both ways on ``t``'s secret, range, first guess and rate."""
        m: GuessNumber = t.model
        self.result = race(m.low, m.high, m.secret, m.first_guess, t.lr)
        self.key = race_key(t)

    def clear(self) -> None:
        self.result, self.key = None, None

    def is_for(self, t: Trainer) -> bool:
        return self.key == race_key(t)

    def text(self) -> str:
        """The race's counts in one line, then a sentence about them."""
        r = self.result
        if r is None:
            return ""
        v, e = r.count("vague"), r.count("exact")
        counts = translate("GuessView", "vague: {vague} · exact: {exact}").format(
            vague=guesses_words(v), exact=guesses_words(e)
        )
        if not (r.found["vague"] and r.found["exact"]):
            verdict = translate(
                "GuessView", "One of them ran out of steps before finding the number."
            )
        elif e < v:
            verdict = translate(
                "GuessView", "The precise answer found the number {n} sooner."
            ).format(n=guesses_words(v - e))
        elif e == v:
            verdict = translate("GuessView", "This time both needed the same number of guesses.")
        else:
            verdict = translate(
                "GuessView",
                "Here the vague answers needed {n} fewer: how far A steps (the learning "
                "rate) matters too.",
            ).format(n=guesses_words(e - v))
        return f"{counts}\n{verdict}"

    # --- the picture ------------------------------------------------------------------------
    def draw(self, m: GuessNumber, reveal: bool) -> None:
        """Both lines for the game ``m`` (the race's secret drawn when ``reveal``)."""
        r = self.result
        counts, _, verdict = self.text().partition("\n")
        self.label.setText(
            f"<div style='font-size:15pt; font-weight:700'>{html.escape(counts)}</div>"
            f"<div style='font-size:12pt'>{html.escape(verdict)}</div>"
        )
        probe = GuessNumber(m.low, m.high, r.secret, m.first_guess)
        for mode, line in self.lines.items():
            probe.feedback_mode = mode
            guesses = r.guesses[mode]
            line.show(
                guesses,
                [answer_words(probe, g) for g in guesses],
                m.low,
                m.high,
                r.secret if reveal else None,
                line.rows_that_fit(),
                found=r.found[mode],
                secret_words=translate("GuessView", "secret: {n}").format(n=r.secret),
            )
        self.lines["vague"].title.setText(
            translate("GuessView", "In words: {n}").format(n=guesses_words(r.count("vague")))
        )
        self.lines["exact"].title.setText(
            translate("GuessView", "Exactly: {n}").format(n=guesses_words(r.count("exact")))
        )
