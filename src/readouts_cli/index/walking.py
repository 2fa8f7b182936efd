"""Walking meetings/ (path, change time and identity of every record file) and parsing files,
in worker processes when there are many.
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
from stat import S_ISDIR
from typing import TYPE_CHECKING, Any

from .. import tomlio
from ..corpus import load_record, unreadable_folder
from ..errors import Problem, ReadoutsError
from ..search import searchable_fields
from ..textfold import fold
from .schema import _CONTROL, CHUNK, PARALLEL_FROM, RACY_NS, Entry, Parsed, Walk, _Unindexable

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor


# -- walking the folder and parsing files -------------------------------------------------------


def walk(meetings: Path) -> Walk:
    """Every `*.toml` under `meetings` that `corpus.meeting_files` lists, by folder, each with
    its modification time and an identity: what changes when the file does.

    A file's entry changes with any write to it, even one that puts back its size and
    modification time (`touch -r`, `cp -p`, `rsync -t`, `tar x`): its change time (which no
    program can set) moves, and a file put in its place has another inode. As in git, the
    size, change time, inode and device make up the identity beside the modification time,
    which alone decides whether a file changed too recently to be trusted.

    Like `corpus.meeting_files` the walk is iterative, does not descend into symbolic links to
    folders, and lists any entry whose name ends in `.toml`, in any case (hidden names
    excepted). A folder it may not read is listed as an entry of its own (`path/`, stamp
    UNREADABLE), so that its problem is reported as the file store reports it.

    The folders are listed first; then each file is stat'ed, most of a walk's time (names that
    do not end in .toml are looked at only to find folders). With many files, a forked
    process stats half of them on the other core.
    """
    found: Walk = {}
    todo: list[tuple[str, str]] = [(str(meetings), "")]
    while todo:
        folders: list[tuple[str, str, list[str]]] = []  # (folder, prefix, names of files)
        while todo:
            folder, prefix = todo.pop()
            try:
                names = os.listdir(folder)
            except FileNotFoundError:
                continue
            except OSError:
                # Under its own folder's key, where the files it hides would be.
                found.setdefault(prefix.rstrip("/"), []).append((prefix, UNREADABLE, 0))
                continue
            for name in names:
                if not name.isascii():
                    try:
                        name.encode("utf-8")
                    except UnicodeEncodeError as err:
                        raise _Unindexable(name) from err
            files = [n for n in names if n[-5:].lower() == ".toml" and n[:1] != "."]
            if files:
                folders.append((folder, prefix, files))
            # Any other name may be a folder: few are (a corpus's files end in .toml).
            for name in names:
                if name[:1] != "." and name[-5:].lower() != ".toml":
                    try:
                        if S_ISDIR(os.lstat(os.path.join(folder, name)).st_mode):
                            todo.append((os.path.join(folder, name), f"{prefix}{name}/"))
                    except OSError:
                        pass
        for prefix, entries, inside in _stat_all(folders):
            if entries:
                found.setdefault(prefix.rstrip("/"), []).extend(entries)
            todo += inside  # folders named like files (x.toml), walked in turn
    for entries in found.values():
        entries.sort()
    return found


# From this many files, half of them are stat'ed by a forked process.
FORK_WALK_FROM = 20_000


Stated = tuple[str, list[Entry], list[tuple[str, str]]]  # prefix, entries, folders inside


def _stat_all(folders: list[tuple[str, str, list[str]]]) -> list[Stated]:
    """What `_stat_folder` finds in each of `folders`; with many files, half of them are
    stat'ed by a forked child."""
    total = sum(len(names) for _, _, names in folders)
    if (
        total < FORK_WALK_FROM
        or len(folders) < 2
        or not hasattr(os, "fork")
        or threading.active_count() != 1
    ):
        return [_stat_folder(*folder) for folder in folders]
    # Halves by number of files, so both cores have as much to do.
    half, count = 0, 0
    while half < len(folders) - 1 and count + len(folders[half][2]) <= total // 2:
        count += len(folders[half][2])
        half += 1
    half = max(half, 1)
    mine, theirs = folders[:half], folders[half:]
    try:
        reading, writing = os.pipe()
        child = os.fork()
    except OSError:
        return [_stat_folder(*folder) for folder in folders]
    if child == 0:  # pragma: no cover - the child's work is checked through its answer
        code = 1
        try:
            os.close(reading)
            answer = marshal.dumps([_stat_folder(*folder) for folder in theirs])
            with os.fdopen(writing, "wb") as pipe:
                pipe.write(answer)
            code = 0
        finally:
            os._exit(code)
    os.close(writing)
    done = [_stat_folder(*folder) for folder in mine]
    with os.fdopen(reading, "rb") as pipe:
        answer = pipe.read()
    _, status = os.waitpid(child, 0)
    if os.waitstatus_to_exitcode(status) == 0:
        done += [(p, e, [tuple(f) for f in inside]) for p, e, inside in marshal.loads(answer)]
    else:  # the child failed: its half is done here
        done += [_stat_folder(*folder) for folder in theirs]
    return done


def _stat_folder(folder: str, prefix: str, names: list[str]) -> Stated:
    """The entries of the `.toml` names of one folder, and those names that are folders (not
    links to them), to walk. Statting by name within the open folder spares the kernel the
    whole path each time."""
    entries: list[Entry] = []
    inside: list[tuple[str, str]] = []
    relative = os.stat in os.supports_dir_fd
    try:
        handle = os.open(folder, os.O_RDONLY) if relative else None
    except OSError:
        handle = None
        relative = False
    try:
        # In order: the walk's entries are sorted, which is then a pass over sorted lists.
        for name in sorted(names):
            where = name if relative else os.path.join(folder, name)
            try:
                # A file store reads through symbolic links: so does the stamp here.
                stat = os.stat(where, dir_fd=handle)
            except OSError:
                entries.append((prefix + name, -1, -1))
                continue
            if not S_ISDIR(stat.st_mode):
                entries.append((prefix + name, stat.st_mtime_ns, identity(stat)))
                continue
            try:  # a folder named x.toml is walked; a link to one is not
                if S_ISDIR(os.stat(where, dir_fd=handle, follow_symlinks=False).st_mode):
                    inside.append((os.path.join(folder, name), f"{prefix}{name}/"))
            except OSError:
                pass
    finally:
        if handle is not None:
            os.close(handle)
    return prefix, entries, inside


# The stamp of a folder that cannot be listed: its entry stands for the problem.
UNREADABLE = -3


def identity(stat: os.stat_result) -> int:
    """Size, change time, inode and device in one number (63 bits, for SQLite).

    Python's hash of a tuple of integers is the same in every process (only strings and
    bytes are salted), and ten times cheaper than a cryptographic digest: at 100,000 files
    the walk runs on every command, and this is most of its time after the `stat` calls.
    """
    return hash((stat.st_size, stat.st_ctime_ns, stat.st_ino, stat.st_dev)) & _63_BITS


_63_BITS = (1 << 63) - 1


def _digest(value: Any) -> str:
    """A digest of entries (or of folders' digests): equal, nothing on disk changed."""
    # marshal is stable for one Python version, and the fingerprint holds the version.
    return hashlib.blake2b(marshal.dumps(value), digest_size=16).hexdigest()


def parse_file(meetings: Path, path: str, stamp: int, ident: int, now: int) -> Parsed:
    """Load one file as the file store does: (path, stamp to store, identity, problems, record).

    A record comes as (id, date, instant, kind, glance, JSON, participants, tags, folded text,
    items): its glance is (time, timezone, title, accounts, seats, level), what the records
    table keeps for one-line views; its participants are (name, country, title); its tags are
    (folded, as written); its items are (section, account, position, label, JSON), for the
    `items` table.

    A stamp of -1 is stored for what must be read again next time: a file changed too recently
    to trust its stamp, or one that could not be read.
    """
    full = meetings / path
    if stamp == UNREADABLE:
        try:
            os.listdir(full)
        except FileNotFoundError:
            return path, -1, ident, None, None
        except OSError as err:
            return path, -1, ident, _problems_json([unreadable_folder(full, err)], full), None
        return path, -1, ident, None, None  # readable again: the next walk lists its files
    trusted = 0 <= stamp < now - RACY_NS
    try:
        text = tomlio.read_text(full)
    except tomlio.Vanished as err:
        if not full.is_symlink():
            return path, -1, ident, None, None  # deleted while the command ran: as if deleted
        return path, -1, ident, _problems_json(err.problems, full), None  # a broken link
    except ReadoutsError as err:
        # Reading can fail for reasons the stamp does not record: never trust it.
        return path, -1, ident, _problems_json(err.problems, full), None
    kept = stamp if trusted else -1
    try:
        record = load_record(full, text)
    except ReadoutsError as err:
        return path, kept, ident, _problems_json(err.problems, full), None
    meeting = record.meeting
    date, instant, record_id = record.sort_key()
    folded = "\n".join(fold(item.text) for item in searchable_fields(meeting))
    return (
        path,
        kept,
        ident,
        None,
        (
            record_id,
            date.isoformat(),
            instant,
            str(meeting.kind),
            (
                meeting.time.isoformat() if meeting.time else None,
                meeting.timezone,
                meeting.title,
                len(meeting.accounts) + 1,
                marshal.dumps(tuple((p.name, p.country, p.title) for p in meeting.participants)),
                str(meeting.level) if meeting.level else None,
            ),
            # Only the keys the file sets: read back, the record has the same fields set.
            meeting.model_dump_json(exclude_unset=True),
            [(p.name, p.country, p.title) for p in meeting.participants],
            sorted({fold(tag): tag for tag in meeting.tags}.items()),
            _CONTROL.sub("\ufffd", folded),
            [
                (
                    section,
                    account.number,
                    position,
                    account.cite,
                    item.model_dump_json(exclude_unset=True),
                )
                for account in meeting.told()
                for section, items in (("aid", account.aid), ("condolences", account.condolences))
                for position, item in enumerate(items)
            ],
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
    return [parse_file(folder, path, stamp, ident, now) for path, stamp, ident in chunk]


def die_with_parent(parent: int) -> None:
    """In a worker: be killed when the command that started it dies, even by SIGKILL, so no
    worker outlives a killed build (Linux's PR_SET_PDEATHSIG; elsewhere the pool's own end)."""
    import signal

    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before the line above: go too
        os._exit(1)


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
                pool = ProcessPoolExecutor(
                    workers,
                    mp_context=multiprocessing.get_context("fork"),
                    initializer=die_with_parent,
                    initargs=(os.getpid(),),
                )
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
    for path, stamp, ident in todo:
        yield parse_file(meetings, path, stamp, ident, now)


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
