"""Options shared by several commands, declared once, and the state the global options set."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import typer

from .filters import Filters, parse_period
from .render import Format
from .vocab import Kind


def _period(value: str | None) -> str | None:
    if value is not None:
        try:
            parse_period(value)
        except ValueError as err:
            raise typer.BadParameter(str(err)) from err
    return value


FormatOpt = Annotated[
    Format,
    typer.Option("--format", "-f", help="Output as a table, JSON or CSV.", case_sensitive=False),
]
FromOpt = Annotated[
    str | None,
    typer.Option(
        "--from", help="From this date on: YYYY, YYYY-MM or YYYY-MM-DD.", callback=_period
    ),
]
ToOpt = Annotated[
    str | None,
    typer.Option("--to", help="Up to this date: YYYY, YYYY-MM or YYYY-MM-DD.", callback=_period),
]
OnOpt = Annotated[
    str | None, typer.Option("--on", help="On this day (or month, or year).", callback=_period)
]
PersonOpt = Annotated[
    str | None, typer.Option("--person", "-p", help="Meetings with this person (any spelling).")
]
CountryOpt = Annotated[
    str | None,
    typer.Option(
        "--country", "-c", help="Meetings with a participant from this country (ISO code)."
    ),
]
KindOpt = Annotated[
    Kind | None,
    typer.Option("--kind", "-k", help="Only meetings of this kind.", case_sensitive=False),
]
TagOpt = Annotated[str | None, typer.Option("--tag", "-t", help="Only meetings with this tag.")]
LimitOpt = Annotated[
    int | None, typer.Option("--limit", "-n", min=0, help="Only the N most recent matches.")
]


@dataclass
class State:
    """What the global options chose, handed to every command through the Typer context."""

    data: Path | None = None
    skip_invalid: bool = False
    no_cache: bool = False


def state(ctx: typer.Context) -> State:
    found = ctx.find_object(State)
    return found if found is not None else State()


def build_filters(
    names: frozenset[str] | None,
    *,
    from_: str | None,
    to: str | None,
    on: str | None,
    country: str | None,
    kind: Kind | None,
    tag: str | None,
    limit: int | None,
) -> Filters:
    return Filters.build(
        from_=from_,
        to=to,
        on=on,
        names=names,
        country=country,
        kind=kind,
        tag=tag,
        limit=limit,
    )
