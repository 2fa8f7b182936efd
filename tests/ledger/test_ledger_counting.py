"""The ledger's counting rules: each commitment once, at its latest figure; deliveries apart;
mentions and stated running totals listed, never added; and `check`'s double-counting warnings."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from conftest import REPO, run, write

HEAD = """\
date = {date}
title = "A meeting"
kind = "meeting"
points = ["One.", "Two."]

[[participants]]
name = "Alpha Ann"
country = "JP"
"""

ITEM = """
[[aid]]
donor = "JP"
recipient = "UA"
what = "{what}"
category = "financial"
{amount}status = "{status}"
{extra}point = 1
"""


def item(what: str, status: str, amount: int | None = None, extra: str = "") -> str:
    figure = f'amount = {amount}\ncurrency = "USD"\n' if amount else ""
    return ITEM.format(what=what, status=status, amount=figure, extra=extra)


def corpus(root: Path, *records: tuple[str, str, list[str]]) -> Path:
    write(root, "people.toml", '[alpha-ann]\nname = "Alpha Ann"\ncountry = "JP"\n')
    for date, name, items in records:
        write(
            root, f"meetings/{date[:4]}/{date}-{name}.toml", HEAD.format(date=date) + "".join(items)
        )
    return root


def ledger(root: Path, *args: str) -> dict[str, object]:
    """The items (`aid -f json`, an array) and the totals (`aid --totals -f json`)."""
    items = run("--data", str(root), "aid", "--format", "json", *args)
    totals = run("--data", str(root), "aid", "--totals", "--format", "json", *args)
    assert (items.code, totals.code) == (0, 0), items.err + totals.err
    sums = json.loads(totals.out)
    return {"items": json.loads(items.out), "totals": sums, "stated_totals": sums["stated_totals"]}


def verdicts(document: dict[str, object]) -> list[tuple[str, bool, str | None]]:
    items = document["items"]
    assert isinstance(items, list)
    return [(i["id"], i["counted"], i["reason"]) for i in items]


def sums(document: dict[str, object]) -> list[tuple[str, str, str | None, int, int | None]]:
    totals = document["totals"]
    assert isinstance(totals, dict)
    return [
        (g["group"], g["flow"], g["currency"], g["items"], g["amount"]) for g in totals["groups"]
    ]


PACKAGE = 'package = "jp-ua-loan"\n'


def test_a_raise_is_counted_once_at_its_new_amount_in_the_year_first_announced(
    tmp_path: Path,
) -> None:
    root = corpus(
        tmp_path / "d",
        ("2022-02-15", "a", [item("emergency loan", "announced", 100_000_000, PACKAGE)]),
        (
            "2023-04-26",
            "b",
            [item("loan raised to US$300 million", "announced", 300_000_000, PACKAGE)],
        ),
    )
    document = ledger(root)
    assert verdicts(document) == [("2022-02-15-a", False, "repeat"), ("2023-04-26-b", True, None)]
    assert sums(document) == [("2022", "committed", "USD", 1, 300_000_000)]
    # The same under a filter that shows only the raise: never counted as new money in 2023.
    assert sums(ledger(root, "--from", "2023")) == [("2022", "committed", "USD", 1, 300_000_000)]
    assert verdicts(ledger(root, "--package", "jp-ua-loan")) == verdicts(document)


def test_a_repeat_is_listed_not_counted_and_deliveries_are_summed_apart(tmp_path: Path) -> None:
    root = corpus(
        tmp_path / "d",
        ("2023-12-06", "a", [item("US$4.5 billion for 2024", "announced", 4_500_000_000, PACKAGE)]),
        (
            "2024-06-13",
            "b",
            [
                item("the US$4.5 billion, cited again", "mentioned", 4_500_000_000, PACKAGE),
                item("the first tranche", "delivered", 1_000_000_000, PACKAGE),
            ],
        ),
    )
    document = ledger(root)
    assert verdicts(document) == [
        ("2023-12-06-a", True, None),
        ("2024-06-13-b", False, "repeat"),
        ("2024-06-13-b", True, None),
    ]
    assert sums(document) == [
        ("2023", "committed", "USD", 1, 4_500_000_000),
        ("2024", "delivered", "USD", 1, 1_000_000_000),
        ("all", "committed", "USD", 1, 4_500_000_000),
        ("all", "delivered", "USD", 1, 1_000_000_000),
    ]
    totals = document["totals"]
    assert isinstance(totals, dict)
    assert totals["not_added"] == "not added: 1 repeat of a counted package"


def test_a_cumulative_figure_is_never_added_and_stands_beside_the_counted_sum(
    tmp_path: Path,
) -> None:
    cumulative = 'scope = "cumulative"\npackage = "jp-ua-total-support"\n'
    root = corpus(
        tmp_path / "d",
        ("2023-03-21", "a", [item("grant for energy", "announced", 470_000_000)]),
        ("2023-04-04", "b", [item("total pledged so far", "mentioned", 7_600_000_000, cumulative)]),
        ("2025-06-17", "c", [item("support to date", "mentioned", 12_000_000_000, cumulative)]),
    )
    document = ledger(root)
    assert verdicts(document) == [
        ("2023-03-21-a", True, None),
        ("2023-04-04-b", False, "running total"),
        ("2025-06-17-c", False, "running total"),
    ]
    assert sums(document) == [("2023", "committed", "USD", 1, 470_000_000)]
    assert document["stated_totals"] == [
        {
            "donor": "JP",
            "recipient": "UA",
            "currency": "USD",
            "amount": 12_000_000_000,
            "date": "2025-06-17",
            "cite": "2025-06-17-c §1",
            "counted_commitments": 470_000_000,
            "counted_packages": 1,
        }
    ]
    out = run("--data", str(root), "aid").out
    assert "not added: 2 stated running totals" in out
    assert (
        "counted here: US$470 million in 1 USD commitment of JP → UA (3% of the stated total)"
        in out
    )
    csv_header = run("--data", str(root), "aid", "-f", "csv").out.splitlines()[0]
    assert csv_header.endswith(",cameo,scope,package,counted,reason")


def test_a_mention_is_listed_but_never_summed(tmp_path: Path) -> None:
    root = corpus(
        tmp_path / "d",
        ("2024-11-16", "a", [item("Japan's share of the G7 loans", "mentioned", 3_000_000_000)]),
    )
    document = ledger(root)
    assert verdicts(document) == [("2024-11-16-a", False, "mention")]
    assert sums(document) == []
    out = run("--data", str(root), "aid").out
    assert "nothing counted\nnot added: 1 mention\n" in out


def check(root: Path, *args: str) -> tuple[int, list[str]]:
    result = run("--data", str(root), "check", *args)
    return result.code, result.err.splitlines()


def test_check_warns_of_likely_double_counting_and_strict_makes_it_an_error(
    tmp_path: Path,
) -> None:
    root = corpus(
        tmp_path / "d",
        ("2022-02-15", "a", [item("emergency loan", "announced", 100_000_000)]),
        (
            "2022-02-28",
            "b",
            [
                item("a loan of US$100 million", "announced", 100_000_000),
                item("support provided so far", "mentioned", 900_000_000),
                item("grant", "announced", 5_000_000, 'package = "jp-ua-mixed"\n'),
            ],
        ),
        (
            "2022-03-01",
            "c",
            [
                '[[aid]]\ndonor = "JP"\nrecipient = "PL"\nwhat = "grant, again"\n'
                'category = "financial"\namount = 5_000_000\ncurrency = "EUR"\n'
                'status = "announced"\npackage = "jp-ua-mixed"\n'
            ],
        ),
    )
    b = root / "meetings/2022/2022-02-28-b.toml"
    c = root / "meetings/2022/2022-03-01-c.toml"
    code, err = check(root)
    assert code == 0
    assert err == [
        f"warning: {b}:23: aid[1].what: says 'so far', which reads as a stated running total",
        'hint: if it is one, add scope = "cumulative" so it is never added to the totals',
        f"warning: {b}:15: aid[0].amount: US$100 million from JP again, as in 2022-02-15-a, "
        "and no package in common: counted twice",
        "hint: if both speak of one commitment, give them the same `package`",
        f"warning: {b}:38: aid[2].package: package 'jp-ua-mixed' has statements that disagree "
        "on recipient: PL, UA",
        "hint: a package is one commitment: one donor, one recipient, one currency",
        f"warning: {b}:38: aid[2].package: package 'jp-ua-mixed' has statements that disagree "
        "on currency: EUR, USD",
        "hint: a package is one commitment: one donor, one recipient, one currency",
    ]
    code, err = check(root, "--strict")
    assert code == 1
    assert [line.replace("warning:", "error:") for line in check(root)[1]] == err[:-1]
    assert err[-1] == "4 problem(s) in 1 file(s)"
    assert c.exists()


def test_two_packages_named_apart_are_two_commitments(tmp_path: Path) -> None:
    root = corpus(
        tmp_path / "d",
        ("2022-02-15", "a", [item("loan", "announced", 100_000_000, 'package = "one"\n')]),
        ("2022-02-28", "b", [item("relief", "announced", 100_000_000, 'package = "two"\n')]),
    )
    assert check(root) == (0, [])
    assert sums(ledger(root)) == [("2022", "committed", "USD", 2, 200_000_000)]


def test_shipped_corpus_counts_no_more_than_japans_own_stated_total() -> None:
    document = ledger(REPO / "data")
    [stated] = [
        s
        for s in document["stated_totals"]  # type: ignore[attr-defined]
        if (s["donor"], s["recipient"], s["currency"]) == ("JP", "UA", "USD")
    ]
    assert stated["counted_commitments"] <= stated["amount"]
    every = [i for i in document["items"] if i["scope"] != "cumulative"]  # type: ignore[attr-defined]
    assert every and all(i["package"] for i in document["items"])  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("sentence", "scope", "package"),
    [
        (
            "Prime Minister Kishida stated that Japan had raised its financial assistance to "
            "Ukraine from US$100 million to US$300 million.",
            None,
            "jp-ua-financial-2022",
        ),
        (
            "Prime Minister Kishida stated that Japan's support to Ukraine so far totals "
            "US$7.6 billion.",
            "cumulative",
            "jp-ua-total-support",
        ),
        (
            "Prime Minister Kishida stated that Japan would extend US$5 million in emergency "
            "grant aid to Ukraine.",
            None,
            None,
        ),
    ],
)
def test_import_marks_running_totals_and_suggests_a_package_for_a_raise(
    tmp_path: Path, sentence: str, scope: str | None, package: str | None
) -> None:
    page = tmp_path / "page.txt"
    page.write_text(
        "April 26, 2022\nTelephone talk\n\n"
        "On April 26, commencing at 7:35 p.m. for approximately 40 minutes, Mr. KISHIDA Fumio, "
        "Prime Minister of Japan, held a telephone talk with H.E. Mr. Volodymyr ZELENSKYY, "
        f"President of Ukraine. The overview is as follows.\n\n1. {sentence}\n",
        encoding="utf-8",
    )
    result = run("import", str(page))
    assert result.code == 0, result.err
    [aid] = tomllib.loads(result.out)["aid"]
    assert (aid.get("scope"), aid.get("package")) == (scope, package)
