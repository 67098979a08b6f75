"""A Qt table model over the trainer's history arrays: no copies, so 100,000 rows stay fast."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from gdstudio.engine import Trainer
from gdstudio.qt.common import fmt


class HistoryModel(QAbstractTableModel):
    def __init__(self, trainer: Trainer, parent=None):
        super().__init__(parent)
        self._trainer = trainer
        self._rows = 0

    def set_trainer(self, trainer: Trainer) -> None:
        self.beginResetModel()
        self._trainer = trainer
        self._rows = len(trainer.history)
        self.endResetModel()

    @property
    def _history(self):
        return self._trainer.history

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._rows

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._history.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.column_title(self._history.columns[section])
        return None

    def column_title(self, name: str) -> str:
        """A column's heading in the current language (CSV files keep the plain names)."""
        titles = {
            "step": self.tr("step"),
            "loss": self.tr("loss"),
            "output": self.tr("output"),
            "distance": self.tr("distance"),
        }
        if name in titles:
            return titles[name]
        if name.startswith("grad_"):
            return self.tr("grad {name}").format(name=name[len("grad_") :])
        return name  # parameter names (w, x, aim_x ...) are the same in every language

    def retranslate(self) -> None:
        if self.columnCount():
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= self._rows:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            name = self._history.columns[index.column()]
            value = self._history.value(index.row(), name)
            return str(int(value)) if name == "step" else fmt(value, 4)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def sync(self) -> None:
        """Catch up with the history: append new rows, or reset after it was cut."""
        n = len(self._history)
        if n > self._rows:
            self.beginInsertRows(QModelIndex(), self._rows, n - 1)
            self._rows = n
            self.endInsertRows()
        elif n < self._rows:
            self.beginResetModel()
            self._rows = n
            self.endResetModel()
