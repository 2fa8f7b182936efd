"""The index: a derived copy of a data folder's records in SQLite, kept in step with the files.

The TOML files stay the only source of truth. The index lives in the user's cache folder, one
database per data folder, and holds for every file under meetings/ its path, mtime and size and
what loading it gave: its problems, or the validated record as JSON with the columns filters
narrow on and its folded searchable text. Each command walks meetings/ once; when anything
differs from the index it parses only new and changed files and drops deleted ones, in one
write transaction, so two commands at once never see or leave half an update.

SQL only narrows: the file store's own checks (`Filters.matches`, `search.search`) decide on
the candidate records, so an answer cannot drift from reading the files. Search narrows with a
scan of the folded text (`instr`), exact for any phrase: about 8 ms for 10,000 records and
80 ms for 100,000, where an FTS5 trigram index would add a fifth to the time of a first build
and two thirds to the database.

A corrupt, foreign or older index is rebuilt; an unusable cache folder, or any other trouble
with the database, falls back on reading the files: the index makes commands faster, never
different.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import hashlib
import json
import marshal
import os
import re
import sqlite3
import sys
import threading
import time
import weakref
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePath
from stat import S_ISDIR, S_ISLNK
from typing import TYPE_CHECKING, Any, TypeVar

from . import __version__, tomlio
from .corpus import MEETINGS, Record, duplicate_problem, load_corpus, load_record
from .errors import Problem, ReadoutsError
from .filters import Filters
from .model import Meeting
from .search import Hit, search, searchable_fields
from .store import FileStore, Store
from .textfold import fold

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

T = TypeVar("T")

ENV_CACHE = "READOUTS_CACHE"
SCHEMA_VERSION = 1
APPLICATION_ID = 0x52445458  # "RDTX": marks the database as a readouts index

# A file changed this recently may change again within the file system's timestamp
# granularity without its mtime moving: it is parsed again by the next command.
RACY_NS = 2_000_000_000
# From this many files to parse, worker processes pay for themselves.
PARALLEL_FROM = 400
CHUNK = 200
# More names than this in a --person filter are left to the Python check.
MAX_SQL_NAMES = 500
BUSY_TIMEOUT = 60.0

# The sources whose behaviour the stored data captures: when one changes, the index is rebuilt.
_SOURCES = (
    "codes.py",
    "corpus.py",
    "errors.py",
    "index.py",
    "ledger.py",
    "model.py",
    "search.py",
    "textfold.py",
    "tomlio.py",
    "vocab.py",
)

_TABLES = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE folders (folder TEXT PRIMARY KEY, digest TEXT);  -- NULL: parse again
CREATE TABLE files (
    file INTEGER PRIMARY KEY,
    folder TEXT NOT NULL,       -- relative to meetings/: "" or "2024" or "2024/05"
    path TEXT NOT NULL UNIQUE,  -- relative to meetings/, with `/` separators
    mtime_ns INTEGER NOT NULL,  -- -1: not to be trusted, parse again
    size INTEGER NOT NULL,
    problems TEXT               -- JSON, when the file is not a valid record
);
CREATE TABLE records (
    file INTEGER PRIMARY KEY,
    id TEXT NOT NULL,
    date TEXT NOT NULL,
    instant REAL NOT NULL,
    kind TEXT NOT NULL,
    shadowed INTEGER NOT NULL DEFAULT 0  -- 1: an earlier file (in path order) has the id
);
CREATE TABLE docs (file INTEGER PRIMARY KEY, doc TEXT NOT NULL);
CREATE TABLE participants (record INTEGER NOT NULL, name TEXT NOT NULL, country TEXT);
CREATE TABLE tags (record INTEGER NOT NULL, tag TEXT NOT NULL);
CREATE TABLE texts (file INTEGER PRIMARY KEY, folded TEXT NOT NULL)
"""
# Big columns (the JSON, the folded text) have tables of their own, so that scanning records
# (to filter, order or count them) reads little.
_INDEXES = """
CREATE INDEX files_folder ON files (folder);
CREATE INDEX files_with_problems ON files (path) WHERE problems IS NOT NULL;
CREATE INDEX records_order ON records (date, instant, id);
CREATE INDEX records_id ON records (id);
CREATE INDEX records_shadowed ON records (id) WHERE shadowed = 1;
CREATE INDEX participants_record ON participants (record);
CREATE INDEX participants_name ON participants (name, record);
CREATE INDEX participants_country ON participants (country, record);
CREATE INDEX tags_record ON tags (record);
CREATE INDEX tags_tag ON tags (tag, record)
"""

_NAMES = set(re.findall(r"CREATE (?:TABLE|INDEX) (\w+)", _TABLES + _INDEXES))

# Fields are joined with newlines; other control characters are kept out of SQL text.
_CONTROL = re.compile("[\x00-\x09\x0b-\x1f]")

_RECORD_COLUMNS = (
    "r.id, f.path, d.doc FROM records r "
    "JOIN files f ON f.file = r.file JOIN docs d ON d.file = r.file"
)
_ORDER = "ORDER BY r.date, r.instant, r.id"
_ORDER_DESC = "ORDER BY r.date DESC, r.instant DESC, r.id DESC"

Entry = tuple[str, int, int]  # (path relative to meetings/, mtime_ns, size)
Walk = dict[str, list[Entry]]  # the entries of each folder under meetings/
Parsed = tuple[str, int, int, str | None, tuple[Any, ...] | None]


class _Unindexable(Exception):
    """The data folder holds something the index cannot key (a file name that is not UTF-8)."""


# -- where the index lives -------------------------------------------------------------------


def cache_dir() -> Path:
    """`$READOUTS_CACHE`, else `$XDG_CACHE_HOME/readouts`, else `~/.cache/readouts`."""
    explicit = os.environ.get(ENV_CACHE)
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg and os.path.isabs(xdg):
        return Path(xdg) / "readouts"
    return Path.home() / ".cache" / "readouts"


def index_path(root: Path) -> Path:
    """The database of the data folder `root`: one per folder, named by its resolved path."""
    key = hashlib.blake2b(os.fsencode(root.resolve()), digest_size=10).hexdigest()
    return cache_dir() / f"index-{key}.sqlite3"


def fingerprint() -> str:
    """What the stored data depends on besides the files: this code, Python and Pydantic."""
    import pydantic_core
    from pydantic.version import VERSION

    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{SCHEMA_VERSION} {__version__} {sys.version} {VERSION}".encode())
    digest.update(pydantic_core.__version__.encode())
    here = Path(__file__).parent
    for name in _SOURCES:
        try:
            digest.update((here / name).read_bytes())
        except OSError:
            digest.update(name.encode())
    return digest.hexdigest()


# -- opening ---------------------------------------------------------------------------------


def open_indexed(root: Path) -> Store:
    """A store for `root` answered from its index, brought up to date first.

    Falls back on the file store, which reads every file, whenever the index cannot be used:
    no meetings/ folder (the file store raises the error), a cache folder that cannot be
    written, a database that stays locked or broken.
    """
    meetings = root / MEETINGS
    if not meetings.is_dir():
        return Store.open(root)
    try:
        walked = walk(meetings)
        path = index_path(root)
        path.parent.mkdir(parents=True, exist_ok=True)
    except (OSError, RuntimeError, _Unindexable):
        return Store.open(root)
    expected = fingerprint()
    for attempt in range(2):
        conn: sqlite3.Connection | None = None
        try:
            if not path.exists():
                build(path, meetings, walked, expected)
            conn = _connect(path)
            refresh(conn, meetings, walked, expected)
            return IndexedStore(root, conn, path)
        except sqlite3.Error as err:
            if conn is not None:
                conn.close()
            if attempt == 0 and _is_corrupt(err):
                with contextlib.suppress(OSError, sqlite3.Error):
                    discard(path)
                continue
            break
        except OSError:
            if conn is not None:
                conn.close()
            break
    return Store.open(root)


def _connect(path: Path) -> sqlite3.Connection:
    """A connection to an existing index (never creating one: `build` does, in one piece)."""
    uri = path.absolute().as_uri() + "?mode=rw"
    conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
    except BaseException:
        conn.close()
        raise
    return conn


def _is_corrupt(err: sqlite3.Error) -> bool:
    code = getattr(err, "sqlite_errorcode", None)
    if code is None:
        return type(err) is sqlite3.DatabaseError
    return code & 0xFF in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)


@contextlib.contextmanager
def _file_lock(path: Path) -> Iterator[None]:
    """An exclusive lock beside the database, held to create or delete it (POSIX only)."""
    try:
        import fcntl
    except ImportError:
        yield
        return
    with open(path.with_name(path.name + ".lock"), "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _remove(path: Path) -> None:
    # A write-ahead log left beside a database it does not belong to would be replayed into
    # it: the log and shared memory files go with the database, always.
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def discard(path: Path) -> None:
    """Delete a broken database, unless another command has replaced it by a good one."""
    with _file_lock(path):
        try:
            conn = sqlite3.connect(path.absolute().as_uri() + "?mode=ro", uri=True)
            try:
                conn.execute("PRAGMA quick_check(1)").fetchone()
                return
            finally:
                conn.close()
        except sqlite3.Error as err:
            if not _is_corrupt(err):
                raise
        _remove(path)


# -- building and refreshing -------------------------------------------------------------------


def build(path: Path, meetings: Path, walked: Walk, expected: str) -> None:
    """Create the index of `walked` beside `path`, then put it in place if none appeared."""
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    for left in path.parent.glob(f"{path.name}.*.tmp"):
        # What a build that was killed left behind (a live build keeps its file fresh).
        with contextlib.suppress(OSError):
            if left.stat().st_mtime < time.time() - 3600:
                _remove(left)
    _remove(temporary)
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
        with _file_lock(path):
            if not path.exists():
                _remove(path)
                os.replace(temporary, path)
    finally:
        _remove(temporary)


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
        for file, path, mtime, size in conn.execute(
            "SELECT file, path, mtime_ns, size FROM files WHERE folder = ?", (folder,)
        ):
            stored[path] = (file, mtime, size)
    present: set[str] = set()
    todo: list[Entry] = []
    for folder in changed:
        for path, mtime, size in walked[folder]:
            present.add(path)
            old = stored.get(path)
            if old is None or old[1] != mtime or old[2] != size or mtime < 0:
                todo.append((path, mtime, size))
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
    records: list[tuple[int, str, str, float, str]] = field(default_factory=list)
    docs: list[tuple[int, str]] = field(default_factory=list)
    participants: list[tuple[int, str, str | None]] = field(default_factory=list)
    tags: list[tuple[int, str]] = field(default_factory=list)
    texts: list[tuple[int, str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.last_file = self.conn.execute("SELECT coalesce(max(file), 0) FROM files").fetchone()[0]

    def drop(self, file: int) -> None:
        self.dropped.append((file,))

    def put(self, file: int | None, parsed: Parsed) -> None:
        """Store a parsed file; `file` is its row when the index has it already."""
        path, mtime, size, problems, record = parsed
        if file is None:
            self.last_file += 1
            file = self.last_file
        else:
            self.dropped.append((file,))
        self.files.append((file, _folder(path), path, mtime, size, problems))
        if record is not None:
            record_id, date, instant, kind, doc, participants, tags, folded = record
            self.touched.add(record_id)
            self.records.append((file, record_id, date, instant, kind))
            self.docs.append((file, doc))
            self.participants.extend((file, name, country) for name, country in participants)
            self.tags.extend((file, tag) for tag in tags)
            self.texts.append((file, folded))
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
            run("DELETE FROM records WHERE file = ?", self.dropped)
            run("DELETE FROM docs WHERE file = ?", self.dropped)
            run("DELETE FROM participants WHERE record = ?", self.dropped)
            run("DELETE FROM tags WHERE record = ?", self.dropped)
            run("DELETE FROM texts WHERE file = ?", self.dropped)
            run("DELETE FROM files WHERE file = ?", self.dropped)
        run(
            "INSERT INTO files (file, folder, path, mtime_ns, size, problems) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            self.files,
        )
        run(
            "INSERT INTO records (file, id, date, instant, kind) VALUES (?, ?, ?, ?, ?)",
            self.records,
        )
        run("INSERT INTO docs (file, doc) VALUES (?, ?)", self.docs)
        run("INSERT INTO participants (record, name, country) VALUES (?, ?, ?)", self.participants)
        run("INSERT INTO tags (record, tag) VALUES (?, ?)", self.tags)
        run("INSERT INTO texts (file, folded) VALUES (?, ?)", self.texts)
        self.dropped.clear()
        self.files.clear()
        self.records.clear()
        self.docs.clear()
        self.participants.clear()
        self.tags.clear()
        self.texts.clear()


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


# -- walking the folder and parsing files -------------------------------------------------------


def walk(meetings: Path) -> Walk:
    """Every `*.toml` under `meetings` that `corpus.meeting_files` lists, with mtime and size,
    by folder.

    Like `Path.rglob`, it does not descend into symbolic links to folders, skips folders it
    may not read, and lists any entry whose name ends in `.toml`, in any case (hidden names
    excepted).
    """
    found: Walk = {}
    # Statting by name within an open folder spares the kernel the whole path each time.
    relative = os.stat in os.supports_dir_fd

    def visit(folder: str, prefix: str) -> None:
        try:
            names = os.listdir(folder)
            handle = os.open(folder, os.O_RDONLY) if relative else None
        except OSError:
            return
        entries: list[Entry] = []
        inside: list[str] = []
        try:
            for name in names:
                if not name.isascii():
                    try:
                        name.encode("utf-8")
                    except UnicodeEncodeError as err:
                        raise _Unindexable(name) from err
                where = name if relative else os.path.join(folder, name)
                toml = name[-5:].lower() == ".toml" and not name.startswith(".")
                try:
                    own = os.stat(where, dir_fd=handle, follow_symlinks=False)
                    if toml:
                        # A file store reads through symbolic links: so does its mtime here.
                        stat = os.stat(where, dir_fd=handle) if S_ISLNK(own.st_mode) else own
                        entries.append((prefix + name, stat.st_mtime_ns, stat.st_size))
                except OSError:
                    if toml:
                        entries.append((prefix + name, -1, -1))
                    continue
                if S_ISDIR(own.st_mode):
                    inside.append(name)
        finally:
            if handle is not None:
                os.close(handle)
        if entries:
            found[prefix.rstrip("/")] = entries
        for name in inside:
            visit(os.path.join(folder, name), f"{prefix}{name}/")

    visit(str(meetings), "")
    return found


def _digest(value: Any) -> str:
    """A digest of entries (or of folders' digests): equal, nothing on disk changed."""
    # marshal is stable for one Python version, and the fingerprint holds the version.
    return hashlib.blake2b(marshal.dumps(value), digest_size=16).hexdigest()


def parse_file(meetings: Path, path: str, mtime: int, size: int, now: int) -> Parsed:
    """Load one file as the file store does: (path, mtime to store, size, problems, record).

    A record comes as (id, date, instant, kind, JSON, participants, folded tags, folded text).
    """
    full = meetings / path
    trusted = 0 <= mtime < now - RACY_NS
    try:
        text = tomlio.read_text(full)
    except ReadoutsError as err:
        # Reading can fail for reasons the mtime does not record (permissions): never trust it.
        return path, -1, size, _problems_json(err.problems, full), None
    kept = mtime if trusted else -1
    try:
        record = load_record(full, text)
    except ReadoutsError as err:
        return path, kept, size, _problems_json(err.problems, full), None
    meeting = record.meeting
    date, instant, record_id = record.sort_key()
    folded = "\n".join(fold(item.text) for item in searchable_fields(meeting))
    return (
        path,
        kept,
        size,
        None,
        (
            record_id,
            date.isoformat(),
            instant,
            str(meeting.kind),
            # Only the keys the file sets: read back, the record has the same fields set.
            meeting.model_dump_json(exclude_unset=True),
            [(p.name, p.country) for p in meeting.participants],
            sorted({fold(tag) for tag in meeting.tags}),
            _CONTROL.sub("\ufffd", folded),
        ),
    )


def _problems_json(problems: Iterable[Problem], path: Path) -> str:
    return json.dumps(
        [
            [
                p.message,
                True if p.file == path else (None if p.file is None else str(p.file)),
                p.line,
                p.field,
                p.hint,
            ]
            for p in problems
        ]
    )


def _parse_chunk(meetings: str, chunk: list[Entry], now: int) -> list[Parsed]:
    gc.disable()  # a worker lives for one build: its garbage goes when it exits
    folder = Path(meetings)
    return [parse_file(folder, path, mtime, size, now) for path, mtime, size in chunk]


def _workers() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def parse_all(meetings: Path, todo: Sequence[Entry], now: int) -> Iterator[Parsed]:
    """Parsed files in the order of `todo`; many files are parsed by forked worker processes."""
    workers = _workers()
    if len(todo) >= PARALLEL_FROM and workers > 1 and threading.active_count() == 1:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor
        from concurrent.futures.process import BrokenProcessPool

        if "fork" in multiprocessing.get_all_start_methods():
            chunks = [list(todo[i : i + CHUNK]) for i in range(0, len(todo), CHUNK)]
            # Workers inherit the database connection but never use it, and leave with
            # os._exit, so they never close it either.
            try:
                pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))
            except OSError:
                pool = None
            if pool is not None:
                done = 0
                try:
                    for batch in _bounded_map(pool, str(meetings), chunks, now, 3 * workers):
                        yield from batch
                        done += len(batch)
                    return
                except BrokenProcessPool:
                    todo = todo[done:]
                finally:
                    pool.shutdown(wait=True, cancel_futures=True)
    for path, mtime, size in todo:
        yield parse_file(meetings, path, mtime, size, now)


def _bounded_map(
    pool: ProcessPoolExecutor, meetings: str, chunks: list[list[Entry]], now: int, window: int
) -> Iterator[list[Parsed]]:
    """`pool.map`, with at most `window` chunks in flight so results never pile up."""
    pending: deque[Future[list[Parsed]]] = deque()
    queued = iter(chunks)
    for chunk in queued:
        pending.append(pool.submit(_parse_chunk, meetings, chunk, now))
        if len(pending) >= window:
            break
    while pending:
        batch = pending.popleft().result()
        for chunk in queued:
            pending.append(pool.submit(_parse_chunk, meetings, chunk, now))
            break
        yield batch


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
                if _is_corrupt(err):
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
        found.sort(key=lambda item: item[0])
        return [problem for _, problems in found for problem in problems]

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
    if filters.tag and _bindable(filters.tag):
        clauses.append("r.file IN (SELECT record FROM tags WHERE tag = ?)")
        params.append(filters.tag)
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
