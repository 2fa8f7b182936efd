"""The `readouts` command: global options, command registration and the one error path."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from .. import __version__
from ..errors import ReadoutsError
from .commands import (
    aid,
    check,
    condolences,
    fmt,
    import_,
    list_,
    new,
    people,
    person,
    search,
    show,
)
from .context import State


class ReadoutsGroup(TyperGroup):
    """Turns the core's expected failures into stderr lines and exit code 1, never a traceback."""

    # Typer vendors Click, so its Context class has no stable public name to annotate with.
    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except ReadoutsError as err:
            from .context import report

            report(err.problems)
            ctx.exit(1)


app = typer.Typer(
    cls=ReadoutsGroup,
    name="readouts",
    help="Diplomatic meeting readouts kept as TOML records: the timeline, people, "
    "condolences and aid, from the terminal.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"readouts {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    data: Annotated[
        Path | None,
        typer.Option(
            "--data",
            "-d",
            help="The data folder (holding meetings/ and people.toml). "
            "Default: $READOUTS_DATA, else ./data, else the shipped corpus.",
            file_okay=False,
        ),
    ] = None,
    skip_invalid: Annotated[
        bool,
        typer.Option(
            "--skip-invalid",
            help="Warn about invalid files on stderr and go on with the valid ones.",
        ),
    ] = False,
    no_cache: Annotated[
        bool,
        typer.Option("--no-cache", help="Read every file instead of using the index."),
    ] = False,
    no_pager: Annotated[
        bool,
        typer.Option(
            "--no-pager",
            help="Never page long output (default: page at a terminal through "
            "$READOUTS_PAGER, else $PAGER, else less -FRX).",
        ),
    ] = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version", help="Show the version and exit.", callback=_version, is_eager=True
        ),
    ] = False,
) -> None:
    ctx.obj = State(data=data, skip_invalid=skip_invalid, no_cache=no_cache)
    if ctx.invoked_subcommand in PAGED:
        from .pager import paging

        ctx.with_resource(paging(not no_pager))


# The commands whose output is read, not answered: the others ask questions at a terminal.
PAGED = frozenset({"list", "show", "search", "people", "person", "condolences", "aid"})


app.command("check")(check.run)
app.command("list")(list_.run)
app.command("show")(show.run)
app.command("search")(search.run)
app.command("people")(people.run)
app.command("person")(person.run)
app.command("condolences")(condolences.run)
app.command("aid")(aid.run)
app.command("new")(new.run)
app.command("import")(import_.run)
app.command("fmt")(fmt.run)
