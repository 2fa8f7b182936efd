"""Where the index lives (the cache folder, one database per data folder), what its data
depends on (the fingerprint of this code and its libraries), and the lock that lets one
process at a time build it.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from .. import __version__
from .schema import _SOURCES, BUSY_TIMEOUT, ENV_CACHE, SCHEMA_VERSION

if TYPE_CHECKING:
    pass


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
    package = Path(__file__).parent.parent
    for name in _SOURCES:
        try:
            digest.update((package / name).read_bytes())
        except OSError:
            digest.update(name.encode())
    return digest.hexdigest()


@contextlib.contextmanager
def file_lock(path: Path) -> Iterator[None]:
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


def remove_quietly(path: Path) -> None:
    # A write-ahead log left beside a database it does not belong to would be replayed into
    # it: the log and shared memory files go with the database, always.
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def discard(path: Path) -> None:
    """Delete a broken database, unless another command has replaced it by a good one."""
    with file_lock(path):
        try:
            conn = sqlite3.connect(path.absolute().as_uri() + "?mode=ro", uri=True)
            try:
                conn.execute("PRAGMA quick_check(1)").fetchone()
                return
            finally:
                conn.close()
        except sqlite3.Error as err:
            if not is_corrupt(err):
                raise
        remove_quietly(path)


def connect(path: Path, timeout: float = BUSY_TIMEOUT) -> sqlite3.Connection:
    """A connection to an existing index (never creating one: `build` does, in one piece)."""
    uri = path.absolute().as_uri() + "?mode=rw"
    conn = sqlite3.connect(uri, uri=True, timeout=timeout, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
    except BaseException:
        conn.close()
        raise
    return conn


def is_corrupt(err: sqlite3.Error) -> bool:
    code = getattr(err, "sqlite_errorcode", None)
    if code is None:
        return type(err) is sqlite3.DatabaseError
    return code & 0xFF in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)
