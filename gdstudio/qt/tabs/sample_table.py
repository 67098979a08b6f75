"""The crack-the-box sample table: edit, add, remove and import (x, y) samples.

The widget guards the table: a cell accepts only a finite number, at least one row stays, and
a CSV file replaces the table only when every line of it is good. A refused change leaves the
table as it was and says why in the message line under the buttons (never a dialog, never a
traceback). Accepted changes are announced once with ``samplesChanged``; pushing samples in
from the model (``set_samples``) blocks the table's signals.
"""

from __future__ import annotations

import os

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGridLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gdstudio.qt.common import ORANGE, VERMILION, font
from gdstudio.scenarios.black_box import (
    MAX_SAMPLES,
    SampleError,
    format_number,
    parse_number,
    parse_samples_csv,
    suggest_next_sample,
)

#: the largest file the import reads (a table of MAX_SAMPLES rows is far smaller)
MAX_FILE_BYTES = 1_000_000
ROW_HEIGHT = 26
#: rows the table shows without scrolling (the chapter's table has four)
VISIBLE_ROWS = 4


class SampleTable(QWidget):
    """Two columns, input x and output y, one row per recorded sample."""

    samplesChanged = Signal(object)  # the new (n, 2) array, after an accepted change

    def __init__(self, samples, parent=None):
        super().__init__(parent)
        self._samples = np.array(samples, dtype=float)
        self._current: int | None = None
        self._last_dir = ""
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(6)
        layout.setVerticalSpacing(2)
        self.table = QTableWidget(0, 2, self)
        self.table.setObjectName("sampleTable")
        self.table.setFont(font(12))
        self.table.horizontalHeader().setFont(font(11, bold=True))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.itemChanged.connect(self._on_item_changed)
        layout.addWidget(self.table, 0, 0)
        buttons = QVBoxLayout()
        buttons.setSpacing(4)
        self.add_button = self._button("addSampleButton", self.add_sample)
        self.remove_button = self._button("removeSampleButton", self.remove_samples)
        self.import_button = self._button("importSamplesButton", self.choose_file)
        for b in (self.add_button, self.remove_button, self.import_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout.addLayout(buttons, 0, 1)
        self.message = QLabel(self)
        self.message.setObjectName("sampleMessage")
        self.message.setWordWrap(True)
        self.message.setFont(font(11, bold=True))
        self.message.setVisible(False)
        layout.addWidget(self.message, 1, 0, 1, 2)
        layout.setColumnStretch(0, 1)
        self.message_is_error = False
        self.retranslate()
        self._fill()

    def _button(self, name: str, slot) -> QPushButton:
        b = QPushButton(self)
        b.setObjectName(name)
        b.setFont(font(11, bold=True))
        b.setMinimumHeight(30)
        b.clicked.connect(lambda _checked=False: slot())
        return b

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels([self.tr("input x"), self.tr("output y")])
        self.table.setAccessibleName(self.tr("Recorded samples of the box"))
        texts = (
            (self.add_button, self.tr("+ Add"), self.tr("Add a sample row")),
            (self.remove_button, self.tr("− Remove"), self.tr("Remove the selected samples")),
            (self.import_button, self.tr("Import…"), self.tr("Import samples from a CSV file")),
        )
        for b, text, name in texts:
            b.setText(text)
            b.setAccessibleName(name)
            b.setToolTip(name)
        self.message.setAccessibleName(self.tr("Message about the sample table"))

    # --- model to widget ----------------------------------------------------------------
    def samples(self) -> np.ndarray:
        return self._samples.copy()

    def set_samples(self, samples) -> None:
        """Show ``samples`` (already checked); no signal."""
        self._samples = np.array(samples, dtype=float)
        self._fill()

    def set_current(self, index: int | None) -> None:
        """Highlight the sample the current one-sample step uses (None: no highlight)."""
        if index == self._current:
            return
        old, self._current = self._current, index
        self._paint_current(rows=[r for r in (old, index) if r is not None])

    def _fill(self) -> None:
        t = self.table
        t.blockSignals(True)
        t.setRowCount(len(self._samples))
        for r, row in enumerate(self._samples):
            for c, value in enumerate(row):
                item = QTableWidgetItem(format_number(value))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                t.setItem(r, c, item)
        t.blockSignals(False)
        self._fit_height()
        self._paint_current()

    def _fit_height(self) -> None:
        """Tall enough for the chapter's four rows (fewer: still four lines), never taller."""
        t = self.table
        header = t.horizontalHeader().sizeHint().height()
        t.setFixedHeight(header + VISIBLE_ROWS * ROW_HEIGHT + 2 * t.frameWidth() + 2)

    def _paint_current(self, rows=None) -> None:
        """Colour the current sample's row, and no other (only ``rows`` changed, if given)."""
        t = self.table
        light = QColor(ORANGE)
        light.setAlpha(90)
        t.blockSignals(True)
        for r in range(t.rowCount()) if rows is None else rows:
            brush = QBrush(light) if r == self._current else QBrush()
            for c in range(2):
                item = t.item(r, c)
                if item is not None:
                    item.setBackground(brush)
        t.blockSignals(False)

    # --- messages -----------------------------------------------------------------------
    def show_message(self, text: str, error: bool = True) -> None:
        """One line under the table: a refusal (error) or a plain confirmation. A light card
        with its own colours, readable in the dark theme too."""
        edge = VERMILION.name() if error else "#7f7f7f"
        ink = VERMILION.darker(130).name() if error else "#202020"
        self.message.setStyleSheet(
            f"#sampleMessage {{ background: #ffffff; color: {ink}; border: 1px solid {edge}; "
            f"border-left: 6px solid {edge}; padding: 2px 6px; }}"
        )
        self.message.setText(("⚠ " if error else "") + text)
        self.message.setVisible(bool(text))
        self.message_is_error = error

    def clear_message(self) -> None:
        self.message.clear()
        self.message.setVisible(False)
        self.message_is_error = False

    # --- widget to model ----------------------------------------------------------------
    def _accept(self, samples: np.ndarray) -> None:
        self._samples = samples
        self._fill()
        self.samplesChanged.emit(self.samples())

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        r, c = item.row(), item.column()
        if not (0 <= r < len(self._samples)):
            return
        old = float(self._samples[r, c])
        text = item.text()
        column = self.tr("input x") if c == 0 else self.tr("output y")
        try:
            value = parse_number(text, decimal_comma=True)
        except ValueError:
            self.table.blockSignals(True)
            item.setText(format_number(old))
            self.table.blockSignals(False)
            self.show_message(
                self.tr(
                    "Row {row}, {column}: “{text}” is not a finite number, so the table keeps {old}."
                ).format(row=r + 1, column=column, text=text.strip(), old=format_number(old))
            )
            return
        self.clear_message()
        if value == old:
            self.table.blockSignals(True)
            item.setText(format_number(old))
            self.table.blockSignals(False)
            return
        new = self._samples.copy()
        new[r, c] = value
        self._accept(new)

    def add_sample(self) -> bool:
        if len(self._samples) >= MAX_SAMPLES:
            self.show_message(
                self.tr("The table already holds {n} samples, the most it can.").format(
                    n=MAX_SAMPLES
                )
            )
            return False
        x, y = suggest_next_sample(self._samples)
        self.clear_message()
        self._accept(np.vstack([self._samples, [[x, y]]]))
        row = len(self._samples) - 1
        self.table.setCurrentCell(row, 1)
        self.table.scrollToItem(self.table.item(row, 1))
        self.show_message(
            self.tr("Added row {row}; double-click a value to change it.").format(row=row + 1),
            error=False,
        )
        return True

    def selected_rows(self) -> list[int]:
        rows = {i.row() for i in self.table.selectionModel().selectedIndexes()}
        return sorted(r for r in rows if 0 <= r < len(self._samples))

    def remove_samples(self) -> bool:
        rows = self.selected_rows() or [len(self._samples) - 1]
        if len(rows) >= len(self._samples):
            self.show_message(self.tr("At least one sample must stay in the table."))
            return False
        self.clear_message()
        keep = np.ones(len(self._samples), dtype=bool)
        keep[rows] = False
        self.table.clearSelection()
        self._accept(self._samples[keep])
        return True

    def choose_file(self) -> bool:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Import samples"),
            self._last_dir,
            self.tr("CSV files (*.csv *.txt);;All files (*)"),
        )
        if not path:
            return False
        self._last_dir = os.path.dirname(path)
        return self.import_file(path)

    def import_file(self, path: str) -> bool:
        """Replace the table by the file's samples; False (table unchanged, a message) if bad."""
        name = os.path.basename(path)
        try:
            size = os.path.getsize(path)
            if size > MAX_FILE_BYTES:
                self.show_message(
                    self.tr(
                        "{name} is too large for a sample table; the table was not changed."
                    ).format(name=name)
                )
                return False
            with open(path, "rb") as f:
                data = f.read(MAX_FILE_BYTES + 1)
        except OSError as e:
            self.show_message(
                self.tr("Could not read {name} ({error}); the table was not changed.").format(
                    name=name, error=e.strerror or str(e)
                )
            )
            return False
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            self.show_message(
                self.tr("{name} is not a text file; the table was not changed.").format(name=name)
            )
            return False
        return self.import_text(text, name)

    def import_text(self, text: str, name: str = "") -> bool:
        try:
            samples = parse_samples_csv(text)
        except SampleError as e:
            self.show_message(self._csv_error(e, name))
            return False
        self.clear_message()
        self._accept(samples)
        self.show_message(
            self.tr("Imported {n} samples from {name}.").format(n=len(samples), name=name or "CSV"),
            error=False,
        )
        return True

    def _csv_error(self, e: SampleError, name: str) -> str:
        where = name or self.tr("the file")
        if e.kind == "columns":
            text = self.tr(
                "{file}, line {line}: expected two numbers (x, y) but found {count} values."
            ).format(file=where, line=e.line, count=e.count)
        elif e.kind == "number":
            text = self.tr("{file}, line {line}: “{text}” is not a finite number.").format(
                file=where, line=e.line, text=e.text
            )
        elif e.kind == "too_many":
            text = self.tr("{file}, line {line}: more than {n} samples.").format(
                file=where, line=e.line, n=MAX_SAMPLES
            )
        else:
            text = self.tr("{file} holds no samples.").format(file=where)
        # one sentence pattern, so a language can join the two parts its own way
        return self.tr("{problem} The table was not changed.").format(problem=text)
