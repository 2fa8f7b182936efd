"""Building the index in one piece and refreshing it in one transaction: new and changed
files parsed, deleted ones dropped, shadowed ids marked.
"""

from __future__ import annotations

import gc
import os
import sqlite3
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any

from .location import file_lock, remove_quietly
from .schema import (
    _INDEXES,
    _NAMES,
    _TABLES,
    APPLICATION_ID,
    CHUNK,
    SCHEMA_VERSION,
    Entry,
    Parsed,
    Walk,
)
from .walking import _digest, parse_all

if TYPE_CHECKING:
    pass


# -- building and refreshing -------------------------------------------------------------------


def build(path: Path, meetings: Path, walked: Walk, expected: str) -> None:
    """Create the index of `walked` beside `path`, then put it in place if none appeared."""
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    remove_leftovers(path)
    remove_quietly(temporary)
    try:
        conn = sqlite3.connect(temporary, isolation_level=None)
        try:
            # Nobody else sees this file until it is complete: no journal is needed.
            conn.execute("PRAGMA journal_mode = OFF")
            conn.execute("PRAGMA synchronous = OFF")
            conn.execute("BEGIN")
            _reset(conn, expected, indexes=False)
            touched = _update(conn, meetings, walked, {f: _digest(e) for f, e in walked.items()})
            _create(conn, _INDEXES)
            _reshadow(conn, touched)
            conn.execute("COMMIT")
            conn.execute("PRAGMA journal_mode = WAL")
        finally:
            conn.close()
        with file_lock(path):
            if not path.exists():
                remove_quietly(path)
                os.replace(temporary, path)
    finally:
        remove_quietly(temporary)


def remove_leftovers(path: Path) -> None:
    """Remove the temporary databases that killed builds of this index left behind: only
    names of the pattern `build` writes, and only when the process that wrote one is gone."""
    from ..tomlio import process_alive

    for left in path.parent.glob(f"{path.name}.*.tmp"):
        pid = left.name[len(path.name) + 1 : -len(".tmp")]
        if pid.isdigit() and not process_alive(int(pid)):
            remove_quietly(left)


def refresh(conn: sqlite3.Connection, meetings: Path, walked: Walk, expected: str) -> None:
    """Make the index match `walked`, one walk of meetings/."""
    digests = {folder: _digest(entries) for folder, entries in walked.items()}
    seen = _digest(sorted(digests.items()))
    if _is_current(conn, expected) and _meta(conn, "digest") == seen:
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        stale = not _is_current(conn, expected)
        if stale:
            _reset(conn, expected, indexes=False)
        touched: set[str] = set()
        if _meta(conn, "digest") != seen:  # another command may have done it meanwhile
            touched = _update(conn, meetings, walked, digests)
        if stale:
            _create(conn, _INDEXES)  # after the rows: faster than keeping them up to date
        _reshadow(conn, touched)
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def _is_current(conn: sqlite3.Connection, expected: str) -> bool:
    """Whether the database is an index of this schema, whole, made by this code."""
    if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
        return False
    if conn.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
        return False
    names = conn.execute(
        "SELECT name FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
    ).fetchall()
    if {name for (name,) in names} != _NAMES:
        return False
    return _meta(conn, "fingerprint") == expected


def _meta(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return None if row is None or row[0] is None else str(row[0])


def _set_meta(conn: sqlite3.Connection, key: str, value: str | None) -> None:
    conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))


def _create(conn: sqlite3.Connection, statements: str) -> None:
    for statement in statements.split(";"):
        conn.execute(statement)


def _reset(conn: sqlite3.Connection, expected: str, *, indexes: bool = True) -> None:
    """Empty the database, whatever it held, and create the current schema (in a transaction)."""
    while True:
        found = conn.execute(
            "SELECT type, name, sql FROM sqlite_master "
            "WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
        ).fetchall()
        if not found:
            break
        # Virtual tables first: dropping one drops its shadow tables with it.
        virtual = [row for row in found if str(row[2] or "").upper().startswith("CREATE VIRTUAL")]
        kind, name, _ = (virtual or found)[0]
        quoted = '"' + str(name).replace('"', '""') + '"'
        conn.execute(f"DROP {'VIEW' if kind == 'view' else 'TABLE'} {quoted}")
    _create(conn, _TABLES)
    if indexes:
        _create(conn, _INDEXES)
    _set_meta(conn, "fingerprint", expected)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def _update(
    conn: sqlite3.Connection, meetings: Path, walked: Walk, digests: dict[str, str]
) -> set[str]:
    """Apply what changed on disk, looking only into the folders whose digests changed.

    Returns the ids of the records written or dropped, for `_reshadow`.
    """
    known = dict(conn.execute("SELECT folder, digest FROM folders").fetchall())
    changed = [f for f in walked if digests[f] != known.get(f)]
    gone = [f for f in known if f not in walked]
    stored: dict[str, tuple[int, int, int]] = {}
    for folder in [*changed, *gone]:
        for file, path, stamp, ident in conn.execute(
            "SELECT file, path, mtime_ns, identity FROM files WHERE folder = ?", (folder,)
        ):
            stored[path] = (file, stamp, ident)
    present: set[str] = set()
    todo: list[Entry] = []
    for folder in changed:
        for path, stamp, ident in walked[folder]:
            present.add(path)
            old = stored.get(path)
            if old is None or old[1] != stamp or old[2] != ident or stamp < 0:
                todo.append((path, stamp, ident))
    writer = _Writer(conn)
    for path, (file, _, _) in stored.items():
        if path not in present:
            writer.drop(file)
    uncertain: set[str] = set()
    collecting = gc.isenabled()
    gc.disable()  # the objects made here outlive the loop: collecting them is wasted time
    try:
        for parsed in parse_all(meetings, todo, time.time_ns()):
            if parsed[1] < 0:
                uncertain.add(_folder(parsed[0]))
            old = stored.get(parsed[0])
            writer.put(None if old is None else old[0], parsed)
        writer.flush()
    finally:
        if collecting:
            gc.enable()
    conn.executemany("DELETE FROM folders WHERE folder = ?", [(f,) for f in gone])
    conn.executemany(
        "INSERT OR REPLACE INTO folders (folder, digest) VALUES (?, ?)",
        [(f, None if f in uncertain else digests[f]) for f in changed],
    )
    _set_meta(conn, "digest", None if uncertain else _digest(sorted(digests.items())))
    return writer.touched


def _folder(path: str) -> str:
    return path.rpartition("/")[0]


@dataclass
class _Writer:
    """Rows waiting to be written, a few hundred files at a time (one call per table)."""

    conn: sqlite3.Connection
    last_file: int = 0
    dropped: list[tuple[int]] = field(default_factory=list)
    touched: set[str] = field(default_factory=set)  # ids of records dropped or written
    files: list[tuple[int, str, str, int, int, str | None]] = field(default_factory=list)
    records: list[tuple[Any, ...]] = field(default_factory=list)
    docs: list[tuple[int, str]] = field(default_factory=list)
    participants: list[tuple[int, str, str | None, str | None, str]] = field(default_factory=list)
    pairs: Counter[tuple[str, str]] = field(default_factory=Counter)
    tags: list[tuple[int, str, str]] = field(default_factory=list)
    texts: list[tuple[int, str]] = field(default_factory=list)
    items: list[tuple[int, str, int, int, str | None, str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.last_file = self.conn.execute("SELECT coalesce(max(file), 0) FROM files").fetchone()[0]

    def drop(self, file: int) -> None:
        self.dropped.append((file,))

    def put(self, file: int | None, parsed: Parsed) -> None:
        """Store a parsed file; `file` is its row when the index has it already."""
        path, stamp, ident, problems, record = parsed
        if file is None:
            self.last_file += 1
            file = self.last_file
        else:
            self.dropped.append((file,))
        self.files.append((file, _folder(path), path, stamp, ident, problems))
        if record is not None:
            record_id, date, instant, kind, glance, doc, participants, tags, folded, items = record
            self.touched.add(record_id)
            self.records.append((file, record_id, date, instant, kind, *glance))
            self.docs.append((file, doc))
            self.participants.extend((file, *seat, date) for seat in participants)
            self.pairs.update(pairs_of(participants))
            self.tags.extend((file, tag, written) for tag, written in tags)
            self.texts.append((file, folded))
            self.items.extend((file, *item) for item in items)
        if len(self.files) >= CHUNK:
            self.flush()

    def flush(self) -> None:
        run = self.conn.executemany
        if self.dropped:
            for file in self.dropped:
                for (record_id,) in self.conn.execute(
                    "SELECT id FROM records WHERE file = ?", file
                ):
                    self.touched.add(record_id)
                seats = self.conn.execute(
                    "SELECT name, country FROM participants WHERE record = ? ORDER BY rowid", file
                ).fetchall()
                self.pairs.subtract(pairs_of(seats))
            run("DELETE FROM records WHERE file = ?", self.dropped)
            run("DELETE FROM docs WHERE file = ?", self.dropped)
            run("DELETE FROM participants WHERE record = ?", self.dropped)
            run("DELETE FROM tags WHERE record = ?", self.dropped)
            run("DELETE FROM texts WHERE file = ?", self.dropped)
            run("DELETE FROM items WHERE record = ?", self.dropped)
            run("DELETE FROM checks WHERE file = ?", self.dropped)
            run("DELETE FROM files WHERE file = ?", self.dropped)
        run(
            "INSERT INTO files (file, folder, path, mtime_ns, identity, problems) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            self.files,
        )
        run(
            "INSERT INTO records (file, id, date, instant, kind, time, timezone, title, accounts,"
            " seats, level) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            self.records,
        )
        run("INSERT INTO docs (file, doc) VALUES (?, ?)", self.docs)
        run("INSERT INTO participants VALUES (?, ?, ?, ?, ?)", self.participants)
        # Added to what is there (not an upsert, which older SQLite libraries lack).
        changed = [(n, *pair) for pair, n in self.pairs.items() if n]
        run("INSERT OR IGNORE INTO pairs VALUES (?, ?, 0)", [pair for _, *pair in changed])
        run("UPDATE pairs SET meetings = meetings + ? WHERE name = ? AND other = ?", changed)
        if any(n < 0 for n in self.pairs.values()):
            self.conn.execute("DELETE FROM pairs WHERE meetings <= 0")
        run("INSERT INTO tags (record, tag, written) VALUES (?, ?, ?)", self.tags)
        run("INSERT INTO texts (file, folded) VALUES (?, ?)", self.texts)
        run("INSERT INTO items VALUES (?, ?, ?, ?, ?, ?)", self.items)
        self.dropped.clear()
        self.files.clear()
        self.records.clear()
        self.docs.clear()
        self.participants.clear()
        self.pairs.clear()
        self.tags.clear()
        self.texts.clear()
        self.items.clear()


def pairs_of(seats: Sequence[Sequence[Any]]) -> list[tuple[str, str]]:
    """The ordered pairs of a meeting's seats (name, country, ...) on different sides: two
    seats of one country are one delegation; two seats of one name are one person."""
    return [
        (name, other)
        for i, (name, country, *_) in enumerate(seats)
        for j, (other, other_country, *_) in enumerate(seats)
        if i != j and name != other and not (country and country == other_country)
    ]


def _reshadow(conn: sqlite3.Connection, touched: set[str]) -> None:
    """Mark the records whose id an earlier file (in path order) has: `load_corpus` skips them.

    Only the ids in `touched` can have changed; with many, all ids are looked at at once.
    """
    if not touched:
        return
    if len(touched) > 1000:
        conn.execute("UPDATE records SET shadowed = 0 WHERE shadowed = 1")
        found = conn.execute(
            "SELECT r.id, r.file, f.path FROM records r JOIN files f ON f.file = r.file "
            "WHERE r.id IN (SELECT id FROM records GROUP BY id HAVING count(*) > 1)"
        ).fetchall()
    else:
        found = []
        for record_id in touched:
            found += conn.execute(
                "SELECT r.id, r.file, f.path FROM records r JOIN files f ON f.file = r.file "
                "WHERE r.id = ?",
                (record_id,),
            ).fetchall()
    groups: dict[str, list[tuple[PurePath, int]]] = {}
    for record_id, file, path in found:
        groups.setdefault(record_id, []).append((PurePath(path), file))
    for group in groups.values():
        group.sort()
        conn.executemany(
            "UPDATE records SET shadowed = ? WHERE file = ?",
            [(int(n > 0), file) for n, (_, file) in enumerate(group)],
        )
