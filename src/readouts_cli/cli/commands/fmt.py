"""`readouts fmt`: rewrite records in the canonical form, keeping every value and comment."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def run(
    ctx: typer.Context,
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="PATH...", help="Record files or folders (default: the whole data folder)."
        ),
    ] = None,
    check: Annotated[
        bool, typer.Option("--check", help="Change nothing; list the files that would change.")
    ] = False,
) -> None:
    """Rewrite records in one canonical form: key order, tables, spacing. Idempotent.

    Example: readouts fmt --check
    """
    from ...corpus import MEETINGS, PEOPLE, find_data_dir, record_files
    from ...errors import ReadoutsError
    from ...tomlio import remove_leftovers
    from ...writing import format_file
    from ..context import report, say, state

    targets = paths or [find_data_dir(state(ctx).data, writing=True) / MEETINGS]
    files: list[Path] = []
    failed_folders = 0
    for target in targets:
        if target.is_dir():
            found, unreadable = record_files(target)
            report(unreadable)
            failed_folders += len(unreadable)
            files.extend(p for p in found if p.name != PEOPLE)
            if not check:  # what killed runs of fmt left behind goes with the next one
                for folder in {target, *(p.parent for p in found)}:
                    remove_leftovers(folder)
        elif target.name == PEOPLE:
            raise ReadoutsError.of(
                "the people registry is not a meeting record",
                file=target,
                hint="fmt formats records; `readouts check` validates people.toml",
            )
        elif target.exists():
            files.append(target)
        else:
            raise ReadoutsError.of("no such file or folder", file=target)
    changed = left = 0
    failed = failed_folders
    for path in files:
        try:
            outcome = format_file(path, check=check)
        except ReadoutsError as err:
            report(err.problems)
            failed += 1
            continue
        if outcome.left:
            # Not in canonical form, and fmt cannot make it so: a --check gate must not pass.
            say(f"error: {path}: left unchanged: {outcome.left}")
            left += 1
        if outcome.changed:
            changed += 1
            typer.echo(str(path))
    verb = "would be reformatted" if check else "reformatted"
    same = len(files) - changed - (failed - failed_folders) - left
    kept = f", {left} left as they are" if left else ""
    say(f"{changed} file(s) {verb}, {same} unchanged{kept}, {failed} invalid")
    if failed or left or (check and changed):
        raise typer.Exit(1)
