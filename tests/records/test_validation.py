"""Every validation error is said in the project's words, never Pydantic's."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run, write

BASE = 'date = 2024-01-07\ntitle = "A meeting"\nkind = "meeting"\n'


@pytest.mark.parametrize(
    ("line", "said"),
    [
        ('kind = "phone"', "kind: 'phone' is not one of: meeting, courtesy-call, telephone-talk"),
        ('level = "sumit"', "level: 'sumit' is not one of: summit, ministerial"),
        ("duration_minutes = 0", "duration_minutes: must be greater than 0"),
        ("duration_minutes = 99999", "duration_minutes: must be at most 10080"),
        ('duration_minutes = "60"', "duration_minutes: must be a whole number"),
        ("title = 3", "title: must be text in quotes"),
        ('time = "15:10"', "time: must be a time of day, not a string in quotes"),
        ("tags = 3", "tags: must be a list"),
        ('participants = "Kishida"', "participants: must be a list"),
        ('summary = ""', "summary: must not be empty"),
    ],
)
def test_a_bad_value_is_said_in_our_words(tmp_path: Path, line: str, said: str) -> None:
    text = BASE.replace('kind = "meeting"\n', "") if line.startswith("kind") else BASE
    if line.startswith("title"):
        text = text.replace('title = "A meeting"\n', "")
    write(tmp_path / "d", "meetings/2024/2024-01-07-a-b.toml", text + line + "\n")
    result = run("--data", str(tmp_path / "d"), "check")
    assert result.code == 1
    assert said in result.err
    assert "Input should" not in result.err and "Value error" not in result.err


def test_a_near_miss_of_a_closed_choice_suggests_it(tmp_path: Path) -> None:
    write(tmp_path / "d", "meetings/2024/2024-01-07-a-b.toml", BASE + 'level = "sumit"\n')
    result = run("--data", str(tmp_path / "d"), "check")
    assert "hint: did you mean 'summit'?" in result.err
