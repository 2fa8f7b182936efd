"""Paging long output at a terminal, as git and gh do.

When stdout is a terminal, a reading command's output is collected; if it is taller than the
screen it goes through `$READOUTS_PAGER`, else `$PAGER`, else `less -FRX` (with `LESS=FRX`
when the user has not set LESS, so colour passes and a short output does not stay on screen).
Piped output, `--no-pager` and a pager set to "" or "cat" write straight to stdout.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager

DEFAULT_PAGER = "less -FRX"


class _Screen(io.StringIO):
    """Collects what a command prints; to Rich it is the terminal it stands in for."""

    def isatty(self) -> bool:
        return True


def pager_command() -> str | None:
    """The pager to run, or None when the user switched paging off."""
    for variable in ("READOUTS_PAGER", "PAGER"):
        value = os.environ.get(variable)
        if value is not None:
            value = value.strip()
            return None if value in ("", "cat") else value
    return DEFAULT_PAGER


def terminal_size() -> os.terminal_size:
    """The size output is laid out for: COLUMNS/LINES, else the terminal's, else 80x24."""
    return shutil.get_terminal_size((80, 24))


# Closing messages (a count of hits) held back while the output is collected, so that they
# follow it on the screen instead of coming before it.
_held: list[str] | None = None


def closing_note(message: str) -> None:
    """Write a message to stderr after the command's output; at once when not collecting."""
    if _held is None:
        sys.stderr.write(message + "\n")
    else:
        _held.append(message)


@contextmanager
def paging(enabled: bool) -> Iterator[None]:
    """Collect stdout while the block runs, then page it if it is taller than the screen."""
    global _held
    command = pager_command() if enabled else None
    real = sys.stdout
    if command is None or not real.isatty():
        yield
        return
    screen = _Screen()
    sys.stdout, _held = screen, []
    try:
        yield
    finally:
        sys.stdout, held, _held = real, _held, None
        output = screen.getvalue()
        if output.count("\n") < terminal_size().lines:
            real.write(output)
            real.flush()
        else:
            _page(command, output)
        for message in held:
            sys.stderr.write(message + "\n")


def _page(command: str, output: str) -> None:
    env = dict(os.environ)
    env.setdefault("LESS", "FRX")
    try:
        process = subprocess.Popen(  # noqa: S602 - the user's pager is a shell command, as in git
            command, shell=True, stdin=subprocess.PIPE, env=env
        )
    except OSError:
        sys.stdout.write(output)
        return
    assert process.stdin is not None
    try:
        process.stdin.write(output.encode("utf-8", "replace"))
        process.stdin.close()
    except BrokenPipeError:
        pass  # the reader quit the pager before the end: nothing more to show
    if process.wait() == 127:  # the shell found no such pager: show the output unpaged
        sys.stdout.write(output)
