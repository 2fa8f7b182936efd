"""`readouts check`: validate every record and report every problem."""

from __future__ import annotations

import typer


def run(ctx: typer.Context) -> None:
    """Check every record in the data folder and report every problem.

    Example: readouts check
    """
    from ..edge import open_store, report

    store = open_store(ctx)
    if store.problems:
        report(store.problems)
        files = len({p.file for p in store.problems})
        typer.echo(f"{len(store.problems)} problem(s) in {files} file(s)", err=True)
        raise typer.Exit(1)
    typer.echo(f"checked {store.count()} records: no problems")
