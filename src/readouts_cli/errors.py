"""The one family of exceptions the core raises, and how a problem is spelled.

Core modules raise these; the CLI edge turns them into `error: FILE:LINE: message` lines on
stderr and exit code 1. Nothing here prints.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the data: where it is, what it is, and how to fix it."""

    message: str
    file: Path | None = None
    line: int | None = None
    field: str | None = None
    hint: str | None = None

    def location(self) -> str:
        if self.file is None:
            return ""
        return f"{self.file}:{self.line}" if self.line else str(self.file)

    def __str__(self) -> str:
        parts = [p for p in (self.location(), self.field, self.message) if p]
        return ": ".join(parts)


class ReadoutsError(Exception):
    """An expected failure: bad data, a lookup that found nothing, a refused write."""

    def __init__(self, *problems: Problem) -> None:
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = problems

    @classmethod
    def of(
        cls,
        message: str,
        *,
        file: Path | None = None,
        line: int | None = None,
        field: str | None = None,
        hint: str | None = None,
    ) -> ReadoutsError:
        return cls(Problem(message, file=file, line=line, field=field, hint=hint))


class DataError(ReadoutsError):
    """The corpus holds one or more invalid files."""


class NotFoundError(ReadoutsError):
    """A date, id or name that matches nothing."""


class WriteError(ReadoutsError):
    """A write that was refused or failed (existing file, path outside the data folder)."""
