"""The questions commands ask of a corpus, and the store that answers them from the files.

Commands never walk `Corpus.records` on their own: they ask a Store. `FileStore` reads and
validates every file; `index.IndexedStore` answers the same questions from a derived cache
in SQLite and gives identical answers. `Store.open` is the file store, which `--no-cache`
chooses and the index falls back on.
"""

from __future__ import annotations

import datetime as dt
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Literal, NamedTuple

from .corpus import Corpus, Record, load_corpus
from .errors import Problem
from .filters import Filters
from .ledger import Entry, Sympathy, condolences_of, entries_of
from .model import start_in
from .search import Hit, search
from .textfold import fold

if TYPE_CHECKING:
    from .people.matching import Roster
    from .people.summaries import PersonRow

Section = Literal["aid", "condolences"]


class Seat(NamedTuple):
    """A participant as the summaries of people see one."""

    name: str
    country: str | None
    title: str | None


class LineUp(NamedTuple):
    """A meeting's file, date and participants (in order): what `people` counts and what
    `check` holds against people.toml."""

    path: str  # the record's file (a string: a path object per meeting costs more than its use)
    date: dt.date
    seats: list[Seat]


@dataclass(frozen=True)
class Glance:
    """What a one-line view shows of a meeting (`list`, `show` of a month), and what a chart
    counts it by (`timeline`), read without building its record: a row only printed needs
    no validated model."""

    id: str
    date: dt.date
    time: dt.time | None
    timezone: str | None
    kind: str
    title: str
    participants: Sequence[Seat]
    accounts: int  # how many accounts tell the meeting (1: the record's own only)
    level: str | None = None

    @classmethod
    def of(cls, record: Record) -> Glance:
        m = record.meeting
        seats = [Seat(p.name, p.country, p.title) for p in m.participants]
        level = str(m.level) if m.level else None
        return cls(
            record.id,
            m.date,
            m.time,
            m.timezone,
            str(m.kind),
            m.title,
            seats,
            len(m.accounts) + 1,
            level,
        )

    def start_in(self, key: str) -> dt.datetime | None:
        """The start in zone `key`, as Meeting.start_in gives it."""
        return start_in(self.date, self.time, self.timezone, key)


class Kinds(NamedTuple):
    """A meeting as a chart counts it."""

    date: dt.date
    kind: str
    level: str | None


class Finding(NamedTuple):
    """A problem a check found in a record, and how it counts: "error" or "warning"."""

    kind: str
    problem: Problem


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

    def having(self, section: Section) -> list[Record]:
        """The valid records with at least one item in `section`, chronological: what the
        ledgers read, however many records have none."""
        return [r for r in self.all() if r.meeting.has(section)]

    def aid(self) -> list[Entry]:
        """Every aid item of the corpus, every account's, in corpus order: what the ledger
        judges (a package is judged whole, whatever a command shows)."""
        return entries_of(self.having("aid"))

    def condolences(self) -> list[Sympathy]:
        """Every condolence of the corpus, every account's, in corpus order."""
        return condolences_of(self.having("condolences"))

    def people(self, filters: Filters, roster: Roster, limit: int | None) -> list[PersonRow]:
        """Everyone who took part in the matching meetings (the filters' limit ignored), most
        meetings first; with `limit`, the first N of them."""
        from .people.summaries import people_rows

        return people_rows(self.line_ups(filters), roster)[:limit]

    def ids(self, filters: Filters) -> set[str]:
        """The ids of the matching meetings (with a limit, the most recent N)."""
        return {r.id for r in self.select(filters)}

    def glances(self, filters: Filters) -> list[Glance]:
        """What a one-line view shows of each matching meeting, chronological (with a
        limit, the most recent N)."""
        return [Glance.of(r) for r in self.select(filters)]

    def kinds(self, filters: Filters) -> list[Kinds]:
        """The date, kind and level of each matching meeting, chronological (with a limit,
        the most recent N): what a chart of meetings counts."""
        return [Kinds(g.date, g.kind, g.level) for g in self.glances(filters)]

    def line_ups(self, filters: Filters) -> list[LineUp]:
        """The line-up of each matching meeting that has participants (the limit ignored),
        chronological."""
        return [
            LineUp(
                str(r.path),
                r.meeting.date,
                [Seat(p.name, p.country, p.title) for p in r.meeting.participants],
            )
            for r in self.select(replace(filters, limit=None))
            if r.meeting.participants
        ]

    def checked(self, against: str, check: Callable[[LineUp], list[Finding]]) -> list[Finding]:
        """What `check` finds in the line-up of each meeting that has participants, in order.

        `against` is a digest of everything `check` reads besides the record (people.toml,
        the rules). A store that can (the index) remembers the findings of each record against
        it, and checks again only the records new or changed since, or every record when
        `against` changes.
        """
        return [found for line_up in self.line_ups(Filters()) for found in check(line_up)]

    def checked_having(
        self, section: Section, check: Callable[[list[Record]], list[Problem]]
    ) -> list[Problem]:
        """What `check` finds in the records `having` items in `section`, which must be all it
        reads. A store that can (the index) remembers the answer for as long as those records
        stay as they are."""
        return check(self.having(section))

    def known_tags(self) -> set[str]:
        """Every tag in the corpus, folded."""
        return {fold(t) for record in self.all() for t in record.meeting.tags}

    def tag_counts(self, filters: Filters) -> list[tuple[str, int]]:
        """The tags of the matching meetings with how many have each, most used first."""
        return count_tags(r.meeting.tags for r in self.select(filters))


def count_tags(meetings_tags: Iterable[Sequence[str]]) -> list[tuple[str, int]]:
    """Tags by the number of meetings that have them, then alphabetically; a tag is counted
    under its first spelling (check refuses one tag written two ways within a record)."""
    counts: dict[str, int] = {}
    shown: dict[str, str] = {}
    for tags in meetings_tags:
        for tag in {fold(t): t for t in tags}.values():
            key = shown.setdefault(fold(tag), tag)
            counts[key] = counts.get(key, 0) + 1
    return sorted(counts.items(), key=lambda kv: (-kv[1], fold(kv[0])))


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
