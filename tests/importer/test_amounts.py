"""Amounts and numbers: `find_amounts` and `read_number` on phrases, and amounts as a draft's
aid items carry them."""

from __future__ import annotations

from decimal import Decimal

import pytest
from readout_texts import amounts, lead

from readouts_cli.importer.amounts import find_amounts
from readouts_cli.importer.draft import Notes
from readouts_cli.importer.numbers import read_number


def found(text: str) -> list[tuple[int, str]]:
    return [(a.amount, a.currency) for a in find_amounts(text)]


@pytest.mark.parametrize(
    ("text", "number"),
    [("12", 12), ("1.5", Decimal("1.5")), ("forty-five", 45), ("an", 1), ("1,000", 1000)],
)
def test_read_number(text: str, number: Decimal) -> None:
    assert read_number(text) == number


def test_read_number_of_a_word_that_is_no_number() -> None:
    assert read_number("several") is None


@pytest.mark.parametrize(
    ("phrase", "amount", "currency"),
    [
        ("US$300 million", 300_000_000, "USD"),
        ("approximately five million dollars", 5_000_000, "USD"),
        ("10 million US dollars", 10_000_000, "USD"),
        ("up to 13 billion yen", 13_000_000_000, "JPY"),
        ("18.5 million euros", 18_500_000, "EUR"),
        ("$37 million", 37_000_000, "USD"),
        ("¥1.75 trillion", 1_750_000_000_000, "JPY"),
        ("£2.5bn", 2_500_000_000, "GBP"),
        ("130億円", 13_000_000_000, "JPY"),
        ("5,000万ドル", 50_000_000, "USD"),
    ],
)
def test_find_amounts(phrase: str, amount: int, currency: str) -> None:
    assert found(f"Japan will provide {phrase} in assistance.") == [(amount, currency)]


def test_find_amounts_where_it_stands() -> None:
    [amount] = find_amounts("Japan will provide US$300 million.")
    assert (amount.start, amount.end) == (19, 33)


def test_a_raise_counts_as_its_new_total_and_two_sums_stay_two() -> None:
    assert found("an increase from US$100 million to US$300 million") == [(300_000_000, "USD")]
    assert found("US$5 million and €3 million") == [(5_000_000, "USD"), (3_000_000, "EUR")]


def test_find_amounts_rounds_what_is_not_a_whole_unit_and_says_so() -> None:
    notes = Notes()
    assert [a.amount for a in find_amounts("US$1.5", notes)] == [2]
    assert notes.warnings == ["amount 'US$1.5' is not a whole number; rounded"]


def test_numbers_without_a_currency_are_no_amounts() -> None:
    assert found("In 2024, 300 million people and 7 ministers") == []


@pytest.mark.parametrize(
    ("phrase", "amount", "currency"),
    [
        ("US$300 million", 300_000_000, "USD"),
        ("an increase from US$100 million to US$300 million", 300_000_000, "USD"),
        ("approximately five million dollars", 5_000_000, "USD"),
        ("10 million US dollars", 10_000_000, "USD"),
        ("up to 13 billion yen", 13_000_000_000, "JPY"),
        ("18.5 million euros", 18_500_000, "EUR"),
        ("$37 million", 37_000_000, "USD"),
        ("¥1.75 trillion", 1_750_000_000_000, "JPY"),
    ],
)
def test_amounts(phrase: str, amount: int, currency: str) -> None:
    draft = lead(point=f"Minister Tanaka said that Japan will provide {phrase} in assistance.")
    assert amounts(draft) == [(amount, currency, 1)]
    assert draft.data["aid"][0]["status"] == "pledged"
