"""The `readouts` executable: answers --version before loading Typer and the commands."""

from __future__ import annotations

import sys


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        from .. import __version__

        sys.stdout.write(f"readouts {__version__}\n")
        return
    from .app import app

    app(prog_name="readouts")
