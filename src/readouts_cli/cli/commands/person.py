"""`readouts person`: one person's summary: who, when, with whom, and what they said."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from ..options import FormatOpt, FromOpt, ToOpt, complete_people, nonblank
from ..output import Format

if TYPE_CHECKING:
    from rich.text import Text

    from ...people.matching import Roster
    from ...people.summaries import Appearance, PersonSummary

CSV_COLUMNS = ("id", "date", "section", "n", "text")


def run(
    ctx: typer.Context,
    name: Annotated[
        str,
        typer.Argument(
            metavar="NAME",
            help="A name in any spelling people.toml knows, or an id.",
            callback=nonblank,
            autocompletion=complete_people,
        ),
    ],
    from_: FromOpt = None,
    to: ToOpt = None,
    fmt: FormatOpt = Format.TABLE,
) -> None:
    """Summarise one person: roles, meetings, condolences, aid and the points naming them.

    Example: readouts person Zelensky
    """
    from ...errors import NotFoundError
    from ...filters import Filters
    from ...people.summaries import person_summary
    from ..context import load, nearest, open_roster, unknown
    from ..options import FilterOptions
    from ..output import emit, print_lines, width

    store = load(ctx)
    roster = open_roster(ctx)
    who, names = roster.lookup(name, store.participant_names())
    if who is None:
        written = {roster.who(n).key: roster.who(n) for n in names}
        if len(written) > 1:
            hint = "could be " + ", ".join(sorted(w.name for w in written.values()))
            raise NotFoundError.of(f"no person called {name!r}", hint=hint)
        if not written:
            suggested = roster.registry.suggest(name)
            close = [f"{p.name} ({p.id})" for p in suggested]
            named = {n for p in suggested for n in (p.name, *p.aliases)}
            close += nearest(name, sorted(store.participant_names() - named))
            raise unknown(
                "NAME", f"no person called {name!r}", close, also="`readouts people` lists everyone"
            )
        who = next(iter(written.values()))
    period = FilterOptions(from_=from_, to=to).filters(ctx, store)
    chosen = Filters(names=names, start=period.start, end=period.end)
    summary = person_summary(store.select(chosen), roster, who)
    emit(
        fmt,
        table=lambda: print_lines(summary_view(summary, roster, width())),
        json_document=lambda: summary_document(summary),
        csv_rows=lambda: (CSV_COLUMNS, summary_rows(summary)),
    )


def summary_document(summary: PersonSummary) -> dict[str, Any]:
    from ..values import citation

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
                "meeting_title": a.record.meeting.title,
                "person_title": a.title,
                "counterparts": list(a.counterparts),
            }
            for a in summary.timeline
        ],
        "condolences_expressed": [
            {**c.model_dump(mode="json"), "cite": citation(r.id, c.point, t)}
            for r, c, t in summary.condolences_by
        ],
        "condolences_received": [
            {**c.model_dump(mode="json"), "cite": citation(r.id, c.point, t)}
            for r, c, t in summary.condolences_to
        ],
        "aid": [
            {**a.model_dump(mode="json"), "cite": citation(r.id, a.point, t)}
            for r, a, t in summary.aid
        ],
        "tags": dict(summary.tags.most_common()),
        "said": [
            {"cite": citation(c.record.id, c.point, c.account), "point": c.point, "text": c.text}
            for c in summary.said
        ],
        "named": [
            {"cite": citation(c.record.id, c.point, c.account), "point": c.point, "text": c.text}
            for c in summary.named
        ],
    }


def summary_rows(summary: PersonSummary) -> list[list[object]]:
    from ...ledger import describe_aid, describe_condolence

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
    for r, c, _ in summary.condolences_by:
        rows.append(
            [r.id, r.meeting.date, "condolence-expressed", c.point or "", describe_condolence(c)]
        )
    for r, c, _ in summary.condolences_to:
        rows.append(
            [r.id, r.meeting.date, "condolence-received", c.point or "", describe_condolence(c)]
        )
    for r, aid, _ in summary.aid:
        rows.append([r.id, r.meeting.date, "aid", aid.point or "", describe_aid(aid)])
    for cited in summary.said:
        rows.append([cited.record.id, cited.record.meeting.date, "said", cited.point, cited.text])
    for cited in summary.named:
        rows.append([cited.record.id, cited.record.meeting.date, "named", cited.point, cited.text])
    return rows


def summary_view(summary: PersonSummary, roster: Roster, width: int) -> list[Text]:
    """One person for the terminal: a header block, the meetings one per line, then
    condolences, aid and points, each item under its citation."""
    from rich.text import Text

    from ...ledger import describe_aid, describe_condolence
    from ..cells import (
        Column,
        as_text,
        hanging,
        heading,
        kind_column,
        render_rows,
        title_column,
        wrap,
    )
    from ..values import citation

    person = summary.who.person
    lines: list[Text] = [heading(summary.who.name)]
    facts = [
        ("id", person.id if person else "(not in people.toml)"),
        ("native", person.native or "" if person else ""),
        ("country", (person.country or "") if person else ""),
        ("aliases", ", ".join(person.aliases) if person else ""),
        ("wikidata", (person.wikidata or "") if person else ""),
    ]
    facts += [
        ("role", f"{role.title} ({role.start or '…'} – {role.end or 'now'})")
        for role in (person.roles if person else [])
    ]
    for label, value in facts:
        if value:
            lines += hanging(f"  {label}", value, width, 12)

    timeline = summary.timeline
    if timeline:
        kinds = [str(a.record.meeting.kind) for a in timeline]
        titles = [a.record.meeting.title for a in timeline]
        columns = [
            Column("ID", [a.record.id for a in timeline], priority=0, overflow=True),
            kind_column(kinds, priority=3),
            Column("WITH", [_other_side(a, roster) for a in timeline], priority=1),
            title_column(titles, priority=2, min_width=20),
        ]
        lines += [Text(), heading(f"Meetings ({len(timeline)})")]
        lines += activity_strip([a.record.meeting.date.year for a in timeline], width)
        lines += render_rows(columns, width)

    def cited(title: str, items: list[tuple[str, str]]) -> None:
        if not items:
            return
        lines.extend([Text(), heading(f"{title} ({len(items)})")])
        for cite, body in items:
            lines.append(as_text(cite))
            lines.extend(Text("    ") + line for line in wrap(body, width - 4))

    cited(
        "Condolences expressed",
        [
            (citation(r.id, c.point, t), describe_condolence(c))
            for r, c, t in summary.condolences_by
        ],
    )
    cited(
        "Condolences received",
        [
            (citation(r.id, c.point, t), describe_condolence(c))
            for r, c, t in summary.condolences_to
        ],
    )
    for title, statuses in AID_SECTIONS:
        cited(
            title,
            [
                (citation(r.id, a.point, t), describe_aid(a))
                for r, a, t in summary.aid
                if a.status in statuses
            ],
        )
    if summary.tags:
        tags = ", ".join(f"{tag} ({n})" for tag, n in summary.tags.most_common())
        lines.extend([Text(), heading("Tags"), *wrap(tags, width)])
    cited(
        "What they said",
        [(citation(c.record.id, c.point, c.account), c.text) for c in summary.said],
    )
    cited(
        "Points naming them",
        [(citation(c.record.id, c.point, c.account), c.text) for c in summary.named],
    )
    return lines


BLOCKS = " ▁▂▃▄▅▆▇█"


def activity_strip(years: list[int], width: int) -> list[Text]:
    """Meetings per year, from the first to the last, as a strip of bars with their counts:
    `2019 ▂1  2020 ·0  2021 ·0  2022 ▆5`, wrapped at the width between years."""
    from collections import Counter

    from rich.text import Text

    if not years:
        return []
    counts = Counter(years)
    top = max(counts.values())
    cells = []
    for year in range(min(years), max(years) + 1):
        n = counts.get(year, 0)
        bar = BLOCKS[max(1, round(n / top * 8))] if n else "·"
        cells.append(f"{year} {bar}{n}")
    lines: list[Text] = []
    line = "per year"
    for cell in cells:
        if len(line) + 2 + len(cell) > width:
            lines.append(Text(line))
            line = " " * len("per year")
        line += "  " + cell
    lines.append(Text(line))
    return lines


def _other_side(appearance: Appearance, roster: Roster) -> str:
    """The principals of the other side by family name (their delegations left out)."""
    from ..values import principals

    others = {roster.who(n).key for n in appearance.counterparts}
    shown = [
        roster.surname(n)
        for n in principals(appearance.record.meeting)
        if roster.who(n).key in others
    ] or [roster.surname(n) for n in appearance.counterparts[:1]]
    return ", ".join(shown)


AID_SECTIONS = (
    ("Aid committed", ("announced", "pledged")),
    ("Aid delivered", ("delivered",)),
    ("Aid mentioned", ("mentioned",)),
)
