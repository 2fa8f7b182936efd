"""`readouts person`: one person's summary: who, when, with whom, and what they said."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from ..options import FormatOpt, nonblank
from ..render import Format

if TYPE_CHECKING:
    from ..roster import PersonSummary

CSV_COLUMNS = ("id", "date", "section", "n", "text")


def run(
    ctx: typer.Context,
    name: Annotated[
        str,
        typer.Argument(
            help="A name in any spelling people.toml knows, or an id.", callback=nonblank
        ),
    ],
    fmt: FormatOpt = Format.TABLE,
) -> None:
    """Summarise one person: roles, meetings, condolences, aid and the points naming them.

    Example: readouts person Zelensky
    """
    from ..edge import load, open_roster
    from ..errors import NotFoundError
    from ..filters import Filters
    from ..render import emit, print_renderable
    from ..roster import person_summary

    store = load(ctx)
    roster = open_roster(ctx)
    who, names = roster.lookup(name, store.participant_names())
    if who is None:
        written = {roster.who(n).key: roster.who(n) for n in names}
        if len(written) != 1:
            close = roster.registry.suggest(name)
            hint = (
                "did you mean " + " or ".join(f"{p.name} ({p.id})" for p in close) + "?"
                if close
                else "`readouts people` lists everyone"
            )
            if len(written) > 1:
                hint = "could be " + ", ".join(sorted(w.name for w in written.values()))
            raise NotFoundError.of(f"no person called {name!r}", hint=hint)
        who = next(iter(written.values()))
    summary = person_summary(store.select(Filters(names=names)), roster, who)
    emit(
        fmt,
        table=lambda: print_renderable(summary_view(summary)),
        json_document=lambda: summary_document(summary),
        csv_rows=lambda: (CSV_COLUMNS, summary_rows(summary)),
    )


def summary_document(summary: PersonSummary) -> dict[str, Any]:
    from ..views import citation

    person = summary.who.person
    return {
        "id": person.id if person else None,
        "name": summary.who.name,
        "native": person.native if person else None,
        "country": person.country if person else None,
        "aliases": list(person.aliases) if person else [],
        "wikidata": person.wikidata if person else None,
        "roles": [
            {
                "title": r.title,
                "from": r.start.isoformat() if r.start else None,
                "to": r.end.isoformat() if r.end else None,
            }
            for r in (person.roles if person else [])
        ],
        "meetings": [
            {
                "id": a.record.id,
                "date": a.record.meeting.date.isoformat(),
                "kind": str(a.record.meeting.kind),
                "title": a.title,
                "counterparts": list(a.counterparts),
            }
            for a in summary.timeline
        ],
        "condolences_expressed": [
            {**c.model_dump(mode="json"), "cite": citation(r, c.point)}
            for r, c in summary.condolences_by
        ],
        "condolences_received": [
            {**c.model_dump(mode="json"), "cite": citation(r, c.point)}
            for r, c in summary.condolences_to
        ],
        "aid": [
            {**a.model_dump(mode="json"), "cite": citation(r, a.point)} for r, a in summary.aid
        ],
        "tags": dict(summary.tags.most_common()),
        "said": [
            {"cite": citation(c.record, c.point), "point": c.point, "text": c.text}
            for c in summary.said
        ],
    }


def summary_rows(summary: PersonSummary) -> list[list[object]]:
    from ..ledger import describe_aid, describe_condolence

    rows: list[list[object]] = []
    for a in summary.timeline:
        m = a.record.meeting
        rows.append(
            [
                a.record.id,
                m.date,
                "meeting",
                "",
                f"{m.kind}; {a.title or ''}; with {', '.join(a.counterparts)}",
            ]
        )
    for r, c in summary.condolences_by:
        rows.append(
            [r.id, r.meeting.date, "condolence-expressed", c.point or "", describe_condolence(c)]
        )
    for r, c in summary.condolences_to:
        rows.append(
            [r.id, r.meeting.date, "condolence-received", c.point or "", describe_condolence(c)]
        )
    for r, aid in summary.aid:
        rows.append([r.id, r.meeting.date, "aid", aid.point or "", describe_aid(aid)])
    for cited in summary.said:
        rows.append([cited.record.id, cited.record.meeting.date, "point", cited.point, cited.text])
    return rows


def summary_view(summary: PersonSummary) -> Any:
    from rich.console import Group, RenderableType
    from rich.table import Table

    from ..ledger import describe_aid, describe_condolence
    from ..render import text
    from ..views import citation

    person = summary.who.person
    parts: list[RenderableType] = [text(summary.who.name, "bold")]
    header = Table.grid(padding=(0, 2))
    header.add_column(style="bold")
    header.add_column(overflow="fold")
    facts = [
        ("id", person.id if person else "(not in people.toml)"),
        ("native", person.native or "" if person else ""),
        ("country", (person.country or "") if person else ""),
        ("aliases", ", ".join(person.aliases) if person else ""),
        ("wikidata", (person.wikidata or "") if person else ""),
    ]
    for label, value in facts:
        if value:
            header.add_row(label, text(value))
    for role in person.roles if person else []:
        span = f"{role.start or '…'} – {role.end or 'now'}"
        header.add_row("role", text(f"{role.title} ({span})"))
    parts.append(header)

    def section(title: str, columns: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
        if not rows:
            return
        grid = Table.grid(padding=(0, 2))
        for column in columns:
            grid.add_column(no_wrap=column == "nowrap", overflow="fold")
        for row in rows:
            grid.add_row(*(text(cell) for cell in row))
        parts.extend(["", text(title, "bold"), grid])

    section(
        f"Meetings ({len(summary.timeline)})",
        ("nowrap", "nowrap", "wrap", "wrap", "nowrap"),
        [
            (
                str(a.record.meeting.date),
                str(a.record.meeting.kind),
                a.title or "",
                ", ".join(a.counterparts),
                a.record.id,
            )
            for a in summary.timeline
        ],
    )
    section(
        "Condolences expressed",
        ("wrap", "nowrap"),
        [(describe_condolence(c), citation(r, c.point)) for r, c in summary.condolences_by],
    )
    section(
        "Condolences received",
        ("wrap", "nowrap"),
        [(describe_condolence(c), citation(r, c.point)) for r, c in summary.condolences_to],
    )
    section(
        "Aid announced",
        ("wrap", "nowrap"),
        [(describe_aid(a), citation(r, a.point)) for r, a in summary.aid],
    )
    if summary.tags:
        tags = ", ".join(f"{tag} ({n})" for tag, n in summary.tags.most_common())
        parts.extend(["", text("Tags", "bold"), text(tags)])
    section(
        "What they said (points naming them)",
        ("nowrap", "wrap"),
        [(citation(c.record, c.point), c.text) for c in summary.said],
    )
    return Group(*parts)
