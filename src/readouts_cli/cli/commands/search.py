"""`readouts search`: where phrases were discussed, cited by point."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Annotated

import typer

from ..options import FilterOptions, FormatOpt, with_filters
from ..output import Format

if TYPE_CHECKING:
    from rich.text import Text

    from ...search import Hit

CSV_COLUMNS = ("id", "date", "meeting_title", "where", "point", "cite", "text")


@with_filters
def run(
    ctx: typer.Context,
    filters: FilterOptions,
    query: Annotated[
        list[str],
        typer.Argument(
            metavar="PHRASE...", help="Phrases to look for; quote a phrase of several words."
        ),
    ],
    any_phrase: Annotated[
        bool, typer.Option("--any", help="Match records holding any phrase, not all.")
    ] = False,
    fmt: FormatOpt = Format.TABLE,
) -> None:
    """Find where phrases occur: title, summary, tags, points, participants, place, aid.

    Matching ignores case, accents and quote styles. Example: readouts search "Peace Formula"
    """
    from ...errors import ReadoutsError
    from ...filters import latest
    from ...search import phrases_of
    from ..context import load, say
    from ..output import emit
    from ..values import citation

    phrases = phrases_of(query)
    if not phrases:
        raise ReadoutsError.of(
            "nothing to search for", hint='give a phrase: readouts search "Peace Formula"'
        )
    store = load(ctx)
    chosen = filters.filters(ctx, store, limit=False)
    hits = store.search(phrases, chosen, any_phrase=any_phrase)
    if filters.limit is not None:
        # The limit counts meetings, as on `list`: the most recent N meetings with hits.
        kept = set(latest(list(dict.fromkeys(h.record.id for h in hits)), filters.limit))
        hits = [h for h in hits if h.record.id in kept]
    if not hits:
        say("no matches")
        if fmt is Format.TABLE:
            return

    def table() -> None:
        from ..output import print_lines, width

        print_lines(grouped_hits(hits, width()))

    def json_document() -> list[dict[str, object]]:
        return [
            {
                "id": h.record.id,
                "date": h.record.meeting.date.isoformat(),
                "meeting_title": h.record.meeting.title,
                "where": h.field.where,
                "point": h.field.point,
                "account": h.field.account,
                "cite": citation(h.record.id, h.field.point, h.field.account),
                "text": h.field.text,
                "matches": [list(span) for span in h.spans],
            }
            for h in hits
        ]

    def csv_rows() -> tuple[tuple[str, ...], list[list[object]]]:
        return CSV_COLUMNS, [
            [
                h.record.id,
                h.record.meeting.date,
                h.record.meeting.title,
                h.field.where,
                h.field.point,
                citation(h.record.id, h.field.point, h.field.account),
                h.field.text,
            ]
            for h in hits
        ]

    emit(fmt, table=table, json_document=json_document, csv_rows=csv_rows)
    meetings = len({h.record.id for h in hits})
    if hits:
        from ..output import inert
        from ..pager import closing_note

        closing_note(inert(f"{_count(len(hits), 'hit')} in {_count(meetings, 'meeting')}"))


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'s' * (n != 1)}"


def where_cited(hit: Hit) -> str:
    """Where a hit is, as a reader cites it: "§3", "title", "aid §4", and in a meeting with
    several accounts, whose: "§2 (President of Ukraine)"."""
    where = hit.field.where
    if not where.startswith("§") and hit.field.point is not None:
        where = f"{where} §{hit.field.point}"
    return f"{where} ({hit.field.account})" if hit.field.account else where


def grouped_hits(hits: Sequence[Hit], width: int) -> list[Text]:
    """Hits grouped by meeting, as ripgrep's --heading groups them by file: a heading with the
    id and the meeting's title, then one line per hit: where, and the text around the match,
    highlighted, in the room the line has."""
    from rich.text import Text

    from ...search import snippet
    from ..cells import as_text, cut, heading
    from ..output import highlighted

    lines: list[Text] = []
    groups: dict[str, list[Hit]] = {}
    for hit in hits:
        groups.setdefault(hit.record.id, []).append(hit)
    for index, (record_id, group) in enumerate(groups.items()):
        if index:
            lines.append(Text())
        title = group[0].record.meeting.title
        head = heading(record_id)
        if width - head.cell_len - 2 >= 10:
            head.append("  ")
            head.append_text(cut(title, width - head.cell_len))
        lines.append(head)
        places = [where_cited(h) for h in group]
        indent = 2 + max(len(p) for p in places) + 2
        for place, hit in zip(places, group, strict=True):
            room = width - indent
            shown, spans = snippet(hit.field.text, hit.spans, width=max(room, 1))
            line = as_text("  " + place.ljust(indent - 2))
            line.append_text(cut(highlighted(shown, spans, "bold reverse"), room))
            line.rstrip()
            lines.append(line)
    return lines
