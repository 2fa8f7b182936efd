"""Shared fixtures: every test runs in an empty folder with its own empty data folder."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from readouts_cli.cli.app import app

FIXTURES = Path(__file__).parent / "fixtures"
CORPUS = FIXTURES / "corpus"
REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test reads a user's data, terminal settings or working folder by accident."""
    empty = tmp_path / "empty-data"
    (empty / "meetings").mkdir(parents=True)
    monkeypatch.setenv("READOUTS_DATA", str(empty))
    monkeypatch.setenv("READOUTS_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("COLUMNS", "120")
    for name in ("NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE"):
        monkeypatch.delenv(name, raising=False)
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    return work


@dataclass
class Result:
    code: int
    out: str
    err: str


def run(*args: str, input: str | None = None) -> Result:
    """Run `readouts ARGS` in-process; an unexpected exception fails the test with its traceback."""
    result = CliRunner().invoke(app, list(args), input=input)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return Result(result.exit_code, result.stdout, result.stderr)


def write(root: Path, relative: str, text: str) -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def lines(text: str) -> list[str]:
    """Output lines as a list, for comparing whole outputs line by line."""
    return [line.rstrip() for line in text.splitlines()]


# A valid record that tests spoil one way or another.
GOOD = """\
date = 2024-01-07
title = "A meeting"
kind = "meeting"
time = 15:10:00
timezone = "Europe/Kyiv"
points = ["One.", "Two."]

[[participants]]
name = "Kamikawa Yoko"
country = "JP"
"""


def corpus_with(tmp_path: Path, text: str, name: str = "2024-01-07-a-b") -> Path:
    """A data folder holding one record with this text."""
    root = tmp_path / "bad"
    write(root, f"meetings/2024/{name}.toml", text)
    return root
