"""Fitting text to the terminal: cells that are cut at a word with an ellipsis, paragraphs
wrapped at word boundaries, and column plans that drop the least important column first.

Every view that prints lines builds them here, so the rules hold everywhere: no line is wider
than the width, no word of a record is split across lines, and nothing is padded at the end of
a line. Widths are terminal cells (a CJK character takes two).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from rich.cells import cell_len
from rich.text import Text

from .output import inert

ELLIPSIS = "…"
GAP = "  "

# A line fitted to the width: plain text (inert already) or Text with styles.
Line = Text | str

# Printable ASCII and Latin (U+00A0 to U+02FF, but the soft hyphen) take one cell each in
# every terminal: a string of them alone is as wide as it is long, and measuring it takes
# no table. Anything else (CJK, emoji, combining marks, controls) is measured by Rich.
_NOT_ONE_CELL = re.compile("[^\x20-\x7e\xa0-\xac\xae-\u02ff]")


def cells(plain: str) -> int:
    """The width of `plain` in terminal cells."""
    if plain.isascii() and plain.isprintable():
        return len(plain)
    return cell_len(plain) if _NOT_ONE_CELL.search(plain) else len(plain)


def width_of(value: str | Text) -> int:
    return cells(value.plain if isinstance(value, Text) else value)


def as_text(value: str | Text) -> Text:
    """Record text as inert Text (control characters escaped, no markup read)."""
    if isinstance(value, Text):
        return value
    return Text(inert(value))


def _cut_at(plain: str, width: int) -> int:
    """How many characters of `plain` fit in `width` cells with an ellipsis after them,
    ending between words (at a space, or after a hyphen); 0 when not even one word fits, so
    that no word is shown in part."""
    room = width - 1
    used = end = 0
    if not _NOT_ONE_CELL.search(plain):
        end = min(len(plain), max(room, 0))
    else:
        for i, char in enumerate(plain):
            used += cell_len(char)
            if used > room:
                break
            end = i + 1
    if end < len(plain) and not plain[end].isspace():
        space = plain.rfind(" ", 0, end)
        hyphen = plain.rfind("-", 1, end)
        end = max(space, hyphen + 1 if hyphen != -1 else 0, 0)
    return len(plain[:end].rstrip())


def cut(value: str | Text, width: int) -> Text:
    """`value` in at most `width` cells: whole, or cut after a word with an ellipsis."""
    if isinstance(value, str):
        return Text(cut_plain(inert(value), width))
    if width_of(value) <= width:
        return value
    if width <= 0:
        return Text()
    end = _cut_at(value.plain, width)
    out = value[:end]
    out.append(ELLIPSIS)
    return out


def cut_plain(plain: str, width: int) -> str:
    """`cut` for text without styles (already inert): the same cut, as a string."""
    if cells(plain) <= width:
        return plain
    if width <= 0:
        return ""
    return plain[: _cut_at(plain, width)] + ELLIPSIS


def wrap(value: str | Text, width: int) -> list[Text]:
    """`value` as lines of at most `width` cells, broken between words only; a single word
    wider than the line is cut with an ellipsis rather than split, except a web address,
    which is never cut (a reader copies it)."""
    if isinstance(value, str):
        return [Text(line) for line in wrap_plain(value, width)]
    lines = [_join(value, line) for line in _fill(value.plain, width)]
    # A web address is copied whole: it keeps a line of its own, however wide.
    return [line if "://" in line.plain else cut(line, width) for line in lines] or [Text()]


def wrap_plain(value: str, width: int) -> list[str]:
    """`wrap` for text without styles: the same lines, inert, as strings."""
    plain = inert(value)
    # Without styles, each line is its words joined by single spaces.
    if _NOT_ONE_CELL.search(plain):
        lines = [" ".join(plain[start:end] for start, end in line) for line in _fill(plain, width)]
    else:  # every character one cell wide: a word is as wide as it is long
        lines = _fill_one_cell(plain.split(), width)
    return [line if "://" in line else cut_plain(line, width) for line in lines] or [""]


def _fill_one_cell(words: list[str], width: int) -> list[str]:
    """`_fill` for words of one-cell characters, as the lines' text."""
    lines: list[str] = []
    current: list[str] = []
    used = 0
    for word in words:
        size = len(word)
        if current and used + 1 + size > width:
            lines.append(" ".join(current))
            current, used = [word], size
        elif current:
            current.append(word)
            used += 1 + size
        else:
            current, used = [word], size
    if current:
        lines.append(" ".join(current))
    return lines


_WORD = re.compile(r"\S+")


def _fill(plain: str, width: int) -> list[list[tuple[int, int]]]:
    """The words of `plain` (as positions) on lines of at most `width` cells, one space
    apart; a word wider than a line is alone on its line."""
    lines: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    used = 0
    for word in _WORD.finditer(plain):
        start, end = word.span()
        size = cells(word[0])
        if current and used + 1 + size > width:
            lines.append(current)
            current, used = [], 0
        if not current:
            current, used = [(start, end)], size
        else:
            current.append((start, end))
            used += 1 + size
    if current:
        lines.append(current)
    return lines


def _join(value: Text, words: list[tuple[int, int]]) -> Text:
    """The words of `value` at these positions, one space apart, styles kept."""
    whole = value[words[0][0] : words[-1][1]]
    if whole.plain == " ".join(value.plain[start:end] for start, end in words):
        return whole  # single spaces already: a style spanning words stays one span
    out = Text()
    for i, (start, end) in enumerate(words):
        if i:
            out.append(" ")
        out.append_text(value[start:end])
    return out


def hanging(label: str | Text, body: str | Text, width: int, indent: int) -> list[Text]:
    """`label` padded to `indent` cells, then `body` wrapped beside it; following lines start
    under the body. A label wider than the indent gets a line of its own, and so does a
    single word (a web address) too long to stand beside the label."""
    label = as_text(label)
    body = as_text(body)
    if " " not in body.plain.strip() and body.cell_len > width - indent:
        # One word too long to stand beside the label (a web address): a line of its own,
        # where it fits, rather than past the width.
        return [label, body]
    lines = wrap(body, max(width - indent, 1))
    if label.cell_len + 1 > indent:
        return [label, *(Text(" " * indent) + line for line in lines)]
    first = label.copy()
    first.pad_right(indent - label.cell_len)
    out = [first + lines[0]]
    out += [Text(" " * indent) + line for line in lines[1:]]
    return out


@dataclass
class Column:
    """One column of a one-line-per-item view.

    `cells` hold the values row by row. A column that is not `elastic` is never cut: it is
    shown whole or not at all. An elastic column (a title, a snippet) is cut with an ellipsis
    to the room left, and is shown only if at least `min_width` cells are left for it.
    `priority` orders who gets the room (0 first); the display order is the order given.
    `alternative` is a shorter form of the same column (kinds abbreviated), tried before the
    column is dropped. An `overflow` column is as wide as most of its cells; a longer cell
    (a rare long id) pushes the rest of its own row right, and that row's elastic cell gives
    way.
    """

    header: str
    cells: Sequence[str | Text]
    priority: int = 0
    elastic: bool = False
    min_width: int = 12
    alternative: Column | None = None
    align_right: bool = False
    overflow: bool = False
    shown_width: int = field(default=0, init=False)
    _widths: list[int] | None = field(default=None, init=False, repr=False, compare=False)
    _shown: list[str | Text] | None = field(default=None, init=False, repr=False, compare=False)

    def widths(self) -> list[int]:
        """The width of each cell as it is shown (record text inert: a control character
        escaped), measured once."""
        if self._widths is None:
            self._widths = list(map(width_of, self.shown()))
        return self._widths

    def shown(self) -> list[str | Text]:
        """The cells as they are shown: strings made inert, Text as given; made once."""
        if self._shown is None:
            self._shown = [inert(c) if isinstance(c, str) else c for c in self.cells]
        return self._shown

    def natural_width(self) -> int:
        widths = sorted(self.widths())
        if self.overflow and widths:
            # As wide as the cells near the typical one; a cell far wider overflows its row.
            median = widths[len(widths) // 2]
            widest = max(w for w in widths if w <= median + OVERFLOW_SLACK)
        else:
            widest = widths[-1] if widths else 0
        # A column with nothing in it (no meeting shown has a time) is left out.
        return max(widest, cell_len(self.header)) if widest else 0


# How much wider than the median cell an overflow column still grows for.
OVERFLOW_SLACK = 6


def plan(columns: Sequence[Column], width: int) -> list[Column]:
    """The columns that fit in `width`, in display order, each with its `shown_width`.

    Columns are taken by priority. One that does not fit whole is replaced by its shorter
    alternative, else dropped; an elastic column reserves its `min_width` when it comes, and
    at the end gets all the room that is left.
    """
    chosen: dict[int, Column] = {}
    used = 0
    for index in sorted(range(len(columns)), key=lambda i: columns[i].priority):
        column: Column | None = columns[index]
        while column is not None:
            natural = column.natural_width()
            need = (min(column.min_width, natural) if column.elastic else natural) + (
                len(GAP) if chosen else 0
            )
            if natural and used + need <= width:
                column.shown_width = need - (len(GAP) if chosen else 0)
                chosen[index] = column
                used += need
                break
            column = column.alternative
    for column in chosen.values():
        if column.elastic:
            column.shown_width = min(column.natural_width(), column.shown_width + width - used)
            break
    return [chosen[i] for i in sorted(chosen)]


def render_rows(columns: Sequence[Column], width: int, *, header: bool = True) -> list[Text]:
    """`table_lines`, every line as Text (for views that go on styling them)."""
    lines = table_lines(columns, width, header=header)
    return [Text(line) if isinstance(line, str) else line for line in lines]


def table_lines(columns: Sequence[Column], width: int, *, header: bool = True) -> list[Line]:
    """The rows of `columns` fitted to `width`, a header line first when asked.

    No line is wider than `width`: where an overflowing cell pushes its row, the row's elastic
    cell is cut shorter, and cells that no longer fit at all are left off that row.

    The plan is made once, from widths measured once; each row is then laid out from the
    widths of its own cells, and is a plain string unless a cell has styles, so a long table
    costs a few microseconds a row.
    """
    shown = plan(columns, width)
    if not shown:
        return []
    lines: list[Line] = []
    if header:
        line = Text()
        for i, column in enumerate(shown):
            if i:
                line.append(GAP)
            line.append(column.header.ljust(column.shown_width), style="bold")
        lines.append(_rstrip(line))
    laid = [_Laid.of(column) for column in shown]
    count = len(shown[0].cells)
    if any(c.joins for c in laid):  # measured as Rich does, a row at a time
        return lines + [_placed(laid, row, width) for row in range(count)]
    # Column by column, each cell padded to its column's width: the rows an overflowing cell
    # pushes, those with styles and those whose elastic cell comes out empty are laid out
    # one at a time by `_place`, which gives the same line for every other row.
    apart: set[int] = set()
    pushed = [c.pushes for c in laid if c.pushes]
    if pushed:
        apart.update(row for row, push in enumerate(map(sum, zip(*pushed, strict=True))) if push)
    padded: list[list[str]] = []
    for c in laid:
        room = c.column.shown_width
        shown_cells: list[str] = []
        for row, (cell, size) in enumerate(zip(c.cells, c.sizes, strict=True)):
            if not isinstance(cell, str):
                apart.add(row)
                shown_cells.append("")
                continue
            if c.column.elastic:
                if size > room:
                    cell = cut_plain(cell, room)
                    size = cells(cell)
                if not size:
                    apart.add(row)
            pad = " " * (room - size) if room > size else ""
            shown_cells.append(pad + cell if c.column.align_right else cell + pad)
        padded.append(shown_cells)
    for row, parts in enumerate(zip(*padded, strict=True)):
        lines.append(_placed(laid, row, width) if row in apart else GAP.join(parts).rstrip())
    return lines


def _placed(laid: Sequence[_Laid], row: int, width: int) -> Line:
    """One row laid out by `_place`: a string, or Text where a cell has styles."""
    pieces = _place(laid, row, width)
    plain = [piece for piece in pieces if isinstance(piece, str)]
    if len(plain) == len(pieces):  # no styles: the line is one string
        return "".join(plain).rstrip()
    line = Text()
    for piece in pieces:
        if isinstance(piece, str):
            line.append(piece)
        else:
            line.append_text(piece)
    return _rstrip(line)


@dataclass
class _Laid:
    """A column being laid out: its cells as shown (inert) and their widths, the column's
    own (Column.shown and Column.widths, made once)."""

    column: Column
    cells: list[str | Text]
    sizes: list[int]
    pushes: list[int]  # how far each cell overflows the column (overflow columns only)
    joins: bool  # a cell holds a joiner, which Rich measures with what precedes it

    @classmethod
    def of(cls, column: Column) -> _Laid:
        shown, sizes = column.shown(), column.widths()
        plain = "".join(_plain(cell) for cell in shown)
        pushes = [max(size - column.shown_width, 0) for size in sizes] if column.overflow else []
        return cls(column, shown, sizes, pushes, "\u200d" in plain or "\ufe0f" in plain)


def _place(laid: Sequence[_Laid], row: int, width: int) -> list[str | Text]:
    """One row as the pieces of its line: its cells as they are shown (inert, the elastic
    one cut), the gaps between them and the padding that aligns them.

    Where the row's overflowing cells push it, its elastic cell gives way; a cell that would
    cross `width` ends the row.
    """
    excess = sum(c.pushes[row] for c in laid if c.pushes)
    pieces: list[str | Text] = []
    used = 0  # the width of the line so far
    exact = True  # no joiner so far, so the line is as wide as its pieces together
    for i, c in enumerate(laid):
        column = c.column
        cell = c.cells[row]
        size = c.sizes[row]
        room = column.shown_width
        if column.elastic:
            room = max(room - excess, 0)
            excess -= column.shown_width - room
            if size > room:
                cell = cut_plain(cell, room) if isinstance(cell, str) else cut(cell, room)
                size = cells(_plain(cell))
            if not size:
                continue
        elif not column.overflow:
            if not exact:  # a joiner: measure the line as a whole, as Rich does
                used = cell_len("".join(_plain(piece) for piece in pieces))
            if used + len(GAP) * bool(i) + room > width:
                break
        if i:
            pieces.append(GAP)
        pad = " " * max(room - size, 0)
        pieces += (pad, cell) if column.align_right else (cell, pad)
        used += len(GAP) * bool(i) + size + len(pad)
        exact = exact and not c.joins
    return pieces


def _plain(piece: str | Text) -> str:
    return piece if isinstance(piece, str) else piece.plain


def _rstrip(line: Text) -> Text:
    line.rstrip()
    return line


def heading(value: str | Text) -> Text:
    """A section heading: bold at a terminal, plain text when piped."""
    out = as_text(value).copy()
    out.stylize("bold")
    return out


def kind_column(kinds: Sequence[str], priority: int) -> Column:
    """Meeting kinds, in their short forms ("phone", "call") where the full ones do not fit."""
    from .values import SHORT_KINDS

    short = Column("KIND", [SHORT_KINDS[k] for k in kinds])
    return Column("KIND", kinds, priority=priority, alternative=short)


def title_column(titles: Sequence[str], priority: int, min_width: int) -> Column:
    """Meeting titles, cut to the room left; narrower than `min_width`, a short title still
    beats none once everything else is placed."""
    last = Column("TITLE", titles, priority=99, elastic=True, min_width=10)
    return Column(
        "TITLE", titles, priority=priority, elastic=True, min_width=min_width, alternative=last
    )
