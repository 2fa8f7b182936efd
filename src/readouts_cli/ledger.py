"""Condolences and aid as data: readable amounts, totals, CAMEO codes, and the one way each
item is described (`show`, `person`, `condolences` and `aid` all describe items through here).
"""

from __future__ import annotations

import datetime as dt
import operator
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from .corpus import Record
from .errors import Problem
from .model import Aid, Condolence
from .vocab import Category, GroupBy, Scope, Status

_SYMBOLS = {"USD": "US$", "JPY": "¥", "EUR": "€", "GBP": "£"}
_SCALES = ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"))


def format_amount(amount: int, currency: str) -> str:
    """300_000_000 USD -> "US$300 million"; exact: a figure that would need rounding is spelled out."""
    prefix = _SYMBOLS.get(currency)
    figure = f"{amount:,}"
    # Only the largest scale the amount reaches: 13_000_100_000 is not "13000.1 million".
    scale, word = next(((s, w) for s, w in _SCALES if amount >= s), (0, ""))
    if scale:
        scaled = Decimal(amount) / scale
        if scaled < 1000 and scaled == scaled.quantize(Decimal("0.001")):
            figure = f"{scaled.normalize():f} {word}"
    return f"{prefix}{figure}" if prefix else f"{figure} {currency}"


def amount_text(item: Aid) -> str:
    if item.amount is None or item.currency is None:
        return ""
    return format_amount(item.amount, item.currency)


def parties(giver: str, receiver: str | None) -> str:
    return f"{giver} → {receiver}" if receiver else giver


def describe_condolence(item: Condolence) -> str:
    return f"{parties(item.by, item.to)}: {item.about}"


def describe_aid(item: Aid) -> str:
    parts = [item.what]
    if amount := amount_text(item):
        parts.append(amount)
    parts.append(f"{item.category}, {item.status}")
    if item.channel:
        parts.append(f"via {item.channel}")
    return f"{parties(item.donor, item.recipient)}: " + "; ".join(parts)


# CAMEO event codes, for joining this ledger with event data. Intent (announced, pledged) is
# 033x "express intent to provide material aid"; aid given or referred to is 07x "provide aid".
CONDOLENCE_CAMEO = "018"
_CAMEO_KIND = {
    Category.FINANCIAL: "economic",
    Category.ENERGY: "economic",
    Category.RECONSTRUCTION: "economic",
    Category.MILITARY: "military",
    Category.HUMANITARIAN: "humanitarian",
    Category.DEMINING: "humanitarian",
    Category.OTHER: "other",
}
_CAMEO_INTENT = {"economic": "0331", "military": "0332", "humanitarian": "0333", "other": "033"}
_CAMEO_GIVE = {"economic": "071", "military": "072", "humanitarian": "073", "other": "070"}


def aid_cameo(item: Aid) -> str:
    kind = _CAMEO_KIND[item.category]
    intent = item.status in (Status.ANNOUNCED, Status.PLEDGED)
    return (_CAMEO_INTENT if intent else _CAMEO_GIVE)[kind]


@dataclass(frozen=True)
class Cited:
    """Where an item of a meeting (an aid item, a condolence) is told: the meeting's id, date
    and file, the account that tells it and its place there. Items are read out of the index
    with no record built, so they carry what their views cite, not the record."""

    id: str
    date: dt.date
    file: str  # the record's file, as a string: a path object per item costs more than its use
    index: int  # the item's position in its account's list, so items are told apart
    account: int  # which account of the meeting tells it (1: the record's own)
    label: str | None  # that account's publisher, where the meeting has several

    @property
    def path(self) -> Path:
        return Path(self.file)

    @property
    def key(self) -> tuple[str, int, int]:
        return (self.id, self.account, self.index)

    @property
    def order(self) -> tuple[dt.date, str, int, int]:
        """Where the item stands in the corpus: by date, meeting, account and position."""
        return (self.date, self.id, self.account, self.index)


@dataclass(frozen=True)
class Entry(Cited):
    """One aid item with the meeting it comes from."""

    item: Aid

    @property
    def package(self) -> str:
        """The commitment this item speaks of: its `package`, else the item alone."""
        if self.item.package:
            return self.item.package
        told = f"{self.account}." if self.account > 1 else ""
        return f"{self.id}#{told}{self.index + 1}"

    @property
    def location(self) -> tuple[str | int, ...]:
        """Where the item is in its file, as key paths name it."""
        within = ("accounts", self.account - 2) if self.account > 1 else ()
        return (*within, "aid", self.index)


@dataclass(frozen=True)
class Sympathy(Cited):
    """One condolence with the meeting it comes from."""

    item: Condolence


def entries_of(records: Iterable[Record]) -> list[Entry]:
    """Every aid item of `records`, every account's: the same commitment told by two
    accounts is one package, as it is told at two meetings."""
    return [
        Entry(r.id, r.meeting.date, str(r.path), index, account.number, account.cite, item)
        for r in records
        for account in r.meeting.told()
        for index, item in enumerate(account.aid)
    ]


def condolences_of(records: Iterable[Record]) -> list[Sympathy]:
    """Every condolence of `records`, every account's, each cited on its own."""
    return [
        Sympathy(r.id, r.meeting.date, str(r.path), index, account.number, account.cite, item)
        for r in records
        for account in r.meeting.told()
        for index, item in enumerate(account.condolences)
    ]


# Why an item is not added to the totals (the `reason` of machine output).
MENTION = "mention"
RUNNING_TOTAL = "running total"
REPEAT = "repeat"
REASON_NOUNS = {
    MENTION: ("mention", "mentions"),
    RUNNING_TOTAL: ("stated running total", "stated running totals"),
    REPEAT: ("repeat of a counted package", "repeats of a counted package"),
}

COMMITTED = "committed"
DELIVERED = "delivered"


def flow(item: Aid) -> str | None:
    """What an item adds to, if anything: commitments, deliveries, or nothing."""
    if item.scope == Scope.CUMULATIVE or item.status == Status.MENTIONED:
        return None
    return DELIVERED if item.status == Status.DELIVERED else COMMITTED


@dataclass(frozen=True)
class Verdict:
    """Whether an item is added to the totals, and if not, why; `year` is the year its
    package was first stated as a commitment (or delivery), where a counted item is added."""

    counted: bool
    reason: str | None
    year: int


# Each entry's verdict, by its key (record id, account, position).
Verdicts = dict[tuple[str, int, int], Verdict]


def count(entries: Iterable[Entry]) -> Verdicts:
    """Each item's verdict, on the Kiel Institute's rules: a commitment (or a delivery) is
    counted once per package, at the amount of its latest statement that gives one, in the
    year it was first stated; mentions and stated running totals are never added.

    Give it every item of the corpus, so a package is judged whole whatever is shown.
    """
    ordered = sorted(entries, key=_ORDER)
    groups: dict[tuple[str, str], list[Entry]] = defaultdict(list)
    left: list[Entry] = []  # mentions and running totals
    for entry in ordered:
        kind = flow(entry.item)
        if kind is None:
            left.append(entry)
        else:
            groups[(entry.package, kind)].append(entry)
    verdicts: Verdicts = {}
    for statements in groups.values():
        with_amount = [e for e in statements if e.item.amount]
        chosen = with_amount[-1] if with_amount else statements[0]
        year = statements[0].date.year
        for entry in statements:
            verdicts[entry.key] = Verdict(
                entry is chosen, None if entry is chosen else REPEAT, year
            )
    counted_packages = {package for package, _ in groups}
    for entry in left:
        if entry.item.scope == Scope.CUMULATIVE:
            reason = RUNNING_TOTAL
        elif entry.package in counted_packages:
            reason = REPEAT
        else:
            reason = MENTION
        verdicts[entry.key] = Verdict(False, reason, entry.date.year)
    return verdicts


# Where an item stands in the corpus (Cited.order), as a key that builds no tuple in Python.
_ORDER = operator.attrgetter("date", "id", "account", "index")


def left_out(entries: Iterable[Entry], verdicts: Verdicts) -> str | None:
    """The line under the totals that says what they leave out, and why."""
    reasons = Counter(verdicts[e.key].reason for e in entries if not verdicts[e.key].counted)
    parts = [
        f"{n} {REASON_NOUNS[reason][n != 1]}"
        for reason in (MENTION, RUNNING_TOTAL, REPEAT)
        if (n := reasons.get(reason, 0))
    ]
    return "not added: " + ", ".join(parts) if parts else None


# How aid totals can be grouped (the `--by` choices of `readouts aid`).
GROUP_KEYS: dict[GroupBy, Callable[[Entry, Verdict], str]] = {
    GroupBy.YEAR: lambda e, v: str(v.year),
    GroupBy.CATEGORY: lambda e, v: str(e.item.category),
    GroupBy.DONOR: lambda e, v: e.item.donor,
    GroupBy.STATUS: lambda e, v: str(e.item.status),
}


ALL = "all"


@dataclass(frozen=True)
class Total:
    """The sum of one currency's counted amounts of one flow (committed or delivered) within
    a group; `currency` None counts the counted items that have no amount, never summed."""

    group: str
    flow: str
    currency: str | None
    items: int
    amount: int | None


def totals(entries: Iterable[Entry], verdicts: Verdicts, by: GroupBy) -> list[Total]:
    """Totals of the counted items per group, flow and currency: groups in order,
    commitments before deliveries, currencies alphabetical, no-amount last; with more than
    one group, then the same for all groups together (group "all").

    Amounts in different currencies are never added together.
    """
    key = GROUP_KEYS[by]
    sums: dict[tuple[str, str], dict[str | None, list[int]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for entry in entries:
        verdict = verdicts[entry.key]
        kind = flow(entry.item)
        if not verdict.counted or kind is None:
            continue
        amount, currency = entry.item.amount, entry.item.currency
        for group in (key(entry, verdict), ALL):
            sums[(group, kind)][currency if amount else None].append(amount or 0)
    groups = sorted({g for g, _ in sums if g != ALL})
    if len(groups) > 1:
        groups.append(ALL)
    out: list[Total] = []
    for group in groups:
        for kind in (COMMITTED, DELIVERED):
            currencies = sums.get((group, kind), {})
            for currency in sorted(c for c in currencies if c is not None):
                amounts = currencies[currency]
                out.append(Total(group, kind, currency, len(amounts), sum(amounts)))
            if None in currencies:
                out.append(Total(group, kind, None, len(currencies[None]), None))
    return out


@dataclass(frozen=True)
class StatedTotal:
    """The latest stated running total of one donor to one recipient in one currency, beside
    the commitments the corpus counts for the same parties and currency."""

    entry: Entry
    counted: int
    packages: int


def stated_totals(entries: Iterable[Entry], verdicts: Verdicts) -> list[StatedTotal]:
    entries = list(entries)
    latest: dict[tuple[str, str | None, str], Entry] = {}
    for entry in sorted(entries, key=lambda e: e.order):
        item = entry.item
        if item.scope == Scope.CUMULATIVE and item.amount and item.currency:
            latest[(item.donor, item.recipient, item.currency)] = entry
    if not latest:
        return []
    # The counted commitments of each donor, recipient and currency, in one pass.
    counted: dict[tuple[str, str | None, str | None], list[int]] = defaultdict(list)
    for e in entries:
        if verdicts[e.key].counted and flow(e.item) == COMMITTED:
            counted[(e.item.donor, e.item.recipient, e.item.currency)].append(e.item.amount or 0)
    return [
        StatedTotal(entry, sum(amounts := counted.get(parties, [])), len(amounts))
        for parties, entry in latest.items()
    ]


# Words that make an aid item read as a stated running total rather than one commitment.
_RUNNING_TOTAL = re.compile(r"\b(?:total|so far|to date|cumulative|in all)\b", re.IGNORECASE)
# Words that make a statement a change to an earlier commitment: one package with it.
_REVISION = re.compile(
    r"\b(?:rais(?:e|ed|ing)|increas(?:e|ed|ing)|doubl(?:e|ed|ing)|top(?:ped)?[- ]up)\b", re.I
)


def running_total_words(text: str) -> str | None:
    """The words that make `text` read as a stated running total ("so far"), if any."""
    found = _RUNNING_TOTAL.search(text)
    return found[0] if found else None


def revises_a_commitment(text: str) -> bool:
    """Whether `text` speaks of an earlier commitment changed ("raised from ... to ...")."""
    return _REVISION.search(text) is not None


def suggested_package(
    donor: str, recipient: str | None, topic: str, year: int | None = None
) -> str:
    """A package key in the corpus's style: "jp-ua-financial-2022", "jp-ua-total-support"."""
    words = [donor, recipient or "", topic, str(year or "")]
    return "-".join(re.sub(r"[^a-z0-9]+", "-", w.lower()).strip("-") for w in words if w)


def _where(first: Entry, later: Entry) -> str:
    """Where the earlier of two alike items is, as seen from the later one."""
    if first.id != later.id:
        return first.id
    return "another account of this meeting" if first.account != later.account else "this record"


def double_counting(records: Iterable[Record]) -> list[Problem]:
    """Likely double counting in the ledger, as problems naming the item's file and line:
    two commitments alike in donor, recipient, amount and currency with no package in common;
    an item whose words say it is a running total without `scope = "cumulative"`; a package
    whose statements disagree on donor, recipient or currency."""
    from . import tomlio
    from .validation import field_path

    entries = entries_of(records)
    found: list[tuple[Entry, str, str, str | None]] = []
    alike: dict[tuple[str, str | None, int, str | None], list[Entry]] = defaultdict(list)
    packages: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries:
        item = entry.item
        if item.package:
            packages[item.package].append(entry)
        if flow(entry.item) == COMMITTED and item.amount:
            alike[(item.donor, item.recipient, item.amount, item.currency)].append(entry)
        if item.scope != Scope.CUMULATIVE and (words := running_total_words(item.what)):
            found.append(
                (
                    entry,
                    "what",
                    f"says {words!r}, which reads as a stated running total",
                    'if it is one, add scope = "cumulative" so it is never added to the totals',
                )
            )
    # One commitment told by two accounts of a meeting without an amount: alike in donor,
    # recipient and category, no package in common (the amounts rule cannot see it).
    told: dict[tuple[str, str, str | None, str], list[Entry]] = defaultdict(list)
    for entry in entries:
        item = entry.item
        if flow(item) == COMMITTED and not item.amount and not item.package:
            told[(entry.id, item.donor, item.recipient, str(item.category))].append(entry)
    for same in told.values():
        for later in same[1:]:
            if later.account != same[0].account:
                found.append(
                    (
                        later,
                        "what",
                        f"{later.item.category} aid from {later.item.donor} again, as in "
                        "another account of this meeting, with no amount and no package: "
                        "counted twice",
                        "if both accounts speak of one commitment, give them the same `package`",
                    )
                )
    for same in alike.values():
        for later in same[1:]:
            first = same[0]
            # Two packages named apart are two commitments by the author's word; without a
            # package on either, nothing says they are not one commitment told twice.
            if first.item.package is None or later.item.package is None:
                found.append(
                    (
                        later,
                        "amount",
                        f"{format_amount(later.item.amount or 0, later.item.currency or '')} from "
                        f"{later.item.donor} again, as in {_where(first, later)}, and no "
                        "package in common: counted twice",
                        "if both speak of one commitment, give them the same `package`",
                    )
                )
    for key, statements in packages.items():
        for field in ("donor", "recipient", "currency"):
            values = {v for e in statements if (v := getattr(e.item, field)) is not None}
            if len(values) > 1:
                first = statements[0]
                found.append(
                    (
                        first,
                        "package",
                        f"package {key!r} has statements that disagree on {field}: "
                        + ", ".join(sorted(str(v) for v in values)),
                        "a package is one commitment: one donor, one recipient, one currency",
                    )
                )
    problems: list[Problem] = []
    lines: dict[Path, dict[tuple[str | int, ...], int]] = {}
    for entry, field, message, hint in found:
        path = entry.path
        if path not in lines:
            try:
                lines[path] = tomlio.key_lines(tomlio.read_text(path))
            except Exception:  # the file changed since it was read: no line to give
                lines[path] = {}
        line = tomlio.line_of(lines[path], (*entry.location, field)) or 1
        where = field_path((*entry.location, field))
        problems.append(Problem(message, file=path, line=line, field=where, hint=hint))
    return problems
