"""Condolences: `find_condolences` on points, `mentions` (who a sentence names), and
condolences as a draft carries them."""

from __future__ import annotations

from readout_texts import condolences, lead

from readouts_cli.importer.condolences import find_condolences
from readouts_cli.importer.draft import Notes
from readouts_cli.importer.mentions import mentions
from readouts_cli.importer.participants import Person

KAMIKAWA = Person("Kamikawa Yoko", "Minister for Foreign Affairs", "JP", "Kamikawa", {"Kamikawa"})
ZELENSKYY = Person("Volodymyr Zelenskyy", "President", "UA", "Zelenskyy", {"Zelenskyy"})


def test_find_condolences_says_who_to_whom_and_about_what() -> None:
    point = (
        "At the outset, President Zelenskyy expressed his condolences to the people of Japan "
        "for the damage caused by the 2024 Noto Peninsula earthquake."
    )
    assert find_condolences([point], [KAMIKAWA, ZELENSKYY]) == [
        {
            "by": "Volodymyr Zelenskyy",
            "to": "JP",
            "about": "2024 Noto Peninsula earthquake",
            "point": 1,
        }
    ]


def test_find_condolences_to_a_group_of_victims() -> None:
    point = "Minister Kamikawa expressed her condolences to the victims of the attacks on Kyiv."
    [item] = find_condolences([point], [KAMIKAWA, ZELENSKYY])
    assert (item["by"], item["to"], item["about"]) == (
        "Kamikawa Yoko",
        "victims of the attacks",
        "attacks on Kyiv",
    )


def test_a_he_opening_a_point_is_the_lead_subject() -> None:
    point = "He expressed sympathy for the victims of the floods."
    [item] = find_condolences([point], [KAMIKAWA, ZELENSKYY], lead_subject=ZELENSKYY)
    assert item["by"] == "Volodymyr Zelenskyy"


def test_a_condolence_nobody_is_named_for_is_a_gap() -> None:
    notes = Notes()
    [item] = find_condolences(["Condolences were offered for the floods."], [KAMIKAWA], None, notes)
    assert "by" not in item
    assert notes.gaps == [
        "condolence 1 (point 1): who expressed it is unclear",
        "condolence 1 (point 1): to whom is unclear",
    ]
    assert find_condolences(["The ministers discussed trade."], [KAMIKAWA]) == []


def test_mentions_finds_names_roles_and_pronouns_in_order() -> None:
    found = mentions(
        "The President thanked Minister Kamikawa, and she replied.", [KAMIKAWA, ZELENSKYY]
    )
    assert [(at, p.name if p else None) for at, p in found] == [
        (0, "Volodymyr Zelenskyy"),
        (31, "Kamikawa Yoko"),
        (45, None),
    ]


def test_mentions_match_a_surname_spelt_a_little_differently() -> None:
    found = mentions("President Zelensky spoke.", [ZELENSKYY])
    assert [p for _, p in found] == [ZELENSKYY]


def test_condolences_that_give_sympathy_and_solidarity_and_mourning() -> None:
    point = (
        "Minister Silva expressed sympathy and solidarity with the Japanese people over the "
        "landslides in Shizuoka. Minister Tanaka said Japan mourns the victims of the fire in Lisbon."
    )
    draft = lead(point=point)
    assert condolences(draft) == [
        ("Ana Silva", "JP", 1),
        ("Tanaka Haruto", "victims of the fire in Lisbon", 1),
    ]
    assert draft.data["condolences"][0]["about"] == "landslides in Shizuoka"
