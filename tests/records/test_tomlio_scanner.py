"""The one TOML scanner: key lines and comments are found by reading strings as TOML does."""

from __future__ import annotations

import tomllib

from readouts_cli import tomlio

TRICKY = """\
title = '''a literal string with \"\"\" inside'''
summary = \"\"\"a multi-line
string with a # and a [ in it
\"\"\"  # a comment after it
points = [
    "one",  # beside the first point
    'two ]',
]
kind = "meeting"
"""


def test_key_lines_read_strings_as_toml_does() -> None:
    tomllib.loads(TRICKY)  # the sample is valid TOML
    lines = tomlio.key_lines(TRICKY)
    assert lines[("title",)] == 1
    assert lines[("summary",)] == 2
    assert lines[("points",)] == 5
    assert (lines[("points", 0)], lines[("points", 1)]) == (6, 7)
    assert lines[("kind",)] == 9


def test_the_scanner_keeps_line_numbers_and_finds_comments_outside_strings() -> None:
    scanned = tomlio.scan(TRICKY)
    assert len(scanned) == len(TRICKY.split("\n"))
    assert [(line.comment.text, line.comment.line) for line in scanned if line.comment] == [
        ("# a comment after it", 4),  # its own line in the file, though it joins line 2
        ("# beside the first point", 6),
    ]
