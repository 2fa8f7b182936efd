"""Answering from the index: the store that narrows in SQL and lets the file store's own
checks decide.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import itertools
import json
import marshal
import operator
import os
import sqlite3
import weakref
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any, TypeVar

from ..corpus import MEETINGS, Record, duplicate_problem, load_corpus
from ..errors import Problem
from ..filters import Filters
from ..ledger import Entry, Sympathy
from ..model import Aid, Condolence, Meeting
from ..people.matching import Roster
from ..search import Hit, search
from ..store import (
    FileStore,
    Finding,
    Glance,
    Kinds,
    LineUp,
    Seat,
    Section,
    Store,
    count_tags,
)
from .location import connect, discard, is_corrupt
from .schema import _ORDER, _ORDER_DESC, _RECORD_COLUMNS, MAX_SQL_NAMES, REMEMBER_TIMEOUT

if TYPE_CHECKING:
    from ..people.summaries import PersonRow

T = TypeVar("T")

# SQLite's JSON functions (json_each, json_array_length) are built in from 3.38.
_JSON = sqlite3.sqlite_version_info >= (3, 38)


# -- answering -------------------------------------------------------------------------------------
class IndexedStore(Store):
    """Answers from the index; SQL picks candidates, the file store's checks decide."""

    def __init__(self, root: Path, conn: sqlite3.Connection, path: Path) -> None:
        self.root = root
        self.meetings = root / MEETINGS
        self.path = path
        self._conn = conn
        self._problems: list[Problem] | None = None
        self._files: FileStore | None = None
        weakref.finalize(self, conn.close)
        # One read transaction for the whole command: every answer comes from one snapshot,
        # whatever other commands commit meanwhile.
        conn.execute("BEGIN")

    # Every answer goes through here: should the database fail midway (corrupted under us,
    # say), the command goes on reading the files, and the next one rebuilds the index.
    def _answer(self, indexed: Callable[[], T], files: Callable[[Store], T]) -> T:
        if self._files is None:
            try:
                return indexed()
            except sqlite3.Error as err:
                if is_corrupt(err):
                    self._conn.close()
                    with contextlib.suppress(OSError, sqlite3.Error):
                        discard(self.path)
                self._files = FileStore(load_corpus(self.root))
        return files(self._files)

    def _record(self, row: tuple[str, str, str]) -> Record:
        record_id, path, doc = row
        # The JSON was dumped from a validated Meeting: lax mode reads its dates back.
        meeting = Meeting.model_validate_json(doc, strict=False)
        return Record(id=record_id, path=self.meetings / path, meeting=meeting)

    def _records(self, sql: str, params: Sequence[Any] = ()) -> list[Record]:
        return [self._record(row) for row in self._conn.execute(sql, params)]

    @property
    def problems(self) -> list[Problem]:
        if self._problems is None:
            self._problems = self._answer(self._read_problems, lambda s: s.problems)
        return self._problems

    def _read_problems(self) -> list[Problem]:
        found: list[tuple[PurePath, list[Problem]]] = []
        for path, problems in self._conn.execute(
            "SELECT path, problems FROM files WHERE problems IS NOT NULL"
        ):
            full = self.meetings / path
            found.append(
                (
                    PurePath(path),
                    [
                        Problem(
                            message,
                            file=full if same is True else (None if same is None else Path(same)),
                            line=line,
                            field=field,
                            hint=hint,
                        )
                        for message, same, line, field, hint in json.loads(problems)
                    ],
                )
            )
        for record_id, path, first in self._conn.execute(
            "SELECT r.id, f.path, ("
            "  SELECT f2.path FROM records r2 JOIN files f2 ON f2.file = r2.file"
            "  WHERE r2.id = r.id AND r2.shadowed = 0"
            ") FROM records r JOIN files f ON f.file = r.file WHERE r.shadowed = 1"
        ):
            problem = duplicate_problem(record_id, self.meetings / path, self.meetings / first)
            found.append((PurePath(path), [problem]))
        # As load_corpus orders them: files in path order, then every problem by its file's
        # name as a string (a stable sort, so a file's own problems keep their order).
        found.sort(key=lambda item: item[0])
        flat = [problem for _, problems in found for problem in problems]
        flat.sort(key=lambda problem: str(problem.file))
        return flat

    def count(self) -> int:
        return self._answer(
            lambda: int(
                self._conn.execute("SELECT count(*) FROM records WHERE shadowed = 0").fetchone()[0]
            ),
            lambda s: s.count(),
        )

    def all(self) -> list[Record]:
        return self._answer(
            lambda: self._records(f"SELECT {_RECORD_COLUMNS} WHERE r.shadowed = 0 {_ORDER}"),
            lambda s: s.all(),
        )

    def select(self, filters: Filters) -> list[Record]:
        return self._answer(lambda: self._select(filters), lambda s: s.select(filters))

    def _select(self, filters: Filters) -> list[Record]:
        where, params = _narrow(filters)
        if filters.limit is None:
            candidates = self._records(f"SELECT {_RECORD_COLUMNS} WHERE {where} {_ORDER}", params)
            return filters.apply(candidates)
        if filters.limit <= 0:
            return []
        # Newest first, stopping at the limit: `list -n 20` reads 20 records, not all of them.
        kept: list[Record] = []
        for row in self._conn.execute(
            f"SELECT {_RECORD_COLUMNS} WHERE {where} {_ORDER_DESC}", params
        ):
            record = self._record(row)
            if filters.matches(record.meeting):
                kept.append(record)
                if len(kept) == filters.limit:
                    break
        kept.reverse()
        return kept

    def having(self, section: Section) -> list[Record]:
        if not _JSON:
            return super().having(section)
        # Only the records with such items are built: a tenth of them in a large corpus.
        return self._answer(
            lambda: self._records(
                f"SELECT {_RECORD_COLUMNS} WHERE r.shadowed = 0"
                f" AND (json_array_length(d.doc, '$.{section}') > 0 OR EXISTS (SELECT 1"
                f" FROM json_each(d.doc, '$.accounts') a"
                f" WHERE json_array_length(a.value, '$.{section}') > 0)) {_ORDER}"
            ),
            lambda s: s.having(section),
        )

    def aid(self) -> list[Entry]:
        return self._answer(
            lambda: [
                Entry(*cited, Aid.model_validate_json(item, strict=False))
                for cited, item in self._told("aid")
            ],
            lambda s: s.aid(),
        )

    def condolences(self) -> list[Sympathy]:
        return self._answer(
            lambda: [
                Sympathy(*cited, Condolence.model_validate_json(item, strict=False))
                for cited, item in self._told("condolences")
            ],
            lambda s: s.condolences(),
        )

    def _told(
        self, section: Section
    ) -> Iterator[tuple[tuple[str, dt.date, str, int, int, str | None], str]]:
        """Each item of `section` in corpus order, as the fields of a `Cited` and the item's
        JSON: read from the items table, no record built."""
        meetings = str(self.meetings)
        for record_id, date, path, position, account, label, item in self._conn.execute(
            "SELECT r.id, r.date, f.path, i.position, i.account, i.label, i.item FROM items i"
            " JOIN records r ON r.file = i.record JOIN files f ON f.file = i.record"
            f" WHERE i.section = ? AND r.shadowed = 0 {_ORDER}, i.account, i.position",
            (section,),
        ):
            file = os.path.join(meetings, *path.split("/"))
            yield (record_id, dt.date.fromisoformat(date), file, position, account, label), item

    def people(self, filters: Filters, roster: Roster, limit: int | None) -> list[PersonRow]:
        if filters != Filters():
            return super().people(filters, roster, limit)
        found = self._answer(
            lambda: self._people(roster, limit), lambda s: s.people(filters, roster, limit)
        )
        return super().people(filters, roster, limit) if found is None else found

    def _people(self, roster: Roster, limit: int | None) -> list[PersonRow] | None:
        """`people` with no filter, from the tallies the index keeps: each name's meetings,
        first and last (SQL reads them off an index), then, for the rows kept only, the
        country and title of their seats and their counterparts. None where the tallies
        would count a record twice (an id that two files give)."""
        from ..people.summaries import PersonRow, ranked

        if self._conn.execute("SELECT 1 FROM records WHERE shadowed = 1 LIMIT 1").fetchone():
            return None
        rows: dict[str, PersonRow] = {}
        names: dict[str, list[str]] = {}
        for name, meetings, first, last in self._conn.execute(
            "SELECT name, count(*), min(date), max(date) FROM participants GROUP BY name"
        ):
            who = roster.who(name)
            names.setdefault(who.key, []).append(name)
            start, end = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
            row = rows.get(who.key)
            if row is None:
                rows[who.key] = PersonRow(who, None, None, meetings, start, end)
            else:
                row.meetings += meetings
                row.first, row.last = min(row.first or start, start), max(row.last or end, end)
        kept = ranked(rows.values())[:limit]
        for row in kept:
            spellings = names[row.who.key]
            among = f"IN ({', '.join('?' * len(spellings))})"  # a person's few spellings
            person = row.who.person
            row.country = person.country if person else None
            row.title = person.latest_title() if person else None
            if not row.country or not row.title:
                # As people_rows reads the seats: the first one's country, the last title.
                seats = self._conn.execute(
                    "SELECT p.country, p.title FROM participants p"
                    " JOIN records r ON r.file = p.record"
                    f" WHERE p.name {among} {_ORDER}, p.rowid",
                    spellings,
                ).fetchall()
                row.country = row.country or seats[0][0]
                row.title = row.title or next((t for _, t in reversed(seats) if t), None)
            for other, meetings in self._conn.execute(
                f"SELECT other, meetings FROM pairs WHERE name {among}", spellings
            ):
                them = roster.who(other)
                if them.key != row.who.key:
                    row.counterparts[them.name] += meetings
        return kept

    def ids(self, filters: Filters) -> set[str]:
        if not _exact(filters):
            return super().ids(filters)
        return self._answer(lambda: self._ids(filters), lambda s: s.ids(filters))

    def _ids(self, filters: Filters) -> set[str]:
        return {record_id for (record_id,) in self._matching("r.id", filters)}

    def _matching(self, columns: str, filters: Filters) -> list[Any]:
        """`columns` of the records (`r`) that `filters` keep (in SQL alone: `_exact`),
        chronological; with a limit, the most recent N, read newest first and stopped there."""
        if filters.limit is not None and filters.limit <= 0:
            return []
        where, params = _narrow(filters)
        select = f"SELECT {columns} FROM records r WHERE {where}"
        if filters.limit is None:
            return self._conn.execute(f"{select} {_ORDER}", params).fetchall()
        rows = self._conn.execute(
            f"{select} {_ORDER_DESC} LIMIT {int(filters.limit)}", params
        ).fetchall()
        rows.reverse()
        return rows

    def glances(self, filters: Filters) -> list[Glance]:
        if not _exact(filters):
            return super().glances(filters)
        return self._answer(lambda: self._glances(filters), lambda s: s.glances(filters))

    def _glances(self, filters: Filters) -> list[Glance]:
        """Read from the columns the records table keeps for one-line views: no document is
        read and no record built for a row that is only printed."""
        rows = self._matching(
            "r.id, r.date, r.time, r.timezone, r.kind, r.title, r.seats, r.accounts, r.level",
            filters,
        )
        day, hour, seat, loads = (
            dt.date.fromisoformat,
            dt.time.fromisoformat,
            Seat._make,
            marshal.loads,
        )
        return [
            Glance(
                record_id,
                day(date),
                hour(time) if time else None,
                timezone,
                kind,
                title,
                [seat(s) for s in loads(seats)],
                accounts,
                level,
            )
            for record_id, date, time, timezone, kind, title, seats, accounts, level in rows
        ]

    def kinds(self, filters: Filters) -> list[Kinds]:
        if not _exact(filters):
            return super().kinds(filters)
        return self._answer(lambda: self._kinds(filters), lambda s: s.kinds(filters))

    def _kinds(self, filters: Filters) -> list[Kinds]:
        day = dt.date.fromisoformat
        return [
            Kinds(day(date), kind, level)
            for date, kind, level in self._matching("r.date, r.kind, r.level", filters)
        ]

    def line_ups(self, filters: Filters) -> list[LineUp]:
        if not _exact(filters):
            return super().line_ups(filters)
        # Read from the participants table: no record is built.
        return self._answer(lambda: self._line_ups(filters), lambda s: s.line_ups(filters))

    def _line_ups(self, filters: Filters) -> list[LineUp]:
        return [line_up for _, line_up in self._file_line_ups(filters)]

    def _file_line_ups(
        self, filters: Filters, only: Sequence[int] | None = None
    ) -> list[tuple[int, LineUp]]:
        """The line-ups, each with its record's file (row); `only` those files, if given.
        Read from the participants table: no stored document is read."""
        where, params = _narrow(filters)
        if only is not None:
            where += " AND r.file IN (SELECT value FROM json_each(?))"
            params.append(json.dumps(list(only)))
        rows = self._conn.execute(
            "SELECT r.file, f.path, r.date, p.name, p.country, p.title FROM records r"
            " JOIN files f ON f.file = r.file JOIN participants p ON p.record = r.file"
            f" WHERE {where} {_ORDER}, p.rowid",
            params,
        )
        meetings = str(self.meetings)
        day, seat = dt.date.fromisoformat, Seat._make
        found: list[tuple[int, LineUp]] = []
        for file, group in itertools.groupby(rows, key=operator.itemgetter(0)):
            seats = list(group)
            _, path, date = seats[0][:3]
            line_up = LineUp(
                os.path.join(meetings, *path.split("/")), day(date), [seat(s[3:]) for s in seats]
            )
            found.append((file, line_up))
        return found

    # -- what check found, remembered ------------------------------------------------------

    def checked(self, against: str, check: Callable[[LineUp], list[Finding]]) -> list[Finding]:
        if not _JSON:  # the records to check again are named through json_each
            return super().checked(against, check)
        return self._answer(
            lambda: self._checked(against, check), lambda s: s.checked(against, check)
        )

    def _checked(self, against: str, check: Callable[[LineUp], list[Finding]]) -> list[Finding]:
        found: dict[int, list[Finding]] = {}
        if self._meta("checked") == against:
            # The records with findings remembered, and those checked never (or not since
            # they changed), in order.
            order: list[int] = []
            todo: list[int] = []
            for file, missing, remembered in self._conn.execute(
                "SELECT r.file, c.file IS NULL, c.found FROM records r"
                " LEFT JOIN checks c ON c.file = r.file"
                f" WHERE r.shadowed = 0 AND (c.file IS NULL OR c.found IS NOT NULL) {_ORDER}"
            ):
                order.append(file)
                if missing:
                    todo.append(file)
                else:
                    found[file] = self._findings(remembered)
            line_ups = self._file_line_ups(Filters(), todo) if todo else []
        else:
            todo = [
                file
                for (file,) in self._conn.execute("SELECT file FROM records WHERE shadowed = 0")
            ]
            line_ups = self._file_line_ups(Filters())
            order = [file for file, _ in line_ups]
        fresh = {file: check(line_up) for file, line_up in line_ups}
        found.update(fresh)
        if todo:
            rows = [(file, self._json_of(fresh[file]) if fresh.get(file) else "") for file in todo]
            if all(text is not None for _, text in rows):

                def write(conn: sqlite3.Connection) -> None:
                    if self._meta("checked", conn) != against:
                        conn.execute("DELETE FROM checks")
                        conn.execute(
                            "INSERT OR REPLACE INTO meta (key, value) VALUES ('checked', ?)",
                            (against,),
                        )
                    conn.executemany(
                        "INSERT OR REPLACE INTO checks VALUES (?, nullif(?, ''))", rows
                    )

                self._remember(write)
        return [finding for file in order for finding in found.get(file, [])]

    def checked_having(
        self, section: Section, check: Callable[[list[Record]], list[Problem]]
    ) -> list[Problem]:
        if not _JSON:
            return super().checked_having(section, check)
        return self._answer(
            lambda: self._checked_having(section, check),
            lambda s: s.checked_having(section, check),
        )

    def _checked_having(
        self, section: Section, check: Callable[[list[Record]], list[Problem]]
    ) -> list[Problem]:
        # The entries of the files whose documents have the section's key (a few more than
        # `having` builds: an empty list counts) say whether the remembered answer holds.
        digest = hashlib.blake2b(digest_size=16)
        trusted = True
        for row in self._conn.execute(
            "SELECT f.path, f.mtime_ns, f.identity, r.shadowed FROM records r"
            " JOIN files f ON f.file = r.file"
            " WHERE r.file IN (SELECT record FROM items WHERE section = ?) ORDER BY f.path",
            (section,),
        ):
            trusted = trusted and row[1] >= 0
            digest.update(repr(row).encode())
        against = digest.hexdigest()
        remembered = self._conn.execute(
            "SELECT found FROM memos WHERE section = ? AND against = ?", (section, against)
        ).fetchone()
        if trusted and remembered is not None:
            return [problem for _, problem in self._findings(remembered[0])]
        problems = check(self.having(section))
        text = self._json_of([Finding("", p) for p in problems])
        if trusted and text is not None:
            self._remember(
                lambda conn: conn.execute(
                    "INSERT OR REPLACE INTO memos VALUES (?, ?, ?)", (section, against, text)
                )
            )
        return problems

    def _json_of(self, findings: list[Finding]) -> str | None:
        """Findings as stored, or None where they cannot be (a file outside meetings/)."""
        rows: list[list[Any]] = []
        for kind, p in findings:
            file: str | None = None
            if p.file is not None:
                try:
                    file = PurePath(p.file).relative_to(self.meetings).as_posix()
                except ValueError:
                    return None
            rows.append([kind, p.message, file, p.line, p.field, p.hint])
        return json.dumps(rows)

    def _findings(self, text: str) -> list[Finding]:
        return [
            Finding(
                kind,
                Problem(
                    message,
                    file=None if file is None else self.meetings / file,
                    line=line,
                    field=field,
                    hint=hint,
                ),
            )
            for kind, message, file, line, field, hint in json.loads(text)
        ]

    def _meta(self, key: str, conn: sqlite3.Connection | None = None) -> str | None:
        row = (
            (conn or self._conn).execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        )
        return None if row is None else row[0]

    def _remember(self, write: Callable[[sqlite3.Connection], object]) -> None:
        """Run `write` in a transaction of its own, if the index still holds what this command
        read (the same code and files), else not at all: what is remembered only saves time,
        so a busy or failing database is no reason to wait or stop."""
        fingerprint, digest = self._meta("fingerprint"), self._meta("digest")
        if digest is None:  # files changed too recently to be trusted: nothing is kept
            return
        try:
            conn = connect(self.path, timeout=REMEMBER_TIMEOUT)
        except sqlite3.Error:
            return
        try:
            conn.execute("BEGIN IMMEDIATE")
            if (
                self._meta("fingerprint", conn) == fingerprint
                and self._meta("digest", conn) == digest
            ):
                write(conn)
            conn.execute("COMMIT")
        except sqlite3.Error:
            pass
        finally:
            conn.close()

    def tag_counts(self, filters: Filters) -> list[tuple[str, int]]:
        if filters.limit is not None or not _exact(filters):
            return super().tag_counts(filters)
        return self._answer(
            lambda: count_tags(self._tag_lists(filters)), lambda s: s.tag_counts(filters)
        )

    def _tag_lists(self, filters: Filters) -> list[list[str]]:
        """Each matching meeting's tags as written (one spelling of each), in corpus order,
        read from the tags table."""
        where, params = _narrow(filters)
        rows = self._conn.execute(
            "SELECT t.record, t.written FROM records r JOIN tags t ON t.record = r.file"
            f" WHERE {where} {_ORDER}",
            params,
        )
        return [
            [written for _, written in group]
            for _, group in itertools.groupby(rows, key=operator.itemgetter(0))
        ]

    def on_day(self, day: dt.date) -> list[Record]:
        return self._answer(
            lambda: self._records(
                f"SELECT {_RECORD_COLUMNS} WHERE r.shadowed = 0 AND r.date = ? {_ORDER}",
                (day.isoformat(),),
            ),
            lambda s: s.on_day(day),
        )

    def with_id_prefix(self, prefix: str) -> list[Record]:
        def indexed() -> list[Record]:
            if not _bindable(prefix):
                return []  # ids are ASCII: nothing starts with it
            # Ids are ASCII, so every id starting with `prefix` sorts in [prefix, prefix + max).
            found = self._records(
                f"SELECT {_RECORD_COLUMNS} WHERE r.shadowed = 0 AND r.id >= ? AND r.id < ? "
                f"{_ORDER}",
                (prefix, prefix + "\U0010ffff"),
            )
            return [r for r in found if r.id.startswith(prefix)]

        return self._answer(indexed, lambda s: s.with_id_prefix(prefix))

    def known_tags(self) -> set[str]:
        return self._answer(
            lambda: {
                tag
                for (tag,) in self._conn.execute(
                    "SELECT DISTINCT tag FROM tags WHERE record NOT IN "
                    "(SELECT file FROM records WHERE shadowed = 1)"
                )
            },
            lambda s: s.known_tags(),
        )

    def participant_names(self) -> set[str]:
        return self._answer(
            lambda: {
                name
                for (name,) in self._conn.execute(
                    "SELECT DISTINCT name FROM participants WHERE record NOT IN "
                    "(SELECT file FROM records WHERE shadowed = 1)"
                )
            },
            lambda s: s.participant_names(),
        )

    def dates(self) -> list[dt.date]:
        return self._answer(
            lambda: [
                dt.date.fromisoformat(day)
                for (day,) in self._conn.execute(
                    "SELECT DISTINCT date FROM records WHERE shadowed = 0 ORDER BY date"
                )
            ],
            lambda s: s.dates(),
        )

    def search(self, phrases: Sequence[str], filters: Filters, *, any_phrase: bool) -> list[Hit]:
        def indexed() -> list[Hit]:
            unlimited = replace(filters, limit=None)
            where, params = _narrow(unlimited)
            text, text_params = _contains(phrases, any_phrase=any_phrase)
            candidates = self._records(
                f"SELECT {_RECORD_COLUMNS} JOIN texts t ON t.file = r.file "
                f"WHERE {where} AND ({text}) {_ORDER}",
                [*params, *text_params],
            )
            return search(unlimited.apply(candidates), phrases, any_phrase=any_phrase)

        return self._answer(indexed, lambda s: s.search(phrases, filters, any_phrase=any_phrase))


def _bindable(text: str) -> bool:
    """Whether SQLite can take `text` (command-line text may hold lone surrogates)."""
    if text.isascii():
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _exact(filters: Filters) -> bool:
    """Whether `_narrow` keeps exactly the records `filters.matches`, with nothing left to
    check in Python."""
    names = filters.names
    return (
        (not filters.country or _bindable(filters.country))
        and (filters.tags is None or all(map(_bindable, filters.tags)))
        and (names is None or (len(names) <= MAX_SQL_NAMES and all(map(_bindable, names))))
    )


def _narrow(filters: Filters) -> tuple[str, list[Any]]:
    """A WHERE clause keeping every record `filters.matches` (and, here, no others)."""
    clauses = ["r.shadowed = 0"]
    params: list[Any] = []
    if filters.start:
        clauses.append("r.date >= ?")
        params.append(filters.start.isoformat())
    if filters.end:
        clauses.append("r.date <= ?")
        params.append(filters.end.isoformat())
    if filters.kind:
        clauses.append("r.kind = ?")
        params.append(str(filters.kind))
    if filters.country and _bindable(filters.country):
        clauses.append("r.file IN (SELECT record FROM participants WHERE country = ?)")
        params.append(filters.country)
    tags = filters.tags
    if tags is not None and all(map(_bindable, tags)):
        marks = ", ".join("?" * len(tags))
        clauses.append(
            f"r.file IN (SELECT record FROM tags WHERE tag IN ({marks}))" if tags else "0"
        )
        params.extend(sorted(tags))
    names = filters.names
    if names is not None and len(names) <= MAX_SQL_NAMES and all(map(_bindable, names)):
        if not names:
            clauses.append("0")
        else:
            marks = ", ".join("?" * len(names))
            clauses.append(f"r.file IN (SELECT record FROM participants WHERE name IN ({marks}))")
            params.extend(sorted(names))
    return " AND ".join(clauses), params


def _contains(phrases: Sequence[str], *, any_phrase: bool) -> tuple[str, list[str]]:
    """SQL keeping the records whose folded text holds the phrases: a superset of the hits."""
    clauses: list[str] = []
    for phrase in phrases:
        if not _bindable(phrase) or not phrase.isprintable():
            if any_phrase:
                return "1", []  # a phrase SQL cannot look for: every record is a candidate
            continue
        clauses.append(phrase)
    if not clauses:
        return "1", []
    test = "instr(t.folded, ?) > 0"
    return (" OR " if any_phrase else " AND ").join([test] * len(clauses)), clauses
