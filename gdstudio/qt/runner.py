"""TrainingRunner: drives a Trainer from a QTimer on the GUI thread (design.md rule 4).

Each tick runs as many steps as the speed asks for, within a small time budget, then emits
``stepped`` once, so the views redraw at most once per tick (about 60 times a second at the
fastest speeds) however many steps ran. No threads: the window never freezes and Pause acts at
the next event.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer, Signal

from gdstudio.engine import Phase, Trainer

#: steps per second for each position of the speed slider; 0 means as fast as possible
SPEEDS: tuple[int, ...] = (1, 2, 5, 10, 30, 100, 1000, 0)
FRAME_MS = 16  # one display frame at 60 Hz
BUDGET_S = 0.010  # at most this much stepping per tick, so clicks and repaints keep flowing


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
        else:
            self._timer.setInterval(FRAME_MS)

    def set_trainer(self, trainer: Trainer) -> None:
        """Swap the trainer (a new part, new settings): stops the run and redraws from scratch."""
        self.pause()
        self.trainer = trainer
        self.resetDone.emit()

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
        if sps and sps <= 1000 // FRAME_MS:
            t.step()
            n = 1
        else:
            quota = max(1, round(sps * FRAME_MS / 1000)) if sps else None
            while not t.done and (quota is None or n < quota):
                t.step()
                n += 1
                if n % 8 == 0 and time.perf_counter() - start > BUDGET_S:
                    break
        self.ticks += 1
        self.steps_in_last_tick = n
        self._after(True)

    def _after(self, ran: bool) -> bool:
        if ran:
            self.stepped.emit()
        if self.trainer.done:
            was_running = self.running
            self.pause()
            if ran or was_running:
                self.finished.emit(self.trainer.stop.value)
        return ran
