"""Condolences and aid as data: ledgers at fixed width, totals that never mix currencies."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import CORPUS, FIXTURES, GOOD, REPO, corpus_with, lines, run
from readouts_cli.ledger import format_amount

LEDGER = FIXTURES / "ledger"


def ok(*args: str, data: Path = LEDGER) -> str:
    result = run("--data", str(data), *args)
    assert (result.code, result.err) == (0, ""), result.err
    return result.out


@pytest.mark.parametrize(
    ("amount", "currency", "shown"),
    [
        (300_000_000, "USD", "US$300 million"),
        (13_000_000_000, "JPY", "¥13 billion"),
        (18_500_000, "EUR", "€18.5 million"),
        (1_750_000_000_000, "JPY", "¥1.75 trillion"),
        (37_000_000, "USD", "US$37 million"),
        (93_456_789, "USD", "US$93,456,789"),
        (5_000, "GBP", "£5,000"),
        (2_500_000, "UAH", "2.5 million UAH"),
        # Exact only at a smaller scale: written out, never "13000.1 million".
        (13_000_100_000, "JPY", "¥13,000,100,000"),
        (2_500_500_000, "USD", "US$2,500,500,000"),
        (10**18, "USD", "US$1,000,000,000,000,000,000"),
    ],
)
def test_amounts_read_as_people_write_them_and_stay_exact(
    amount: int, currency: str, shown: str
) -> None:
    assert format_amount(amount, currency) == shown


AID = """\
CITE                       FROM → TO  AMOUNT
2022-03-01-alpha-beta §1   JP → UA    US$100 million
    emergency loan (financial; pledged; counted)
2022-03-01-alpha-beta §2   JP → UA    US$200 million
    relief supplies (humanitarian; announced; via international organisations; counted)
2022-03-01-alpha-beta §1   JP → UA       ¥13 billion
    policy loan (financial; pledged; counted)
2023-06-01-alpha-gamma §1  DE → UA     €18.5 million
    mine-clearing machines (demining; delivered; counted)
2023-06-01-alpha-gamma §2  JP → UA
    generators (energy; mentioned; not added: mention)
2024-02-01-alpha-beta §1   JP → UA      US$5 million
    flood relief (humanitarian; delivered; via UNICEF; counted)

Totals: each commitment counted once, at its latest figure
YEAR  FLOW       CURRENCY  ITEMS  TOTAL
2022  committed  JPY           1     ¥13 billion
2022  committed  USD           2  US$300 million
2023  delivered  EUR           1   €18.5 million
2024  delivered  USD           1    US$5 million
all   committed  JPY           1     ¥13 billion
all   committed  USD           2  US$300 million
all   delivered  EUR           1   €18.5 million
all   delivered  USD           1    US$5 million
not added: 1 mention
"""


def test_aid_ledger_with_totals_per_year_and_currency() -> None:
    assert lines(ok("aid")) == AID.splitlines()


def totals(*args: str) -> list[tuple[str, str, str | None, int, int | None]]:
    document = json.loads(ok("aid", "--totals", "--format", "json", *args))
    return [
        (g["group"], g["flow"], g["currency"], g["items"], g["amount"]) for g in document["groups"]
    ]


def test_two_dollar_items_of_one_year_add_up_and_currencies_never_mix() -> None:
    assert totals("--on", "2022") == [
        ("2022", "committed", "JPY", 1, 13_000_000_000),
        ("2022", "committed", "USD", 2, 300_000_000),
    ]


def test_totals_by_category_status_and_donor_keep_deliveries_apart() -> None:
    # The mentioned generators are listed, never added: no "energy" total.
    assert totals("--by", "category") == [
        ("demining", "delivered", "EUR", 1, 18_500_000),
        ("financial", "committed", "JPY", 1, 13_000_000_000),
        ("financial", "committed", "USD", 1, 100_000_000),
        ("humanitarian", "committed", "USD", 1, 200_000_000),
        ("humanitarian", "delivered", "USD", 1, 5_000_000),
        ("all", "committed", "JPY", 1, 13_000_000_000),
        ("all", "committed", "USD", 2, 300_000_000),
        ("all", "delivered", "EUR", 1, 18_500_000),
        ("all", "delivered", "USD", 1, 5_000_000),
    ]
    assert totals("--by", "donor", "--status", "delivered") == [
        ("DE", "delivered", "EUR", 1, 18_500_000),
        ("JP", "delivered", "USD", 1, 5_000_000),
        ("all", "delivered", "EUR", 1, 18_500_000),
        ("all", "delivered", "USD", 1, 5_000_000),
    ]


def test_aid_filters_and_exact_machine_output() -> None:
    document = json.loads(ok("aid", "--format", "json", "--donor", "DE"))
    assert document == [
        {
            "id": "2023-06-01-alpha-gamma",
            "date": "2023-06-01",
            "donor": "DE",
            "recipient": "UA",
            "what": "mine-clearing machines",
            "category": "demining",
            "amount": 18500000,
            "currency": "EUR",
            "status": "delivered",
            "channel": None,
            "point": 1,
            "cite": "2023-06-01-alpha-gamma §1",
            "cameo": "073",
            "scope": "item",
            "package": None,
            "counted": True,
            "reason": None,
        }
    ]
    cameo = [i["cameo"] for i in json.loads(ok("aid", "--format", "json"))]
    assert cameo == ["0331", "0333", "0331", "073", "071", "073"]
    assert lines(ok("aid", "--format", "csv", "--category", "humanitarian", "--from", "2024")) == [
        "id,date,donor,recipient,what,category,amount,currency,status,channel,point,cite,cameo,"
        "scope,package,counted,reason",
        "2024-02-01-alpha-beta,2024-02-01,JP,UA,flood relief,humanitarian,5000000,USD,delivered,"
        "UNICEF,1,2024-02-01-alpha-beta §1,073,item,,true,",
    ]
    nothing = run("--data", str(LEDGER), "aid", "-f", "json", "--recipient", "UA", "--from", "2030")
    assert (nothing.code, nothing.err) == (0, "no aid matches\n")
    assert json.loads(nothing.out) == []
    # A party the corpus does not have is a mistake, not an empty answer.
    unknown = run("--data", str(LEDGER), "aid", "--recipient", "PL")
    assert (unknown.code, unknown.out) == (2, "")
    assert "Invalid value for '--recipient': no party 'PL' in the corpus" in unknown.err


CONDOLENCES = """\
2022-03-01-alpha-beta §3  Alpha Ann → people of Ukraine
    the shelling of a market
2023-06-01-alpha-gamma  DE → Alpha Ann
    the typhoon in Okinawa
"""


def test_condolences_table_and_filters() -> None:
    assert lines(ok("condolences")) == CONDOLENCES.splitlines()
    by = json.loads(ok("condolences", "--format", "json", "--by", "alpha ann"))
    assert [(c["id"], c["to"], c["cite"], c["cameo"]) for c in by] == [
        ("2022-03-01-alpha-beta", "people of Ukraine", "2022-03-01-alpha-beta §3", "018")
    ]
    to = json.loads(ok("condolences", "--format", "json", "--recipient", "Alpha Ann"))
    assert [c["by"] for c in to] == ["DE"]
    assert lines(ok("condolences", "--format", "csv", "--country", "DE")) == [
        "id,date,by,to,about,point,cite,cameo",
        "2023-06-01-alpha-gamma,2023-06-01,DE,Alpha Ann,the typhoon in Okinawa,,2023-06-01-alpha-gamma,018",
    ]


def test_condolences_by_a_person_in_any_registered_spelling() -> None:
    found = json.loads(
        ok("condolences", "--format", "json", "--by", "President Zelensky", data=CORPUS)
    )
    assert [c["cite"] for c in found] == ["2024-01-07-kamikawa-zelenskyy §1"]


def test_no_aid_matches_is_a_message_not_an_error() -> None:
    result = run("--data", str(LEDGER), "aid", "--category", "military")
    assert (result.code, result.out, result.err) == (0, "", "no aid matches\n")


def test_show_person_and_aid_describe_an_item_the_same_way() -> None:
    shown = ok("show", "2023-06-01")
    assert "§1 DE → UA: mine-clearing machines; €18.5 million; demining, delivered" in shown
    assert "• DE → Alpha Ann: the typhoon in Okinawa" in shown


@pytest.mark.parametrize(
    ("extra", "line", "message"),
    [
        ("amount = 5\n", 13, "aid[0].amount: `amount` needs a `currency`"),
        (
            'amount = 5\ncurrency = "XYZ"\n',
            14,
            "aid[0].currency: 'XYZ' is not an ISO 4217 currency code",
        ),
        ('amount = -5\ncurrency = "USD"\n', 13, "aid[0].amount: must be greater than 0"),
        (
            'amount = 18.5e6\ncurrency = "EUR"\n',
            13,
            "aid[0].amount: must be a whole number",
        ),
        ("point = 7\n", 13, "aid[0].point: point 7 does not exist; the record has 2 points"),
    ],
)
def test_check_rejects_bad_aid(tmp_path: Path, extra: str, line: int, message: str) -> None:
    text = (
        GOOD
        + '\n[[aid]]\ndonor = "JP"\nwhat = "x"\ncategory = "other"\nstatus = "pledged"\n'
        + extra
    )
    root = corpus_with(tmp_path, text)
    result = run("--data", str(root), "check")
    assert result.code == 1
    path = root / "meetings/2024/2024-01-07-a-b.toml"
    assert result.err.splitlines()[0] == f"error: {path}:{line + 4}: {message}"


def test_ledger_commands_run_on_the_shipped_corpus() -> None:
    root = REPO / "data"
    items = json.loads(ok("aid", "--format", "json", data=root))
    assert any(i["amount"] == 78_000_000_000 and i["currency"] == "JPY" for i in items)
    groups = json.loads(ok("aid", "--totals", "--format", "json", data=root))["groups"]
    assert all(g["currency"] or g["amount"] is None for g in groups)
    found = json.loads(ok("condolences", "--format", "json", "--on", "2024-01-07", data=root))
    assert [c["by"] for c in found] == ["Volodymyr Zelenskyy", "Kamikawa Yoko"]


def test_a_country_code_finds_what_its_people_said_and_received() -> None:
    by_japan = run("--data", str(CORPUS), "condolences", "--by", "jp", "--format", "json")
    assert [c["by"] for c in json.loads(by_japan.out)] == ["Kamikawa Yoko"]
    to_japan = run("--data", str(CORPUS), "condolences", "--recipient", "JP", "--format", "json")
    assert [c["by"] for c in json.loads(to_japan.out)] == ["Volodymyr Zelenskyy"]


def test_a_name_that_could_be_two_people_is_an_error_not_a_guess(tmp_path: Path) -> None:
    root = tmp_path / "d"
    shutil.copytree(CORPUS, root)
    with (root / "people.toml").open("a", encoding="utf-8") as registry:
        registry.write('\n[kamikawa-taro]\nname = "Kamikawa Taro"\ncountry = "JP"\n')
    result = run("--data", str(root), "condolences", "--by", "Kamikawa")
    assert (result.code, result.out) == (1, "")
    assert result.err.startswith(
        "error: 'Kamikawa' could be Kamikawa Yoko (kamikawa-yoko), Kamikawa Taro (kamikawa-taro)"
    )
