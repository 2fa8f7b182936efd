"""`readouts import`: turn the text of a published readout into a draft record."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from ...importer import Draft


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
    create: Annotated[
        bool,
        typer.Option(
            "--create", help="With --write, start a new data folder if --data names none."
        ),
    ] = False,
    account_of: Annotated[
        str | None,
        typer.Option(
            "--account-of",
            metavar="ID",
            help="Draft the text as another account of the meeting ID (an [[accounts]] "
            "table); --write appends it to that record.",
        ),
    ] = None,
) -> None:
    """Draft a record from a published readout's text; print it as TOML, or --write it.

    What could not be determined is a comment in the draft and a line on stderr.
    Example: readouts import page.txt --source https://www.mofa.go.jp/...
    """
    from ...corpus import find_data_dir
    from ...errors import ReadoutsError
    from ...importer import draft_from_text, render_draft
    from ...tomlio import decode, read_bytes
    from ...writing import record_path, write_record
    from ..context import open_roster, say, state

    # The same bytes are refused or read alike from a file and from stdin.
    where = Path("<stdin>") if file == "-" else Path(file)
    data = _stdin_bytes(where) if file == "-" else read_bytes(where, limit=MAX_IMPORT_BYTES)
    text = decode(data, where)
    roster = open_roster(ctx)

    def resolve(name: str) -> str | None:
        found = roster.registry.resolve(name)
        return found[0].name if len(found) == 1 else None

    draft = draft_from_text(text, source=source, resolve_name=resolve)
    if account_of is not None:
        _account(ctx, account_of, draft, write=write)
        return
    for gap in draft.gaps:
        say(f"todo: {gap}")
    for warning in draft.warnings:
        say(f"warning: {warning}")
    rendered = render_draft(draft)
    if not write:
        sys.stdout.write(rendered)
        return
    path = record_path(
        find_data_dir(state(ctx).data, writing=True, create=create), draft.suggested_id()
    )
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


def _account(ctx: typer.Context, key: str, draft: Draft, *, write: bool) -> None:
    """Print the draft as an [[accounts]] table of the meeting `key` (or append it, with
    `write`), saying where it disagrees with the record on the meeting's shared facts."""
    from ...corpus import find_data_dir
    from ...errors import ReadoutsError
    from ...importer.accounts import account_block, disagreements
    from ...tomlio import read_text
    from ...writing import write_record
    from ..context import load, open_roster, say, state
    from .show import find_meetings_or_say_which

    store = load(ctx)
    found = find_meetings_or_say_which(store, key)
    if len(found) != 1:
        raise ReadoutsError.of(
            f"{key!r} names {len(found)} meetings", hint="give the id of one (readouts list)"
        )
    record = found[0]
    notes = disagreements(record.meeting, draft, open_roster(ctx))
    block, gaps = account_block(record.meeting, draft, notes)
    for gap in gaps:
        say(f"todo: {gap}")
    for note in notes:
        say(f"warning: {note}")
    if not write:
        sys.stdout.write(block)
        return
    # Never the corpus shipped with readouts: the same refusal as `import --write` and `fmt`.
    find_data_dir(state(ctx).data, writing=True)
    if gaps:
        raise ReadoutsError.of(
            "the account is not complete yet, so it was not written",
            file=record.path,
            hint="run without --write, fill in the TODOs, and append it yourself",
        )
    text = read_text(record.path)
    write_record(record.path, text.rstrip("\n") + "\n\n" + block, overwrite=True)
    typer.echo(str(record.path))


# A readout page is a few kilobytes; text beyond this is no readout, and is refused rather
# than read (the README documents the limit).
MAX_IMPORT_BYTES = 1024 * 1024


def _stdin_bytes(where: Path) -> bytes:
    from ...errors import ReadoutsError

    data = sys.stdin.buffer.read(MAX_IMPORT_BYTES + 1)
    if len(data) > MAX_IMPORT_BYTES:
        raise ReadoutsError.of(
            f"more than {MAX_IMPORT_BYTES:,} bytes: larger than a readout can be",
            file=where,
            hint="give the text of one readout page",
        )
    return data
