"""The fast paths of cells and output: plain rows laid out without Rich measuring each cell
must be the rows Rich would have given, in width and at a terminal."""

from __future__ import annotations

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.text import Text

from readouts_cli.cli.cells import (
    Column,
    _Laid,
    _placed,
    cells,
    plan,
    render_rows,
    table_lines,
    wrap,
    wrap_plain,
)
from readouts_cli.cli.output import console, inert, print_lines

# Letters, wide characters, a joiner and a variation selector (which Rich measures with the
# character before them), combining marks, tabs and control characters.
ODD = st.text(
    st.sampled_from(list("ab -é—…日本👩") + ["\u200d", "\ufe0f", "\u0301", "\t", "\x1b", "\u00ad"]),
    max_size=30,
)


@given(ODD)
def test_a_string_is_as_wide_as_rich_measures_it(value: str) -> None:
    assert cells(value) == cell_len(value)


def test_every_character_measured_by_its_length_is_one_cell_wide() -> None:
    # The fast path takes these as one cell each without asking Rich: so must Rich.
    one_cell = [chr(c) for c in range(0x300) if cells(chr(c)) == 1]
    assert "a" in one_cell and "é" in one_cell and "\x1b" not in one_cell
    assert all(cell_len(c) == 1 for c in one_cell)


def columns(rows: list[list[str]], styled: bool) -> list[Column]:
    cell = Text if styled else str
    return [
        Column("ID", [cell(r[0]) for r in rows], overflow=True),
        Column("WHEN", [cell(r[1]) for r in rows], priority=1),
        Column("N", [cell(r[2]) for r in rows], priority=2, align_right=True),
        Column("TITLE", [cell(r[3]) for r in rows], priority=3, elastic=True, min_width=5),
    ]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(ODD, min_size=4, max_size=4), max_size=6), st.integers(8, 60))
def test_plain_cells_are_laid_out_as_unstyled_text_is(rows: list[list[str]], width: int) -> None:
    # Text cells are taken as they are; strings are shown inert first, so compare the two
    # on strings that need no escaping.
    rows = [[c.replace("\x1b", "") for c in row] for row in rows]
    plain = [str(line) for line in table_lines(columns(rows, styled=False), width)]
    as_text = [line.plain for line in render_rows(columns(rows, styled=True), width)]
    assert plain == as_text


# What most rows hold: no joiner, so rows are laid out column by column.
COMMON = st.text(st.sampled_from(list("ab -é—…日本") + ["\u0301", "\t"]), max_size=30)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.lists(COMMON, min_size=4, max_size=4), max_size=8),
    st.integers(8, 60),
    st.booleans(),
)
def test_rows_laid_out_column_by_column_are_those_laid_out_one_by_one(
    rows: list[list[str]], width: int, title_first: bool
) -> None:
    # Text cells take every row through the one-by-one layout; strings take the rows no
    # cell pushes through the column-by-column one. Both must give the same lines, with the
    # elastic column last or in the middle.
    def laid(styled: bool) -> list[Column]:
        made = columns(rows, styled)
        return [made[3], *made[:3]] if title_first else made

    plain = [str(line) for line in table_lines(laid(styled=False), width)]
    as_text = [line.plain for line in render_rows(laid(styled=True), width)]
    assert plain == as_text


# Control characters: no cells as given, several once escaped, as they are shown.
CONTROLS = st.text(st.sampled_from(list("ab -é日") + ["\x00", "\x07"]), max_size=20)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(CONTROLS, min_size=4, max_size=4), max_size=6), st.integers(8, 60))
def test_control_characters_are_measured_as_shown_and_never_widen_a_line(
    rows: list[list[str]], width: int
) -> None:
    # A column is planned from its cells as shown (escaped), so laying rows out a column at
    # a time gives the lines `_place` gives, and none is wider than the width.
    made = columns(rows, styled=False)
    lines = table_lines(made, width)
    shown = plan(made, width)
    laid = [_Laid.of(column) for column in shown]
    assert lines[1:] == ([_placed(laid, row, width) for row in range(len(rows))] if shown else [])
    # Wider only where the id, which is never cut, is wider itself.
    for line, row in zip(lines[1:], rows, strict=False):
        assert cells(str(line)) <= max(width, cells(inert(row[0])))


@given(
    st.one_of(ODD, st.text(st.sampled_from(list("ab -é—…\xa0\t\n")), max_size=60)),
    st.integers(1, 40),
)
def test_plain_text_wraps_as_text_does(value: str, width: int) -> None:
    # Text of one-cell characters only is wrapped by a faster way: the lines must be the same.
    assert wrap_plain(value, width) == [line.plain for line in wrap(value, width)]


@pytest.mark.parametrize(
    "lines",
    [
        [],
        ["plain", "two  spaces"],
        [Text("bold", style="bold"), "plain", "tab\there", Text(""), "after"],
        ["first", Text("a ") + Text("b", style="reverse"), "last"],
    ],
)
def test_at_a_terminal_plain_lines_go_out_as_rich_writes_them(
    lines: list[Text | str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    print_lines(lines)
    shown = capsys.readouterr().out
    expected = io.StringIO()
    rich = console(expected)
    assert rich.is_terminal and not rich.no_color
    block = Text("\n").join(Text(line) if isinstance(line, str) else line for line in lines)
    rich.print(block, soft_wrap=True, crop=False)
    assert shown == expected.getvalue()
