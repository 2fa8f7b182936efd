"""Two accounts of one meeting side by side: which points tell the same thing, on what
evidence, and what each account mentions that the other does not.

Matching is fuzzy and says why. Two points are paired on the evidence they share, each kind
weighed apart:

- figures: numbers written in both (37 million, 300), the strongest sign; a year (2024)
  counts less;
- names: other names in both (capitalised words and runs of them: Bucha, NATO, Peace
  Formula), and the meeting's participants named in both (any spelling people.toml knows),
  which weigh little, since both accounts name them nearly everywhere;
- tags: the meeting's tags found in both texts;
- words: content words in common (folded, stopwords dropped, crude stems: "generators" and
  "generator" are one word), as a share of the smaller point's words.

Words count only from two in common. A pair needs a score of at least `THRESHOLD` and two
pieces of evidence; points are paired
greedily, best score first, each point once. Nothing is hidden: every pair carries its
evidence, and a point left unpaired is listed as the account's own.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from .ledger import amount_text
from .model import Aid, Condolence, Meeting, Told
from .search import find_phrase
from .textfold import fold

THRESHOLD = 0.5

_STOP = frozenset(
    """
    a about above after again against all also an and any are as at be because been before
    being both but by can could did do does during each for from further had has have having
    he her here hers him his how i if in into is it its itself just me more most my no nor
    not now of off on once only or other our ours out over own same she should so some such
    than that the their theirs them then there these they this those through to too under
    until up very was we were what when where which while who whom why will with would you
    your said says told stated noted expressed added went including well two sides side
    both leaders minister ministers president prime foreign japan japanese ukraine
    ukrainian country countries also further continue continued would
    """.split()
)
_WORD = re.compile(r"[a-z0-9][a-z0-9'\-]*")
_NUMBER = re.compile(r"(?<![\w.])\d[\d,._]*(?:\.\d+)?(?:\s*(?:million|billion|trillion))?")
_NAME = re.compile(r"(?<![\w'])[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)*")


def _stem(word: str) -> str:
    for suffix in ("ations", "ation", "ings", "ing", "ies", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def content_words(text: str) -> set[str]:
    words = (re.sub(r"'s$", "", w).strip("'-") for w in _WORD.findall(fold(text)))
    return {_stem(w) for w in words if len(w) > 2 and w not in _STOP and not w.isdigit()}


def figures(text: str) -> set[str]:
    """The numbers a text gives, written one way: "US$37 million" and "37 million" -> "37 million"."""
    out = set()
    for found in _NUMBER.findall(text):
        number, _, scale = found.replace(",", "").replace("_", "").partition(" ")
        number = number.rstrip(".")
        if number:
            out.add(f"{number} {scale.strip()}".strip())
    return out


# Capitalised words that open sentences without being names.
_OPENERS = frozenset(
    """
    the a an he she they it in on at per both this that these those his her their its as
    after before during while when then also background according context later earlier
    """.split()
)
# Dates are no names: "April" is split out of "April Russian Iskander".
_CALENDAR = frozenset(
    """
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday
    """.split()
)


def names(text: str) -> set[str]:
    """Capitalised words and runs of them ("Bucha", "Peace Formula", "NATO CAP Trust Fund"),
    without the words that open a sentence ("The", "Per"); a lone capitalised word that
    starts a sentence is no evidence of a name, and is left out."""
    out = set()
    for found in _NAME.finditer(text):
        words = found[0].split()
        while words and fold(words[0]) in _OPENERS:
            words.pop(0)
        before = text[: found.start()].rstrip()
        at_start = not before or before[-1] in '.:;!?"“('
        if not words or (at_start and len(words) == 1 and len(found[0].split()) == 1):
            continue
        for run in " ".join(w if fold(w) not in _CALENDAR else "|" for w in words).split("|"):
            value = run.strip()
            if value and fold(value) not in _STOP and not (len(value) <= 2 and value.isupper()):
                out.add(value)
    return out


_YEAR = re.compile(r"(?:19|20)\d\d")


@dataclass(frozen=True)
class Evidence:
    figures: tuple[str, ...] = ()
    people: tuple[str, ...] = ()  # names: other names first, then the meeting's participants
    tags: tuple[str, ...] = ()
    words: tuple[str, ...] = ()
    overlap: float = 0.0  # shared words over the smaller point's words
    participants: int = 0  # how many of `people` are the meeting's own participants

    @property
    def pieces(self) -> int:
        return len(self.figures) + len(self.people) + len(self.tags) + len(self.words)

    @property
    def score(self) -> float:
        """Figures weigh most (a year less: a year is often just context), other names
        next; the meeting's participants, named in nearly every point of both accounts,
        weigh little, and their names are not counted again as words."""
        years = sum(1 for f in self.figures if _YEAR.fullmatch(f))
        others = len(self.people) - self.participants
        return round(
            0.5 * (len(self.figures) - years)
            + 0.2 * years
            + 0.4 * others
            + 0.1 * self.participants
            + 0.3 * len(self.tags)
            # One word in common is chance; from two, the share of the point's words counts.
            + (self.overlap if len(self.words) >= 2 else 0.0),
            3,
        )


@dataclass(frozen=True)
class Point:
    account: int
    number: int
    text: str


@dataclass(frozen=True)
class Pair:
    a: Point
    b: Point
    evidence: Evidence


@dataclass
class Only:
    """What one account mentions that the other does not."""

    account: Told
    points: list[Point] = field(default_factory=list)
    people: list[str] = field(default_factory=list)
    figures: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    condolences: list[Condolence] = field(default_factory=list)
    aid: list[Aid] = field(default_factory=list)


@dataclass
class Comparison:
    first: Told
    other: Told
    pairs: list[Pair]
    only: tuple[Only, Only]


@dataclass(frozen=True)
class _Profile:
    words: set[str]
    figures: set[str]
    names: set[str]
    participants: set[str]
    tags: set[str]


def compare(
    meeting: Meeting, first: Told, other: Told, people: Callable[[str], set[str]]
) -> Comparison:
    """The comparison of two accounts of `meeting`; `people(text)` names the participants a
    text mentions (by their display names)."""

    publishers = " ".join(filter(None, (first.publisher, other.publisher)))
    # The participants' names are evidence as names, never again as words.
    name_words = {_stem(w) for p in meeting.participants for w in _WORD.findall(fold(p.name))}

    def profile(text: str) -> _Profile:
        folded = fold(text)
        named = people(text)
        # Other names, less those that are a participant's spelling ("Kishida") or part of
        # a publisher's name (a summary's "Per MOFA ..." says who tells, not what).
        others = {n for n in names(text) if not people(n) and n not in publishers}
        return _Profile(
            content_words(text) - name_words,
            figures(text),
            others,
            named,
            {t for t in meeting.tags if find_phrase(folded, fold(t)) != -1},
        )

    a_points = [Point(first.number, n, t) for n, t in enumerate(first.points, 1)]
    b_points = [Point(other.number, n, t) for n, t in enumerate(other.points, 1)]
    a_prof = {p.number: profile(p.text) for p in a_points}
    b_prof = {p.number: profile(p.text) for p in b_points}
    candidates: list[Pair] = []
    for pa in a_points:
        for pb in b_points:
            x, y = a_prof[pa.number], b_prof[pb.number]
            shared_words = x.words & y.words
            smaller = min(len(x.words), len(y.words)) or 1
            participants = sorted(x.participants & y.participants)
            evidence = Evidence(
                tuple(sorted(x.figures & y.figures)),
                (*sorted(x.names & y.names), *participants),
                tuple(sorted(x.tags & y.tags)),
                tuple(sorted(shared_words)),
                round(len(shared_words) / smaller, 3),
                len(participants),
            )
            if evidence.score >= THRESHOLD and evidence.pieces >= 2:
                candidates.append(Pair(pa, pb, evidence))
    candidates.sort(key=lambda p: (-p.evidence.score, p.a.number, p.b.number))
    pairs: list[Pair] = []
    used_a: set[int] = set()
    used_b: set[int] = set()
    for pair in candidates:
        if pair.a.number in used_a or pair.b.number in used_b:
            continue
        pairs.append(pair)
        used_a.add(pair.a.number)
        used_b.add(pair.b.number)
    pairs.sort(key=lambda p: (p.a.number, p.b.number))

    whole_a = profile(_all_text(first))
    whole_b = profile(_all_text(other))
    only_a = Only(first, [p for p in a_points if p.number not in used_a])
    only_b = Only(other, [p for p in b_points if p.number not in used_b])
    for only, mine, theirs, own, others in (
        (only_a, whole_a, whole_b, first, other),
        (only_b, whole_b, whole_a, other, first),
    ):
        only.people = sorted(
            (mine.names | mine.participants) - (theirs.names | theirs.participants)
        )
        only.figures = sorted(mine.figures - theirs.figures, key=_figure_order)
        only.topics = sorted(mine.tags - theirs.tags)
        only.condolences = [
            c
            for c in own.condolences
            if not any(_same_condolence(c, d) for d in others.condolences)
        ]
        only.aid = [a for a in own.aid if not any(_same_aid(a, b) for b in others.aid)]
    return Comparison(first, other, pairs, (only_a, only_b))


def _all_text(account: Told) -> str:
    """What an account says, in its own words: points, summary, what its condolences are
    about and what its aid is (not the parties' codes, which are no names)."""
    parts = [*account.points, account.summary or ""]
    parts += [c.about for c in account.condolences]
    parts += [a.what for a in account.aid]
    return "\n".join(parts)


def _figure_order(value: str) -> tuple[float, str]:
    number = value.split()[0]
    try:
        return (float(number), value)
    except ValueError:
        return (0.0, value)


def _same_condolence(a: Condolence, b: Condolence) -> bool:
    return fold(a.by) == fold(b.by) and fold(a.to) == fold(b.to)


def _same_aid(a: Aid, b: Aid) -> bool:
    """One commitment told twice: the same package, else the same amount, else (neither
    giving one) the same donor and category."""
    if a.package and b.package:
        return a.package == b.package
    if a.amount and b.amount:
        return (a.amount, a.currency) == (b.amount, b.currency)
    return a.donor == b.donor and a.category == b.category and not (a.amount or b.amount)


def evidence_text(evidence: Evidence) -> str:
    """The evidence of a pairing as a reader checks it: "figures 37 million; people ..."."""
    parts = []
    for label, values in (
        ("figures", evidence.figures),
        ("names", evidence.people),
        ("tags", evidence.tags),
        ("words", evidence.words),
    ):
        if values:
            parts.append(f"{label} " + ", ".join(values))
    return "; ".join(parts)


def aid_text(item: Aid) -> str:
    amount = amount_text(item)
    return f"{item.what} ({amount})" if amount else item.what
