"""Two accounts of one meeting side by side: which points tell the same thing, on what
evidence, and what each account mentions that the other does not.

Matching is fuzzy and says why. Two points are paired on the evidence they share, each kind
weighed apart:

- figures: numbers written in both (37 million, 300, 2024), the strongest sign;
- names: participants named in both (any spelling people.toml knows, shown by their
  registered name), and other names (capitalised words that do not start a sentence: Bucha,
  NATO, Peace Formula);
- tags: the meeting's tags found in both texts;
- words: content words in common (folded, stopwords dropped, crude stems: "generators" and
  "generator" are one word), as a share of the smaller point's words.

A pair needs a score of at least `THRESHOLD` and two pieces of evidence; points are paired
greedily, best score first, each point once. Nothing is hidden: every pair carries its
evidence, and a point left unpaired is listed as the account's own.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from .ledger import amount_text, describe_aid, describe_condolence
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
    words = (w.strip("'-") for w in _WORD.findall(fold(text)))
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


def names(text: str) -> set[str]:
    """Capitalised words and runs of them, except where they start a sentence (or the text)."""
    out = set()
    for found in _NAME.finditer(text):
        before = text[: found.start()].rstrip()
        if not before or before[-1] in '.:;!?"“(':
            # A sentence's first word is capitalised anyway; a name there is kept only from
            # its second word ("Prime Minister Kishida" -> "Minister Kishida" is still a name).
            rest = found[0].split(None, 1)
            if len(rest) < 2:
                continue
            value = rest[1]
        else:
            value = found[0]
        if fold(value) not in _STOP:
            out.add(value)
    return out


@dataclass(frozen=True)
class Evidence:
    figures: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    words: tuple[str, ...] = ()
    overlap: float = 0.0  # shared words over the smaller point's words

    @property
    def pieces(self) -> int:
        return len(self.figures) + len(self.people) + len(self.tags) + len(self.words)

    @property
    def score(self) -> float:
        return round(
            0.5 * len(self.figures) + 0.4 * len(self.people) + 0.3 * len(self.tags) + self.overlap,
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
    people: set[str]
    tags: set[str]


def compare(
    meeting: Meeting, first: Told, other: Told, people: Callable[[str], set[str]]
) -> Comparison:
    """The comparison of two accounts of `meeting`; `people(text)` names the participants a
    text mentions (by their display names)."""

    def profile(text: str) -> _Profile:
        folded = fold(text)
        named = people(text)
        # Other names, less those that are a participant's spelling ("Kishida").
        others = {n for n in names(text) if not people(n)}
        return _Profile(
            content_words(text),
            figures(text),
            named | others,
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
            evidence = Evidence(
                tuple(sorted(x.figures & y.figures)),
                tuple(sorted(x.people & y.people)),
                tuple(sorted(x.tags & y.tags)),
                tuple(sorted(shared_words)),
                round(len(shared_words) / smaller, 3),
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
        only.people = sorted(mine.people - theirs.people)
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
    parts = [*account.points, account.summary or ""]
    parts += [describe_condolence(c) for c in account.condolences]
    parts += [describe_aid(a) for a in account.aid]
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


def accounts_of(meeting: Meeting) -> Sequence[Told]:
    return meeting.told()
