"""Participants: names as readouts write them (honorifics and role words from the one
vocabulary in people.names), the people a lead names, and the principals a draft keeps."""

from __future__ import annotations

import pytest
from readout_texts import JAPAN, LEAD, OTHER, condolences, lead, people

from readouts_cli.importer import draft_from_text
from readouts_cli.importer.honorifics import clean_name
from readouts_cli.importer.participants import (
    find_people,
    find_people_japanese,
    short_role,
    split_title,
)
from readouts_cli.people.names import HONORIFIC_PHRASES, ROLE_PHRASES, phrases


def who(sentence: str) -> list[tuple[str, str | None, str | None]]:
    return [(p.name, p.title, p.country) for p in find_people(sentence)]


def test_clean_name_drops_honorifics_and_recases_the_surname() -> None:
    name = clean_name("H.E. Mr. Volodymyr ZELENSKYY")
    assert name is not None
    assert (name.name, name.surname, name.surname_known, name.surname_first) == (
        "Volodymyr Zelenskyy",
        "Zelenskyy",
        True,
        False,
    )
    kamikawa = clean_name("Ms. KAMIKAWA Yoko")
    assert kamikawa is not None and (kamikawa.name, kamikawa.surname_first) == (
        "Kamikawa Yoko",
        True,
    )
    assert clean_name("the Rt Hon Alex CARTER MP") == ("Alex Carter", "Carter", True, False)
    assert clean_name("the ministers") is None


def written(phrase: str) -> str:
    """A folded honorific as a readout writes it: "h e" -> "H.E.", "the rt hon" -> "The Rt Hon"."""
    words = phrase.split()
    if all(len(w) == 1 for w in words):
        return "".join(f"{w.upper()}." for w in words)
    return " ".join(w.capitalize() for w in words)


@pytest.mark.parametrize("phrase", [p for p in phrases(HONORIFIC_PHRASES) if p != "mp"])
def test_every_honorific_of_the_vocabulary_is_dropped_from_a_name(phrase: str) -> None:
    name = clean_name(f"{written(phrase)} Ana SILVA")
    assert name is not None and name.name == "Ana Silva"


@pytest.mark.parametrize("phrase", phrases(ROLE_PHRASES))
def test_every_role_of_the_vocabulary_is_a_title_before_a_name(phrase: str) -> None:
    title = " ".join(w if w in ("of", "for") else w.capitalize() for w in phrase.split())
    assert who(f"Prime Minister Sato met {title} Ana Silva") == [
        ("Sato", "Prime Minister", None),
        ("Ana Silva", title, None),
    ]


def test_secretary_general_with_a_hyphen_is_one_title() -> None:
    assert who("He met Secretary-General Ana Silva of NATO")[0][:2] == (
        "Ana Silva",
        "Secretary-General",
    )


def test_find_people_reads_names_titles_and_countries() -> None:
    assert who(
        "On January 7, Ms. KAMIKAWA Yoko, Minister for Foreign Affairs of Japan, paid a "
        "courtesy call on H.E. Mr. Volodymyr ZELENSKYY, President of Ukraine."
    ) == [
        ("Kamikawa Yoko", "Minister for Foreign Affairs", "JP"),
        ("Volodymyr Zelenskyy", "President", "UA"),
    ]
    assert who(
        "Secretary of State Dana Whitfield spoke with Polish Foreign Minister Tomasz Kral"
    ) == [
        ("Dana Whitfield", "Secretary of State", None),
        ("Tomasz Kral", "Foreign Minister", "PL"),
    ]
    assert who("The ministers talked about the ocean.") == []


def test_find_people_japanese_reads_kanji_names_and_english_in_brackets() -> None:
    found = find_people_japanese(
        "山川一郎外務大臣は、アンドリー・コヴァレンコ・ウクライナ外務大臣"
        "（H.E. Mr. Andrii KOVALENKO, Minister for Foreign Affairs of Ukraine）と電話会談を行いました"
    )
    assert [(p.name, p.title, p.country) for p in found] == [
        ("山川一郎", "Minister for Foreign Affairs", "JP"),
        ("Andrii Kovalenko", "Minister for Foreign Affairs", "UA"),
    ]
    assert "コヴァレンコ" in found[1].aliases


def test_split_title_reads_the_country_off_a_title() -> None:
    assert split_title("Minister for Foreign Affairs of Japan") == (
        "Minister for Foreign Affairs",
        "JP",
    )
    assert split_title("Polish Foreign Minister") == ("Foreign Minister", "PL")
    assert split_title("Ambassador Extraordinary and Plenipotentiary of Ukraine to Japan") == (
        "Ambassador Extraordinary and Plenipotentiary to Japan",
        "UA",
    )
    assert split_title("Chancellor") == ("Chancellor", None)


def test_short_role() -> None:
    assert short_role("Minister for Foreign Affairs") == "Foreign Minister"
    assert (
        short_role("Parliamentary Vice-Minister for Foreign Affairs")
        == "Parliamentary Vice-Minister"
    )
    assert short_role("President of the House of Councillors") == "President"
    assert short_role(None) == ""


@pytest.mark.parametrize(
    "honorific",
    ["H.E. Mr.", "H. E. Mr.", "H.E. Dr.", "Ms.", "Mr.", "Dr.", "Prof.", "The Hon.", "the Honorable", "S.E."],
)  # fmt: skip
def test_honorifics_are_dropped(honorific: str) -> None:
    other = f"{honorific} Ana SILVA, Minister of Foreign Affairs of the Portuguese Republic"
    assert people(lead(other=other))[1] == ("Ana Silva", "Minister of Foreign Affairs", "PT")


def test_rt_hon_and_mp_are_dropped_and_patronymics_kept() -> None:
    other = "the Rt Hon Alex CARTER MP, Foreign Secretary of the United Kingdom"
    assert people(lead(other=other))[1] == ("Alex Carter", "Foreign Secretary", "GB")
    other = "H.E. Mr. Pavlo Anatoliyovych KLIMKIN, Minister for Foreign Affairs of Ukraine"
    assert people(lead(other=other))[1][0] == "Pavlo Anatoliyovych Klimkin"


def test_a_name_misspelt_in_the_lead_is_corrected_from_the_body() -> None:
    draft = lead(
        other="H.E. Ms. Ana SYLVA, Minister of Foreign Affairs of the Portuguese Republic",
        point="Minister Silva spoke first. Minister Tanaka thanked Minister Silva.",
    )
    assert people(draft)[1][0] == "Ana Silva"
    assert draft.warnings == ["the lead spells Sylva, the body Silva; used Silva"]


def test_resolve_name_maps_participants_and_condolence_speakers() -> None:
    registry = {"Tanaka Haruto": "TANAKA Haruto (registry)", "Ana Silva": "Ana Silva (registry)"}
    draft = lead(
        point="Minister Silva expressed her condolences for the storm in Kyushu.",
        japan=JAPAN,
    )
    assert condolences(draft) == [("Ana Silva", "JP", 1)]
    resolved = draft_from_text(
        LEAD.format(
            when="at 3:00 p.m.", japan=JAPAN, kind="a meeting with", other=OTHER, where="",
            point="Minister Silva expressed her condolences for the storm in Kyushu.",
        ),
        resolve_name=registry.get,
    )  # fmt: skip
    assert [p["name"] for p in resolved.data["participants"]] == list(registry.values())
    assert condolences(resolved) == [("Ana Silva (registry)", "JP", 1)]
    assert resolved.suggested_id() == "2024-05-14-tanaka-silva"


def test_people_only_in_the_points_are_not_participants() -> None:
    draft = lead(point="Minister Tanaka conveyed the greetings of Prime Minister SATO Kenji.")
    assert [p[0] for p in people(draft)] == ["Tanaka Haruto", "Ana Silva"]


def test_an_unnamed_prime_minister_takes_the_name_the_page_gives() -> None:
    text = (
        "PM call with Prime Minister Valen of Norway: 12 February 2025\n\n12 February 2025\n\n"
        "The Prime Minister spoke to Prime Minister Ingrid Valen of Norway this afternoon.\n\n"
        "The Rt Hon Alex Carter MP\n"
    )
    draft = draft_from_text(text)
    assert [p[:2] for p in people(draft)] == [
        ("Ingrid Valen", "Prime Minister"),
        ("Alex Carter", "Prime Minister"),
    ]
    assert (
        "the Prime Minister is not named in the lead; took Alex Carter from the page"
        in draft.warnings
    )
