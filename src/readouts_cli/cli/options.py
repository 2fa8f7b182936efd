"""Options shared by several commands, declared once, and the state the global options set."""

from __future__ import annotations

import functools
import inspect
import typing
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Any, TypeVar, cast

import typer

from ..filters import Filters, parse_period
from ..vocab import Kind
from .output import Format

if TYPE_CHECKING:
    from ..store import Store


def _period(value: str | None) -> str | None:
    if value is not None:
        try:
            parse_period(value)
        except ValueError as err:
            raise typer.BadParameter(str(err)) from err
    return value


def _country(value: str | None) -> str | None:
    if value is None:
        return None
    from ..codes import COUNTRIES, country_suggestions

    code = value.strip().upper()
    if code not in COUNTRIES:
        close = country_suggestions(value)
        raise typer.BadParameter(
            f"{value!r} is not an ISO 3166-1 alpha-2 country code"
            + (f"; did you mean {' or '.join(close)}?" if close else " (UA, JP, ...)")
        )
    return code


def _refusing_blank(message: str) -> Callable[[str | None], str | None]:
    """A callback refusing an empty or blank argument (it would match everything)."""

    def check(value: str | None) -> str | None:
        if value is not None and not value.strip():
            raise typer.BadParameter(message)
        return value

    return check


nonblank = _refusing_blank("it is empty")
_name = _refusing_blank("give a name, such as Zelenskyy")


def _limit(value: int | None) -> int | None:
    if value is not None and value < 1:
        raise typer.BadParameter(f"{value} is not a number of items: give 1 or more")
    return value


def complete_tags(ctx: typer.Context, incomplete: str) -> list[str]:
    from .completion import tags

    return tags(ctx, incomplete)


def complete_people(ctx: typer.Context, incomplete: str) -> list[str]:
    from .completion import people

    return people(ctx, incomplete)


def complete_ids(ctx: typer.Context, incomplete: str) -> list[str]:
    from .completion import ids

    return ids(ctx, incomplete)


FormatOpt = Annotated[
    Format,
    typer.Option(
        "--format",
        "-f",
        metavar="FORMAT",
        help="Output as a table, json or csv.",
        case_sensitive=False,
    ),
]
FromOpt = Annotated[
    str | None,
    typer.Option(
        "--from",
        metavar="DATE",
        help="From this date on: YYYY, YYYY-MM or YYYY-MM-DD.",
        callback=_period,
    ),
]
ToOpt = Annotated[
    str | None,
    typer.Option(
        "--to",
        metavar="DATE",
        help="Up to this date: YYYY, YYYY-MM or YYYY-MM-DD.",
        callback=_period,
    ),
]
OnOpt = Annotated[
    str | None,
    typer.Option("--on", metavar="DATE", help="On this day (or month, or year).", callback=_period),
]
PersonOpt = Annotated[
    str | None,
    typer.Option(
        "--person",
        "-p",
        metavar="NAME",
        help="Meetings with this person (any spelling people.toml knows).",
        callback=_name,
        autocompletion=complete_people,
    ),
]
CountryOpt = Annotated[
    str | None,
    typer.Option(
        "--country",
        "-c",
        metavar="CC",
        help="Meetings with a participant from this country (ISO code: UA, JP, ...).",
        callback=_country,
    ),
]
KindOpt = Annotated[
    Kind | None,
    typer.Option(
        "--kind",
        "-k",
        metavar="KIND",
        help="Only meetings of this kind: " + ", ".join(k.value for k in Kind) + ".",
        case_sensitive=False,
    ),
]
TagOpt = Annotated[
    str | None,
    typer.Option(
        "--tag",
        "-t",
        metavar="TAG",
        help="Only meetings with this tag (`readouts tags` lists them).",
        callback=nonblank,
        autocompletion=complete_tags,
    ),
]
LimitOpt = Annotated[
    int | None,
    typer.Option(
        "--limit", "-n", metavar="N", help="Only the N most recent matches.", callback=_limit
    ),
]


@dataclass(frozen=True)
class FilterOptions:
    """The filter options as the user gave them, before the person is resolved."""

    from_: str | None = None
    to: str | None = None
    on: str | None = None
    person: str | None = None
    country: str | None = None
    kind: Kind | None = None
    tag: str | None = None
    limit: int | None = None

    def filters(self, ctx: typer.Context, store: Store, *, limit: bool = True) -> Filters:
        """The Filters for a store: --person resolved through people.toml (see edge).

        With `limit=False` the limit is left out, for commands that count N of something
        other than meetings.
        """
        from .context import person_names, tag_choice

        if self.from_ and self.to and parse_period(self.from_)[0] > parse_period(self.to)[1]:
            raise typer.BadParameter(
                f"--from {self.from_} is after --to {self.to}: the range is reversed",
                param_hint="'--from' / '--to'",
            )
        return Filters.build(
            from_=self.from_,
            to=self.to,
            on=self.on,
            names=person_names(ctx, store, self.person),
            country=self.country,
            kind=self.kind,
            tags=tag_choice(store, self.tag),
            limit=self.limit if limit else None,
        )


_FILTER_OPTIONS: dict[str, object] = {
    "from_": FromOpt,
    "to": ToOpt,
    "on": OnOpt,
    "person": PersonOpt,
    "country": CountryOpt,
    "kind": KindOpt,
    "tag": TagOpt,
    "limit": LimitOpt,
}

Command = TypeVar("Command", bound=Callable[..., None])


def with_filters(command: Command) -> Command:
    """Give a command the shared filter options; it receives them as `filters: FilterOptions`.

    Typer reads a command's options from its signature, so the wrapper's signature is the
    command's own (without `filters`) plus one keyword parameter per filter option.
    """
    signature = inspect.signature(command)
    hints = typing.get_type_hints(command, include_extras=True)
    own = [
        p.replace(annotation=hints.get(p.name, p.annotation))
        for p in signature.parameters.values()
        if p.name != "filters"
    ]
    added = [
        inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=None, annotation=annotation)
        for name, annotation in _FILTER_OPTIONS.items()
    ]

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> None:
        chosen = FilterOptions(**{name: kwargs.pop(name, None) for name in _FILTER_OPTIONS})
        command(*args, filters=chosen, **kwargs)

    wrapper.__signature__ = signature.replace(parameters=[*own, *added])  # type: ignore[attr-defined]
    wrapper.__annotations__ = {
        **{p.name: p.annotation for p in own},
        **_FILTER_OPTIONS,
        "return": None,
    }
    return cast(Command, wrapper)
