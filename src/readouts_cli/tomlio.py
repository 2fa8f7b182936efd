"""All TOML input and output: reading with `tomllib`, writing with `tomli_w`, always atomically.

Also finds where a key stands in a file's text, so a validation error can name its line.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import tempfile
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tomli_w

from .errors import Problem, ReadoutsError, WriteError

_TOML_ERROR_AT = re.compile(r"^(?P<msg>.*?) \(at line (?P<line>\d+), column (?P<col>\d+)\)$")
_TOML_ERROR_AT_END = " (at end of document)"
BOM = "\ufeff"


class Vanished(ReadoutsError):
    """The file was listed but is gone: deleted (or renamed) while the command read the folder."""


# Larger than any record: a file this big is refused rather than read into memory.
MAX_RECORD_BYTES = 4 * 1024 * 1024


def read_bytes(path: Path, *, limit: int = MAX_RECORD_BYTES) -> bytes:
    """The bytes of a regular file. Anything else (a named pipe, a device, a folder) is refused
    without waiting on it, and so is a file larger than `limit`."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError as err:
        raise Vanished.of("no such file", file=path) from err
    except OSError as err:
        raise ReadoutsError.of(f"cannot be read: {_cause(err)}", file=path) from err
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise ReadoutsError.of(
                "not a regular file (a folder, a named pipe or a device): only files are read",
                file=path,
            )
        if info.st_size > limit:
            raise ReadoutsError.of(
                f"{info.st_size:,} bytes: larger than a record can be ({limit:,} bytes)",
                file=path,
            )
        chunks = []
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
            if sum(map(len, chunks)) > limit:
                raise ReadoutsError.of(f"larger than a record can be ({limit:,} bytes)", file=path)
        return b"".join(chunks)
    except OSError as err:
        raise ReadoutsError.of(f"cannot be read: {_cause(err)}", file=path) from err
    finally:
        os.close(fd)


def _cause(err: OSError) -> str:
    return (err.strerror or str(err)).lower()


def decode(data: bytes, path: Path) -> str:
    """UTF-8 text, a leading byte order mark dropped; bytes that are not UTF-8 are a problem
    naming the line."""
    try:
        return data.decode("utf-8").removeprefix(BOM)
    except UnicodeDecodeError as err:
        before = err.object[: err.start]
        column = err.start - before.rfind(b"\n")
        raise ReadoutsError(
            Problem(
                f"not UTF-8 text (byte {column} of the line)",
                file=path,
                line=before.count(b"\n") + 1,
                hint="save the file as UTF-8",
            )
        ) from err


def read_text(path: Path) -> str:
    """The file's text; a leading byte order mark (Windows editors write one) is dropped."""
    return decode(read_bytes(path), path)


def parse(text: str, path: Path) -> dict[str, Any]:
    """Parse TOML text; a syntax error becomes a Problem with the parser's line and column."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise ReadoutsError(syntax_problem(err, path, text)) from err


def syntax_problem(err: tomllib.TOMLDecodeError, path: Path, text: str | None = None) -> Problem:
    found = _TOML_ERROR_AT.match(str(err))
    if not found:
        message = str(err)
        if text is not None and message.endswith(_TOML_ERROR_AT_END):
            # tomllib gives no line when the file ends too early: the last line is the place
            # to start looking, above it the unclosed string or bracket.
            return Problem(
                f"TOML syntax error: {message.removesuffix(_TOML_ERROR_AT_END)} (at end of file)",
                file=path,
                line=_last_line(text),
                hint="the file ends too early: look above for an unclosed string, `[` or `{`, "
                "or a key without a value",
            )
        return Problem(f"TOML syntax error: {err}", file=path)
    message = f"TOML syntax error: {found['msg']} (column {found['col']})"
    hint = None
    if "date or datetime" in found["msg"]:
        hint = "dates are written YYYY-MM-DD and must exist in the calendar"
    elif found["msg"] == "Illegal character '\\n'":
        hint = "a string is not closed on this line"
    elif "Invalid value" in found["msg"] or "Invalid statement" in found["msg"]:
        hint = "strings need double quotes; times need seconds (15:10:00)"
    return Problem(message, file=path, line=int(found["line"]), hint=hint)


def _last_line(text: str) -> int:
    """The 1-based number of the last line that holds anything but blanks (1 for none)."""
    lines = text.split("\n")
    for number in range(len(lines), 0, -1):
        if lines[number - 1].strip():
            return number
    return 1


def dumps(data: Mapping[str, Any], prefix: str = "") -> str:
    """TOML text for `data`: plain keys first, then every array of tables as `[[name]]` blocks
    (an array of tables within one, such as an account's aid, as `[[name.inner]]` blocks after
    its table's own keys).

    tomli_w inlines short arrays of tables; records always spell them out, one table per item,
    so that diffs stay line by line and comments have somewhere to stand.
    """
    plain = {k: v for k, v in data.items() if not _is_array_of_tables(v)}
    chunks = [tomli_w.dumps(plain, multiline_strings=False, indent=4)] if plain else []
    for key, value in data.items():
        if _is_array_of_tables(value):
            name = prefix + _bare_or_quoted(key)
            for item in value:
                body = dumps(item, f"{name}.")
                chunks.append(f"[[{name}]]\n{body}")
    return "\n".join(chunks)


def _is_array_of_tables(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, Mapping) for v in value)


def _bare_or_quoted(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else tomli_w.dumps({key: 0}).split(" =")[0]


def write_atomic(path: Path, text: str, *, overwrite: bool = False) -> None:
    """Write `text` to `path` so that a reader sees the old file or the new one, never half.

    The text goes to a temporary file in the same folder, is flushed and fsynced, and then takes
    the target's place with one rename. Without `overwrite`, an existing target is refused, and
    the check and the placement are one step (a hard link fails on an existing name). Any
    failure of the system (a read-only folder, a full disk) is a WriteError naming the path
    and the cause; the folders this write made and its temporary file are removed again.
    """
    made = _missing_parents(path)
    tmp: Path | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        remove_leftovers(path.parent)
        fd, tmp_name = tempfile.mkstemp(
            dir=path.parent, prefix=_temporary_prefix(path), suffix=".tmp"
        )
        tmp = Path(tmp_name)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, path.stat().st_mode & 0o7777 if path.exists() else 0o644)
        if overwrite:
            os.replace(tmp, path)
        else:
            try:
                os.link(tmp, path)
            except FileExistsError as err:
                raise WriteError.of(
                    "already exists", file=path, hint="pass --force to overwrite it"
                ) from err
        made = []
    except OSError as err:
        raise WriteError.of(
            f"cannot write: {(err.strerror or str(err)).lower()}",
            file=path,
            hint=_WRITE_HINTS.get(err.errno or 0),
        ) from err
    finally:
        if tmp is not None:
            tmp.unlink(missing_ok=True)
        for folder in reversed(made):  # a failed write leaves no empty year folder behind
            with contextlib.suppress(OSError):
                folder.rmdir()
    _fsync_dir(path.parent)


_WRITE_HINTS = {
    errno.EACCES: "you may not write in that folder: check its permissions",
    errno.EROFS: "the folder is on a read-only file system",
    errno.ENOSPC: "the disk is full: free some room and run it again",
    errno.EDQUOT: "your disk quota is used up",
}


def _missing_parents(path: Path) -> list[Path]:
    """The folders above `path` that do not exist yet, outermost first."""
    missing = []
    for parent in path.parents:
        if parent.exists():
            break
        missing.append(parent)
    return list(reversed(missing))


def _temporary_prefix(path: Path) -> str:
    """`.NAME.PID.`: hidden, and owned by this process, so that a later run can tell the
    leftovers of a killed one from a write under way."""
    return f".{path.name}.{os.getpid()}."


_LEFTOVER = re.compile(r"^\.(?P<name>.+)\.(?P<pid>[0-9]+)\.[A-Za-z0-9_]+\.tmp$")


def remove_leftovers(folder: Path) -> list[Path]:
    """Remove the temporary files that killed runs of readouts left in `folder`: only names of
    the pattern write_atomic uses, and only when the process that made them is gone."""
    removed: list[Path] = []
    try:
        names = os.listdir(folder)
    except OSError:
        return removed
    for name in names:
        found = _LEFTOVER.match(name)
        if found is None or process_alive(int(found["pid"])):
            continue
        with contextlib.suppress(OSError):
            (folder / name).unlink()
            removed.append(folder / name)
    return removed


def process_alive(pid: int) -> bool:
    """Whether a process of that id runs (this one included)."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # another user's process: alive, and not ours to judge
    return True


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


_KEY = re.compile(
    r"""^\s*(?P<key>(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*'))*)\s*="""
)
_TABLE = re.compile(r"""^\s*(?P<open>\[\[?)\s*(?P<name>[^\]]+?)\s*\]\]?""")


def _split_key(key: str) -> tuple[str, ...]:
    parts = re.findall(r"""[A-Za-z0-9_-]+|"[^"]*"|'[^']*'""", key)
    return tuple(p[1:-1] if p[:1] in "\"'" else p for p in parts)


def key_lines(text: str) -> dict[tuple[str | int, ...], int]:
    """Map each key path in `text` to the 1-based line where it is written.

    Paths look like Pydantic's error locations: `("participants", 1, "country")` for the key in
    the second `[[participants]]` table, `("points", 2)` for the third element of a multi-line
    array when elements start lines. It is a scanner, not a parser: it only has to be right for
    files `tomllib` accepted, and a path it cannot place falls back to its nearest parent.
    """
    lines: dict[tuple[str | int, ...], int] = {}
    table: tuple[str | int, ...] = ()
    counts: dict[tuple[str | int, ...], int] = {}
    depth = 0
    array_path: tuple[str | int, ...] | None = None
    element = 0
    # Read the scanner's lines: no string can hide a bracket, a `#` or a key any more, and a
    # multi-line string stands whole on the line it opens.
    for number, line in enumerate(masked(scan(text)).split("\n"), start=1):
        if depth > 0:
            stripped = line.strip()
            if array_path is not None and depth == 1 and stripped and stripped[0] not in "]#,":
                lines.setdefault((*array_path, element), number)
                element += 1
            depth += _bracket_delta(line)
            continue
        header = _TABLE.match(line)
        if header:
            # `[[accounts.aid]]` is in the latest `[[accounts]]` table: ("accounts", 1, "aid", 0).
            name: tuple[str | int, ...] = ()
            for part in _split_key(header["name"])[:-1]:
                name = (*name, part)
                # `[a.b]` also defines `a`, there unless an earlier line did.
                lines.setdefault(name, number)
                if name in counts:
                    name = (*name, counts[name] - 1)
            name = (*name, _split_key(header["name"])[-1])
            if header["open"] == "[[":
                index = counts.get(name, 0)
                counts[name] = index + 1
                table = (*name, index)
            else:
                table = name
            lines.setdefault(table, number)
            continue
        found = _KEY.match(line)
        if not found:
            continue
        dotted = _split_key(found["key"])
        # `a.b.c = 1` defines `a` and `a.b` on its own line too: an error about them goes here.
        for end in range(1, len(dotted) + 1):
            lines.setdefault((*table, *dotted[:end]), number)
        path = (*table, *dotted)
        value = line[found.end() :]
        depth = _bracket_delta(value)
        array_path, element = (path, 0) if depth > 0 else (None, 0)
        if depth > 0 and value.strip() not in ("[", "{"):
            array_path = None  # elements share the key's line; keep the key's line for all
    return lines


@dataclass(frozen=True)
class Comment:
    """One comment: its text, and the line it stands on (for messages; not compared)."""

    text: str
    line: int = field(default=0, compare=False)


@dataclass(frozen=True)
class ScannedLine:
    """One line as the character-level scanner sees it (the one scanner: `fmt` finds comments
    with it, and `key_lines` the line of every key).

    Strings are what make a line hard to read: a `#` or a bracket in one is text, and a
    multi-line string carries its value, and what follows it, onto later lines. So every value
    string is written `""`, and a multi-line one stands whole on the line where it opens: the
    rest of the line where it closes (`b'''  # note`) joins that line, and the lines it covered
    are left blank. Keys, brackets and comments then stand on the line of the value they
    belong to, and line numbers stay those of the file.
    """

    code: str
    brackets: int  # `[` opened minus `]` closed in values (a table header's do not count)
    comment: Comment | None = None


def scan(text: str) -> list[ScannedLine]:
    """The lines of `text` (valid TOML), one `ScannedLine` each."""
    lines: list[ScannedLine] = []
    code: list[str] = []
    comment: Comment | None = None
    brackets = depth = 0  # this line's net brackets; how deep in a value the scan is
    in_value = False  # an `=` was seen on this line
    start = number = 1  # the line the current one began on; the line being read
    index, end = 0, len(text)
    while index < end:
        char = text[index]
        if char == "\n":
            lines.append(ScannedLine("".join(code), brackets, comment))
            lines.extend(ScannedLine("", 0) for _ in range(number - start))
            code, comment, brackets, in_value = [], None, 0, False
            number += 1
            start = number
            index += 1
        elif char == "#":
            stop = text.find("\n", index)
            stop = end if stop < 0 else stop
            comment = Comment(text[index:stop].rstrip(), number)
            index = stop
        elif char in "\"'":
            quote = char * 3 if text.startswith(char * 3, index) else char
            close, breaks = _string_end(text, index, quote)
            code.append('""' if in_value or depth else text[index:close])
            number += breaks
            index = close
        else:
            if char == "=":
                in_value = True
            elif char in "[{" and (in_value or depth):
                depth += 1
                brackets += 1
            elif char in "]}" and depth:
                depth -= 1
                brackets -= 1
            code.append(char)
            index += 1
    lines.append(ScannedLine("".join(code), brackets, comment))
    lines.extend(ScannedLine("", 0) for _ in range(number - start))
    return lines


def _string_end(text: str, start: int, quote: str) -> tuple[int, int]:
    """Just past the string that opens at `start` with `quote`, and the line breaks in it."""
    index = start + len(quote)
    escapes = quote[0] == '"'
    breaks = 0
    while index < len(text):
        char = text[index]
        if escapes and char == "\\":
            # The escaped character may be the line break of a line-ending backslash.
            breaks += text.startswith("\n", index + 1)
            index += 2
            continue
        if text.startswith(quote, index):
            if len(quote) == 1:
                return index + 1, breaks
            # Up to two quotes just before the closing three belong to the string.
            stop = index
            while stop < len(text) and text[stop] == quote[0]:
                stop += 1
            return stop, breaks
        breaks += char == "\n"
        index += 1
    return len(text), breaks


def masked(lines: list[ScannedLine]) -> str:
    """The text again, its value strings written `""` (see ScannedLine), comments left out."""
    return "\n".join(line.code for line in lines)


def _bracket_delta(fragment: str) -> int:
    """Net count of opening brackets in a masked line fragment (no strings or comments)."""
    return sum(1 if c in "[{" else -1 if c in "]}" else 0 for c in fragment)


def line_of(lines: Mapping[tuple[str | int, ...], int], loc: tuple[str | int, ...]) -> int | None:
    """The line of `loc`, or of its nearest parent that has one."""
    for end in range(len(loc), 0, -1):
        if loc[:end] in lines:
            return lines[loc[:end]]
    return None


# Examples of each TOML type, written on the user's own key: `{key}` is the key in error.
_TYPE_EXAMPLES = {
    "date_type": "write a TOML date without quotes: {key} = 2024-01-07",
    "date_from_datetime_inexact": "write a TOML date without quotes: {key} = 2024-01-07",
    "time_type": "write a TOML local time without quotes, with seconds: {key} = 15:10:00",
    "int_type": "write a whole number without quotes: {key} = {number}",
    "string_type": 'strings are written in double quotes: {key} = "..."',
    "list_type": 'lists are written in brackets: {key} = ["..."]',
}
_ITEM_EXAMPLES = {
    "int_type": "each item is a whole number without quotes: {key} = [1, 2]",
    "string_type": 'each item is a string in double quotes: {key} = ["...", "..."]',
}
_NUMBERS = {"duration_minutes": "60", "amount": "300_000_000"}


def type_hint(kind: str, loc: Sequence[str | int]) -> str | None:
    """How to write the value at `loc` with the TOML type a Pydantic error `kind` asked for,
    as an example on its own key (`point = 3`, or `see_also = ["...", "..."]` for an item)."""
    key = next((str(part) for part in reversed(loc) if isinstance(part, str)), "key")
    in_list = bool(loc) and isinstance(loc[-1], int)
    template = (_ITEM_EXAMPLES if in_list else _TYPE_EXAMPLES).get(kind)
    return template.format(key=key, number=_NUMBERS.get(key, "3")) if template else None
