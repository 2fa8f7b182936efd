"""Phrase search over records: where each phrase occurs, cited by field or point.

Matching is on folded text (see textfold), so case, accents, quote styles and spacing do not
count. A phrase matches where a word starts ("generator" finds "generators", "red" does not
find "offered"). A query is a list of literal phrases: there is no syntax, so no input can be
malformed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from .corpus import Record
from .ledger import describe_aid, describe_condolence
from .model import Meeting, Told
from .textfold import fold, fold_with_map


@dataclass(frozen=True)
class Field:
    """One searchable piece of a record: `where` names it as a user would cite it, and
    `account` the publisher whose account it is in, when the meeting has several."""

    where: str
    point: int | None
    text: str
    account: str | None = None


@dataclass(frozen=True)
class Hit:
    record: Record
    field: Field
    spans: tuple[tuple[int, int], ...]  # character ranges of the matches in field.text


def searchable_fields(meeting: Meeting) -> Iterator[Field]:
    first, *others = meeting.told()
    yield Field("title", None, meeting.title, first.cite)
    if meeting.summary:
        yield Field("summary", None, meeting.summary, first.cite)
    if meeting.tags:
        yield Field("tags", None, ", ".join(meeting.tags))
    yield from _points(first)
    for person in meeting.participants:
        described = ", ".join(p for p in (person.name, person.title, person.country) if p)
        yield Field("participants", None, described)
    if meeting.place:
        yield Field("place", None, meeting.place)
    yield from _items(first)
    for account in others:
        if account.title != meeting.title:
            yield Field("title", None, account.title, account.cite)
        if account.summary:
            yield Field("summary", None, account.summary, account.cite)
        yield from _points(account)
        yield from _items(account)


def _points(account: Told) -> Iterator[Field]:
    for number, text in enumerate(account.points, start=1):
        yield Field(f"§{number}", number, text, account.cite)


def _items(account: Told) -> Iterator[Field]:
    for condolence in account.condolences:
        yield Field("condolences", condolence.point, describe_condolence(condolence), account.cite)
    for aid in account.aid:
        yield Field("aid", aid.point, describe_aid(aid), account.cite)


def phrases_of(query: Sequence[str]) -> list[str]:
    """The folded, non-empty phrases of a query, without repeats. Quotes around a whole
    phrase ('"Peace Formula"', typed as one would in a web search) only mark it as a phrase,
    which every argument already is, so they are dropped."""
    folded = (fold(q) for q in query)
    unquoted = (p[1:-1].strip() if len(p) > 1 and p[0] == p[-1] == '"' else p for p in folded)
    return list(dict.fromkeys(p for p in unquoted if p))


def search(
    records: Iterable[Record], phrases: Sequence[str], *, any_phrase: bool = False
) -> list[Hit]:
    """Hits for every record that holds all phrases (or any, with `any_phrase`).

    `phrases` are already folded (see `phrases_of`). A record contributes one hit per field
    in which a phrase occurs, in the record's own field order.
    """
    hits: list[Hit] = []
    for record in records:
        found: set[str] = set()
        record_hits: list[Hit] = []
        for field in searchable_fields(record.meeting):
            folded = fold(field.text)
            present = [p for p in phrases if find_phrase(folded, p) != -1]
            if present:
                found.update(present)
                record_hits.append(Hit(record, field, match_spans(field.text, present)))
        enough = bool(found) if any_phrase else len(found) == len(phrases)
        if enough:
            hits.extend(record_hits)
    return hits


def find_phrase(folded: str, phrase: str, start: int = 0) -> int:
    """The first index at or after `start` where `phrase` occurs at the start of a word, or -1."""
    at = folded.find(phrase, start)
    if not phrase[:1].isalnum():
        return at
    while at > 0 and folded[at - 1].isalnum():
        at = folded.find(phrase, at + 1)
    return at


def match_spans(text: str, phrases: Sequence[str]) -> tuple[tuple[int, int], ...]:
    """Where the folded phrases occur in `text`, as ranges of the original characters."""
    folded, origin = fold_with_map(text)
    spans: list[tuple[int, int]] = []
    for phrase in phrases:
        start = find_phrase(folded, phrase)
        while start != -1:
            end = start + len(phrase)
            spans.append((origin[start], origin[end - 1] + 1))
            start = find_phrase(folded, phrase, end)
    return tuple(_merge(sorted(spans)))


def _merge(spans: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    current: tuple[int, int] | None = None
    for start, end in spans:
        if current and start <= current[1]:
            current = (current[0], max(current[1], end))
            continue
        if current:
            yield current
        current = (start, end)
    if current:
        yield current


def snippet(
    text: str, spans: Sequence[tuple[int, int]], width: int = 100
) -> tuple[str, list[tuple[int, int]]]:
    """A window of `text` around the first match, cut at word boundaries, with shifted spans."""
    flat = " ".join(text.split())
    if len(flat) != len(text):
        # Spans index the original text; recompute them on the flattened one.
        spans = _reflow_spans(text, spans)
    if len(flat) <= width or not spans:
        return flat, list(spans)
    first_start, first_end = spans[0]
    room = max(width - (first_end - first_start), 0)
    start = max(0, first_start - room // 3)
    end = min(len(flat), start + width)
    start = max(0, end - width)
    if start > 0:
        space = flat.find(" ", start, first_start)
        start = space + 1 if space != -1 else start
    if end < len(flat):
        space = flat.rfind(" ", first_end, end)
        end = space if space != -1 else end
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(flat) else ""
    shift = len(prefix) - start
    shown = [
        (max(s, start) + shift, min(e, end) + shift) for s, e in spans if s < end and e > start
    ]
    return prefix + flat[start:end] + suffix, shown


def _reflow_spans(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    mapping: list[int] = []
    position = -1
    previous_space = True
    for char in text:
        if char.isspace():
            if not previous_space:
                position += 1
            previous_space = True
        else:
            position += 1
            previous_space = False
        mapping.append(max(position, 0))
    mapping.append(position + 1)
    return [(mapping[s], mapping[e - 1] + 1) for s, e in spans]
