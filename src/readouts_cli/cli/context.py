"""Where the core meets the terminal: loading the corpus for a command and reporting problems.

Every expected failure is spelled here, and only here, as `error: FILE:LINE: field: message`
with an optional `hint:` line, on stderr.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from ..errors import DataError, Problem
from .output import inert

if TYPE_CHECKING:
    from ..people.matching import Roster
    from ..store import Store


@dataclass
class State:
    """What the global options chose, handed to every command through the Typer context."""

    data: Path | None = None
    skip_invalid: bool = False
    no_cache: bool = False


def state(ctx: typer.Context) -> State:
    found = ctx.find_object(State)
    return found if found is not None else State()


def report(problems: Iterable[Problem], level: str = "error") -> None:
    for problem in problems:
        sys.stderr.write(inert(f"{level}: {problem}") + "\n")
        if problem.hint:
            sys.stderr.write(inert(f"hint: {problem.hint}") + "\n")


def say(message: str) -> None:
    """A message for the user that is not the command's output: stderr."""
    sys.stderr.write(inert(message) + "\n")


def open_store(ctx: typer.Context) -> Store:
    """The store of the data folder the global options point at, problems and all.

    Answered from the index in the cache folder, unless `--no-cache` asks to read every file.
    """
    from ..corpus import find_data_dir
    from ..store import Store

    root = find_data_dir(state(ctx).data)
    if state(ctx).no_cache:
        return Store.open(root)
    from ..index import open_indexed

    return open_indexed(root)


class FilesStopped(DataError):
    """Bad files stopped a reading command, which --skip-invalid would have let go on."""


def load(ctx: typer.Context) -> Store:
    """The store for a command; bad files stop the command unless the user chose to skip them."""
    store = open_store(ctx)
    if store.problems:
        if not state(ctx).skip_invalid:
            raise FilesStopped(*store.problems)
        report(store.problems, level="warning")
        say(f"warning: skipped {len(store.problems)} problem(s); the output leaves those files out")
    return store


def open_roster(ctx: typer.Context, *, needed: bool = True) -> Roster:
    """The people registry of the data folder; a bad people.toml stops the command unless
    skipped. A command that does not need it (`needed=False`: the timeline only shortens names
    with it) goes on without it and says nothing: `check` is where its problems are told."""
    from ..corpus import find_data_dir
    from ..people.matching import Roster
    from ..people.registry import Registry, load_registry

    try:
        return Roster(load_registry(find_data_dir(state(ctx).data)))
    except DataError as err:
        if not needed:
            return Roster(Registry())
        if not state(ctx).skip_invalid:
            raise
        report(err.problems, level="warning")
        say("warning: people.toml has problems; going on without it")
        return Roster(Registry())


def person_names(ctx: typer.Context, store: Store, query: str | None) -> frozenset[str] | None:
    """The participant names that count as the person `query` names, for the --person filter.

    Resolved through people.toml, so every spelling of a registered person counts; a name the
    registry does not know falls back to names containing it, and says so on stderr.
    """
    if query is None:
        return None
    roster = open_roster(ctx)
    everyone = store.participant_names()
    who, names = roster.lookup(query, everyone)
    if who is None:
        if not names:
            suggested = roster.registry.suggest(query)
            close = [f"{p.name} ({p.id})" for p in suggested]
            named = {n for p in suggested for n in (p.name, *p.aliases)}
            close += nearest(query, sorted(everyone - named))
            raise unknown("'-p' / '--person'", f"no person called {query!r}", close)
        say(f"note: {query!r} is not in people.toml; matching participant names containing it")
    return names


def tag_choice(store: Store, typed: str | None) -> frozenset[str] | None:
    """The tags (folded) the --tag filter stands for: the tag itself; else the tags that
    contain it, said on stderr; else a usage error naming the nearest tags."""
    if typed is None:
        return None
    from ..textfold import fold

    known = store.known_tags()
    wanted = fold(typed)
    if wanted in known:
        return frozenset({wanted})
    containing = sorted(t for t in known if wanted in t)
    if containing:
        say(f"note: no tag {typed!r}; matching the tags containing it: {', '.join(containing)}")
        return frozenset(containing)
    raise unknown(
        "'-t' / '--tag'",
        f"no tag {typed!r} in the meetings",
        nearest(wanted, sorted(known)),
        also="`readouts tags` lists them",
    )


def party_choice(
    option: str, typed: str | None, matches: Callable[[str], bool] | None, parties: set[str]
) -> None:
    """A usage error when the --donor/--by/... value matches no party the corpus has."""
    if typed is None or matches is None or any(matches(p) for p in parties):
        return
    from ..codes import country_suggestions

    # A country written by name ("Japan") is offered as its code, where the corpus has it.
    named = [code for code in country_suggestions(typed) if code.split()[0] in parties]
    raise unknown(
        option,
        f"no party {typed!r} in the corpus",
        named + nearest(typed, sorted(parties)),
        also="parties are country codes such as JP and UA, people's names, or groups",
    )


def nearest(typed: str, candidates: Sequence[str], exclude: Sequence[str] = ()) -> list[str]:
    """The candidates closest to what was typed (ignoring case and accents), best first: a
    whole candidate, or one of its words, may be the near miss ("Zelenskiy" is near
    "Volodymyr Zelenskyy")."""
    import difflib

    from ..textfold import fold

    wanted = fold(typed)

    def score(candidate: str) -> float:
        folded = fold(candidate)
        return max(
            difflib.SequenceMatcher(None, wanted, part).ratio()
            for part in (folded, *folded.split())
        )

    scored = sorted(((score(c), c) for c in candidates if c not in exclude), reverse=True)
    return [c for s, c in scored[:3] if s >= 0.75]


def unknown(option: str, message: str, close: Sequence[str], *, also: str = "") -> Exception:
    """A usage error (exit 2) for a value that names nothing, with the nearest candidates."""
    if close:
        message += "; did you mean " + " or ".join(close[:3]) + "?"
    if also:
        message += f" ({also})"
    return typer.BadParameter(message, param_hint=option)
