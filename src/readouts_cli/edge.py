"""Where the core meets the terminal: loading the corpus for a command and reporting problems.

Every expected failure is spelled here, and only here, as `error: FILE:LINE: field: message`
with an optional `hint:` line, on stderr.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable

import typer

from .corpus import Corpus, find_data_dir, load_corpus, require_valid
from .errors import Problem
from .options import state
from .render import inert


def report(problems: Iterable[Problem], level: str = "error") -> None:
    for problem in problems:
        sys.stderr.write(inert(f"{level}: {problem}") + "\n")
        if problem.hint:
            sys.stderr.write(inert(f"hint: {problem.hint}") + "\n")


def say(message: str) -> None:
    """A message for the user that is not the command's output: stderr."""
    sys.stderr.write(inert(message) + "\n")


def load(ctx: typer.Context) -> Corpus:
    """The corpus the global options point at; bad files stop the command unless skipped."""
    options = state(ctx)
    corpus = load_corpus(find_data_dir(options.data))
    skipped = list(require_valid(corpus, skip_invalid=options.skip_invalid))
    if skipped:
        report(skipped, level="warning")
        say(f"warning: skipped {len(skipped)} problem(s); the output leaves those files out")
    return corpus
