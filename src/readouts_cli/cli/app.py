"""The `readouts` command: global options, command registration and the one error path."""

from __future__ import annotations

import sys
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperCommand, TyperGroup

from .. import __version__
from ..errors import ReadoutsError
from .commands import (
    aid,
    check,
    compare,
    condolences,
    export,
    fmt,
    import_,
    list_,
    new,
    people,
    person,
    search,
    show,
    tags,
    timeline,
)
from .context import State


def _in_peoples_words() -> None:
    """Help in people's words: an argument shows as its metavar (`NAME`, `PHRASE...`), never
    Typer's `{NAME}` and `<list[str]>`, which are Python's way of saying it."""
    from typer.core import TyperArgument

    def usage_name(self: TyperArgument) -> str:
        name = self.metavar or self.name or ""
        name = name if self.required else f"[{name}]"
        return name + ("..." if self.nargs != 1 and not name.endswith("...") else "")

    def no_type(self: TyperArgument, ctx: Any) -> str | None:
        return None if self.metavar else TyperArgument.display_type(self, ctx)

    TyperArgument._usage_display_name = usage_name  # type: ignore[method-assign]
    TyperArgument.display_type_rich = no_type  # type: ignore[method-assign, assignment]


_in_peoples_words()


# The global options, accepted before or after the command (`readouts list --data DIR`).
GLOBAL_FLAGS = frozenset({"--skip-invalid", "--no-cache", "--no-pager", "--debug"})
GLOBAL_VALUED = frozenset({"--data", "-d"})


def hoist_global_options(args: list[str], commands: Collection[str]) -> list[str]:
    """`args` with the global options written after the command moved before it, where Click
    reads them; nothing after a `--` is touched."""
    index = 0
    while index < len(args) and args[index] not in commands:
        if args[index] == "--":
            return args
        index += 2 if args[index] in GLOBAL_VALUED else 1
    if index >= len(args):
        return args
    before, command, rest = args[:index], args[index], args[index + 1 :]
    kept: list[str] = []
    i = 0
    while i < len(rest):
        token = rest[i]
        if token == "--":
            kept += rest[i:]
            break
        if token in GLOBAL_FLAGS or token.startswith("--data="):
            before.append(token)
        elif token in GLOBAL_VALUED and i + 1 < len(rest):
            before += rest[i : i + 2]
            i += 1
        else:
            kept.append(token)
        i += 1
    return [*before, command, *kept]


class ReadoutsCommand(TyperCommand):
    """One rule for blank arguments: an option or argument given as "" (or only spaces) is a
    usage error naming it, whatever the command (it would otherwise match everything, or
    nothing, or drop the filter). A closed choice given wrong is said in our words, with the
    nearest choice; the short kinds `list` shows (`phone`, `call`) are taken for the kinds."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        args = _long_kinds(args)
        try:
            return super().parse_args(ctx, args)
        except typer.BadParameter as err:
            err.message = _choice_message(err.message)
            raise

    def invoke(self, ctx: Any) -> Any:
        for param in self.params:
            value = ctx.params.get(param.name)
            values = value if isinstance(value, list | tuple) else [value]
            if any(isinstance(v, str) and not v.strip() for v in values):
                raise typer.BadParameter("it is empty", ctx=ctx, param=param)  # type: ignore[arg-type]
        return super().invoke(ctx)


def _long_kinds(args: list[str]) -> list[str]:
    """`-k phone` as `-k telephone-talk`: the short kinds the timeline shows are kinds too."""
    from .values import SHORT_KINDS

    full = {short: kind for kind, short in SHORT_KINDS.items()}
    out = list(args)
    for i in range(len(out) - 1):
        if out[i] in ("-k", "--kind") and out[i + 1] in full:
            out[i + 1] = full[out[i + 1]]
    return out


def _choice_message(message: str) -> str:
    """Typer's "Value error, 'x' is not one of 'a', 'b' or 'c'." as ours, with a near miss."""
    import difflib
    import re

    found = re.match(r"Value error, '(?P<typed>[^']*)' is not one of (?P<choices>.*?)\.?$", message)
    if not found:
        return message.removeprefix("Value error, ")
    choices = re.findall(r"'([^']*)'", found["choices"])
    said = f"{found['typed']!r} is not one of: {', '.join(choices)}"
    close = difflib.get_close_matches(found["typed"].lower(), choices, n=1, cutoff=0.5)
    return said + (f"; did you mean {close[0]!r}?" if close else "")


class ReadoutsGroup(TyperGroup):
    """Turns the core's expected failures into stderr lines and exit code 1, never a traceback,
    and reads the global options wherever they stand."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        return super().parse_args(ctx, hoist_global_options(args, self.commands))

    # Typer vendors Click, so its Context class has no stable public name to annotate with.
    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            # The reader went away (`readouts list | head`): the same end for every format.
            from .entry import CLOSED_PIPE, finish

            ctx.exit(finish(CLOSED_PIPE))
        except ReadoutsError as err:
            from .context import FilesStopped, report, say

            report(err.problems)
            if isinstance(err, FilesStopped):
                say(
                    "hint: add --skip-invalid to go on with the valid records "
                    "(the problems above become warnings)"
                )
            ctx.exit(1)


app = typer.Typer(
    cls=ReadoutsGroup,
    name="readouts",
    help="Diplomatic meeting readouts kept as TOML records: the timeline, people, "
    "condolences and aid, from the terminal.",
    no_args_is_help=True,
    add_completion=True,
    context_settings={"help_option_names": ["-h", "--help"]},
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
    debug: Annotated[
        bool,
        typer.Option(
            "--debug", help="Show the traceback of an unexpected failure (for a bug report)."
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
    ctx.with_resource(guarded_stdout())
    if ctx.invoked_subcommand in PAGED:
        from .pager import paging

        ctx.with_resource(paging(not no_pager))


@contextmanager
def guarded_stdout() -> Iterator[None]:
    """stdout whose write failures are errors of the one error path (see output.OutputError)."""
    from .output import GuardedOutput

    real = sys.stdout
    sys.stdout = GuardedOutput(real)
    try:
        yield
    finally:
        sys.stdout = real


# The commands whose output is read, not answered: the others ask questions at a terminal.
PAGED = frozenset(
    {
        "list",
        "show",
        "compare",
        "search",
        "people",
        "person",
        "condolences",
        "aid",
        "tags",
        "timeline",
    }
)


def _register(name: str, run: Callable[..., None]) -> None:
    """A command, its summary in `readouts --help` the first line of its docstring, whole."""
    summary = (run.__doc__ or "").strip().split("\n")[0]
    app.command(name, cls=ReadoutsCommand, short_help=summary)(run)


_register("check", check.run)
_register("list", list_.run)
_register("show", show.run)
_register("compare", compare.run)
_register("search", search.run)
_register("people", people.run)
_register("person", person.run)
_register("condolences", condolences.run)
_register("aid", aid.run)
_register("new", new.run)
_register("import", import_.run)
_register("tags", tags.run)
_register("fmt", fmt.run)
_register("timeline", timeline.run)
_register("export", export.run)


# Every command's name, for the global options read after it.
COMMANDS = frozenset(
    name for command in app.registered_commands if (name := command.name) is not None
)


def invoked(args: list[str]) -> str | None:
    """The command `args` run (what `readouts ARGS` runs), if they name one after global
    options only; None for anything else before it (help, an option cluster such as `-hd`,
    a typo), for completion and for a name that is no command."""
    index = 0
    while index < len(args):
        token = args[index]
        if token in COMMANDS:
            return token
        if token in GLOBAL_VALUED:
            index += 2
        elif (
            token in GLOBAL_FLAGS
            or token.startswith("--data=")
            or (token.startswith("-d") and not token.startswith("--"))  # -dDIR
        ):
            index += 1
        else:  # anything else (help, a cluster such as -hd, a typo) is the whole app's
            return None
    return None


@contextmanager
def only(name: str | None) -> Iterator[None]:
    """Within: the app holds the command `name` alone (all of them for None). Typer builds a
    command from its function's signature on every run: building one, not fifteen, spares
    every command the time of the other fourteen."""
    every = app.registered_commands
    if name is not None:
        app.registered_commands = [c for c in every if c.name == name]
    try:
        yield
    finally:
        app.registered_commands = every
