"""`readouts export`: the meetings as a calendar (ics) or as PLOVER event data (plover)."""

from __future__ import annotations

import datetime as dt
import os
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ..options import FilterOptions, with_filters


class ExportFormat(StrEnum):
    ICS = "ics"
    PLOVER = "plover"


@with_filters
def run(
    ctx: typer.Context,
    filters: FilterOptions,
    fmt: Annotated[
        ExportFormat,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="ics: an iCalendar file, one event per meeting; plover: PLOVER event data "
            "as JSON lines, one per meeting, condolence and aid item.",
            case_sensitive=False,
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write to FILE (atomically) instead of stdout.",
            dir_okay=False,
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace FILE if it exists.")] = False,
) -> None:
    """Export meetings to a calendar (ics) or to PLOVER event data (plover).

    Filters choose the meetings. Example: readouts export --format ics --from 2024 -o meetings.ics
    """
    import sys

    from ..context import load, say

    store = load(ctx)
    records = store.select(filters.filters(ctx, store))
    if not records:
        say("no meetings match")
    if fmt is ExportFormat.ICS:
        from ...exports.ics import calendar

        document = calendar(records, export_time())
    else:
        import json

        from ...exports.plover import events
        from ..context import open_roster

        registry = open_roster(ctx).registry
        from ...textfold import UNSAFE

        # JSON lines, as PLOVER suggests; control characters as \u escapes (see print_json).
        document = "".join(
            UNSAFE.sub(lambda m: f"\\u{ord(m[0]):04x}", json.dumps(event, ensure_ascii=False))
            + "\n"
            for event in events(records, registry)
        )
    if output is None:
        sys.stdout.write(document)
        return
    from ...tomlio import write_atomic

    write_atomic(output, document, overwrite=force)
    say(f"wrote {output}")


def export_time() -> dt.datetime:
    """When this export is made (each event's DTSTAMP): now, or $SOURCE_DATE_EPOCH for a
    reproducible file."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC)
    return dt.datetime.now(dt.UTC).replace(microsecond=0)
