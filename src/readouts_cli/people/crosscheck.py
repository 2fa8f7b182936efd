"""The registry against the records: names that could be two people, unknown participants
(with --strict), titles that contradict a registered role."""

from __future__ import annotations

import functools
import hashlib
import json
import re
from collections.abc import Iterable
from pathlib import Path

from .. import tomlio
from ..errors import Problem
from ..store import Finding, LineUp, Store
from ..textfold import fold
from . import names
from . import registry as registry_module
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
    found = [f for line_up in line_ups for f in check_line_up(line_up, registry, strict=strict)]
    return _sorted(found, registry)


def crosscheck_store(
    store: Store, registry: Registry, *, strict: bool
) -> tuple[list[Problem], list[Problem]]:
    """`crosscheck` of every record of `store`, which remembers what it can: a record is
    checked again only when it changed, or when people.toml, --strict or this code did."""
    found = store.checked(
        _against(registry, strict=strict),
        lambda line_up: check_line_up(line_up, registry, strict=strict),
    )
    return _sorted(found, registry)


def _sorted(found: Iterable[Finding], registry: Registry) -> tuple[list[Problem], list[Problem]]:
    errors: list[Problem] = []
    warnings: list[Problem] = list(registry.warnings)
    for kind, problem in found:
        (warnings if kind == "warning" else errors).append(problem)
    return errors, warnings


def _against(registry: Registry, *, strict: bool) -> str:
    """A digest of what `check_line_up` reads besides the record: the registered people,
    --strict, and the code that matches names to them and compares titles."""
    digest = hashlib.blake2b(f"strict={strict}".encode(), digest_size=16)
    for module in (__file__, names.__file__, registry_module.__file__):
        digest.update(Path(module).read_bytes())
    people = [person.model_dump(mode="json") for person in registry.people.values()]
    digest.update(json.dumps(people, ensure_ascii=False).encode())
    return digest.hexdigest()


def check_line_up(line_up: LineUp, registry: Registry, *, strict: bool) -> list[Finding]:
    """What the registry says of one meeting's participants, in their order: errors (a name
    that could be two people; with `strict`, a participant from a country who is not in the
    registry) and warnings (a title that contradicts the registered role on the day)."""
    path, date, seats = line_up
    found: list[Finding] = []
    lines: dict[tuple[str | int, ...], int] | None = None
    for index, participant in enumerate(seats):
        matches = registry.resolve(participant.name)
        problem: tuple[str, str, str | None] | None = None
        kind = "error"
        if len(matches) > 1:
            problem = (
                "name",
                f"{participant.name!r} could be "
                + ", ".join(f"{p.name} ({p.id})" for p in matches),
                "use a fuller spelling, or make the aliases in people.toml distinct",
            )
        elif not matches and strict and participant.country:
            problem = (
                "name",
                f"{participant.name!r} is not in people.toml",
                _hint(registry, participant.name),
            )
        elif len(matches) == 1 and participant.title:
            held = matches[0].title_on(date)
            if held and not _compatible(participant.title, held):
                kind = "warning"
                problem = (
                    "title",
                    f"{participant.title!r}, but people.toml has {matches[0].name} as "
                    f"{held!r} on {date}",
                    None,
                )
        if problem:
            if lines is None:
                lines = _lines(Path(path))
            field, message, hint = problem
            loc = ("participants", index, field)
            located = Problem(
                message,
                file=Path(path),
                line=tomlio.line_of(lines, loc) or 1,
                field=f"participants[{index}].{field}",
                hint=hint,
            )
            found.append(Finding(kind, located))
    return found


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
