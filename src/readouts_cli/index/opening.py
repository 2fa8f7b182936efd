"""Opening a data folder's index: walk, build or refresh, and answer from it; any trouble
falls back on reading the files.
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from ..corpus import MEETINGS
from ..store import Store
from .building import build, refresh, remove_leftovers
from .location import connect, discard, fingerprint, index_path, is_corrupt
from .queries import IndexedStore
from .schema import _Unindexable
from .walking import walk

if TYPE_CHECKING:
    pass


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
    remove_leftovers(path)  # of builds that were killed: the next run cleans up after them
    for attempt in range(2):
        conn: sqlite3.Connection | None = None
        try:
            if not path.exists():
                build(path, meetings, walked, expected)
            conn = connect(path)
            refresh(conn, meetings, walked, expected)
            return IndexedStore(root, conn, path)
        except sqlite3.Error as err:
            if conn is not None:
                conn.close()
            if attempt == 0 and is_corrupt(err):
                with contextlib.suppress(OSError, sqlite3.Error):
                    discard(path)
                continue
            break
        except OSError:
            if conn is not None:
                conn.close()
            break
    return Store.open(root)
