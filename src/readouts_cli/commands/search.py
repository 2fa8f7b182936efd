"""`readouts search`: where phrases were discussed, cited by point."""

from __future__ import annotations

from typing import Annotated

import typer

from ..options import FilterOptions, FormatOpt, with_filters
from ..render import Format

CSV_COLUMNS = ("id", "date", "where", "point", "snippet")


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
    from ..edge import load, say
    from ..errors import ReadoutsError
    from ..filters import latest
    from ..render import emit, highlighted, print_table
    from ..search import phrases_of, snippet
    from ..views import citation

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
        rows = []
        for hit in hits:
            shown, spans = snippet(hit.field.text, hit.spans)
            cell = highlighted(shown, spans, "bold reverse")
            rows.append((str(hit.record.meeting.date), hit.record.id, hit.field.where, cell))
        print_table(("Date", "Id", "Where", "Match"), rows)

    def json_document() -> list[dict[str, object]]:
        return [
            {
                "id": h.record.id,
                "date": h.record.meeting.date.isoformat(),
                "title": h.record.meeting.title,
                "where": h.field.where,
                "point": h.field.point,
                "cite": citation(h.record, h.field.point),
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
                h.field.where,
                h.field.point,
                snippet(h.field.text, h.spans)[0],
            ]
            for h in hits
        ]

    emit(fmt, table=table, json_document=json_document, csv_rows=csv_rows)
