"""Condolences and aid as data: readable amounts, totals, CAMEO codes, and the one way each
item is described (`show`, `person`, `condolences` and `aid` all describe items through here).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal

from .corpus import Record
from .model import Aid, Condolence
from .vocab import Category, GroupBy, Status

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
class Entry:
    """One aid item with the meeting it comes from."""

    record: Record
    item: Aid


# How aid totals can be grouped (the `--by` choices of `readouts aid`).
GROUP_KEYS: dict[GroupBy, Callable[[Entry], str]] = {
    GroupBy.YEAR: lambda e: str(e.record.meeting.date.year),
    GroupBy.CATEGORY: lambda e: str(e.item.category),
    GroupBy.DONOR: lambda e: e.item.donor,
    GroupBy.STATUS: lambda e: str(e.item.status),
}


ALL = "all"


@dataclass(frozen=True)
class Total:
    """The sum of one currency's amounts within a group; `currency` None counts the items
    that have no amount, which are never summed."""

    group: str
    currency: str | None
    items: int
    amount: int | None


def totals(entries: Iterable[Entry], by: GroupBy) -> list[Total]:
    """Totals per group and currency, groups in order, currencies alphabetical, no-amount last;
    with more than one group, then the same for all groups together (group "all").

    Amounts in different currencies are never added together.
    """
    key = GROUP_KEYS[by]
    sums: dict[str, dict[str | None, list[int]]] = defaultdict(lambda: defaultdict(list))
    for entry in entries:
        amount, currency = entry.item.amount, entry.item.currency
        for group in (key(entry), ALL):
            sums[group][currency if amount else None].append(amount or 0)
    groups = sorted(g for g in sums if g != ALL)
    if len(groups) > 1:
        groups.append(ALL)
    out: list[Total] = []
    for group in groups:
        currencies = sums[group]
        for currency in sorted(c for c in currencies if c is not None):
            amounts = currencies[currency]
            out.append(Total(group, currency, len(amounts), sum(amounts)))
        if None in currencies:
            out.append(Total(group, None, len(currencies[None]), None))
    return out
