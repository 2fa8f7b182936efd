"""Where the core meets the terminal: loading the corpus for a command and reporting problems.

Every expected failure is spelled here, and only here, as `error: FILE:LINE: field: message`
with an optional `hint:` line, on stderr.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from ..corpus import find_data_dir
from ..errors import DataError, Problem
from ..store import Store
from .output import inert

if TYPE_CHECKING:
    from ..people.matching import Roster


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
    root = find_data_dir(state(ctx).data)
    if state(ctx).no_cache:
        return Store.open(root)
    from ..index import open_indexed

    return open_indexed(root)


def load(ctx: typer.Context) -> Store:
    """The store for a command; bad files stop the command unless the user chose to skip them."""
    store = open_store(ctx)
    if store.problems:
        if not state(ctx).skip_invalid:
            raise DataError(*store.problems)
        report(store.problems, level="warning")
        say(f"warning: skipped {len(store.problems)} problem(s); the output leaves those files out")
    return store


def open_roster(ctx: typer.Context) -> Roster:
    """The people registry of the data folder; a bad people.toml stops the command unless skipped."""
    from ..people.matching import Roster
    from ..people.registry import Registry, load_registry

    try:
        return Roster(load_registry(find_data_dir(state(ctx).data)))
    except DataError as err:
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
    who, names = open_roster(ctx).lookup(query, store.participant_names())
    if who is None:
        say(f"note: {query!r} is not in people.toml; matching participant names containing it")
    return names
