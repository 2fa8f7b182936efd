"""`readouts check`: validate every record and the people registry, and report every problem."""

from __future__ import annotations

from typing import Annotated

import typer


def run(
    ctx: typer.Context,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict",
            help="Also require every participant to be in people.toml, and make the "
            "warnings about likely double counting of aid errors.",
        ),
    ] = False,
) -> None:
    """Check every record and people.toml, and report every problem.

    Example: readouts check --strict
    """
    from ...corpus import find_data_dir
    from ...errors import Problem, ReadoutsError
    from ...people.crosscheck import crosscheck_store
    from ...people.registry import load_registry
    from ..context import open_store, report, state

    store = open_store(ctx)
    problems = list(store.problems)
    warnings: list[Problem] = []
    try:
        registry = load_registry(find_data_dir(state(ctx).data))
    except ReadoutsError as err:
        problems.extend(err.problems)
    else:
        errors, warnings = crosscheck_store(store, registry, strict=strict)
        problems.extend(errors)
    from ...ledger import double_counting

    (problems if strict else warnings).extend(store.checked_having("aid", double_counting))
    report(warnings, level="warning")
    if problems:
        report(problems)
        files = len({p.file for p in problems})
        typer.echo(f"{len(problems)} problem(s) in {files} file(s)", err=True)
        raise typer.Exit(1)
    people = f" and {len(registry)} people" if len(registry) else ""
    typer.echo(f"checked {store.count()} records{people}: no problems")
