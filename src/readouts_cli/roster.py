"""People across records: who a participant is, who met whom, and what each person said.

Builds on the registry (people.py): a participant counts as a registered person when the
registry resolves their name to exactly that person; names it does not know stay people of
their own, keyed by the name as written, until an alias is added.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from . import tomlio
from .codes import COUNTRIES
from .corpus import PEOPLE, Record
from .errors import NotFoundError, Problem
from .model import Aid, Condolence, Meeting
from .people import Person, Registry, name_words
from .search import find_phrase
from .textfold import fold


def load_registry(root: Path) -> Registry:
    """The registry of a data folder (`people.toml`); empty when the file is absent."""
    return Registry.load(root / PEOPLE)


@dataclass(frozen=True)
class Who:
    """A person as the corpus knows them: registered (with `person`) or only a spelling."""

    key: str  # the registry id, or the name as written for someone unregistered
    name: str
    person: Person | None = None


class Roster:
    """Resolves participant names through a registry, remembering each answer."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        self._cache: dict[str, Who] = {}

    def who(self, name: str) -> Who:
        if name not in self._cache:
            found = self.registry.resolve(name)
            if len(found) == 1:
                self._cache[name] = Who(found[0].id, found[0].name, found[0])
            else:
                self._cache[name] = Who(name, name)
        return self._cache[name]

    def surname(self, name: str) -> str:
        """The family name of a registered person (the word of their display name that starts
        their registry id, "kishida-fumio" -> "Kishida"); anyone else's name as written."""
        who = self.who(name)
        if who.person is None:
            return name
        family = who.person.id.split("-", 1)[0]
        for word in who.person.name.split():
            if fold(word) == family:
                return word
        return who.person.name

    def _unambiguous(self, query: str) -> list[Person]:
        """The registered person `query` names (or none); NotFoundError if it could be two."""
        found = self.registry.resolve(query)
        if len(found) > 1:
            raise NotFoundError.of(
                f"{query!r} could be " + ", ".join(f"{p.name} ({p.id})" for p in found),
                hint="give the full name or the id",
            )
        return found

    def lookup(self, query: str, names: Iterable[str]) -> tuple[Who | None, frozenset[str]]:
        """The person `query` names and the participant names (as written) that are them.

        A query the registry resolves gives every spelling in `names` that resolves to the
        same person. Otherwise (None, the names containing the query, ignoring case and
        accents). A query that could be two registered people raises NotFoundError.
        """
        found = self._unambiguous(query)
        if found:
            target = found[0].id
            return Who(target, found[0].name, found[0]), frozenset(
                n for n in names if self.who(n).key == target
            )
        needle = fold(query)
        return None, frozenset(n for n in names if needle in fold(n))

    def party(self, query: str) -> Callable[[str], bool]:
        """A test for condolence and aid parties (`by`, `to`, `donor`, `recipient`): the same
        registered person, the same country code, or a name or group where `query` starts a
        word ("victims" finds "victims of the New Year attacks"). A country code also finds
        the registered people of that country ("JP" finds what Kamikawa said). A name that
        could be two registered people raises NotFoundError."""
        self._unambiguous(query)
        target = self.who(query).key
        needle = fold(query)
        country = query.strip().upper() if query.strip().upper() in COUNTRIES else None

        def matches(value: str) -> bool:
            who = self.who(value)
            if who.key == target or value == country:
                return True
            if country and who.person is not None and who.person.country == country:
                return True
            return find_phrase(fold(value), needle) != -1

        return matches


# -- check -------------------------------------------------------------------------------


def _lines(path: Path) -> dict[tuple[str | int, ...], int]:
    try:
        return tomlio.key_lines(tomlio.read_text(path))
    except Exception:  # the file changed or vanished since it was loaded: no line to give
        return {}


def crosscheck(
    records: Sequence[Record], registry: Registry, *, strict: bool
) -> tuple[list[Problem], list[Problem]]:
    """Problems (errors, warnings) between the records and the registry.

    Errors: a participant name that could be two registered people; with `strict`, a
    participant the registry does not know (with the closest entries as a hint). Warnings:
    the registry's own (a one-word spelling another person's name shares), and a
    participant's title that contradicts the registry's role for them on the meeting's date.
    """
    errors: list[Problem] = []
    warnings: list[Problem] = list(registry.warnings)
    for record in records:
        meeting = record.meeting
        lines: dict[tuple[str | int, ...], int] | None = None
        for index, participant in enumerate(meeting.participants):
            found = registry.resolve(participant.name)
            problem: tuple[str, str, str | None] | None = None
            target: list[Problem] = errors
            if len(found) > 1:
                problem = (
                    "name",
                    f"{participant.name!r} could be "
                    + ", ".join(f"{p.name} ({p.id})" for p in found),
                    "use a fuller spelling, or make the aliases in people.toml distinct",
                )
            elif not found and strict and participant.country:
                problem = (
                    "name",
                    f"{participant.name!r} is not in people.toml",
                    _hint(registry, participant.name),
                )
            elif len(found) == 1 and participant.title:
                held = found[0].title_on(meeting.date)
                if held and not _compatible(participant.title, held):
                    target = warnings
                    problem = (
                        "title",
                        f"{participant.title!r}, but people.toml has {found[0].name} as "
                        f"{held!r} on {meeting.date}",
                        None,
                    )
            if problem:
                if lines is None:
                    lines = _lines(record.path)
                field, message, hint = problem
                loc = ("participants", index, field)
                target.append(
                    Problem(
                        message,
                        file=record.path,
                        line=tomlio.line_of(lines, loc) or 1,
                        field=f"participants[{index}].{field}",
                        hint=hint,
                    )
                )
    return errors, warnings


def _hint(registry: Registry, name: str) -> str:
    close = registry.suggest(name)
    if not close:
        return "add the person to people.toml"
    options = " or ".join(f"{p.name} ({p.id})" for p in close)
    return f"did you mean {options}? add this spelling to its aliases"


_FILLER = frozenset({"of", "for", "the", "and", "on", "in"})


def _compatible(written: str, held: str) -> bool:
    """Whether a record's title can be the registry's title: one's words within the other's."""
    a = {w for w in fold(written).replace("-", " ").split() if w not in _FILLER}
    b = {w for w in fold(held).replace("-", " ").split() if w not in _FILLER}
    aliases = {"foreign": {"foreign", "affairs"}}
    for word, same in aliases.items():
        if word in a and same <= b | {word}:
            a |= same
        if word in b and same <= a | {word}:
            b |= same
    return a <= b or b <= a


# -- people ------------------------------------------------------------------------------


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


def people_rows(records: Sequence[Record], roster: Roster) -> list[PersonRow]:
    """Everyone who took part in `records`, most meetings first, then by name."""
    rows: dict[str, PersonRow] = {}
    for record in records:
        meeting = record.meeting
        present = [(roster.who(p.name), p) for p in meeting.participants]
        for who, participant in present:
            row = rows.get(who.key)
            if row is None:
                country = who.person.country if who.person else participant.country
                row = rows[who.key] = PersonRow(who, country or participant.country, None)
            row.meetings += 1
            row.first = min(row.first or meeting.date, meeting.date)
            if row.last is None or meeting.date >= row.last:
                row.last = meeting.date
                row.title = participant.title or row.title
            for other, other_participant in present:
                # The other side only: not the person, nor their own country's delegation.
                same_side = participant.country and other_participant.country == participant.country
                if other.key != who.key and not same_side:
                    row.counterparts[other.name] += 1
    for row in rows.values():
        if row.who.person and row.who.person.latest_title():
            row.title = row.who.person.latest_title()
    return sorted(rows.values(), key=lambda r: (-r.meetings, fold(r.who.name)))


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


@dataclass
class PersonSummary:
    who: Who
    timeline: list[Appearance] = field(default_factory=list)
    condolences_by: list[tuple[Record, Condolence]] = field(default_factory=list)
    condolences_to: list[tuple[Record, Condolence]] = field(default_factory=list)
    aid: list[tuple[Record, Aid]] = field(default_factory=list)
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
        for condolence in meeting.condolences:
            if _is(roster, who, condolence.by):
                summary.condolences_by.append((record, condolence))
            if _is(roster, who, condolence.to):
                summary.condolences_to.append((record, condolence))
        for aid in meeting.aid:
            if _is(roster, who, aid.donor) or (country and aid.donor == country):
                summary.aid.append((record, aid))
        speakers = {
            roster.who(p.name).key: mention_terms(roster.who(p.name), roster.registry)
            for p in meeting.participants
        }
        for cited in _points_naming(record, meeting, terms):
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


def _points_naming(record: Record, meeting: Meeting, terms: Sequence[str]) -> list[Cited]:
    cited = []
    for number, point in enumerate(meeting.points, start=1):
        folded = fold(point)
        if any(_word_ends(folded, term) for term in terms):
            cited.append(Cited(record, number, point))
    return cited


def _word_ends(folded: str, term: str) -> bool:
    """`term` occurs as a whole word somewhere (not only as a prefix of a longer word)."""
    start = find_phrase(folded, term)
    while start != -1:
        end = start + len(term)
        if end >= len(folded) or not folded[end].isalnum() or folded[end : end + 2] == "'s":
            return True
        start = find_phrase(folded, term, end)
    return False
