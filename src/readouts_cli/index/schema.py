"""The index's schema and the shapes passed between its parts: tables, indexes, the
version that marks a database as ours, and the tuples a walk and a parse produce.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    pass


ENV_CACHE = "READOUTS_CACHE"
SCHEMA_VERSION = 4
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
# What check found is kept only if the index can be written without waiting long for it.
REMEMBER_TIMEOUT = 0.5

# The sources whose behaviour the stored data captures: when one changes, the index is rebuilt.
_SOURCES = (
    "codes.py",
    "corpus.py",
    "errors.py",
    "index/building.py",
    "index/schema.py",
    "index/walking.py",
    "ledger.py",
    "model.py",
    "search.py",
    "textfold.py",
    "tomlio.py",
    "validation.py",
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
    identity INTEGER NOT NULL,  -- size, ctime, inode and device (walking.identity)
    problems TEXT               -- JSON, when the file is not a valid record
);
CREATE TABLE records (
    file INTEGER PRIMARY KEY,
    id TEXT NOT NULL,
    date TEXT NOT NULL,
    instant REAL NOT NULL,
    kind TEXT NOT NULL,
    shadowed INTEGER NOT NULL DEFAULT 0,  -- 1: an earlier file (in path order) has the id
    -- What a one-line view shows and a chart counts (store.Glance): no document is read:
    time TEXT,
    timezone TEXT,
    title TEXT NOT NULL,
    accounts INTEGER NOT NULL,
    seats BLOB NOT NULL,  -- marshal: ((name, country, title), ...), in order
    level TEXT
);
CREATE TABLE docs (file INTEGER PRIMARY KEY, doc TEXT NOT NULL);
-- Each seat of a record, in order (rowid), with the record's date: what `people` tallies.
CREATE TABLE participants (
    record INTEGER NOT NULL,
    name TEXT NOT NULL,
    country TEXT,
    title TEXT,
    date TEXT NOT NULL
);
-- How many meetings each pair of names (as written) met at on different sides: for every
-- record, each ordered pair of its seats whose countries are not one and the same. Kept up
-- to date as records are written and dropped, so that `people` reads it, not every seat.
CREATE TABLE pairs (
    name TEXT NOT NULL,
    other TEXT NOT NULL,
    meetings INTEGER NOT NULL,
    PRIMARY KEY (name, other)
) WITHOUT ROWID;
-- A record's tags, folded (what filters match), each with its spelling in the record (the
-- last, where it writes one tag two ways): what `tags` counts.
CREATE TABLE tags (record INTEGER NOT NULL, tag TEXT NOT NULL, written TEXT NOT NULL);
CREATE TABLE texts (file INTEGER PRIMARY KEY, folded TEXT NOT NULL);
-- Each aid item and condolence of a record, every account's: what the ledgers read, without
-- the record's document.
CREATE TABLE items (
    record INTEGER NOT NULL,
    section TEXT NOT NULL,      -- "aid" or "condolences"
    account INTEGER NOT NULL,   -- 1: the record's own, then its [[accounts]] in order
    position INTEGER NOT NULL,  -- the item's place in its account's list, from 0
    label TEXT,                 -- the account as citations name it, where there are several
    item TEXT NOT NULL          -- the item as JSON
);
-- What `check` found in a record against people.toml (meta "checked": what it was checked
-- against): findings as JSON, NULL for none. A file written or dropped loses its row.
CREATE TABLE checks (file INTEGER PRIMARY KEY, found TEXT);
-- What `check` found in the records with items of a section (the aid ledger), and a digest
-- of those records' entries in files: the answer holds while the digest does.
CREATE TABLE memos (section TEXT PRIMARY KEY, against TEXT NOT NULL, found TEXT NOT NULL)
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
CREATE INDEX participants_tally ON participants (name, date);
CREATE INDEX participants_country ON participants (country, record);
CREATE INDEX tags_record ON tags (record);
CREATE INDEX items_section ON items (section, record);
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

Entry = tuple[str, int, int]  # (path relative to meetings/, mtime_ns, identity)
Walk = dict[str, list[Entry]]  # the entries of each folder under meetings/
Parsed = tuple[str, int, int, str | None, tuple[Any, ...] | None]


class _Unindexable(Exception):
    """The data folder holds something the index cannot key (a file name that is not UTF-8)."""
