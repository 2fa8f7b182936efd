"""Summaries of people across records: who met whom and how often (`people`), and one
person's meetings, condolences, aid and points (`person`)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from ..corpus import Record
from ..model import Aid, Condolence
from ..search import find_phrase
from ..store import LineUp
from ..textfold import fold
from .matching import Roster, Who
from .names import name_words
from .registry import Registry


@dataclass
class PersonRow:
    who: Who
    country: str | None
    title: str | None
    meetings: int = 0
    first: dt.date | None = None
    last: dt.date | None = None
    counterparts: Counter[str] = field(default_factory=Counter)

    def top_counterparts(self, n: int = 3) -> list[str]:
        return [
            name
            for name, _ in sorted(self.counterparts.items(), key=lambda kv: (-kv[1], kv[0]))[:n]
        ]


def people_rows(line_ups: Iterable[LineUp], roster: Roster) -> list[PersonRow]:
    """Everyone who took part in the meetings, most meetings first, then by name."""
    rows: dict[str, PersonRow] = {}
    for _, date, seats in line_ups:
        present = [(roster.who(p.name), p) for p in seats]
        for who, participant in present:
            row = rows.get(who.key)
            if row is None:
                country = who.person.country if who.person else participant.country
                row = rows[who.key] = PersonRow(who, country or participant.country, None)
            row.meetings += 1
            row.first = min(row.first or date, date)
            if row.last is None or date >= row.last:
                row.last = date
                row.title = participant.title or row.title
            for other, other_participant in present:
                # The other side only: not the person, nor their own country's delegation.
                same_side = participant.country and other_participant.country == participant.country
                if other.key != who.key and not same_side:
                    row.counterparts[other.name] += 1
    for row in rows.values():
        if row.who.person and row.who.person.latest_title():
            row.title = row.who.person.latest_title()
    return ranked(rows.values())


def ranked(rows: Iterable[PersonRow]) -> list[PersonRow]:
    """Most meetings first, then by name (then by who they are, for two of one name)."""
    return sorted(rows, key=lambda r: (-r.meetings, fold(r.who.name), r.who.key))


# -- person ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Appearance:
    record: Record
    title: str | None
    counterparts: tuple[str, ...]


@dataclass(frozen=True)
class Cited:
    record: Record
    point: int | None
    text: str
    account: str | None = None  # the account's publisher, in a meeting with several


@dataclass
class PersonSummary:
    who: Who
    timeline: list[Appearance] = field(default_factory=list)
    # Each item with the account that tells it (its publisher, in a meeting with several).
    condolences_by: list[tuple[Record, Condolence, str | None]] = field(default_factory=list)
    condolences_to: list[tuple[Record, Condolence, str | None]] = field(default_factory=list)
    aid: list[tuple[Record, Aid, str | None]] = field(default_factory=list)
    tags: Counter[str] = field(default_factory=Counter)
    said: list[Cited] = field(default_factory=list)  # points where they are the speaker
    named: list[Cited] = field(default_factory=list)  # points that only name them


def mention_terms(who: Who, registry: Registry) -> list[str]:
    """Folded words and spellings that, found in a point, name this person."""
    if who.person is None:
        words = name_words(who.name)
        return [fold(w) for w in words if len(w) > 2]
    terms: set[str] = set()
    for _, text in who.person.spellings():
        for word in name_words(text):
            if len(word) > 2 and [p.id for p in registry.resolve(word)] == [who.person.id]:
                terms.add(word)
    return sorted(terms)


def person_summary(records: Sequence[Record], roster: Roster, who: Who) -> PersonSummary:
    """Everything `records` say about `who`: meetings, condolences, aid, tags, points."""
    summary = PersonSummary(who)
    terms = mention_terms(who, roster.registry)
    # Each participant's terms are worked out once, however many meetings they share.
    known: dict[str, list[str]] = {who.key: terms}

    def terms_of(other: Who) -> list[str]:
        if other.key not in known:
            known[other.key] = mention_terms(other, roster.registry)
        return known[other.key]

    country = who.person.country if who.person else None
    for record in records:
        meeting = record.meeting
        mine = [p for p in meeting.participants if roster.who(p.name).key == who.key]
        if not mine:
            continue
        country = country or mine[0].country
        title = mine[0].title or (who.person.title_on(meeting.date) if who.person else None)
        # The other side: not the person's own delegation (a participant of their country).
        others = tuple(
            roster.who(p.name).name
            for p in meeting.participants
            if p not in mine and not (country and p.country == country)
        )
        summary.timeline.append(Appearance(record, title, others))
        summary.tags.update(meeting.tags)
        speakers = {
            roster.who(p.name).key: terms_of(roster.who(p.name)) for p in meeting.participants
        }
        for account in meeting.told():
            label = account.cite
            for condolence in account.condolences:
                if _is(roster, who, condolence.by):
                    summary.condolences_by.append((record, condolence, label))
                if _is(roster, who, condolence.to):
                    summary.condolences_to.append((record, condolence, label))
            for aid in account.aid:
                if _is(roster, who, aid.donor) or (country and aid.donor == country):
                    summary.aid.append((record, aid, label))
            for cited in _points_naming(record, account.points, terms, label):
                if _speaker(fold(cited.text), speakers) == who.key:
                    summary.said.append(cited)
                else:
                    summary.named.append(cited)
    return summary


def _speaker(folded: str, speakers: Mapping[str, Sequence[str]]) -> str | None:
    """Who speaks in a point: the participant named first, as points are written ("Kamikawa
    praised ...", "Zelenskyy thanked Kamikawa ..."); None where no participant is named."""
    first: tuple[int, str] | None = None
    for key, terms in speakers.items():
        for term in terms:
            at = find_phrase(folded, term)
            if at != -1 and (first is None or at < first[0]):
                first = (at, key)
    return first[1] if first else None


def _is(roster: Roster, who: Who, name: str) -> bool:
    return roster.who(name).key == who.key


def _points_naming(
    record: Record, points: Sequence[str], terms: Sequence[str], account: str | None
) -> list[Cited]:
    cited = []
    for number, point in enumerate(points, start=1):
        folded = fold(point)
        if any(word_ends(folded, term) for term in terms):
            cited.append(Cited(record, number, point, account))
    return cited


def word_ends(folded: str, term: str) -> bool:
    """`term` occurs as a whole word somewhere (not only as a prefix of a longer word)."""
    start = find_phrase(folded, term)
    while start != -1:
        end = start + len(term)
        if end >= len(folded) or not folded[end].isalnum() or folded[end : end + 2] == "'s":
            return True
        start = find_phrase(folded, term, end)
    return False
