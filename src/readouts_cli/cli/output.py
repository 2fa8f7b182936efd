"""Rendering output values as a Rich table, JSON or CSV, and keeping record text inert.

Record text is data: it is never parsed as Rich markup, and control characters (terminal
escape sequences among them) are shown as visible escapes, so a record cannot restyle or take
over the terminal. JSON and CSV put nothing but the document on stdout.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from enum import StrEnum
from typing import IO, TYPE_CHECKING, Any

from ..errors import Problem, ReadoutsError
from ..textfold import UNSAFE as _UNSAFE

if TYPE_CHECKING:
    from rich.console import Console, RenderableType
    from rich.text import Text


class Format(StrEnum):
    TABLE = "table"
    JSON = "json"
    CSV = "csv"


def inert(text: str) -> str:
    """`text` with every control character replaced by a visible escape such as `\\x1b`."""
    if text.isprintable():  # no control character is printable: most text is done here
        return text
    return _UNSAFE.sub(
        lambda m: f"\\x{ord(m[0]):02x}" if ord(m[0]) < 0x100 else f"\\u{ord(m[0]):04x}", text
    )


def text(value: str, style: str = "") -> Text:
    """A Rich Text holding `value` literally: no markup is interpreted."""
    from rich.text import Text

    return Text(inert(value), style=style)


def console(file: IO[str] | None = None) -> Console:
    from rich.console import Console

    from .pager import terminal_size

    class Output(Console):
        def on_broken_pipe(self) -> None:
            # Rich would exit 1 here; a closed pipe ends the same way for every format.
            raise BrokenPipeError

    return Output(
        file=file or sys.stdout,
        width=terminal_size().columns,
        highlight=False,
        markup=False,
        emoji=False,
        no_color=bool(os.environ.get("NO_COLOR")),
    )


def print_table(
    columns: Sequence[str],
    rows: Sequence[Sequence[str | Text]],
    *,
    no_wrap: Sequence[str] = ("Date", "Id", "Local", "JST", "Kind", "Where"),
    min_widths: Mapping[str, int] | None = None,
) -> None:
    """A table of rows; the columns named in `no_wrap` are kept on one line (dates, ids), and
    those in `min_widths` never get narrower than that, so a narrow terminal folds the rest."""
    from rich import box
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, header_style="bold")
    for column in columns:
        table.add_column(
            column,
            overflow="fold",
            no_wrap=column in no_wrap,
            min_width=(min_widths or {}).get(column),
        )
    for row in rows:
        table.add_row(*(cell if not isinstance(cell, str) else text(cell) for cell in row))
    console().print(table)


class OutputError(ReadoutsError):
    """The output cannot be written: a full disk, /dev/full, a closed file."""


class GuardedOutput(io.TextIOBase):
    """stdout, with a failure to write it (other than a closed pipe) said as one error line."""

    def __init__(self, inner: IO[str]) -> None:
        self.inner = inner

    def _guard(self, err: OSError) -> OutputError:
        cause = (err.strerror or str(err)).lower()
        return OutputError(Problem(f"cannot write the output: {cause}"))

    def write(self, text: str) -> int:
        try:
            return self.inner.write(text)
        except BrokenPipeError:
            raise
        except OSError as err:
            raise self._guard(err) from err

    def flush(self) -> None:
        try:
            self.inner.flush()
        except BrokenPipeError:
            raise
        except OSError as err:
            raise self._guard(err) from err

    def isatty(self) -> bool:
        return self.inner.isatty()

    def fileno(self) -> int:
        return self.inner.fileno()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self.inner, "encoding", "utf-8")


def print_json(document: Any) -> None:
    """`document` as JSON; control characters in its strings are written as \\u escapes
    (json escapes only those below U+0020), so they reach the terminal as text."""
    dumped = json.dumps(document, ensure_ascii=False, indent=2, default=_json_default)
    sys.stdout.write(_UNSAFE.sub(lambda m: f"\\u{ord(m[0]):04x}", dumped))
    sys.stdout.write("\n")


def highlighted(value: str, spans: Sequence[tuple[int, int]], style: str) -> Text:
    """`value` as inert Text with `spans` (positions in `value`) styled: the positions are
    carried over the escapes that inert() writes for control characters."""
    from rich.text import Text

    out = Text()
    done = 0
    for start, end in sorted(spans):
        start = max(start, done)  # overlapping spans: each character is written once
        if end <= start:
            continue
        out.append(inert(value[done:start]))
        out.append(inert(value[start:end]), style=style)
        done = end
    out.append(inert(value[done:]))
    return out


def _json_default(value: Any) -> Any:
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def print_csv(columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(v) for v in row])


def _cell(value: Any) -> str:
    """A CSV cell: empty for nothing, true/false as in JSON, record text inert."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return inert(str(value))


def emit(
    fmt: Format,
    *,
    table: Callable[[], None],
    json_document: Callable[[], Any],
    csv_rows: Callable[[], tuple[Sequence[str], Sequence[Sequence[Any]]]],
) -> None:
    """Render one output value in the chosen format."""
    if fmt is Format.JSON:
        print_json(json_document())
    elif fmt is Format.CSV:
        print_csv(*csv_rows())
    else:
        table()


def print_renderable(renderable: RenderableType) -> None:
    console().print(renderable)


def print_lines(lines: Iterable[Text | str]) -> None:
    """Lines already fitted to the width (see cells): printed as they are, never wrapped.

    A line given as a string is plain text, already inert. Without colour (piped, NO_COLOR)
    every line goes out as its plain text, in one write; at a terminal Rich renders the
    lines with styles (and those with tabs, which it expands), and plain lines go out as
    Rich would write them. Either way the time grows with the lines only.
    """
    out = console()
    if out.no_color or not out.is_terminal:
        sys.stdout.write(
            "".join((line if isinstance(line, str) else line.plain) + "\n" for line in lines)
        )
        return
    from rich.text import Text

    plain: list[str] = []
    styled: list[Text] = []
    lines = list(lines) or [Text()]  # as Rich prints no lines: one empty line
    for line in lines:
        if isinstance(line, str) and "\t" not in line:
            if styled:
                out.print(Text("\n").join(styled), soft_wrap=True, crop=False)
                styled.clear()
            plain.append(line + "\n")
        else:
            if plain:
                sys.stdout.write("".join(plain))
                plain.clear()
            styled.append(Text(line) if isinstance(line, str) else line)
    if styled:
        out.print(Text("\n").join(styled), soft_wrap=True, crop=False)
    sys.stdout.write("".join(plain))


def width() -> int:
    """The width views are laid out for: the terminal's, else COLUMNS, else 80."""
    from .pager import terminal_size

    return terminal_size().columns
