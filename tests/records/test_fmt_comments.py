"""fmt never drops a comment: after multi-line strings, around an array's `]`, never in a string."""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from conftest import run, write
from readouts_cli.canonical import extract_comments, format_text

HEAD = 'date = 2024-04-03\ntitle = "Talk"\nkind = "telephone-talk"\n'
RECORD = "meetings/2024/2024-04-03-talk.toml"

# name: (file as written, file after fmt, the comments in it)
KEPT: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "after a multi-line basic string": (
        HEAD + 'summary = """One.\nTwo."""  # note\n',
        HEAD + 'summary = "One.\\nTwo."  # note\n',
        ("# note",),
    ),
    "after a multi-line literal string": (
        HEAD + "summary = '''One.\nTwo.'''  # note\n",
        HEAD + 'summary = "One.\\nTwo."  # note\n',
        ("# note",),
    ),
    "after a line-ending backslash": (
        HEAD + 'summary = """One \\\n    two."""  # note\n',
        HEAD + 'summary = "One two."  # note\n',
        ("# note",),
    ),
    "after quotes just before the closing ones": (
        HEAD + 'summary = """He said "yes\n""""  # note\n',
        HEAD + 'summary = "He said \\"yes\\n\\""  # note\n',
        ("# note",),
    ),
    "after a multi-line string in an array": (
        HEAD + 'points = [\n  """One.\nTwo.""",  # first\n  "Three.",\n]\n',
        HEAD + 'points = [\n    "One.\\nTwo.",  # first\n    "Three.",\n]\n',
        ("# first",),
    ),
    "above a key after a multi-line string": (
        HEAD + "summary = '''One.\n# still the summary'''\n# about the points\npoints = [\"A.\"]\n",
        HEAD + 'summary = "One.\\n# still the summary"\n# about the points\npoints = [\n'
        '    "A.",\n]\n',
        ("# about the points",),
    ),
    "around the closing bracket": (
        HEAD + 'points = [\n  "a",\n  # about b\n  "b",\n  # no more\n]  # end of points\n'
        "# trailing\n",
        HEAD + 'points = [\n    "a",\n    # about b\n    "b",\n    # no more\n]  # end of points\n'
        "\n# trailing\n",
        ("# about b", "# no more", "# end of points", "# trailing"),
    ),
    "after the closing bracket, above the next key": (
        HEAD + 'points = [\n  "a",\n]\n# about the tags\ntags = ["x"]\n',
        HEAD + '# about the tags\ntags = ["x"]\npoints = [\n    "a",\n]\n',
        ("# about the tags",),
    ),
    "inside an empty array": (
        HEAD + "points = [\n  # to write\n]  # none yet\n",
        HEAD + "points = [\n    # to write\n]  # none yet\n",
        ("# to write", "# none yet"),
    ),
    "among tags, which then keep one a line": (
        HEAD + 'tags = [\n  "a",\n  "b",  # why b\n]\n',
        HEAD + 'tags = [\n    "a",\n    "b",  # why b\n]\n',
        ("# why b",),
    ),
    "after a multi-line string in a table": (
        HEAD + '[[aid]]\nwhat = """grants\nand loans"""  # what\ndonor = "JP"\n'
        'category = "financial"\nstatus = "announced"\n',
        HEAD + '\n[[aid]]\ndonor = "JP"\nwhat = "grants\\nand loans"  # what\n'
        'category = "financial"\nstatus = "announced"\n',
        ("# what",),
    ),
}

# Every `#` here is text in a string: no comment may be found, and fmt must keep each value.
HASH_IN_STRINGS = {
    "basic": 'date = 2024-04-03\ntitle = "Issue #3"\nkind = "telephone-talk"\n',
    "escaped quotes": HEAD.replace('"Talk"', '"He said \\"#1\\" # twice"'),
    "literal": HEAD + "place = 'Room #2'\n",
    "url": HEAD + 'source = "https://example.org/readout#top"\n',
    "multi-line literal": HEAD + "summary = '''Point #1\n# not a comment\n'''\n",
    "multi-line basic": HEAD + 'summary = """Point #1 \\"""\n# not a comment ""\n"""\n',
    "other quotes inside": HEAD + "summary = '''say \"\"\" # not\n# not'''\n",
    "in an array": HEAD + 'points = [\n  "a # b",\n  """c\n# d""",\n  \'#\',\n]\n',
}


def fmt(tmp_path: Path, text: str) -> tuple[int, str, str, Path]:
    root = tmp_path / "d"
    path = write(root, RECORD, text)
    result = run("--data", str(root), "fmt")
    return result.code, result.out, result.err, path


@pytest.mark.parametrize("written, formatted, _", KEPT.values(), ids=list(KEPT))
def test_fmt_keeps_the_comment(
    tmp_path: Path, written: str, formatted: str, _: tuple[str, ...]
) -> None:
    code, out, err, path = fmt(tmp_path, written)
    assert (code, out) == (0, f"{path}\n")
    assert err == "1 file(s) reformatted, 0 unchanged, 0 invalid\n"
    assert path.read_text(encoding="utf-8") == formatted


@pytest.mark.parametrize("written", HASH_IN_STRINGS.values(), ids=list(HASH_IN_STRINGS))
def test_a_hash_in_a_string_is_no_comment(tmp_path: Path, written: str) -> None:
    assert extract_comments(written).all() == []
    code, _, err, path = fmt(tmp_path, written)
    assert code == 0
    assert "warning" not in err
    formatted = path.read_text(encoding="utf-8")
    assert tomllib.loads(formatted) == tomllib.loads(written)
    assert extract_comments(formatted).all() == []
    # A `#` taken for a comment would have been cut off the value or moved onto a line of its own.
    assert not [line for line in formatted.splitlines() if line.lstrip().startswith("#")]


def test_a_comment_after_a_string_with_hashes_is_kept() -> None:
    written = HEAD.replace('"Talk"', '"Issue #3"  # the real one')
    written += "summary = '''a # b\n# c'''  # after\n"
    assert extract_comments(written).all() == ["# after", "# the real one"]
    assert "# the real one\n" in format_text(written)


@pytest.mark.parametrize(
    "written, line",
    [
        # The elements share the key's line, so this comment has no element to stand with.
        (HEAD + 'tags = ["b",\n  # about a\n  "a"]\n', 5),
        (HEAD + 'tags = ["b",\n  "a"  # about a\n]\n', 5),
        (HEAD + "summary = '''x\ny'''\n" + 'tags = ["b",\n  # about a\n  "a"]\n', 7),
    ],
    ids=["above an element", "beside an element", "below a multi-line string"],
)
def test_a_refusal_names_the_comment_line(tmp_path: Path, written: str, line: int) -> None:
    code, out, err, path = fmt(tmp_path, written)
    assert (code, out) == (1, "")
    assert err == (
        f"error: {path}: left unchanged: line {line}: a comment here has no key to stay with\n"
        "0 file(s) reformatted, 0 unchanged, 1 left as they are, 0 invalid\n"
    )
    assert "# about a" in written.split("\n")[line - 1]
    assert path.read_text(encoding="utf-8") == written


@pytest.mark.parametrize(
    "written, comments",
    [
        *((w, c) for w, _, c in KEPT.values()),
        *((w, ()) for w in HASH_IN_STRINGS.values()),
    ],
    ids=[*KEPT, *HASH_IN_STRINGS],
)
def test_fmt_is_idempotent_and_keeps_the_same_comments(
    written: str, comments: tuple[str, ...]
) -> None:
    once = format_text(written)
    assert format_text(once) == once
    assert set(extract_comments(written).all()) == set(comments)
    assert set(extract_comments(once).all()) == set(comments)
    for comment in comments:
        assert comment in once


def as_basic(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def as_multiline_basic(value: str) -> str:
    return '"""' + value.replace("\\", "\\\\").replace('"', '\\"') + '"""'


def as_multiline_literal(value: str) -> str:
    return f"'''{value}'''"


def as_continued(value: str) -> str:
    """A multi-line basic string cut in two by a line-ending backslash."""
    half = len(value) // 2
    return as_multiline_basic(value[:half])[:-3] + "\\\n    " + as_multiline_basic(value[half:])[3:]


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet="ab #\"'\\[]{}=\n", max_size=24),
    st.sampled_from([as_basic, as_multiline_basic, as_multiline_literal, as_continued]),
)
def test_comments_around_any_string_survive(value: str, render: Callable[[str], str]) -> None:
    value = "x" + value  # a line break right after the opening quotes is not part of a string
    if render is as_multiline_literal:
        assume("'''" not in value)
    if render is as_basic:
        value = value.replace("\n", " ")
    string = render(value)
    written = (
        f"{HEAD}summary = {string}  # after the summary\n"
        f"points = [\n  {string},  # beside the point\n  # no more\n]  # after the points\n"
        "# at the end\n"
    )
    data = tomllib.loads(written)
    if render is not as_continued:
        assert data["summary"] == value
    comments = sorted(
        ["# after the summary", "# beside the point", "# no more", "# after the points"]
        + ["# at the end"]
    )
    assert extract_comments(written).all() == comments
    once = format_text(written)
    assert tomllib.loads(once) == data
    assert format_text(once) == once
    assert extract_comments(once).all() == comments
