"""`readouts check`: validate every record and report every problem."""

from __future__ import annotations

import typer


def run(ctx: typer.Context) -> None:
    """Check every record in the data folder and report every problem.

    Example: readouts check
    """
    from ..corpus import find_data_dir, load_corpus
    from ..edge import report
    from ..options import state

    corpus = load_corpus(find_data_dir(state(ctx).data))
    if corpus.problems:
        report(corpus.problems)
        files = len({p.file for p in corpus.problems})
        typer.echo(f"{len(corpus.problems)} problem(s) in {files} file(s)", err=True)
        raise typer.Exit(1)
    typer.echo(f"checked {len(corpus.records)} records: no problems")
