"""Places and countries: `find_place` on a lead, and the country tables read by name."""

from __future__ import annotations

import pytest
from readout_texts import lead

from readouts_cli.importer.places import country_code, find_place, first_country


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("held a meeting in Warsaw", ("Warsaw", "Europe/Warsaw")),
        ("who is visiting Kyiv", ("Kyiv", "Europe/Kyiv")),
        ("the G7 meeting in Capri, Italy", ("Capri, Italy", "Europe/Rome")),
        ("during her visit to Ukraine", ("Ukraine", "Europe/Kyiv")),
        ("held in Washington, D.C.", ("Washington, D.C.", "America/New_York")),
        ("met the Mayor of Warsaw", (None, None)),  # named, but not as the venue
        ("held a telephone talk", (None, None)),
    ],
)
def test_find_place(text: str, place: tuple[str | None, str | None]) -> None:
    assert find_place(text) == place


def test_find_place_on_a_japanese_page() -> None:
    assert find_place("ドイツ訪問中の山川一郎外務大臣は", japanese=True) == (
        "Germany",
        "Europe/Berlin",
    )
    assert find_place("東京で会談を行いました", japanese=True) == ("Tokyo", "Asia/Tokyo")
    assert find_place("東京で会談を行いました") == (None, None)


def test_country_code_reads_names_official_forms_and_adjectives() -> None:
    assert country_code("the French Republic") == "FR"
    assert country_code("Türkiye") == "TR"
    assert country_code("Ukrainian") == "UA"
    assert country_code("Atlantis") is None


def test_first_country() -> None:
    assert first_country("Japan expressed its sympathy to Ukraine") == ("JP", 0)
    assert first_country("the Ukrainian people") == ("UA", 4)
    assert first_country("nobody") is None


def test_a_phone_call_has_no_place_and_asks_for_none() -> None:
    draft = lead(kind="a telephone talk with", where=", in Tokyo")
    assert "place" not in draft.data
    assert "place not stated in the lead" not in draft.gaps
    assert lead(where="").gaps.count("place not stated in the lead") == 1
