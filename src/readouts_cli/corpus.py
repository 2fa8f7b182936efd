"""Finding the data folder and loading its records, with every problem located to FILE:LINE."""

from __future__ import annotations

import datetime as dt
import functools
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from . import tomlio
from .errors import DataError, Problem, ReadoutsError
from .model import FIELD_ORDER, ID_PATTERN, SECTION_FIELD_ORDER, Meeting, consistency_problems
from .validation import describe, field_path

MEETINGS = "meetings"
PEOPLE = "people.toml"
ENV_DATA = "READOUTS_DATA"


@dataclass(frozen=True)
class Record:
    """A valid meeting with the id and file it came from."""

    id: str
    path: Path
    meeting: Meeting

    def sort_key(self) -> tuple[Any, ...]:
        start = self.meeting.start()
        instant = start.timestamp() if start else float("inf")
        return (self.meeting.date, instant, self.id)


@dataclass
class Corpus:
    root: Path
    records: list[Record] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def by_id(self) -> dict[str, Record]:
        return {r.id: r for r in self.records}


def shipped_data_dir() -> Path:
    """The corpus that comes with the package (or with the source checkout, in development)."""
    package = Path(__file__).resolve().parent
    for candidate in (package / "_data", package.parents[1] / "data"):
        if (candidate / MEETINGS).is_dir():
            return candidate
    return package / "_data"


def find_data_dir(explicit: Path | None, *, writing: bool = False, create: bool = False) -> Path:
    """`--data`, else $READOUTS_DATA, else ./data when it holds meetings, else the shipped corpus.

    Commands that write (`writing`) never fall back on the shipped corpus: it is ours, not the
    user's, and in a source checkout it is the repository's data/ wherever the command runs.
    Nor do they start a new data folder where none exists unless asked to (`create`): a typo
    in --data would otherwise make a corpus of its own without a word, while reading commands
    refuse it.
    """
    env = os.environ.get(ENV_DATA)
    chosen = explicit if explicit is not None else (Path(env) if env else None)
    if chosen is not None:
        if writing and not create and not chosen.is_dir():
            raise ReadoutsError.of(
                "no such data folder",
                file=chosen,
                hint="check the path, or pass --create to start a new data folder there",
            )
        return chosen
    local = Path("data")
    if (local / MEETINGS).is_dir():
        return local
    if writing:
        raise ReadoutsError.of(
            "no data folder to write to (only the corpus shipped with readouts was found)",
            hint=f"pass --data DIR, set {ENV_DATA}, or run in a folder that has data/{MEETINGS}/",
        )
    return shipped_data_dir()


def meeting_files(root: Path) -> tuple[list[Path], list[Problem]]:
    """Every record file under `root`/meetings, in path order, and a problem for each folder
    under it that cannot be read (its records would otherwise be missed without a word).

    The walk is iterative (a folder tree of any depth), does not follow symbolic links to
    folders, and lists every name ending in `.toml` in any case, hidden names excepted, so that
    a `.TOML` file is reported rather than skipped (`index.walk` lists the same names).
    """
    if not root.is_dir():
        raise ReadoutsError.of(
            "no such data folder",
            file=root,
            hint=f"pass --data DIR or set {ENV_DATA} to a folder holding {MEETINGS}/",
        )
    folder = root / MEETINGS
    if not folder.is_dir():
        raise ReadoutsError.of(
            f"no {MEETINGS}/ folder in the data folder",
            file=root,
            hint=f"records live in {root / MEETINGS}/<year>/<id>.toml",
        )
    return record_files(folder)


def record_files(folder: Path) -> tuple[list[Path], list[Problem]]:
    """The record files under `folder` (see meeting_files), walked without recursion."""
    files: list[Path] = []
    problems: list[Problem] = []
    todo = [folder]
    while todo:
        current = todo.pop()
        try:
            with os.scandir(current) as listing:
                entries = list(listing)
        except FileNotFoundError:
            continue  # removed while the walk went on: nothing left to read there
        except OSError as err:
            problems.append(unreadable_folder(current, err))
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                is_folder = entry.is_dir(follow_symlinks=False)
            except OSError:
                is_folder = False
            if is_folder:
                todo.append(Path(entry.path))
            elif entry.name[-5:].lower() == ".toml":
                if entry.is_symlink() and os.path.isdir(entry.path):
                    continue  # a link to a folder named x.toml is a folder, as in index.walk
                files.append(Path(entry.path))
    return sorted(files), sorted(problems, key=lambda p: str(p.file))


def unreadable_folder(folder: Path, err: OSError) -> Problem:
    """The problem of a folder under meetings/ that cannot be listed."""
    return Problem(
        f"folder cannot be read: {(err.strerror or str(err)).lower()}; its records are left out",
        file=folder,
        hint="give yourself read access to it (chmod u+rx), or move it out of meetings/",
    )


def load_corpus(root: Path) -> Corpus:
    """Load every record under `root`; invalid files become problems, never exceptions, and a
    file deleted while it is read is taken as deleted."""
    corpus = Corpus(root=root)
    seen: dict[str, Path] = {}
    files, corpus.problems = meeting_files(root)
    for path in files:
        try:
            record = load_record(path)
        except tomlio.Vanished as err:
            if path.is_symlink():  # a link to nothing is a problem; a file deleted is gone
                corpus.problems.extend(err.problems)
            continue
        except ReadoutsError as err:
            corpus.problems.extend(err.problems)
            continue
        if record.id in seen:
            corpus.problems.append(duplicate_problem(record.id, path, seen[record.id]))
            continue
        seen[record.id] = path
        corpus.records.append(record)
    corpus.problems.sort(key=lambda p: str(p.file))
    corpus.records.sort(key=Record.sort_key)
    return corpus


def duplicate_problem(record_id: str, path: Path, first: Path) -> Problem:
    """The problem of `path`, whose id `first` (earlier in path order) already has."""
    return Problem(
        f"duplicate id {record_id!r}: also in {first}",
        file=path,
        line=1,
        hint="ids are file names and must be unique across years",
    )


def load_record(path: Path, text: str | None = None) -> Record:
    """Read, parse and validate one file; raise DataError with every problem in it.

    A file that fails field validation still gets the rules across fields and the file name
    checked, so that `check` reports all of its problems in one run.
    """
    if text is None:
        text = tomlio.read_text(path)
    data = tomlio.parse(text, path)
    source = text

    @functools.cache
    def lines() -> dict[tuple[str | int, ...], int]:
        # Only a file with problems needs its key lines; valid files, nearly all, skip the scan.
        return tomlio.key_lines(source)

    problems: list[Problem] = []
    meeting: Meeting | None = None
    try:
        meeting = Meeting.model_validate(data)
    except ValidationError as err:
        problems += validation_problems(err, path, lines())
    problems += [
        Problem(
            message,
            file=path,
            line=tomlio.line_of(lines(), loc) or 1,
            field=field_path(loc),
            hint=hint,
        )
        for loc, message, hint in consistency_problems(data)
    ]
    date = meeting.date if meeting is not None else data.get("date")
    day = (
        date.isoformat()
        if isinstance(date, dt.date) and not isinstance(date, dt.datetime)
        else None
    )
    record_id = path.stem
    if path.suffix != ".toml":
        problems.append(
            Problem(
                f"records end in .toml, not {path.suffix}",
                file=path,
                line=1,
                hint=f"rename it to {record_id}.toml",
            )
        )
    if not ID_PATTERN.match(record_id):
        problems.append(
            Problem(
                f"file name {path.name!r} is not a valid id",
                file=path,
                line=1,
                hint="ids are lowercase letters, digits and hyphens, starting with the date: "
                f"{day or 'YYYY-MM-DD'}-surname-surname.toml",
            )
        )
    elif day is not None and not record_id.startswith(day):
        problems.append(
            Problem(
                f"file name starts with {record_id[:10]} but the meeting is on {day}",
                file=path,
                line=tomlio.line_of(lines(), ("date",)) or 1,
                field="date",
                hint="rename the file or correct `date`",
            )
        )
    if problems or meeting is None:
        raise DataError(*problems)
    return Record(id=record_id, path=path, meeting=meeting)


def validation_problems(
    err: ValidationError, path: Path, lines: dict[tuple[str | int, ...], int]
) -> list[Problem]:
    """A record's validation errors as problems, one each, in order, in our words."""
    problems = []
    for error in err.errors():
        loc = tuple(error["loc"])
        message, hint = describe(error, allowed=_allowed_keys(loc[:-1]))
        if error["type"] == "int_type" and isinstance(error.get("input"), float):
            hint = "amounts and counts are exact integers: write 18_500_000, not 18.5e6"
        elif error["type"] == "list_type" and len(loc) == 1 and loc[0] in SECTION_FIELD_ORDER:
            hint = f"write each item as a [[{loc[0]}]] table"
        line = tomlio.line_of(lines, loc) or 1
        problems.append(Problem(message, file=path, line=line, field=field_path(loc), hint=hint))
    return problems


def _allowed_keys(parent: tuple[str | int, ...]) -> list[str]:
    names = [str(p) for p in parent if isinstance(p, str)]
    if names and names[-1] in SECTION_FIELD_ORDER:
        return list(SECTION_FIELD_ORDER[names[-1]])
    return list(FIELD_ORDER)
