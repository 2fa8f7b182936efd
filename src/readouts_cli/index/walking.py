"""Walking meetings/ (path, mtime, size of every record file) and parsing files, in worker
processes when there are many.
"""

from __future__ import annotations

import gc
import hashlib
import json
import marshal
import os
import threading
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from stat import S_ISDIR, S_ISLNK
from typing import TYPE_CHECKING, Any

from .. import tomlio
from ..corpus import load_record
from ..errors import Problem, ReadoutsError
from ..search import searchable_fields
from ..textfold import fold
from .schema import _CONTROL, CHUNK, PARALLEL_FROM, RACY_NS, Entry, Parsed, Walk, _Unindexable

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor


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
