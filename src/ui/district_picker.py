"""A district chosen from a list by typing its name, pinyin initials or code.

Clerks type Chinese through an input method, or just `yzq` for 渝中区: the popup
offers the best matches of `models.districts.search_districts` as they type, and
what was typed without picking is still read (a code, name or pinyin).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QStringListModel, Slot
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from models.districts import District, find_district, search_districts
from models.errors import NotFoundError

SEARCH_LIMIT = 12


def district_text(district: District) -> str:
    return f"{district.name}（{district.code}）"


class DistrictPicker(QComboBox):
    """An editable combo box over `districts`, searched as the clerk types."""

    def __init__(self, districts: Iterable[District], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(15)
        self.codes: set[str] = set()
        for district in districts:
            self.addItem(district_text(district), district.code)
            self.codes.add(district.code)
        self.setCurrentIndex(-1)
        self.matches = QStringListModel(self)
        self.search = QCompleter(self.matches, self)
        # The search is ours (name, pinyin initials or code); the popup shows it unfiltered.
        self.search.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.search.setMaxVisibleItems(SEARCH_LIMIT)
        self.setCompleter(self.search)
        line = self.lineEdit()
        assert line is not None
        line.textEdited.connect(self._search)
        self.search.activated[str].connect(self._picked)  # type: ignore[index]

    def select_code(self, code: str) -> None:
        self.setCurrentIndex(self.findData(code))

    def chosen(self) -> District | None:
        """The district picked from the list, or the one the typed text names; None if none."""
        text = self.currentText().strip()
        index = self.findText(text)
        if index >= 0:
            return find_district(str(self.itemData(index)))
        if not text:
            return None
        try:
            district = find_district(text)
        except NotFoundError:
            return None
        return district if district.code in self.codes else None

    @Slot(str)
    def _search(self, text: str) -> None:
        found = (
            [d for d in search_districts(text.strip()) if d.code in self.codes]
            if text.strip()
            else []
        )
        self.matches.setStringList([district_text(d) for d in found[:SEARCH_LIMIT]])
        if found:
            self.search.complete()

    @Slot(str)
    def _picked(self, text: str) -> None:
        index = self.findText(text)
        if index >= 0:
            self.setCurrentIndex(index)
