"""Writing records: where a new record goes, scaffolding one, and formatting files in place.

Every write goes through tomlio.write_atomic: a temporary file in the same folder, fsync,
rename; an existing file is never replaced without `overwrite`.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from . import tomlio
from .canonical import NotLossless, dumps_record, format_text
from .corpus import MEETINGS, load_record
from .errors import DataError, Problem, ReadoutsError
from .model import ID_PATTERN, Meeting, consistency_problems
from .validation import describe

# The corpus installed inside the package: readouts never writes there.
SHIPPED = Path(__file__).resolve().parent / "_data"
_OPTION_HINT = "see `readouts new --help` for what each option takes"
# Hints written for a file, said again for `new`'s options.
_OPTION_HINTS = {"--time": "give --timezone too, e.g. --timezone Europe/Kyiv"}


def _option_of(loc: Sequence[str | int]) -> str:
    """The `readouts new` option that sets the field at `loc`: ("participants", 0, ...) -> the
    first --participant."""
    name = str(loc[0]) if loc else ""
    if name == "participants" and len(loc) > 1:
        return f"--participant #{int(loc[1]) + 1}"
    return {"duration_minutes": "--duration", "tags": "--tag", "participants": "--participant"}.get(
        name, f"--{name}"
    )


def slug(text: str) -> str:
    """Lowercase ASCII letters and digits joined by hyphens: "Zelenskyy" -> "zelenskyy"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def surname(name: str, country: str | None) -> str:
    """The family name, for ids: Japanese names in records are written surname first."""
    from .people.names import name_words  # honorifics and titles are not surnames

    words = name_words(name)
    if not words:
        return ""
    return words[0] if country == "JP" else words[-1]


def derive_id(day: dt.date, participants: Sequence[tuple[str, str | None]]) -> str:
    """`2024-01-07-kamikawa-zelenskyy`: the date, then the principals' surnames."""
    parts = [slug(surname(name, country)) for name, country in participants[:2]]
    return "-".join([day.isoformat(), *(p for p in parts if p)])


def record_path(root: Path, record_id: str) -> Path:
    """`root/meetings/<year>/<id>.toml`, refusing any id that is not a plain record id, and
    the corpus installed inside the package (a user's records belong in their own folder)."""
    if root.resolve() == SHIPPED:
        raise ReadoutsError.of(
            "no data folder to write to (only the corpus shipped with readouts was found)",
            hint="pass --data DIR, set READOUTS_DATA, or run in a folder that has data/meetings/",
        )
    if not ID_PATTERN.match(record_id):
        raise ReadoutsError.of(
            f"{record_id!r} is not a valid id",
            hint="ids are lowercase letters, digits and hyphens, starting with the date (YYYY-MM-DD)",
        )
    path = root / MEETINGS / record_id[:4] / f"{record_id}.toml"
    if not path.resolve().is_relative_to((root / MEETINGS).resolve()):
        raise ReadoutsError.of(f"{record_id!r} would be written outside the data folder")
    return path


def write_record(path: Path, text: str, *, overwrite: bool) -> None:
    """Validate `text` as the record at `path`, then write it atomically."""
    load_record(path, text)
    tomlio.write_atomic(path, text, overwrite=overwrite)


def known_fix(error: Any) -> bool:
    return getattr((error.get("ctx") or {}).get("error"), "hint", None) is not None


def scaffold(data: dict[str, Any]) -> str:
    """A new record's text: the given fields in canonical form, and comments for the rest.

    Raises DataError naming each field that is not valid (the record has no file yet).
    """
    problems: list[Problem] = []
    try:
        Meeting.model_validate(data)
    except ValidationError as err:
        for error in err.errors():
            message, hint = describe(error)
            problems.append(
                Problem(
                    f"{_option_of(error['loc'])}: {message}",
                    # A validator that knows the fix says it (model.HintedValueError).
                    hint=hint if hint and known_fix(error) else _OPTION_HINT,
                )
            )
    # Rules across fields (a time needs its zone) too, before any file is named.
    problems += [
        Problem(
            f"{_option_of(loc)}: {message}",
            hint=(
                _OPTION_HINTS.get(_option_of(loc), hint or _OPTION_HINT)
                if "`timezone`" in message
                else hint or _OPTION_HINT
            ),
        )
        for loc, message, hint in consistency_problems(data)
    ]
    if problems:
        raise DataError(*problems)
    todo = [
        "# To do: fill in what is known, then run `readouts check`.",
        '# summary = "One or two sentences in our own words."',
        '# points = ["The first point, in our own words.", "The second."]',
        '# source = "https://..."',
    ]
    return "\n".join(todo) + "\n\n" + dumps_record(data)


@dataclass(frozen=True)
class Formatted:
    path: Path
    changed: bool
    left: str | None = None  # why a file that needs formatting was left as it is


def format_file(path: Path, *, check: bool) -> Formatted:
    """Bring one record file into canonical form (or, with `check`, only say if it would change).

    Raises DataError for a file that is not a valid record: fmt never rewrites what it cannot
    read. A file whose comments cannot be kept is left untouched, and the result says why.
    """
    if path.resolve().is_relative_to(SHIPPED):
        raise ReadoutsError.of(
            "this is the corpus shipped with readouts: fmt leaves it as it is",
            file=path,
            hint="copy the records into a data folder of your own",
        )
    text = tomlio.read_text(path)
    try:
        load_record(path, text)
    except ReadoutsError as err:
        raise DataError(*err.problems) from err
    try:
        result = format_text(text)
    except NotLossless as err:
        return Formatted(path, changed=False, left=str(err))
    if result == text:
        return Formatted(path, changed=False)
    if not check:
        # Through a symbolic link to the file it names: the link stays a link.
        tomlio.write_atomic(path.resolve(), result, overwrite=True)
    return Formatted(path, changed=True)
