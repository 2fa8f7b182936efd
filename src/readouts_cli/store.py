"""The questions commands ask of a corpus, and the store that answers them from the files.

Commands never walk `Corpus.records` on their own: they ask a Store. `FileStore` reads and
validates every file; `index.IndexedStore` answers the same questions from a derived cache
in SQLite and gives identical answers. `Store.open` is the file store, which `--no-cache`
chooses and the index falls back on.
"""

from __future__ import annotations

import datetime as dt
from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from .corpus import Corpus, Record, load_corpus
from .errors import Problem
from .filters import Filters
from .search import Hit, search


class Store(ABC):
    """A corpus as commands see it: its valid records, in chronological order, and its problems."""

    @staticmethod
    def open(root: Path) -> Store:
        """The store that reads every file under `root` (raises ReadoutsError without one)."""
        return FileStore(load_corpus(root))

    @property
    @abstractmethod
    def problems(self) -> list[Problem]:
        """Every problem in the corpus, in file path order, as `load_corpus` reports them."""

    @abstractmethod
    def count(self) -> int: ...

    @abstractmethod
    def all(self) -> list[Record]:
        """Every valid record, chronological."""

    @abstractmethod
    def select(self, filters: Filters) -> list[Record]:
        """Matching records, chronological; with a limit, the most recent N."""

    @abstractmethod
    def on_day(self, day: dt.date) -> list[Record]: ...

    @abstractmethod
    def with_id_prefix(self, prefix: str) -> list[Record]: ...

    @abstractmethod
    def participant_names(self) -> set[str]:
        """Every participant name as written in the records."""

    @abstractmethod
    def dates(self) -> list[dt.date]:
        """The days that have meetings, in order."""

    @abstractmethod
    def search(self, phrases: Sequence[str], filters: Filters, *, any_phrase: bool) -> list[Hit]:
        """Hits in the records that pass `filters` (its limit ignored: the caller applies it)."""


@dataclass
class FileStore(Store):
    """Answers from every file, read and validated for this command."""

    corpus: Corpus

    @property
    def problems(self) -> list[Problem]:
        return self.corpus.problems

    def count(self) -> int:
        return len(self.corpus.records)

    def all(self) -> list[Record]:
        return list(self.corpus.records)

    def select(self, filters: Filters) -> list[Record]:
        return filters.apply(self.corpus.records)

    def on_day(self, day: dt.date) -> list[Record]:
        return [r for r in self.corpus.records if r.meeting.date == day]

    def with_id_prefix(self, prefix: str) -> list[Record]:
        return [r for r in self.corpus.records if r.id.startswith(prefix)]

    def participant_names(self) -> set[str]:
        return {p.name for r in self.corpus.records for p in r.meeting.participants}

    def dates(self) -> list[dt.date]:
        return sorted({r.meeting.date for r in self.corpus.records})

    def search(self, phrases: Sequence[str], filters: Filters, *, any_phrase: bool) -> list[Hit]:
        return search(self.select(replace(filters, limit=None)), phrases, any_phrase=any_phrase)
