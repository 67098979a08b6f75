"""Guess the number: a number line with every guess and B's answer beside it.

Besides the machine playing A (the frame's Step / Run), the picture offers two things of its own:
the *race* (the vague B and the exact B on the same secret, side by side) and *you are A* (the
student types the guesses; a ``PlayerTrainer`` takes them as the update, so they land in the
same history, loss plot and table as the machine's).
"""

from __future__ import annotations

import html
from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from gdstudio.engine import Phase, StopReason, Trainer
from gdstudio.qt.common import BLUE, GREY, INK, ORANGE, VERMILION, font
from gdstudio.qt.tabs.base import InitField, ScenarioView
from gdstudio.scenarios.guess_number import (
    EMPTY,
    OUT_OF_RANGE,
    GuessNumber,
    PlayerTrainer,
    RaceResult,
    degree,
    race,
    read_guess,
)

MAX_ROWS = 16  # guesses shown at once on a number line; earlier ones scroll off the top
MIN_ROWS = 4
ROW_PX = 34  # vertical room one guess needs (label text plus air)
LABEL_PT, LATEST_PT = 13, 15
LABEL_FILL = pg.mkBrush(255, 255, 255, 215)  # labels stay readable over the dashed path
ERROR_STYLE = "QLineEdit { border: 3px solid #D55E00; }"


def _whole(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and -1000 <= value <= 1000


def _nice_steps():
    """1, 2, 5, 10, 20, 50, 100 ... (tick spacings that read well)."""
    k = 1
    while True:
        for f in (1, 2, 5):
            yield f * k
        k *= 10


class NumberLine(QWidget):
    """One number line: a title over a plot of the guesses, top-down in order, B's words beside.

    Items are created once and updated with setData / setText. The newest guess is a large
    diamond (a star when it is correct) with bold words; older ones are small dots. When more
    guesses than ``rows`` were made, the line shows the latest ``rows`` (the title says so).
    The title is a QLabel, not a plot title: a long one wraps instead of widening the plot.
    """

    def __init__(
        self, name: str, label_pt: float = LABEL_PT, latest_pt: float = LATEST_PT, parent=None
    ):
        super().__init__(parent)
        self.setObjectName(f"{name}Panel")
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        self.title = QLabel()
        self.title.setObjectName(f"{name}Title")
        self.title.setFont(font(13))
        # one line that may be cut when narrow: a wrapping label would ask the frame's splitter
        # for height-for-width and squeeze the lesson panel
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setStyleSheet("QLabel { background: white; color: #202020; padding: 2px; }")
        self.widget = pg.PlotWidget()
        self.widget.setObjectName(name)
        self.widget.setBackground("w")
        box.addWidget(self.title)
        box.addWidget(self.widget, 1)
        self.plot = plot = self.widget.getPlotItem()
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.vb.setMouseEnabled(x=False, y=False)
        bottom = plot.getAxis("bottom")
        bottom.setPen(pg.mkPen(INK, width=2))
        bottom.setTextPen(pg.mkPen(INK))
        bottom.setStyle(tickFont=font(13))
        left = plot.getAxis("left")
        left.setPen(pg.mkPen(GREY))
        left.setTextPen(pg.mkPen(INK))
        left.setStyle(tickFont=font(11), tickLength=0)
        self._axis_width = 0
        self.path = plot.plot(pen=pg.mkPen(GREY, width=2, style=Qt.PenStyle.DashLine))
        self.dots = pg.ScatterPlotItem(size=15, brush=pg.mkBrush(BLUE), pen=pg.mkPen("w"))
        self.latest = pg.ScatterPlotItem(
            size=26, symbol="d", brush=pg.mkBrush(ORANGE), pen=pg.mkPen(INK, width=2)
        )
        self.secret_line = pg.InfiniteLine(
            angle=90, pen=pg.mkPen(VERMILION, width=3, style=Qt.PenStyle.DashLine)
        )
        self.secret_text = pg.TextItem(color=VERMILION, anchor=(0.5, 0), fill=LABEL_FILL)
        self.secret_text.setFont(font(14, bold=True))
        self.prompt = pg.TextItem(color=INK, anchor=(0.5, 0.5))
        self.prompt.setFont(font(16, bold=True))
        for item in (self.secret_line, self.dots, self.latest, self.secret_text, self.prompt):
            plot.addItem(item)
        self.dots.setZValue(10)
        self.latest.setZValue(11)
        self.labels: list[pg.TextItem] = []
        for _ in range(MAX_ROWS):
            t = pg.TextItem(color=INK, anchor=(0, 0.5), fill=LABEL_FILL)
            t.setFont(font(label_pt))
            t.setZValue(5)  # under the dots: a label never hides a guess
            plot.addItem(t)
            self.labels.append(t)
        self.label_pt, self.latest_pt = label_pt, latest_pt
        self.secret_text.setZValue(6)
        self.guesses = np.zeros(0)  # every guess drawn, oldest first (tests read it)
        self.answers: list[str | None] = []  # B's words for each (None: not answered yet)
        self.first = 0  # index of the oldest guess in view

    def visible_labels(self) -> list[str]:
        """The texts written beside the guesses in view, top to bottom."""
        return [t.toPlainText().strip() for t in self.labels if t.isVisible()]

    def show(
        self,
        guesses: Sequence[float],
        answers: Sequence[str | None],
        low: int,
        high: int,
        secret: int | None,
        rows: int,
        found: bool = False,
        secret_words: str = "",
        prompt: str = "",
    ) -> None:
        g = np.asarray(guesses, dtype=float)
        n = len(g)
        rows = max(MIN_ROWS, min(MAX_ROWS, rows))
        first = max(0, n - rows)
        self.guesses, self.answers, self.first = g, list(answers), first
        ys = -np.arange(n, dtype=float)  # one row per guess: the order reads top-down
        pad = max(1.0, 0.05 * (high - low))
        top, bottom = -first + 1.25, -(first + rows - 1) - 0.6  # room for the secret's name
        self.plot.setRange(xRange=(low - pad, high + pad), yRange=(bottom, top), padding=0)
        self._number_ticks(low, high)
        above = max(0, first - 1)  # the path comes in from the scrolled-away guesses
        self.path.setData(g[above:], ys[above:])
        self.dots.setData(g[first:-1], ys[first:-1])
        self.latest.setData(
            g[-1:], ys[-1:], symbol="star" if found else "d", size=30 if found else 26
        )
        left = self.plot.getAxis("left")
        left.setTicks([[(-i, f"#{i + 1}") for i in range(first, n)]])
        width = 16 + 9 * len(f"#{max(n, 1)}")  # the guess numbers fit, however many
        if width != self._axis_width:
            self._axis_width = width
            left.setWidth(width)
        x0, x1 = low - pad, high + pad
        px = self.plot.vb.viewPixelSize()[0] or (x1 - x0) / 400  # data units per pixel
        for i, label in enumerate(self.labels):
            j = first + i
            if j >= n:
                label.setVisible(False)
                continue
            newest = j == n - 1
            words = answers[j] if j < len(answers) else None
            texts = [f"{int(g[j])}"] if not words else [f"{int(g[j])} — {words}", words]
            label.setFont(font(self.latest_pt if newest else self.label_pt, bold=newest))
            self._beside(label, texts, g[j], ys[j], px * (20 if newest else 13), px, x0, x1)
            label.setVisible(True)
        shown = secret is not None
        self.secret_line.setVisible(shown)
        self.secret_text.setVisible(shown)
        if shown:
            self.secret_line.setPos(secret)
            self.secret_text.setText(secret_words)
            half = self.secret_text.textItem.boundingRect().width() * px / 2
            self.secret_text.setPos(min(max(secret, x0 + half), x1 - half), top)
        self.prompt.setVisible(bool(prompt))
        if prompt:
            self.prompt.setText(prompt)
            self.prompt.setPos((low + high) / 2, (top + bottom) / 2)

    def _number_ticks(self, low: int, high: int) -> None:
        """Whole-number ticks spaced so their labels never run together, whatever the width."""
        width = self.plot.vb.width() or 400
        digits = len(str(max(abs(low), abs(high)))) + (low < 0)
        fits = max(2, int(width // (24 + 10 * digits)))  # labels that fit side by side
        span = max(high - low, 1)
        step = next(s for s in _nice_steps() if span / s <= fits)
        minor_step = step // 5 if step % 5 == 0 else step // 2
        if minor_step < 1 or span / minor_step > width / 6:
            minor_step = 0
        values = list(range(-(-low // step) * step, high + 1, step))
        for end in (low, high):  # the range's ends, unless a tick is already close to them
            if all(abs(end - v) >= step / 2 for v in values):
                values.append(end)
        major = [(v, str(v)) for v in sorted(values)]
        minor = []
        if minor_step:
            minor = [
                (v, "") for v in range(-(-low // minor_step) * minor_step, high + 1, minor_step)
            ]
        self.plot.getAxis("bottom").setTicks([major, minor])

    @staticmethod
    def _beside(label: pg.TextItem, texts, x: float, y: float, gap: float, px, x0, x1) -> None:
        """Write a label beside its dot, on a side where it fits (the roomier side first).

        ``texts`` are the label's wordings, longest first: a narrow line drops the number
        (the dot's place on the axis shows it) rather than cover the dot.
        """
        room_left, room_right = x - gap - x0, x1 - x - gap
        sides = ("left", "right") if room_left > room_right else ("right", "left")
        side = None
        for text in texts:
            label.setText(text)
            width = label.textItem.boundingRect().width() * px
            side = next((s for s in sides if width <= (room_left, room_right)[s == "right"]), None)
            if side is not None:
                break
        if side == "left":
            label.setAnchor((1, 0.5))
            label.setPos(x - gap, y)
        elif side == "right":
            label.setAnchor((0, 0.5))
            label.setPos(x + gap, y)
        else:  # fits on neither side: keep it whole inside the line, over its dot
            label.setAnchor((0, 0.5))
            label.setPos(max(x0, min(x - width / 2, x1 - width)), y)

    def rows_that_fit(self) -> int:
        h = self.plot.vb.height()
        # the rows plus the margins above (the secret's name) and below take 0.85 rows more
        return int(h / ROW_PX - 0.85) if h > 0 else 8


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

        # you are A: the entry, its button and the hint
        self.player_box = QWidget()
        self.player_box.setObjectName("playerBox")
        box = QVBoxLayout(self.player_box)
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
        self.player_box.setVisible(False)
        layout.addWidget(self.player_box)

        # the picture: the game's number line, or the race's two side by side
        self.stack = QStackedWidget()
        self.stack.setObjectName("guessPictureStack")
        layout.addWidget(self.stack, 1)
        self.line = NumberLine("numberLine")
        self.plot = self.line.widget
        self.stack.addWidget(self.line)
        race_page = QWidget()
        race_layout = QVBoxLayout(race_page)
        race_layout.setContentsMargins(4, 0, 4, 0)
        self.race_label = QLabel()
        self.race_label.setObjectName("raceCounts")
        self.race_label.setTextFormat(Qt.TextFormat.RichText)
        self.race_label.setWordWrap(True)
        self.race_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        race_layout.addWidget(self.race_label)
        self.race_view = QWidget()
        self.race_view.setObjectName("raceLines")
        side_by_side = QHBoxLayout(self.race_view)
        side_by_side.setContentsMargins(0, 0, 0, 0)
        side_by_side.setSpacing(6)
        self.race_lines = {
            "vague": NumberLine("raceVague", 12, 13),
            "exact": NumberLine("raceExact", 12, 13),
        }
        for line in self.race_lines.values():
            side_by_side.addWidget(line, 1)
        race_layout.addWidget(self.race_view, 1)
        self.stack.addWidget(race_page)
        self.race: RaceResult | None = None
        self._race_key: tuple | None = None

        self.settings = QGroupBox()
        self.settings.setObjectName("guessSettings")
        form = QFormLayout(self.settings)
        self.low_spin = QSpinBox()
        self.low_spin.setObjectName("lowSpin")
        self.low_spin.setRange(-1000, 999)
        self.low_spin.setValue(1)
        self.high_spin = QSpinBox()
        self.high_spin.setObjectName("highSpin")
        self.high_spin.setRange(-999, 1000)
        self.high_spin.setValue(50)
        self.secret_random = QCheckBox()
        self.secret_random.setObjectName("secretRandomCheck")
        self.secret_random.setChecked(True)
        self.secret_spin = QSpinBox()
        self.secret_spin.setObjectName("secretSpin")
        self.secret_spin.setRange(1, 50)
        self.secret_spin.setValue(44)
        self.secret_spin.setEnabled(False)
        self.feedback_combo = QComboBox()
        self.feedback_combo.setObjectName("feedbackCombo")
        self.feedback_combo.addItem("", "vague")
        self.feedback_combo.addItem("", "exact")
        self.feedback_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.feedback_combo.setMinimumContentsLength(14)
        self.low_label, self.high_label = QLabel(), QLabel()
        self.secret_label, self.feedback_label = QLabel(), QLabel()
        form.addRow(self.low_label, self.low_spin)
        form.addRow(self.high_label, self.high_spin)
        form.addRow("", self.secret_random)
        form.addRow(self.secret_label, self.secret_spin)
        form.addRow(self.feedback_label, self.feedback_combo)
        for spin in (self.low_spin, self.high_spin, self.secret_spin):
            spin.setKeyboardTracking(False)
        self.low_spin.valueChanged.connect(self._on_range)
        self.high_spin.valueChanged.connect(self._on_range)
        self.secret_spin.valueChanged.connect(self.settingsChanged)
        self.secret_random.toggled.connect(self._on_random)
        self.feedback_combo.currentIndexChanged.connect(self.settingsChanged)
        self.reveal_check.toggled.connect(self._redraw)
        self.race_button.toggled.connect(self._on_race)
        self.player_button.toggled.connect(self._on_player)
        self.submit_button.clicked.connect(self.submit_guess)
        self.entry.returnPressed.connect(self.submit_guess)
        self.entry.textEdited.connect(self._on_typing)
        self._trainer: Trainer | None = None
        self._player_timer = QTimer(self)  # hands the frame a player trainer, after a rebuild
        self._player_timer.setSingleShot(True)
        self._player_timer.setInterval(0)
        self._player_timer.timeout.connect(self._become_player)
        self._hint_key: tuple = ("start",)
        self._resize_timer = QTimer(self)
        self._resize_timer.setSingleShot(True)
        self._resize_timer.setInterval(0)
        self._resize_timer.timeout.connect(self._redraw)
        for line in (self.line, *self.race_lines.values()):  # rows and label sides follow size
            line.plot.vb.sigResized.connect(self._redraw_soon)
        self.retranslate()

    # --- texts --------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Guess the number")

    def purpose(self) -> str:
        return self.tr(
            "Purpose: B has picked a secret number between {low} and {high}. "
            "A must find it, using only what B answers."
        ).format(low=self.low_spin.value(), high=self.high_spin.value())

    def retranslate(self) -> None:
        self.settings.setTitle(self.tr("The game"))
        self.low_label.setText(self.tr("Lowest number"))
        self.high_label.setText(self.tr("Highest number"))
        self.secret_random.setText(self.tr("Random secret (from the seed)"))
        self.secret_label.setText(self.tr("Secret number"))
        self.feedback_label.setText(self.tr("B answers"))
        self.feedback_combo.setItemText(0, self.tr("in words: “too low” …"))
        self.feedback_combo.setItemText(1, self.tr("exactly: the difference"))
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
        self.entry_label.setText(self.tr("Your guess:"))
        self.submit_button.setText(self.tr("Guess"))
        for w, name in (
            (self.low_spin, self.tr("Lowest number")),
            (self.high_spin, self.tr("Highest number")),
            (self.secret_spin, self.tr("Secret number")),
            (self.feedback_combo, self.tr("How B answers")),
            (self.reveal_check, self.tr("Reveal the secret")),
            (self.secret_random, self.tr("Random secret")),
            (self.race_button, self.tr("Race: vague answers against exact answers")),
            (self.player_button, self.tr("You are A: type the guesses yourself")),
            (self.entry, self.tr("Your guess")),
            (self.submit_button, self.tr("Say your guess to B")),
            (self.hint, self.tr("What B says to your guess")),
            (self.plot, self.tr("The number line")),
            (self.race_view, self.tr("The race, side by side")),
            (self.race_label, self.tr("Guesses each needed")),
        ):
            w.setAccessibleName(name)
        self._retitle()
        self._set_button_texts()
        self._show_hint()
        if self._trainer is not None:
            self.refresh(self._trainer)

    def _retitle(self) -> None:
        self.line.title.setText(self.tr("The number line: every guess, and what B said"))
        self.race_lines["vague"].title.setText(self.tr("In words"))
        self.race_lines["exact"].title.setText(self.tr("Exactly"))

    def _set_button_texts(self) -> None:
        self.race_button.setText(
            self.tr("◀ Back to the game")
            if self.race_button.isChecked()
            else self.tr("Race: vague vs exact")
        )
        self.player_button.setText(
            self.tr("Stop being A") if self.player_button.isChecked() else self.tr("You are A")
        )

    def word(self, level: int) -> str:
        return [
            self.tr("too low"),
            self.tr("low"),
            self.tr("a bit low"),
            self.tr("correct!"),
            self.tr("a bit high"),
            self.tr("high"),
            self.tr("too high"),
        ][level + 3]

    def answer(self, model: GuessNumber, guess: int) -> str:
        miss = guess - model.secret
        if model.feedback_mode == "exact" and miss:
            return self.tr("off by {miss}").format(miss=f"{miss:+d}")
        return self.word(degree(miss, model.low, model.high))

    def guesses_words(self, n: int) -> str:
        return self.tr("1 guess") if n == 1 else self.tr("{n} guesses").format(n=n)

    def lesson(self, phase: Phase, trainer: Trainer) -> str:
        m: GuessNumber = trainer.model
        r = trainer.record
        if isinstance(trainer, PlayerTrainer):
            own = self._player_lesson(phase, trainer)
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
            ).format(guess=g, answer=self.answer(m, g), loss=f"{r.loss:g}")
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

    def _player_lesson(self, phase: Phase, trainer: PlayerTrainer) -> str:
        m: GuessNumber = trainer.model
        r = trainer.record
        if phase is Phase.INIT or r is None:
            return self.tr(
                "<b>You are A now.</b> Type a first guess from {low} to {high} above the number "
                "line and press Enter. Whatever you pick is your <i>initialization</i>: a "
                "starting point, not yet knowledge."
            ).format(low=m.low, high=m.high)
        if phase is not Phase.BACKWARD:
            return ""
        g = r.forward.guess
        if r.forward.level == 0:
            return self.tr(
                "B says <b>“correct!”</b>: you found {secret} in {n}. Each answer you heard was "
                "the loss; turning it into your next guess was your own gradient-descent step."
            ).format(secret=m.secret, n=self.guesses_words(len(trainer.history)))
        if m.feedback_mode == "exact":
            carried = self.tr("the exact difference: the direction and the size of your miss")
        else:
            carried = self.tr("a direction and a vague degree — nothing more")
        return self.tr(
            "You said {guess}; B answers <b>“{answer}”</b>. That answer is all that travels "
            "back to you ({carried}). Now <i>you</i> are the gradient descent: type a better "
            "guess."
        ).format(guess=g, answer=self.answer(m, g), carried=carried)

    def stop_text(self, reason: StopReason, trainer: Trainer) -> str | None:
        if reason is StopReason.CONVERGED:
            n = self.guesses_words(len(trainer.history))
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
        low, high = self.low_spin.value(), self.high_spin.value()
        first = int(min(max(init.get("guess", 5), low), high))
        secret = None if self.secret_random.isChecked() else self.secret_spin.value()
        return GuessNumber(
            low=low,
            high=high,
            secret=secret,
            first_guess=first,
            feedback=self.feedback_combo.currentData(),
        )

    def _on_random(self, on: bool) -> None:
        self.secret_spin.setEnabled(not on)
        self.settingsChanged.emit()

    def _on_range(self) -> None:
        low, high = self.low_spin.value(), self.high_spin.value()
        if low >= high:  # keep the range valid: move the other end
            spin = self.high_spin if self.sender() is self.low_spin else self.low_spin
            spin.blockSignals(True)
            spin.setValue(low + 1 if spin is self.high_spin else high - 1)
            spin.blockSignals(False)
            low, high = self.low_spin.value(), self.high_spin.value()
        self.secret_spin.blockSignals(True)
        self.secret_spin.setRange(low, high)
        self.secret_spin.blockSignals(False)
        self.settingsChanged.emit()

    def ui_state(self) -> dict:
        return {
            "low": self.low_spin.value(),
            "high": self.high_spin.value(),
            "random_secret": self.secret_random.isChecked(),
            "secret": self.secret_spin.value(),
            "feedback": self.feedback_combo.currentData(),
            "reveal": self.reveal_check.isChecked(),
        }

    def set_ui_state(self, state: dict) -> None:
        """Put saved settings back (signals blocked: the caller hands the frame the trainer).

        A loaded game is the machine's: the race and "You are A" are left.
        """
        self._leave_race()
        self._set_playing(False)
        low, high = state.get("low"), state.get("high")
        if _whole(low) and _whole(high) and low < high:
            for spin, value in ((self.low_spin, low), (self.high_spin, high)):
                spin.blockSignals(True)
                spin.setValue(value)
                spin.blockSignals(False)
            self.secret_spin.blockSignals(True)
            self.secret_spin.setRange(self.low_spin.value(), self.high_spin.value())
            self.secret_spin.blockSignals(False)
        if _whole(state.get("secret")):
            self.secret_spin.blockSignals(True)
            self.secret_spin.setValue(state["secret"])
            self.secret_spin.blockSignals(False)
        for check, key in ((self.secret_random, "random_secret"), (self.reveal_check, "reveal")):
            if isinstance(state.get(key), bool):
                check.blockSignals(True)
                check.setChecked(state[key])
                check.blockSignals(False)
        self.secret_spin.setEnabled(not self.secret_random.isChecked())
        index = self.feedback_combo.findData(state.get("feedback"))
        if index >= 0:
            self.feedback_combo.blockSignals(True)
            self.feedback_combo.setCurrentIndex(index)
            self.feedback_combo.blockSignals(False)

    # --- the race -----------------------------------------------------------------------
    def _on_race(self, on: bool) -> None:
        self._set_button_texts()
        t = self._trainer
        if on and t is not None and not isinstance(t, PlayerTrainer):
            m: GuessNumber = t.model
            self.race = race(m.low, m.high, m.secret, m.first_guess, t.lr)
            self._race_key = self._key(t)
            self.stack.setCurrentIndex(1)
            self._redraw_soon()
        else:
            self._leave_race()
        self._redraw()

    def _leave_race(self) -> None:
        self.race, self._race_key = None, None
        self.stack.setCurrentIndex(0)
        if self.race_button.isChecked():
            self.race_button.blockSignals(True)
            self.race_button.setChecked(False)
            self.race_button.blockSignals(False)
            self._set_button_texts()

    @staticmethod
    def _key(t: Trainer) -> tuple:
        """What the race was run for: it is dropped as soon as the game moves on."""
        return (id(t), len(t.history), t.phase, t.stop)

    def race_text(self) -> str:
        """The race's counts in one line, then a sentence about them."""
        r = self.race
        if r is None:
            return ""
        v, e = r.count("vague"), r.count("exact")
        counts = self.tr("vague: {vague} · exact: {exact}").format(
            vague=self.guesses_words(v), exact=self.guesses_words(e)
        )
        if not (r.found["vague"] and r.found["exact"]):
            verdict = self.tr("One of them ran out of steps before finding the number.")
        elif e < v:
            verdict = self.tr("The precise answer found the number {n} sooner.").format(
                n=self.guesses_words(v - e)
            )
        elif e == v:
            verdict = self.tr("This time both needed the same number of guesses.")
        else:
            verdict = self.tr(
                "Here the vague answers needed {n} fewer: how far A steps (the learning "
                "rate) matters too."
            ).format(n=self.guesses_words(e - v))
        return f"{counts}\n{verdict}"

    def _race_html(self) -> str:
        counts, _, verdict = self.race_text().partition("\n")
        return (
            f"<div style='font-size:15pt; font-weight:700'>{html.escape(counts)}</div>"
            f"<div style='font-size:12pt'>{html.escape(verdict)}</div>"
        )

    def _draw_race(self, m: GuessNumber) -> None:
        r = self.race
        self.race_label.setText(self._race_html())
        shown = self.reveal_check.isChecked()
        probe = GuessNumber(m.low, m.high, r.secret, m.first_guess)
        for mode, line in self.race_lines.items():
            probe.feedback_mode = mode
            guesses = r.guesses[mode]
            line.show(
                guesses,
                [self.answer(probe, g) for g in guesses],
                m.low,
                m.high,
                r.secret if shown else None,
                line.rows_that_fit(),
                found=r.found[mode],
                secret_words=self.tr("secret: {n}").format(n=r.secret),
            )
        self.race_lines["vague"].title.setText(
            self.tr("In words: {n}").format(n=self.guesses_words(r.count("vague")))
        )
        self.race_lines["exact"].title.setText(
            self.tr("Exactly: {n}").format(n=self.guesses_words(r.count("exact")))
        )

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
        self.entry.clear()
        self.entry.setStyleSheet("")
        if not on:
            self._player_timer.stop()

    def _on_player(self, on: bool) -> None:
        self._set_playing(on)
        if on:
            self._leave_race()
            self._hint_key = ("start",)
            self._become_player()
            self.entry.setFocus()
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
        m: GuessNumber = t.model
        text = self.entry.text()
        if t.stop is not None:
            self._hint_key = ("over",)
            self._show_hint()
            return
        value, problem = read_guess(text, m.low, m.high)
        if problem is not None:
            self._hint_key = ("bad", problem, text.strip())
            self.entry.setStyleSheet(ERROR_STYLE)
            self.entry.selectAll()
            self._show_hint()
            return
        t.play(value)
        self.entry.clear()
        self.entry.setStyleSheet("")
        self._hint_key = ("said", value)
        if self.frame is not None:
            self.frame.refresh()
        else:
            self.refresh(t)
        self._show_hint()
        self.entry.setFocus()

    def _on_typing(self, _text: str) -> None:
        if self._hint_key[0] == "bad":
            self.entry.setStyleSheet("")

    def _show_hint(self) -> None:
        """The line beside the entry: what to type, what was wrong, or what B said."""
        t = self._trainer
        m = t.model if isinstance(t, PlayerTrainer) else None
        low = m.low if m else self.low_spin.value()
        high = m.high if m else self.high_spin.value()
        key = self._hint_key
        bad = key[0] == "bad"
        if isinstance(t, PlayerTrainer) and t.stop is StopReason.CONVERGED:
            text = self.tr(
                "✓ Correct! You found {secret} in {n}. Press Reset to play again."
            ).format(secret=m.secret, n=self.guesses_words(len(t.history)))
        elif key[0] == "over":
            text = self.tr("The game is over. Press Reset to play again.")
        elif bad:
            what = key[2]
            if key[1] == EMPTY:
                text = self.tr("✗ Type a number first: a whole number from {low} to {high}.")
            elif key[1] == OUT_OF_RANGE:
                text = self.tr("✗ {text} is outside {low}…{high}. Nothing was changed.")
            else:
                text = self.tr(
                    "✗ “{text}” is not a whole number. Type one from {low} to {high}; "
                    "nothing was changed."
                )
            text = text.format(text=what, low=low, high=high)
        elif key[0] == "said" and m is not None:
            text = self.tr("B says: “{answer}”. Your turn again.").format(
                answer=self.answer(m, key[1])
            )
        else:
            text = self.tr("Type a whole number from {low} to {high}, then press Enter.").format(
                low=low, high=high
            )
        self.hint.setText(text)
        # a refusal is vermilion and bold, and starts with ✗: never told apart by colour alone
        self.hint.setStyleSheet("QLabel { color: #D55E00; font-weight: 700; }" if bad else "")

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
        if self.race is not None and self._race_key != self._key(trainer):
            self._leave_race()  # the game moved on: show it again
        if self.race is not None:
            self._draw_race(m)
            return
        guesses = list(trainer.history.column("guess"))
        answers = [self.answer(m, int(g)) for g in guesses]
        r = trainer.record
        if trainer.phase in (Phase.FORWARD, Phase.LOSS) and r is not None:
            guesses.append(r.forward.guess)  # said, but not yet in the history
            answers.append(self.answer(m, r.forward.guess) if trainer.phase is Phase.LOSS else None)
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
        )
        n, hidden = len(guesses), self.line.first
        if hidden:  # the earlier guesses scrolled off the top
            title = self.tr("The number line: the last {k} of {n} guesses").format(
                k=n - hidden, n=n
            )
        else:
            title = self.tr("The number line: every guess, and what B said")
        self.line.title.setText(title)
        self.entry.setEnabled(player and trainer.stop is None)
        self.submit_button.setEnabled(player and trainer.stop is None)
        if player:
            if self._hint_key[0] != "bad":  # after Back or Reset: the last answer still heard
                n = len(trainer.history)
                last = int(trainer.history.column("guess")[-1]) if n else None
                self._hint_key = ("said", last) if n else ("start",)
            self._show_hint()

    @property
    def guesses(self) -> np.ndarray:
        """The guesses on the game's number line, oldest first (tests read it)."""
        return self.line.guesses
