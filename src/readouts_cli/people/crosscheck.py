"""The registry against the records: names that could be two people, unknown participants
(with --strict), titles that contradict a registered role."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from pathlib import Path

from .. import tomlio
from ..errors import Problem
from ..store import LineUp
from ..textfold import fold
from .registry import Registry


def _lines(path: Path) -> dict[tuple[str | int, ...], int]:
    try:
        return tomlio.key_lines(tomlio.read_text(path))
    except Exception:  # the file changed or vanished since it was loaded: no line to give
        return {}


def crosscheck(
    line_ups: Iterable[LineUp], registry: Registry, *, strict: bool
) -> tuple[list[Problem], list[Problem]]:
    """Problems (errors, warnings) between the records and the registry.

    Errors: a participant name that could be two registered people; with `strict`, a
    participant the registry does not know (with the closest entries as a hint). Warnings:
    the registry's own (a one-word spelling another person's name shares), and a
    participant's title that contradicts the registry's role for them on the meeting's date.
    """
    errors: list[Problem] = []
    warnings: list[Problem] = list(registry.warnings)
    for path, date, seats in line_ups:
        lines: dict[tuple[str | int, ...], int] | None = None
        for index, participant in enumerate(seats):
            found = registry.resolve(participant.name)
            problem: tuple[str, str, str | None] | None = None
            target: list[Problem] = errors
            if len(found) > 1:
                problem = (
                    "name",
                    f"{participant.name!r} could be "
                    + ", ".join(f"{p.name} ({p.id})" for p in found),
                    "use a fuller spelling, or make the aliases in people.toml distinct",
                )
            elif not found and strict and participant.country:
                problem = (
                    "name",
                    f"{participant.name!r} is not in people.toml",
                    _hint(registry, participant.name),
                )
            elif len(found) == 1 and participant.title:
                held = found[0].title_on(date)
                if held and not _compatible(participant.title, held):
                    target = warnings
                    problem = (
                        "title",
                        f"{participant.title!r}, but people.toml has {found[0].name} as "
                        f"{held!r} on {date}",
                        None,
                    )
            if problem:
                if lines is None:
                    lines = _lines(path)
                field, message, hint = problem
                loc = ("participants", index, field)
                target.append(
                    Problem(
                        message,
                        file=path,
                        line=tomlio.line_of(lines, loc) or 1,
                        field=f"participants[{index}].{field}",
                        hint=hint,
                    )
                )
    return errors, warnings


def _hint(registry: Registry, name: str) -> str:
    close = registry.suggest(name)
    if not close:
        return "add the person to people.toml"
    options = " or ".join(f"{p.name} ({p.id})" for p in close)
    return f"did you mean {options}? add this spelling to its aliases"


_FILLER = frozenset({"of", "for", "the", "and", "on", "in"})


# A corpus gives the same few titles again and again: each pair is compared once.
@functools.cache
def _compatible(written: str, held: str) -> bool:
    """Whether a record's title can be the registry's title: one's words within the other's."""
    a = {w for w in re.findall(r"[^\W_]+", fold(written)) if w not in _FILLER}
    b = {w for w in re.findall(r"[^\W_]+", fold(held)) if w not in _FILLER}
    aliases = {"foreign": {"foreign", "affairs"}}
    for word, same in aliases.items():
        if word in a and same <= b | {word}:
            a |= same
        if word in b and same <= a | {word}:
            b |= same
    return a <= b or b <= a
