"""`readouts compare`: the accounts of one meeting side by side, with the evidence for each
pairing of their points and what each mentions that the other does not."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ..options import FormatOpt, complete_ids, nonblank
from ..output import Format

if TYPE_CHECKING:
    from rich.text import Text

    from ...compare import Comparison, Only
    from ...corpus import Record
    from ...people.matching import Roster

# From this width the two accounts stand in two columns; below it, one after the other.
SIDE_BY_SIDE = 120
CSV_COLUMNS = (
    "id",
    "account",
    "publisher",
    "other_account",
    "section",
    "point",
    "paired_with",
    "text",
    "evidence",
)


def run(
    ctx: typer.Context,
    key: Annotated[
        str,
        typer.Argument(
            metavar="ID",
            help="A meeting's id (or its start, or a day with one meeting of several accounts).",
            callback=nonblank,
            autocompletion=complete_ids,
        ),
    ],
    fmt: FormatOpt = Format.TABLE,
) -> None:
    """Set a meeting's accounts side by side, with the evidence for each match.

    Points told by both accounts are paired on shared figures, people, tags and words (the
    evidence is shown); then what each account mentions that the other does not.

    Example: readouts compare 2022-09-30-kishida-zelenskyy
    """
    from ...compare import compare
    from ...errors import ReadoutsError
    from ..context import load, open_roster
    from ..output import emit, print_lines, width
    from .show import find_meetings_or_say_which

    store = load(ctx)
    found = find_meetings_or_say_which(store, key)
    several = [r for r in found if r.meeting.accounts]
    if not several:
        which = (
            f"{found[0].id} has"
            if len(found) == 1
            else f"each of the {len(found)} meetings of {key} has"
        )
        raise ReadoutsError.of(
            f"{which} one account: nothing to compare",
            hint="add the other side's readout to the record as an [[accounts]] table "
            "(README, Two accounts of one meeting)",
        )
    roster = open_roster(ctx)
    mentions = _mentions(roster)
    comparisons: list[tuple[Record, Comparison]] = []
    for record in several:
        first, *others = record.meeting.told()
        people = mentions(record)
        for other in others:
            comparisons.append((record, compare(record.meeting, first, other, people)))

    def table() -> None:
        from rich.text import Text

        lines: list[Text] = []
        for index, (record, comparison) in enumerate(comparisons):
            if index:
                lines.append(Text())
            lines += comparison_view(record, comparison, width())
        print_lines(lines)

    emit(
        fmt,
        table=table,
        json_document=lambda: [comparison_document(r, c) for r, c in comparisons],
        csv_rows=lambda: (CSV_COLUMNS, [row for r, c in comparisons for row in csv_rows(r, c)]),
    )


def _mentions(roster: Roster) -> Callable[[Record], Callable[[str], set[str]]]:
    """For a record, the function naming the participants a text mentions."""
    from ...people.summaries import mention_terms, word_ends
    from ...textfold import fold

    def of(record: Record) -> Callable[[str], set[str]]:
        terms: list[tuple[str, list[str]]] = []
        for participant in record.meeting.participants:
            who = roster.who(participant.name)
            terms.append((who.name, [fold(t) for t in mention_terms(who, roster.registry)]))

        def named(text: str) -> set[str]:
            folded = fold(text)
            return {name for name, words in terms if any(word_ends(folded, w) for w in words)}

        return named

    return of


def comparison_view(record: Record, comparison: Comparison, width: int) -> list[Text]:
    """The comparison for the terminal: heading, the paired points (in two columns from
    SIDE_BY_SIDE columns), then what each account has alone."""
    from rich.text import Text

    from ...compare import aid_text, evidence_text
    from ...ledger import describe_condolence
    from ..cells import hanging, heading, wrap

    a, b = comparison.first, comparison.other
    prose = min(width, 100) if width < SIDE_BY_SIDE else width
    lines: list[Text] = [*wrap(heading(record.meeting.title), min(width, 100))]
    lines += hanging("id", record.id, prose, 11)
    for account in (a, b):
        lines += hanging(f"account {account.number}", account.publisher or account.label, prose, 11)
        if account.source:
            # A web address is never cut: beside the labels where it fits, else on its own.
            fits = len(account.source) <= prose - 11
            lines.append(Text(" " * 11 + account.source if fits else account.source))

    def label(account_number: int, point: int) -> str:
        account = a if account_number == a.number else b
        return f"{account.label} §{point}"

    lines += [Text(), heading(f"Told by both ({len(comparison.pairs)})")]
    if not comparison.pairs:
        lines.append(Text("  no point of one account matches a point of the other"))
    for pair in comparison.pairs:
        lines.append(Text())
        room = _column(width) if width >= SIDE_BY_SIDE else prose - 2
        left = [
            *wrap(heading(label(pair.a.account, pair.a.number)), room),
            *wrap(pair.a.text, room),
        ]
        right = [
            *wrap(heading(label(pair.b.account, pair.b.number)), room),
            *wrap(pair.b.text, room),
        ]
        if width >= SIDE_BY_SIDE:
            lines += _side_by_side(left, right, width)
        else:
            lines += [Text("  ") + line for line in left]
            lines += [Text("  ") + line for line in right]
        score = f"score {pair.evidence.score:g}: "
        lines += hanging("  why", score + evidence_text(pair.evidence), prose, 8)

    def only_lines(only: Only, room: int) -> list[Text]:
        out: list[Text] = wrap(heading(f"Only in {only.account.label}"), room)
        if only.points:
            for point in only.points:
                out += hanging(f"  §{point.number}", point.text, room, 7)
        facts = [
            ("names", ", ".join(only.people)),
            ("figures", ", ".join(only.figures)),
            ("topics", ", ".join(only.topics)),
            *(("condol.", describe_condolence(c)) for c in only.condolences),
            *(("aid", aid_text(x)) for x in only.aid),
        ]
        for name, value in facts:
            if value:
                out += hanging(f"  {name}", value, room, 11)
        if not (only.points or any(value for _, value in facts)):
            out.append(Text("  nothing"))
        return out

    first, second = comparison.only
    lines.append(Text())
    if width >= SIDE_BY_SIDE:
        lines += _side_by_side(
            only_lines(first, _column(width)), only_lines(second, _column(width)), width
        )
    else:
        lines += only_lines(first, prose)
        lines.append(Text())
        lines += only_lines(second, prose)
    return lines


def _column(width: int) -> int:
    return (width - 3) // 2


def _side_by_side(left: Sequence[Text], right: Sequence[Text], width: int) -> list[Text]:
    from rich.text import Text

    column = _column(width)
    out = []
    for i in range(max(len(left), len(right))):
        line = Text()
        l_part = left[i] if i < len(left) else Text()
        r_part = right[i] if i < len(right) else Text()
        line.append_text(l_part)
        if r_part.plain:
            line.append(" " * (column - l_part.cell_len + 3))
            line.append_text(r_part)
        line.rstrip()
        out.append(line)
    return out


def comparison_document(record: Record, comparison: Comparison) -> dict[str, Any]:
    from ...compare import THRESHOLD

    def account(told: Any) -> dict[str, Any]:
        return {"number": told.number, "publisher": told.publisher, "source": told.source}

    return {
        "id": record.id,
        "date": record.meeting.date.isoformat(),
        "meeting_title": record.meeting.title,
        "accounts": [account(comparison.first), account(comparison.other)],
        "pairs": [
            {
                "a": {"account": p.a.account, "point": p.a.number, "text": p.a.text},
                "b": {"account": p.b.account, "point": p.b.number, "text": p.b.text},
                "score": p.evidence.score,
                "evidence": {
                    "figures": list(p.evidence.figures),
                    "names": list(p.evidence.people),
                    "tags": list(p.evidence.tags),
                    "words": list(p.evidence.words),
                    "word_overlap": p.evidence.overlap,
                },
            }
            for p in comparison.pairs
        ],
        "only": [
            {
                "account": only.account.number,
                "publisher": only.account.publisher,
                "points": [{"point": p.number, "text": p.text} for p in only.points],
                "names": only.people,
                "figures": only.figures,
                "topics": only.topics,
                "condolences": [c.model_dump(mode="json") for c in only.condolences],
                "aid": [x.model_dump(mode="json") for x in only.aid],
            }
            for only in comparison.only
        ],
        "threshold": THRESHOLD,
    }


def csv_rows(record: Record, comparison: Comparison) -> list[list[object]]:
    """One row a point: paired (with the other account's point) or the account's alone;
    `other_account` names the account it is compared with, so that the rows of a meeting
    with three accounts say which comparison they belong to."""
    from ...compare import evidence_text

    first, other = comparison.first, comparison.other
    rows: list[list[object]] = []
    for p in comparison.pairs:
        evidence = evidence_text(p.evidence)
        rows.append(
            [
                record.id,
                first.number,
                first.label,
                other.number,
                "pair",
                p.a.number,
                p.b.number,
                p.a.text,
                evidence,
            ]
        )
        rows.append(
            [
                record.id,
                other.number,
                other.label,
                first.number,
                "pair",
                p.b.number,
                p.a.number,
                p.b.text,
                evidence,
            ]
        )
    for only, against in zip(comparison.only, (other, first), strict=True):
        for point in only.points:
            rows.append(
                [
                    record.id,
                    only.account.number,
                    only.account.label,
                    against.number,
                    "only",
                    point.number,
                    "",
                    point.text,
                    "",
                ]
            )
    return rows
