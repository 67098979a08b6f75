"""TrainingRunner: drives a Trainer from a QTimer on the GUI thread (design.md rule 4).

Each tick runs as many steps as the speed asks for, within a small time budget, then emits
``stepped`` once, so the views redraw at most once per tick (about 60 times a second at the
fastest speeds) however many steps ran. No threads: the window never freezes and Pause acts at
the next event.

At the fastest speed the ticks follow one another (a zero-interval timer: input and paints are
handled between them) and the runner measures what drawing costs: the time from one refresh to
the next that was not spent stepping (the refresh, its paints, any other events; the median of
the last few). It aims at a refresh every REFRESH_S (15 ms, 66 a second: a little faster than
a 60 Hz display, so that the odd slow frame of a busy machine still leaves 60 a second). When
drawing takes less than 45 % of that, each tick steps for the rest of it and refreshes: over
half of the time goes to stepping. When drawing costs more, the views refresh (in a tick of
their own) only after a little more stepping than drawing took (STEP_SHARE), so the engine
still runs at half its headless speed or better (unless drawing takes longer than
MAX_OWED_S), and no tick holds the event loop for more than a frame or one drawing.
"""

from __future__ import annotations

import statistics
import time
from collections import deque

from PySide6.QtCore import QObject, QTimer, Signal

from gdstudio.engine import Phase, Trainer

#: steps per second for each position of the speed slider; 0 means as fast as possible
SPEEDS: tuple[int, ...] = (1, 2, 5, 10, 30, 100, 1000, 0)
FRAME_MS = 16  # one display frame at 60 Hz
BUDGET_S = 0.010  # at most this much stepping per tick, so clicks and repaints keep flowing
FRAME_S = FRAME_MS / 1000
#: the fastest speed refreshes this often (66 a second), a little more often than a 60 Hz
#: display: aimed at exactly 60, the frames that run late (another process, a garbage
#: collection) pulled the rate under 60 on a busy machine (54 to 59 in the benchmarks)
REFRESH_S = 0.015
DRAWS_KEPT = 5  # drawing's cost is the median of this many refreshes: one slow frame is ignored
MAX_OWED_S = 0.25  # however slow drawing is, the views refresh after at most this much stepping
#: the share of time the fastest speed keeps for stepping when drawing is costly: a little over
#: half, since steps run a little slower in the window than headless (caches, timers)
STEP_SHARE = 0.55


class TrainingRunner(QObject):
    stepped = Signal()  # one or more steps (or a phase) ran: views refresh
    phaseChanged = Signal(int)  # a Phase value
    finished = Signal(str)  # a StopReason value: the run ended by a stop rule
    runningChanged = Signal(bool)
    resetDone = Signal()  # the trainer was reset or replaced: views redraw from scratch

    def __init__(self, trainer: Trainer, parent: QObject | None = None):
        super().__init__(parent)
        self.trainer = trainer
        self._timer = QTimer(self)
        self._timer.setObjectName("runTimer")
        self._timer.timeout.connect(self._tick)
        self._speed_index = len(SPEEDS) - 3  # 100 steps per second
        self._apply_speed()
        self.ticks = 0
        self.steps_in_last_tick = 0
        self.refreshes = 0  # ticks that emitted ``stepped``
        self.draw_s: float | None = None  # cost of one refresh with its paints (a median)
        self._draws: deque[float] = deque(maxlen=DRAWS_KEPT)
        self._cycle_start: float | None = None  # when the last refresh began (fastest speed)
        self._cycle_stepping = 0.0  # stepping time since then

    # --- state ------------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self._timer.isActive()

    @property
    def speed_index(self) -> int:
        return self._speed_index

    @property
    def steps_per_second(self) -> int:
        return SPEEDS[self._speed_index]

    def set_speed(self, index: int) -> None:
        self._speed_index = max(0, min(len(SPEEDS) - 1, int(index)))
        self._apply_speed()

    def _apply_speed(self) -> None:
        sps = self.steps_per_second
        if sps and sps <= 1000 // FRAME_MS:
            self._timer.setInterval(round(1000 / sps))
        elif sps:
            self._timer.setInterval(FRAME_MS)
        else:  # fastest: tick after tick, each sized to the frame (see _fastest)
            self._timer.setInterval(0)
        self._cycle_start = None

    def set_trainer(self, trainer: Trainer) -> None:
        """Swap the trainer (a new part, new settings): stops the run and redraws from scratch.

        The views hear of the new trainer (resetDone) before they hear that the run stopped:
        a redraw for the stop in between would draw the new trainer with the old one's
        settings (the gradient plot still set up for the old model's weights)."""
        was_running = self._timer.isActive()
        self._timer.stop()
        self.trainer = trainer
        self.resetDone.emit()
        if was_running:
            self.runningChanged.emit(False)

    # --- commands ---------------------------------------------------------------------------
    def step(self) -> bool:
        self.pause()
        return self._after(self.trainer.step())

    def next_phase(self) -> bool:
        self.pause()
        phase = self.trainer.advance_phase()
        if phase is None:
            return False
        self.phaseChanged.emit(int(phase))
        return self._after(True)

    def back(self) -> bool:
        self.pause()
        if not self.trainer.back():
            return False
        self.stepped.emit()
        self.phaseChanged.emit(int(self.trainer.phase))
        return True

    def reset(self) -> None:
        self.pause()
        self.trainer.reset()
        self.resetDone.emit()
        self.phaseChanged.emit(int(Phase.INIT))

    def run(self) -> None:
        if self.running or self.trainer.done:
            return
        self._cycle_start = None  # a pause is not drawing time
        self._timer.start()
        self.runningChanged.emit(True)

    def pause(self) -> None:
        if self._timer.isActive():
            self._timer.stop()
            self.runningChanged.emit(False)

    def toggle(self) -> None:
        if self.running:
            self.pause()
        else:
            self.run()

    def set_lr(self, value: float) -> None:
        """Takes effect at the next step, without a reset."""
        self.trainer.lr = value

    # --- the loop ---------------------------------------------------------------------------
    def _tick(self) -> None:
        t = self.trainer
        sps = self.steps_per_second
        start = time.perf_counter()
        n = 0
        refresh = True
        if sps and sps <= 1000 // FRAME_MS:
            t.step()
            n = 1
        elif sps:
            quota = max(1, round(sps * FRAME_MS / 1000))
            n = self._step_until(start + BUDGET_S, quota)
        else:
            refresh, n = self._fastest(start)
        self.ticks += 1
        self.steps_in_last_tick = n
        if refresh or t.done:
            if not sps:
                self._measure_drawing(time.perf_counter())
            self.refreshes += 1
            self._after(True)

    def _step_until(self, deadline: float, quota: int | None) -> int:
        t = self.trainer
        n = 0
        while not t.done and (quota is None or n < quota):
            t.step()
            n += 1
            if time.perf_counter() > deadline:
                break
        return n

    def _fastest(self, start: float) -> tuple[bool, int]:
        """One tick at the fastest speed: (refresh now?, steps run). See the module docstring."""
        draw = REFRESH_S - BUDGET_S if self.draw_s is None else self.draw_s
        if draw <= (1 - STEP_SHARE) * REFRESH_S:  # cheap: step the rest of the period, refresh
            n = self._step_until(start + REFRESH_S - draw, None)
            self._cycle_stepping += time.perf_counter() - start
            return True, n
        # costly: as much stepping as drawing between two refreshes, a frame per tick, and
        # the refresh in a tick of its own (a click waits for one drawing, not more)
        owed = min(draw * STEP_SHARE / (1 - STEP_SHARE), MAX_OWED_S)
        if self._cycle_stepping >= owed:
            return True, 0
        n = self._step_until(start + min(BUDGET_S, owed - self._cycle_stepping), None)
        self._cycle_stepping += time.perf_counter() - start
        return False, n

    def _measure_drawing(self, now: float) -> None:
        """A refresh is about to begin: what the last cycle spent on anything but stepping."""
        if self._cycle_start is not None:
            self._draws.append(max(0.0, now - self._cycle_start - self._cycle_stepping))
            self.draw_s = statistics.median(self._draws)  # one slow frame changes nothing
        self._cycle_start = now
        self._cycle_stepping = 0.0

    def _after(self, ran: bool) -> bool:
        if ran:
            self.stepped.emit()
        if self.trainer.done:
            was_running = self.running
            self.pause()
            if ran or was_running:
                self.finished.emit(self.trainer.stop.value)
        return ran
