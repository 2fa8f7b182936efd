"""The questions commands ask of a corpus, answered from the files themselves.

Commands never walk `Corpus.records` on their own: they ask a Store. This one reads and
validates every file; an indexed store answers the same questions from a derived cache and
must give identical answers (the index issue builds it behind this same interface).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from .corpus import Corpus, Record, load_corpus
from .errors import Problem
from .filters import Filters
from .search import Hit, search


@dataclass
class Store:
    corpus: Corpus

    @classmethod
    def open(cls, root: Path) -> Store:
        return cls(load_corpus(root))

    @property
    def problems(self) -> list[Problem]:
        return self.corpus.problems

    def count(self) -> int:
        return len(self.corpus.records)

    def all(self) -> list[Record]:
        """Every valid record, chronological."""
        return list(self.corpus.records)

    def select(self, filters: Filters) -> list[Record]:
        """Matching records, chronological; with a limit, the most recent N."""
        return filters.apply(self.corpus.records)

    def on_day(self, day: dt.date) -> list[Record]:
        return [r for r in self.corpus.records if r.meeting.date == day]

    def with_id_prefix(self, prefix: str) -> list[Record]:
        return [r for r in self.corpus.records if r.id.startswith(prefix)]

    def participant_names(self) -> set[str]:
        """Every participant name as written in the records."""
        return {p.name for r in self.corpus.records for p in r.meeting.participants}

    def dates(self) -> list[dt.date]:
        return sorted({r.meeting.date for r in self.corpus.records})

    def search(self, phrases: Sequence[str], filters: Filters, *, any_phrase: bool) -> list[Hit]:
        """Hits in the records that pass `filters` (its limit ignored: the caller applies it)."""
        return search(self.select(replace(filters, limit=None)), phrases, any_phrase=any_phrase)
