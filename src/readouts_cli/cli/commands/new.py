"""`readouts new`: scaffold a record from options, or by asking when run at a terminal."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ...vocab import Kind, Level

if TYPE_CHECKING:
    from ...people.matching import Roster


def run(
    ctx: typer.Context,
    date: Annotated[
        str | None,
        typer.Option("--date", metavar="DATE", help="The day of the meeting, YYYY-MM-DD."),
    ] = None,
    kind: Annotated[
        Kind | None,
        typer.Option(
            "--kind",
            metavar="KIND",
            help="The kind of meeting: " + ", ".join(k.value for k in Kind) + ".",
            case_sensitive=False,
        ),
    ] = None,
    title: Annotated[
        str | None, typer.Option("--title", metavar="TEXT", help="The meeting's title.")
    ] = None,
    participant: Annotated[
        list[str] | None,
        typer.Option(
            "--participant",
            metavar="NAME|TITLE|CC",
            help="A participant (title and country optional; a name people.toml knows is "
            "written as it has it); repeat for each.",
        ),
    ] = None,
    level: Annotated[
        Level | None,
        typer.Option(
            "--level",
            metavar="LEVEL",
            help="The level: " + ", ".join(v.value for v in Level) + ".",
            case_sensitive=False,
        ),
    ] = None,
    place: Annotated[
        str | None, typer.Option("--place", metavar="TEXT", help="Where it took place.")
    ] = None,
    time: Annotated[
        str | None, typer.Option("--time", metavar="HH:MM", help="Local start time.")
    ] = None,
    timezone: Annotated[
        str | None,
        typer.Option("--timezone", metavar="ZONE", help="IANA zone of --time (Europe/Kyiv)."),
    ] = None,
    duration: Annotated[
        int | None, typer.Option("--duration", metavar="MINUTES", help="How long it lasted.")
    ] = None,
    source: Annotated[
        str | None, typer.Option("--source", metavar="URL", help="The published readout.")
    ] = None,
    publisher: Annotated[
        str | None, typer.Option("--publisher", metavar="TEXT", help="Who published it.")
    ] = None,
    tag: Annotated[
        list[str] | None, typer.Option("--tag", metavar="TAG", help="A tag; repeat for each.")
    ] = None,
    record_id: Annotated[
        str | None,
        typer.Option("--id", metavar="ID", help="The id (default: the date and the surnames)."),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing record.")] = False,
    create: Annotated[
        bool,
        typer.Option("--create", help="Start a new data folder if --data names none."),
    ] = False,
) -> None:
    """Create a new record file and print its path.

    Example: readouts new --date 2024-01-07 --kind courtesy-call --title "..." --participant "Kamikawa Yoko|Minister for Foreign Affairs|JP"
    """
    from ...errors import WriteError
    from ...writing import derive_id, record_path, scaffold, write_record
    from ..context import open_roster, say

    interactive = is_interactive()
    if date is None and interactive:
        date = typer.prompt("Date (YYYY-MM-DD)", value_proc=lambda v: _day(v, "date") and v)
    if kind is None and interactive:
        kind = typer.prompt(
            f"Kind ({' | '.join(k.value for k in Kind)})",
            default=Kind.MEETING.value,
            value_proc=_kind,
        )
    if title is None and interactive:
        title = typer.prompt("Title", value_proc=_nonblank)
    if not participant and interactive:
        participant = []
        while entry := typer.prompt(
            "Participant (NAME|TITLE|CC, empty to stop)",
            default="",
            show_default=False,
            value_proc=lambda v: _participant(v) and v if v.strip() else "",
        ):
            participant.append(entry)
    missing = [n for n, v in (("--date", date), ("--kind", kind), ("--title", title)) if not v]
    if missing:
        raise click_usage_error(
            f"missing {', '.join(missing)}: give them as options, or run at a terminal to be asked"
        )
    assert date is not None and kind is not None and title is not None
    day = _day(date, "--date")
    start = _time(time) if time else None
    people = [_participant(p) for p in participant or []]
    root = _data_folder(ctx, create=create, ask=interactive)
    _resolve(people, day, open_roster(ctx), say)
    data: dict[str, object] = {
        "date": day,
        "title": title,
        "kind": Kind(kind).value,
        "level": level.value if level else None,
        "place": place,
        "time": start,
        "timezone": timezone,
        "duration_minutes": duration,
        "source": source,
        "publisher": publisher,
        "tags": tag or None,
        "participants": people or None,
    }
    data = {k: v for k, v in data.items() if v is not None}
    text = scaffold(data)  # validates first: an error names the option, never a file
    chosen = record_id or derive_id(day, [(p["name"], p.get("country")) for p in people])
    path = record_path(root, chosen)
    try:
        write_record(path, text, overwrite=force)
    except WriteError as err:
        if err.problems[0].message != "already exists":
            raise
        raise WriteError.of(
            "already exists",
            file=path,
            hint=f"give this meeting another id (--id {chosen}-2), or --force to replace it",
        ) from err
    typer.echo(str(path))


def _data_folder(ctx: typer.Context, *, create: bool, ask: bool) -> Path:
    """The data folder to write to; one that does not exist is made only on --create, or
    when the person at the terminal says so once."""
    from ...corpus import find_data_dir
    from ...errors import ReadoutsError
    from ..context import state

    try:
        return find_data_dir(state(ctx).data, writing=True, create=create)
    except ReadoutsError as err:
        folder = err.problems[0].file
        if not ask or folder is None or err.problems[0].message != "no such data folder":
            raise
        if not typer.confirm(f"{folder} does not exist. Start a new data folder there?"):
            raise
        return find_data_dir(state(ctx).data, writing=True, create=True)


def click_usage_error(message: str) -> Exception:
    # Typer vendors Click and re-exports only BadParameter, which reads "Invalid value for".
    from typer._click.exceptions import UsageError

    return UsageError(message)


def _kind(value: str) -> Kind:
    """A kind typed at the prompt; a typo is asked again, with the nearest kind."""
    import difflib

    typed = value.strip().lower()
    if typed in Kind.__members__.values():
        return Kind(typed)
    close = difflib.get_close_matches(typed, [k.value for k in Kind], n=1, cutoff=0.5)
    raise typer.BadParameter(
        f"{value!r} is not a kind" + (f"; did you mean {close[0]!r}?" if close else "")
    )


def _nonblank(value: str) -> str:
    if not value.strip():
        raise typer.BadParameter("it is empty")
    return value


def _day(value: str, option: str) -> dt.date:
    """A YYYY-MM-DD date in ASCII digits, or a usage error naming the option."""
    import re

    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value.strip()):
        raise typer.BadParameter(f"{value!r} is not a date: use YYYY-MM-DD", param_hint=option)
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError as err:
        raise typer.BadParameter(
            f"{value!r} is not a real date ({err})", param_hint=option
        ) from err


def _time(value: str) -> dt.time:
    import re

    if not re.fullmatch(r"[0-9]{2}:[0-9]{2}", value.strip()):
        raise typer.BadParameter(f"{value!r} is not a time: use HH:MM", param_hint="--time")
    try:
        return dt.time.fromisoformat(value.strip())
    except ValueError as err:
        raise typer.BadParameter(f"{value!r} is not a real time", param_hint="--time") from err


FORM_HINT = 'write it as "NAME|TITLE|CC", e.g. "Motegi Toshimitsu|Minister for Foreign Affairs|JP"'


def _participant(entry: str) -> dict[str, str]:
    fields = entry.split("|")
    if len(fields) > 3:
        raise typer.BadParameter(
            f"{entry!r} has {len(fields)} fields; {FORM_HINT}", param_hint="--participant"
        )
    if len(fields) == 1 and "," in entry:
        raise typer.BadParameter(
            f"{entry!r} uses commas; the fields are separated by |: {FORM_HINT}",
            param_hint="--participant",
        )
    name, title, country = ([*fields, "", ""])[:3]
    if not name.strip():
        raise typer.BadParameter(f"{entry!r} has no name; {FORM_HINT}", param_hint="--participant")
    out = {"name": name.strip()}
    if title.strip():
        out["title"] = title.strip()
    if country.strip():
        out["country"] = country.strip().upper()
    return out


def _resolve(
    people: list[dict[str, str]], day: dt.date, roster: Roster, say: Callable[[str], None]
) -> None:
    """Names typed as people.toml knows them become its display names, as `import` does, with
    the country and the title the registry holds where the option left them out."""
    for person in people:
        who = roster.who(person["name"])
        if who.person is None:
            continue
        found = who.person
        changes = []
        if found.name != person["name"]:
            changes.append(f"{person['name']!r} is {found.name} ({found.id})")
            person["name"] = found.name
        if "country" not in person and found.country:
            person["country"] = found.country
            changes.append(f"country {found.country}")
        if "title" not in person and (held := found.title_on(day)):
            person["title"] = held
            changes.append(f"title {held!r} on {day}")
        if changes:
            say("note: from people.toml: " + ", ".join(changes))


def is_interactive() -> bool:
    """Whether to ask for what the options leave out: only when a person is at the keyboard."""
    return sys.stdin.isatty()
