"""ScenarioPage: the frame every tab shares — purpose, phase strip, controls, the scenario's
picture, lesson panel, loss and gradient plots, history table and status.

A tab may hold several parts (the black box: find the input, crack the box); each part has its
own view and trainer, and the frame shows the chosen one. Views subscribe to the runner's
signals; widget edits go to the model through one handler each (design.md rule 2).
"""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QStyleFactory,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gdstudio.engine import Phase, StopReason, Trainer
from gdstudio.qt.common import fmt, font
from gdstudio.qt.controls import ControlPanel
from gdstudio.qt.history_model import HistoryModel
from gdstudio.qt.lesson import LessonPanel
from gdstudio.qt.phase_strip import PhaseStrip
from gdstudio.qt.plots import GradientPlot, LossPlot
from gdstudio.qt.runner import TrainingRunner
from gdstudio.qt.steady import SteadyBox
from gdstudio.qt.tabs.base import ScenarioView

TEXT_HZ = 5  # while running, the words and the table are refreshed at most this often


def paper_palette() -> QPalette:
    """A light palette (Fusion's standard one), whatever the application theme is."""
    style = QStyleFactory.create("Fusion")
    paper = style.standardPalette() if style is not None else QPalette()
    paper.setColor(QPalette.ColorRole.Window, QColor("#f4f4f4"))
    return paper


class Part:
    """One scenario inside a tab: its view, its trainer and its initial-value spin boxes."""

    def __init__(self, view: ScenarioView, init_box: QGroupBox, init_spins: dict):
        self.view = view
        self.init_box = init_box
        self.init_spins: dict[str, QDoubleSpinBox] = init_spins
        self.trainer: Trainer | None = None
        self.speed = 3  # 10 steps per second: slow enough to watch
        self.momentum = 0.0
        self.ghost = None

    @property
    def key(self) -> str:
        return self.view.scenario_key


class ScenarioPage(QWidget):
    statusChanged = Signal(str)

    def __init__(self, tab_key: str, views: list[ScenarioView], parent=None):
        super().__init__(parent)
        self.tab_key = tab_key
        self.setObjectName(f"{tab_key}Page")
        self.parts: list[Part] = []
        self._words_at = 0.0  # when refresh last wrote the words (see refresh)
        self.words_due = True  # this refresh writes the words too (views may ask)
        self._build(views)
        self.runner = TrainingRunner(self.parts[0].trainer, self)
        self.runner.stepped.connect(self.refresh)
        self.runner.resetDone.connect(self._on_reset)
        self.runner.runningChanged.connect(self._on_running)
        self.runner.finished.connect(self._on_finished)
        self.current = self.parts[0]
        self.select_part(0)

    # --- construction -------------------------------------------------------------------
    def _build(self, views: list[ScenarioView]) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 6, 8, 6)
        top = QHBoxLayout()
        self.purpose_label = QLabel(self)
        self.purpose_label.setObjectName("purposeLabel")
        self.purpose_label.setFont(font(16, bold=True))
        self.purpose_label.setWordWrap(True)
        top.addWidget(self.purpose_label, 1)
        self.part_group = QButtonGroup(self)
        self.part_group.setExclusive(True)
        self.part_buttons: list[QPushButton] = []
        if len(views) > 1:
            for i, view in enumerate(views):
                b = QPushButton(self)
                b.setObjectName(f"partButton_{view.scenario_key}")
                b.setCheckable(True)
                b.setFont(font(12, bold=True))
                b.setMinimumHeight(34)
                self.part_group.addButton(b, i)
                self.part_buttons.append(b)
                top.addWidget(b)
            self.part_group.idClicked.connect(self.select_part)
        outer.addLayout(top)
        self.phase_strip = PhaseStrip(self)
        self.phase_strip.setFont(font(12))
        outer.addWidget(self.phase_strip)

        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.setObjectName("pageSplitter")
        split.setChildrenCollapsible(False)
        outer.addWidget(split, 1)

        # left: controls, initial values, scenario settings
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 4, 0)
        self.controls = ControlPanel(side)
        side_layout.addWidget(self.controls)
        self.init_stack = QStackedWidget(side)
        self.settings_stack = QStackedWidget(side)
        side_layout.addWidget(self.init_stack)
        side_layout.addWidget(self.settings_stack)
        side_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setObjectName("sideScroll")
        scroll.setWidget(side)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.side_scroll = scroll
        split.addWidget(scroll)

        # the figure: picture and lesson (centre), plots and table (right); exports draw this
        figure = QSplitter(Qt.Orientation.Horizontal)
        figure.setObjectName("figureArea")
        # the figure is a light "paper" card in every theme: its colours were chosen on white
        figure.setPalette(paper_palette())
        figure.setAutoFillBackground(True)
        figure.setChildrenCollapsible(False)
        self.figure_area = figure
        split.addWidget(figure)

        # centre: the scenario's picture over the lesson panel
        centre = QSplitter(Qt.Orientation.Vertical)
        self.picture_stack = QStackedWidget()
        self.picture_stack.setObjectName("pictureStack")
        centre.addWidget(self.picture_stack)
        self.lesson = LessonPanel()
        centre.addWidget(self.lesson)
        centre.setStretchFactor(0, 3)
        centre.setStretchFactor(1, 1)
        figure.addWidget(centre)

        # right: loss plot, gradient plot, history table
        right = QSplitter(Qt.Orientation.Vertical)
        self.loss_plot = LossPlot()
        self.gradient_plot = GradientPlot()
        right.addWidget(self.loss_plot)
        right.addWidget(self.gradient_plot)
        self.table = QTableView()
        self.table.setObjectName("historyTable")
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        # columns as wide as their heading and numbers (a sample of rows: cheap at 1M rows);
        # a scroll bar appears when they do not all fit
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setResizeContentsPrecision(40)
        header.setStretchLastSection(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        right.addWidget(self.table)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 2)
        right.setStretchFactor(2, 2)
        figure.addWidget(right)
        figure.setStretchFactor(0, 5)
        figure.setStretchFactor(1, 4)
        figure.setSizes([560, 430])
        split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 1)
        split.setSizes([310, 990])

        self.status_label = QLabel(self)
        self.status_label.setObjectName("statusLabel")
        self.status_label.setFont(font(13, bold=True))
        self.status_label.setWordWrap(True)
        # opaque: a new status (a few times a second while running) repaints the label alone;
        # see-through, it made Qt repaint the whole window under it with the plots (3-4 ms)
        self.status_label.setAutoFillBackground(True)
        # and in a SteadyBox: its new texts do not lay out (and repaint) the whole window
        self.status_box = SteadyBox(self.status_label, self)
        self.status_box.setObjectName("statusBox")
        outer.addWidget(self.status_box)

        for view in views:
            init_box, spins = self._init_box(view)
            part = Part(view, init_box, spins)
            self.parts.append(part)
            self.picture_stack.addWidget(view)
            self.init_stack.addWidget(init_box)
            settings = view.settings_widget()
            self.settings_stack.addWidget(settings if settings is not None else QWidget())
            view.frame = self  # views may reach the shared plots (e.g. a ghost loss curve)
            view.settingsChanged.connect(lambda p=part: self._rebuild(p))
            view.initialValuesChanged.connect(lambda values, p=part: self._set_init(p, values))
            part.trainer = self._make_trainer(part, lr=None, seed=0)
        self.history_model = HistoryModel(self.parts[0].trainer, self)
        self.table.setModel(self.history_model)
        self.table.horizontalHeader().setMinimumSectionSize(60)

        c = self.controls
        c.step_button.clicked.connect(self.step)
        c.phase_button.clicked.connect(self.next_phase)
        c.run_button.clicked.connect(self.toggle_run)
        c.back_button.clicked.connect(self.back)
        c.reset_button.clicked.connect(self.reset)
        c.speedChanged.connect(self._on_speed)
        c.learningRateChanged.connect(self._on_lr)
        c.momentumChanged.connect(self._on_momentum)
        c.seedChanged.connect(lambda _seed: self._rebuild(self.current))
        c.logScaleToggled.connect(self._on_log)
        self.retranslate()
        self._side = side

    def showEvent(self, event) -> None:
        """Size the side column to its contents once they are polished (fonts, style)."""
        super().showEvent(event)
        scroll = self.side_scroll
        bar = scroll.verticalScrollBar().sizeHint().width()
        wanted = self._side.minimumSizeHint().width() + bar + 2 * scroll.frameWidth() + 4
        scroll.setMinimumWidth(min(max(wanted, 300), 420))

    def _init_box(self, view: ScenarioView):
        box = QGroupBox()
        box.setObjectName(f"initBox_{view.scenario_key}")
        form = QFormLayout(box)
        spins = {}
        for field in view.init_fields():
            spin = QDoubleSpinBox(box)
            spin.setObjectName(f"initSpin_{field.name}")
            spin.setAccessibleName(field.label)
            spin.setDecimals(field.decimals)
            spin.setRange(field.minimum, field.maximum)
            spin.setSingleStep(field.step)
            spin.setValue(field.default)
            spin.setKeyboardTracking(False)
            spin.valueChanged.connect(lambda _v, v=view: self._rebuild(self._part_of(v)))
            form.addRow(field.label, spin)
            spins[field.name] = spin
        box.setVisible(bool(spins))
        return box, spins

    def _part_of(self, view: ScenarioView) -> Part:
        return next(p for p in self.parts if p.view is view)

    def _make_trainer(self, part: Part, lr: float | None, seed: int) -> Trainer:
        init = {name: spin.value() for name, spin in part.init_spins.items()}
        model = part.view.create_model(init)
        momentum = part.momentum if model.supports_momentum else 0.0
        return Trainer(model, lr=lr, momentum=momentum, seed=seed)

    # --- texts --------------------------------------------------------------------------
    def title(self) -> str:
        return self.parts[0].view.title() if len(self.parts) == 1 else self.tab_title()

    def tab_title(self) -> str:
        if self.tab_key == "blackbox":
            return self.tr("Black box")
        return self.parts[0].view.title()

    def retranslate(self) -> None:
        self.controls.retranslate()
        self.phase_strip.retranslate()
        for part, button in zip(self.parts, self.part_buttons):
            button.setText(part.view.title())
            button.setAccessibleName(part.view.title())
        for part in self.parts:
            part.view.retranslate()
            part.init_box.setTitle(self.tr("Initialization: starting values"))
            form = part.init_box.layout()
            for field in part.view.init_fields():  # the fields' captions, in the new language
                spin = part.init_spins.get(field.name)
                label = form.labelForField(spin) if spin is not None else None
                if label is not None:
                    label.setText(field.label)
                    spin.setAccessibleName(field.label)
        self.table.setAccessibleName(self.tr("History of every step"))
        self.history_model.retranslate()
        self.loss_plot.retranslate()
        self.gradient_plot.retranslate()
        if hasattr(self, "current"):
            self.refresh()

    # --- parts --------------------------------------------------------------------------
    @property
    def trainer(self) -> Trainer:
        return self.current.trainer

    @property
    def view(self) -> ScenarioView:
        return self.current.view

    def select_part(self, index: int) -> None:
        self.runner.pause()
        if hasattr(self, "current"):
            self.current.speed = self.runner.speed_index
        self.current = self.parts[index]
        if self.part_buttons:
            self.part_buttons[index].setChecked(True)
        self.picture_stack.setCurrentIndex(index)
        self.init_stack.setCurrentIndex(index)
        self.settings_stack.setCurrentIndex(index)
        self.runner.set_speed(self.current.speed)
        self.runner.set_trainer(self.current.trainer)

    def part_index(self) -> int:
        return self.parts.index(self.current)

    # --- commands -----------------------------------------------------------------------
    def step(self) -> None:
        self.runner.step()

    def next_phase(self) -> None:
        self.runner.next_phase()
        self.refresh()

    def toggle_run(self) -> None:
        self.runner.toggle()
        self.controls.set_running(self.runner.running)

    def back(self) -> None:
        if self.runner.back():
            self.refresh()

    def reset(self) -> None:
        self.runner.reset()

    def _rebuild(self, part: Part) -> None:
        """New settings, seed or initial values: a new model, back to initialization."""
        lr = self.controls.lr_spin.value() if part is self.current else part.trainer.lr
        seed = self.controls.seed_spin.value() if part is self.current else part.trainer.seed
        try:
            trainer = self._make_trainer(part, lr=lr, seed=seed)
        except ValueError as e:
            self.status_label.setText(self.tr("Not applied: {error}").format(error=str(e)))
            return
        part.trainer = trainer
        if part is self.current:
            self.runner.set_trainer(trainer)

    def use_trainer(self, view: ScenarioView, trainer: Trainer) -> None:
        """Let a view hand the frame a trainer of its own making (e.g. a student playing A)."""
        part = self._part_of(view)
        part.trainer = trainer
        if part is self.current:
            self.runner.set_trainer(trainer)

    def restore_initial_values(self, part: Part, params) -> None:
        """Show a loaded trainer's starting values in the spin boxes (no rebuild)."""
        names = list(part.init_spins)
        for name, value in zip(names, params):
            spin = part.init_spins[name]
            spin.blockSignals(True)
            spin.setValue(float(value))
            spin.blockSignals(False)

    def _set_init(self, part: Part, values: dict) -> None:
        for name, value in values.items():
            spin = part.init_spins.get(name)
            if spin is not None:
                spin.blockSignals(True)
                spin.setValue(value)
                spin.blockSignals(False)
        self._rebuild(part)

    def set_presentation(self, on: bool) -> None:
        """Presentation mode: keep what steps and shows, hide the rest; thicker plot lines and
        larger words inside the plots."""
        for w in (self.table, self.init_stack, self.settings_stack):
            w.setVisible(not on)
        self.controls.set_compact(on)
        self.loss_plot.set_presentation(on)
        self.gradient_plot.set_presentation(on)

    def _on_speed(self, index: int) -> None:
        self.runner.set_speed(index)

    def _on_lr(self, value: float) -> None:
        self.runner.set_lr(value)
        self.refresh()

    def _on_momentum(self, value: float) -> None:
        self.current.momentum = value
        self._rebuild(self.current)

    def _on_log(self, on: bool) -> None:
        self.loss_plot.set_log_scale(on)
        self.loss_plot.update_from(self.trainer)

    # --- views follow the model ---------------------------------------------------------
    def _on_reset(self) -> None:
        t = self.trainer
        self.controls.set_values(
            speed=self.runner.speed_index,
            lr=t.lr,
            momentum=self.current.momentum,
            seed=t.seed,
            momentum_ok=t.model.supports_momentum,
        )
        self.history_model.set_trainer(t)
        self.gradient_plot.configure(t.model.param_names)
        self.loss_plot.set_tolerance(t.tolerance)
        self.loss_plot.set_ghost(self.current.ghost)
        self.refresh()

    def _on_running(self, running: bool) -> None:
        self.controls.set_running(running)
        self.refresh()

    def _on_finished(self, reason: str) -> None:
        self.controls.set_running(False)
        self.refresh()

    def refresh(self) -> None:
        """Redraw the pictures; the words and the table too, unless a run is going fast.

        While running, the plots and the scenario's picture follow every frame, but the lesson
        text, the history table and the status change at most TEXT_HZ times a second: numbers
        that change 60 times a second cannot be read, and laying out their text was a good part
        of each frame. When the run stops (pause, a stop rule) everything is brought up to date.
        """
        t = self.trainer
        now = time.monotonic()
        self.words_due = not self.runner.running or now - self._words_at >= 1.0 / TEXT_HZ
        self.loss_plot.update_from(t)
        self.gradient_plot.update_from(t)
        self.view.refresh(t)  # a view may leave its own words alone unless words_due
        if not self.words_due:
            return
        self._words_at = now
        self.history_model.sync()
        if self.runner.running:
            self.table.scrollToBottom()
        self.phase_strip.set_phase(t.phase)
        self.lesson.show_phase(t.phase, self.view.lesson(t.phase, t))
        self.purpose_label.setText(self.view.purpose())
        self.controls.back_button.setEnabled(t.phase is not Phase.INIT)
        can_go = not t.done
        self.controls.step_button.setEnabled(can_go)
        self.controls.phase_button.setEnabled(can_go)
        self.controls.run_button.setEnabled(can_go or self.runner.running)
        text = self.status_text()
        self.status_label.setText(text)
        self.status_box.check()  # measured now, before the paint (see SteadyBox)
        self.statusChanged.emit(text)

    def state_words(self) -> str:
        t = self.trainer
        if self.runner.running:
            return self.tr("running")
        if t.stop is None:
            return self.tr("ready") if t.phase is Phase.INIT else self.tr("paused")
        own = self.view.stop_text(t.stop, t)
        if own:
            return own
        return {
            StopReason.CONVERGED: self.tr(
                "converged: the loss is below the tolerance ({tol})"
            ).format(tol=fmt(t.tolerance)),
            StopReason.PLATEAU: self.tr(
                "plateau: the loss stopped going down above the tolerance; this model can only imitate the data"
            ),
            StopReason.DIVERGED: self.tr(
                "diverged: the learning rate is too large, each step overshoots. Lower it and press Reset"
            ),
            StopReason.STEP_LIMIT: self.tr("step limit reached before the loss was small enough"),
        }[t.stop]

    def status_text(self) -> str:
        t = self.trainer
        last = t.history.last()
        loss = fmt(last["loss"]) if last else "–"
        return self.tr("Step {step} · loss {loss} · {state}").format(
            step=t.step_count, loss=loss, state=self.state_words()
        )
