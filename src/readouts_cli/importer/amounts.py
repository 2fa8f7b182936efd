"""Amounts of money: the finder for sums as readouts write them ("US$300 million",
"approximately five million dollars", "¥1.75 trillion", "130億円"), in whole units of an ISO
4217 currency."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from .draft import Notes
from .numbers import NUMBER_WORD, read_number
from .text import alternation

_SCALE = {
    "thousand": 10**3,
    "million": 10**6,
    "mn": 10**6,
    "m": 10**6,
    "billion": 10**9,
    "bn": 10**9,
    "trillion": 10**12,
    "tn": 10**12,
}
_CURRENCY_WORDS = {
    "us dollars": "USD",
    "u.s. dollars": "USD",
    "united states dollars": "USD",
    "dollars": "USD",
    "dollar": "USD",
    "usd": "USD",
    "yen": "JPY",
    "jpy": "JPY",
    "euros": "EUR",
    "euro": "EUR",
    "eur": "EUR",
    "pounds sterling": "GBP",
    "pounds": "GBP",
    "pound": "GBP",
    "gbp": "GBP",
    "hryvnias": "UAH",
    "hryvnia": "UAH",
    "uah": "UAH",
    "swiss francs": "CHF",
    "canadian dollars": "CAD",
    "australian dollars": "AUD",
}
_CURRENCY_SIGNS = {
    "US$": "USD",
    "U.S.$": "USD",
    "USD": "USD",
    "$": "USD",
    "€": "EUR",
    "EUR": "EUR",
    "£": "GBP",
    "GBP": "GBP",
    "¥": "JPY",
    "JPY": "JPY",
    "UAH": "UAH",
    "CA$": "CAD",
    "C$": "CAD",
    "A$": "AUD",
}
_AMOUNT_NUMBER = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d{{1,15}})(?:\.\d{{1,6}})?|{NUMBER_WORD}"
AMOUNT_RE = re.compile(
    rf"""(?:
        (?P<sign>{alternation(_CURRENCY_SIGNS)})\s?(?P<n1>{_AMOUNT_NUMBER})
        (?:\s*(?P<s1>thousand|million|billion|trillion|mn|bn|tn|m)\b)?
        (?:\s+(?P<w1>{alternation(_CURRENCY_WORDS)})\b)?
      | (?<![\w$€£¥.])(?P<n2>{_AMOUNT_NUMBER})\s*(?:(?P<s2>thousand|million|billion|trillion)\s+)?
        (?P<w2>{alternation(_CURRENCY_WORDS)})\b
    )""",
    re.IGNORECASE | re.VERBOSE,
)
JA_AMOUNT_RE = re.compile(
    r"(?P<n>(?:\d[\d,]{0,18}(?:\.\d{1,6})?\s*[兆億万千]\s*){1,4}|\d[\d,]{0,18}(?:\.\d{1,6})?)"
    r"\s*(?P<cur>円|ドル|米ドル|ユーロ)"
)
_JA_UNITS = {"兆": 10**12, "億": 10**8, "万": 10**4, "千": 10**3}


@dataclass
class Amount:
    """A sum of money in the text: where it stands, and its value in whole `currency` units."""

    start: int
    end: int
    amount: int
    currency: str


def find_amounts(text: str, notes: Notes | None = None) -> list[Amount]:
    """The sums of money in `text`, in order: "US$300 million" is 300_000_000 USD. Of "from
    US$100 million to US$300 million" only the new total counts; a sum that is not a whole
    number is rounded, and said so in `notes`."""
    if notes is None:
        notes = Notes()
    found: list[Amount] = []
    for m in AMOUNT_RE.finditer(text):
        number = read_number(m["n1"] or m["n2"] or "")
        if number is None:
            continue
        scale = (m["s1"] or m["s2"] or "").lower()
        if m["sign"]:
            currency = _CURRENCY_SIGNS[m["sign"].upper()]
            word = (m["w1"] or "").lower()
            if word and _CURRENCY_WORDS[word] != "USD":
                currency = _CURRENCY_WORDS[word]
        else:
            currency = _CURRENCY_WORDS[(m["w2"] or "").lower()]
        value = number * _SCALE.get(scale, 1)
        if value <= 0:
            continue
        if value != value.to_integral_value():
            notes.warn(f"amount {m.group().strip()!r} is not a whole number; rounded")
        found.append(Amount(m.start(), m.end(), int(value.to_integral_value()), currency))
    for m in JA_AMOUNT_RE.finditer(text):
        value = Decimal(0)
        for part in re.finditer(r"(\d[\d,]{0,18}(?:\.\d{1,6})?)\s*([兆億万千]?)", m["n"]):
            try:
                number = Decimal(part[1].replace(",", ""))
            except InvalidOperation:
                continue
            value += number * _JA_UNITS.get(part[2], 1)
        currency = {"円": "JPY", "ドル": "USD", "米ドル": "USD", "ユーロ": "EUR"}[m["cur"]]
        if value > 0:
            found.append(Amount(m.start(), m.end(), int(value.to_integral_value()), currency))
    found.sort(key=lambda a: a.start)
    kept: list[Amount] = []
    for amount in found:
        if kept and amount.start < kept[-1].end:
            continue
        if kept:
            between = text[kept[-1].end : amount.start]
            before = text[max(0, kept[-1].start - 12) : kept[-1].start]
            if re.fullmatch(r"\s*to\s*", between) and re.search(r"\b(?:from|by)\s*$", before):
                kept.pop()  # "from US$100 million to US$300 million": the new total counts
        kept.append(amount)
    return kept
