"""`readouts import`: turn the text of a published readout into a draft record."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer


def run(
    ctx: typer.Context,
    file: Annotated[
        str, typer.Argument(metavar="FILE|-", help="The readout's text; - reads stdin.")
    ],
    source: Annotated[
        str | None,
        typer.Option("--source", metavar="URL", help="The URL of the published readout."),
    ] = None,
    write: Annotated[
        bool,
        typer.Option(
            "--write", help="Save the draft as data/meetings/<year>/<id>.toml and print the path."
        ),
    ] = False,
    force: Annotated[
        bool, typer.Option("--force", help="With --write, overwrite an existing record.")
    ] = False,
) -> None:
    """Draft a record from a published readout's text; print it as TOML, or --write it.

    What could not be determined is a comment in the draft and a line on stderr.
    Example: readouts import page.txt --source https://www.mofa.go.jp/...
    """
    from ...corpus import find_data_dir
    from ...errors import ReadoutsError
    from ...importer import draft_from_text, render_draft
    from ...tomlio import read_text
    from ...writing import record_path, write_record
    from ..context import open_roster, say, state

    text = sys.stdin.read() if file == "-" else read_text(Path(file))
    roster = open_roster(ctx)

    def resolve(name: str) -> str | None:
        found = roster.registry.resolve(name)
        return found[0].name if len(found) == 1 else None

    draft = draft_from_text(text, source=source, resolve_name=resolve)
    for gap in draft.gaps:
        say(f"todo: {gap}")
    for warning in draft.warnings:
        say(f"warning: {warning}")
    rendered = render_draft(draft)
    if not write:
        sys.stdout.write(rendered)
        return
    path = record_path(find_data_dir(state(ctx).data, writing=True), draft.suggested_id())
    try:
        write_record(path, rendered, overwrite=force)
    except ReadoutsError as err:
        if not any(p.file == path and p.line for p in err.problems):
            raise
        raise ReadoutsError.of(
            "the draft is not a valid record yet, so it was not written",
            file=path,
            hint="run without --write, fill in the TODOs, and save the file yourself",
        ) from err
    typer.echo(str(path))
