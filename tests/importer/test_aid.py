"""Aid: `find_aid` on points, the finders for each of an item's keys, and aid as a draft
carries it."""

from __future__ import annotations

import pytest
from readout_texts import amounts, assert_valid, lead, sample

from readouts_cli.importer.aid import (
    find_aid,
    find_category,
    find_channel,
    find_donor,
    find_recipient,
    find_status,
    find_what,
)
from readouts_cli.importer.amounts import find_amounts
from readouts_cli.importer.participants import Person
from readouts_cli.vocab import Category, Status

TANAKA = Person("Tanaka Haruto", "Minister for Foreign Affairs", "JP", "Tanaka", {"Tanaka"})
HORDIIENKO = Person("Mykola Hordiienko", "Minister for Foreign Affairs", "UA", "Hordiienko", {"Hordiienko"})  # fmt: skip


def test_find_aid_gives_one_table_an_item() -> None:
    items = find_aid(
        ["Minister Tanaka said that Japan will provide US$5 million in energy assistance "
         "through international organizations."],
        "",
        [TANAKA, HORDIIENKO],
    )  # fmt: skip
    assert items == [
        {
            "donor": "JP",
            "recipient": "UA",
            "what": "energy assistance",
            "category": "energy",
            "amount": 5_000_000,
            "currency": "USD",
            "status": "pledged",
            "channel": "international organizations",
            "point": 1,
        }
    ]


def test_find_aid_reads_the_recipients_thanks_as_a_mention() -> None:
    [item] = find_aid(
        ["Minister Hordiienko expressed gratitude for Japan's humanitarian assistance."],
        "",
        [TANAKA, HORDIIENKO],
    )
    assert (item["donor"], item["recipient"], item["status"]) == ("JP", "UA", "mentioned")
    assert "amount" not in item


def test_find_aid_in_the_lead_counts_amounts_only_and_has_no_point() -> None:
    lead_sentence = (
        "Minister Tanaka and Minister Hordiienko signed notes on a loan of up to 13 billion yen."
    )
    [item] = find_aid([], lead_sentence, [TANAKA, HORDIIENKO])
    assert (item["amount"], item["currency"]) == (13_000_000_000, "JPY")
    assert "point" not in item
    assert find_aid([], "Japan will continue its assistance.", [TANAKA, HORDIIENKO]) == []


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Japan will provide generators", Status.PLEDGED),
        ("Japan has handed over two autotransformers", Status.DELIVERED),
        ("Japan intends to provide a loan", Status.PLEDGED),
        ("Japan decided to extend a loan", Status.ANNOUNCED),
        ("Japan announced its support", Status.ANNOUNCED),
        ("He expressed gratitude for the support", Status.MENTIONED),
        ("the weather", None),
    ],
)
def test_find_status(text: str, status: Status | None) -> None:
    assert find_status(text) is status


def test_find_donor_and_recipient() -> None:
    assert find_donor("Japan will provide US$5 million to Ukraine") == "JP"
    assert find_donor("the support extended by the Government of Japan") == "JP"
    assert find_donor("Ukraine thanked everyone") is None
    assert find_recipient("Japan will provide US$5 million to Ukraine", "JP", []) == "UA"
    assert find_recipient("Japan will provide US$5 million", "JP", [TANAKA, HORDIIENKO]) == "UA"


@pytest.mark.parametrize(
    ("phrase", "channel"),
    [
        ("through international organizations", "international organizations"),
        ("via the NATO CAP Trust Fund", "NATO CAP Trust Fund"),
        ("from the CAP Trust Fund of the NATO", "NATO CAP Trust Fund"),
        ("to Ukraine", None),
    ],
)
def test_find_channel(phrase: str, channel: str | None) -> None:
    assert find_channel(f"Japan provided US$5 million {phrase}.") == channel


def test_find_category_takes_the_keyword_nearest_the_amount() -> None:
    text = "US$5 million for generators, and demining equipment worth US$3 million"
    assert find_category(text, 0) is Category.ENERGY
    assert find_category(text, len(text)) is Category.DEMINING
    assert find_category("assistance") is None


def test_find_what_is_the_phrase_after_the_amount_or_the_aid_noun() -> None:
    text = "Japan contributed $37 million for the repair of power grids in Ukraine."
    assert find_what(text, find_amounts(text)[0]) == "repair of power grids in Ukraine"
    assert find_what("Japan will extend Emergency Humanitarian Assistance", None) == (
        "Emergency Humanitarian Assistance"
    )
    assert find_what("Japan will continue to stand with Ukraine", None) is None


@pytest.mark.parametrize(
    ("phrase", "channel"),
    [
        ("through international organizations", "international organizations"),
        ("via the NATO CAP Trust Fund", "NATO CAP Trust Fund"),
        ("from the CAP Trust Fund of the NATO", "NATO CAP Trust Fund"),
    ],
)
def test_channels(phrase: str, channel: str) -> None:
    draft = lead(point=f"Minister Tanaka said that Japan provided US$5 million {phrase}.")
    assert draft.data["aid"][0]["channel"] == channel
    assert draft.data["aid"][0]["status"] == "delivered"


def test_signing_with_a_loan_in_the_lead() -> None:
    draft = sample("signing")
    assert draft.data["kind"] == "signing"
    assert draft.data["participants"][1] == {
        "name": "Serhii Bondar",
        "title": "Ambassador Extraordinary and Plenipotentiary to Japan",
        "country": "UA",
    }
    [aid] = draft.data["aid"]
    assert (aid["amount"], aid["currency"], aid["category"]) == (13_000_000_000, "JPY", "financial")
    assert "point" not in aid  # said in the lead, which is no point


def test_aid_phrasings() -> None:
    draft = sample("aid-phrasings")
    assert amounts(draft) == [
        (300_000_000, "USD", 1),  # "from US$100 million to US$300 million": the new total
        (5_000_000, "USD", 2),
        (13_000_000_000, "JPY", 3),
        (18_500_000, "EUR", 4),
        (37_000_000, "USD", 4),
        (1_750_000_000_000, "JPY", 5),
    ]
    aid = draft.data["aid"]
    assert [a["category"] for a in aid] == [
        "financial", "energy", "financial", "energy", "other", "reconstruction",
    ]  # fmt: skip
    assert [a["status"] for a in aid] == [
        "announced", "pledged", "pledged", "delivered", "delivered", "mentioned",
    ]  # fmt: skip
    assert aid[1]["channel"] == "international organizations"
    assert aid[4]["channel"] == "NATO CAP Trust Fund"
    assert "channel" not in aid[3]
    assert aid[3]["what"] == "two autotransformers"
    assert all(a["donor"] == "JP" and a["recipient"] == "UA" for a in aid)
    assert_valid(draft)
