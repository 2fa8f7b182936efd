"""Whole pages through the importer: real readouts (../shared) field by field, one sample per
format variant, and a property that no text makes it fail with anything but ReadoutsError."""

from __future__ import annotations

import datetime as dt
import re
import tomllib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from readout_texts import (
    ABE,
    ALL_SAMPLES,
    COLONNA,
    JAPAN,
    KISHIDA,
    OTHER,
    SAMPLES,
    SEED,
    amounts,
    assert_valid,
    condolences,
    people,
    sample,
    sample_text,
    shared,
)

from readouts_cli.errors import ReadoutsError
from readouts_cli.importer import draft_from_text, render_draft
from readouts_cli.writing import derive_id

# --------------------------------------------------------------------------------------------
# Real readouts (../shared), field by field


def test_seed_kamikawa_courtesy_call_on_zelenskyy() -> None:
    draft = draft_from_text(shared(SEED))
    data = draft.data
    assert data["date"] == dt.date(2024, 1, 7)
    assert data["title"] == "Foreign Minister Kamikawa's courtesy call on President Zelenskyy"
    assert data["kind"] == "courtesy-call"
    assert data["level"] == "ministerial"
    assert data["place"] == "Ukraine"
    assert data["time"] == dt.time(15, 10)
    assert data["timezone"] == "Europe/Kyiv"
    assert data["duration_minutes"] == 60
    assert "source" not in data  # the seed has no source line
    assert data["publisher"] == "MOFA Japan"
    assert people(draft) == [
        ("Kamikawa Yoko", "Minister for Foreign Affairs", "JP"),
        ("Volodymyr Zelenskyy", "President", "UA"),
    ]
    assert len(data["points"]) == 4
    assert data["points"][0].startswith("At the outset, President Zelenskyy expressed")
    assert data["points"][3].endswith("President Zelenskyy expressed his gratitude.")
    assert not any("Back to" in p or "shaking hands" in p for p in data["points"])
    assert condolences(draft) == [("Volodymyr Zelenskyy", "JP", 1), ("Kamikawa Yoko", "victims", 2)]
    assert data["condolences"][0]["about"] == "2024 Noto Peninsula earthquake"
    assert "attacks on Kyiv" in data["condolences"][1]["about"]
    assert [(a["donor"], a["recipient"], a["category"], a["point"]) for a in data["aid"]] == [
        ("JP", "UA", "other", 4),
        ("JP", "UA", "energy", 4),
    ]
    assert data["aid"][0]["channel"] == "NATO CAP Trust Fund"
    assert "winterization" in data["aid"][1]["what"]
    assert amounts(draft) == [(None, None, 4), (None, None, 4)]
    assert draft.gaps == []
    assert draft.warnings == []  # 15:10 in Kyiv is the stated 22:10 JST
    assert draft.suggested_id() == "2024-01-07-kamikawa-zelenskyy"
    assert_valid(draft)


def test_abe_receives_klimkin() -> None:
    draft = draft_from_text(shared(ABE))
    data = draft.data
    assert data["date"] == dt.date(2015, 3, 2)
    assert data["source"] == "https://www.mofa.go.jp/erp/c_see/ua/page4e_000198.html"
    assert data["title"] == "Foreign Minister Klimkin's courtesy call on Prime Minister Abe"
    assert data["kind"] == "courtesy-call"
    assert data["level"] == "ministerial"
    assert (data["time"], data["timezone"]) == (dt.time(14, 55), "Asia/Tokyo")
    assert data["duration_minutes"] == 20
    assert people(draft) == [
        ("Shinzo Abe", "Prime Minister", "JP"),
        ("Pavlo Klimkin", "Minister for Foreign Affairs", "UA"),
    ]
    assert len(data["points"]) == 3
    assert data["points"][1].startswith("Minister Klimkin expressed his gratitude")
    assert condolences(draft) == []
    assert [(a["donor"], a["recipient"], a["status"], a["point"]) for a in data["aid"]] == [
        ("JP", "UA", "pledged", 1),
        ("JP", "UA", "mentioned", 2),
    ]
    assert data["aid"][0]["what"] == "assistance for implementing reforms"
    assert draft.gaps == ["place not stated in the lead"]
    # The 2015 page writes the name given name first; "Prime Minister Abe" in the body marks
    # the surname, so the id is the shipped record's.
    assert draft.suggested_id() == "2015-03-02-abe-klimkin"
    assert_valid(draft)


def test_kishida_summit_telephone_meeting_with_zelenskyy() -> None:
    draft = draft_from_text(shared(KISHIDA))
    data = draft.data
    assert data["date"] == dt.date(2022, 9, 30)
    assert data["kind"] == "telephone-talk"
    assert data["level"] == "summit"
    assert (data["time"], data["timezone"]) == (dt.time(18, 50), "Asia/Tokyo")
    assert data["duration_minutes"] == 30
    assert "place" not in data
    assert people(draft) == [
        ("Kishida Fumio", "Prime Minister", "JP"),
        ("Volodymyr Zelenskyy", "President", "UA"),
    ]
    assert len(data["points"]) == 3
    assert condolences(draft) == []
    assert [(a["status"], a["point"]) for a in data["aid"]] == [("mentioned", 2), ("pledged", 3)]
    assert amounts(draft) == [(None, None, 2), (None, None, 3)]
    assert draft.gaps == []
    assert draft.suggested_id() == "2022-09-30-kishida-zelenskyy"
    assert_valid(draft)


def test_kamikawa_colonna_press_release() -> None:
    draft = draft_from_text(shared(COLONNA))
    data = draft.data
    assert data["date"] == dt.date(2023, 10, 17)
    assert data["title"] == "Japan-France Foreign Ministers’ Telephone Talk"
    assert data["kind"] == "telephone-talk"
    assert data["level"] == "ministerial"
    assert (data["time"], data["timezone"]) == (dt.time(19, 0), "Asia/Tokyo")
    assert data["duration_minutes"] == 30
    assert people(draft) == [
        ("Kamikawa Yoko", "Minister for Foreign Affairs", "JP"),
        ("Catherine Colonna", "Minister for Europe and Foreign Affairs", "FR"),
    ]
    assert len(data["points"]) == 4
    assert condolences(draft) == [
        ("Kamikawa Yoko", "FR", 1),
        ("Kamikawa Yoko", "victim of the terror attack", 1),
    ]
    assert (
        data["condolences"][0]["about"] == "terror attacks by Hamas and other Palestinian militants"
    )
    assert "high school in northern France" in data["condolences"][1]["about"]
    assert amounts(draft) == [(10_000_000, "USD", 3)]
    aid = data["aid"][0]
    assert (aid["donor"], aid["category"], aid["status"]) == ("JP", "humanitarian", "pledged")
    assert aid["channel"] == "international organizations"
    assert aid["what"] == "Emergency Humanitarian Assistance"
    assert draft.gaps == []
    assert_valid(draft)


def test_source_argument_wins_over_the_source_line() -> None:
    draft = draft_from_text(shared(ABE), source="https://example.org/copy")
    assert draft.data["source"] == "https://example.org/copy"


# --------------------------------------------------------------------------------------------
# Samples written for this project, one per variant in readout-formats.md


def test_midnight_crossing_local_time_with_next_day_jst() -> None:
    draft = sample("midnight-crossing")
    assert draft.data["date"] == dt.date(2023, 9, 20)
    assert (draft.data["time"], draft.data["timezone"]) == (dt.time(18, 5), "America/New_York")
    assert draft.data["place"] == "New York"
    assert draft.data["kind"] == "meeting"
    assert draft.data["level"] == "ministerial"
    assert draft.data["duration_minutes"] == 45
    assert people(draft)[1] == ("Ana Silva", "Minister of Foreign Affairs", "PT")
    assert draft.warnings == []
    assert_valid(draft)


def test_pm_japan_time_and_title_before_name() -> None:
    draft = sample("japan-time-pm")
    assert draft.data["title"] == "Japan-Germany Summit Telephone Talk"
    assert (draft.data["time"], draft.data["timezone"]) == (dt.time(16, 30), "Asia/Tokyo")
    assert draft.data["duration_minutes"] == 25
    assert (draft.data["kind"], draft.data["level"]) == ("telephone-talk", "summit")
    assert people(draft) == [
        ("Okada Rin", "Prime Minister", "JP"),
        ("Lukas Brandt", "Chancellor", "DE"),
    ]
    assert any("country taken as JP" in w for w in draft.warnings)
    assert draft.suggested_id() == "2024-03-14-okada-brandt"


def test_from_24_hour_clock_received_courtesy_call_and_bare_numbers() -> None:
    draft = sample("from-2400-clock")
    assert (draft.data["time"], draft.data["duration_minutes"]) == (dt.time(17, 10), 60)
    assert draft.data["kind"] == "courtesy-call"
    assert draft.data["title"] == "Foreign Minister Valen's courtesy call on Prime Minister Sato"
    assert people(draft) == [
        ("Sato Kenji", "Prime Minister", "JP"),
        ("Ingrid Valen", "Minister of Foreign Affairs", "NO"),
    ]
    assert len(draft.data["points"]) == 2
    assert draft.data["points"][0].startswith("Prime Minister Sato welcomed")


def test_past_the_hour_and_duration_after_the_participants() -> None:
    draft = sample("past-duration-after")
    assert draft.data["time"] == dt.time(11, 20)
    assert draft.data["duration_minutes"] == 80
    assert draft.data["level"] == "vice-ministerial"
    assert draft.data["title"] == "State Minister Mori's meeting with Deputy Minister Hordiienko"


def test_bullets_before_numbers_video_conference_and_the_honorable() -> None:
    draft = sample("video-conference")
    assert (draft.data["kind"], draft.data["level"]) == ("video-conference", "summit")
    assert draft.data["time"] == dt.time(21, 0)  # "commencing from 9:00 p.m."
    assert people(draft)[1] == ("Grace Moran", "Prime Minister", "CA")
    assert len(draft.data["points"]) == 2
    assert condolences(draft) == [("Sato Kenji", "victims of the wildfires in British Columbia", 1)]


def test_unnumbered_paragraph_between_lead_and_point_one() -> None:
    draft = sample("intermediate-paragraph")
    assert draft.data["time"] == dt.time(19, 0)  # "at around 7 p.m."
    assert draft.data["duration_minutes"] == 20  # "for about twenty minutes"
    assert draft.data["kind"] == "telephone-talk"
    assert len(draft.data["points"]) == 2
    assert any("unnumbered paragraph" in g and "request of the Moldovan" in g for g in draft.gaps)
    [aid] = draft.data["aid"]
    assert (aid["category"], aid["status"], aid["channel"], aid["recipient"]) == (
        "energy",
        "pledged",
        "UNDP",
        "MD",
    )


def test_uk_prose_readout() -> None:
    draft = sample("uk-prose")
    data = draft.data
    assert data["date"] == dt.date(2025, 2, 12)
    assert data["title"] == "PM call with Prime Minister Valen of Norway: 12 February 2025"
    assert data["publisher"] == "Prime Minister's Office, 10 Downing Street"
    assert (data["kind"], data["level"]) == ("telephone-talk", "summit")
    assert people(draft) == [
        ("Alex Carter", "Prime Minister", "GB"),
        ("Ingrid Valen", "Prime Minister", "NO"),
    ]
    assert len(data["points"]) == 3
    assert "time" not in data
    assert any("this afternoon" in g for g in draft.gaps)
    assert any("does not number its points" in g for g in draft.gaps)
    assert condolences(draft) == [("Alex Carter", "NO", 1)]
    assert data["condolences"][0]["about"].startswith("avalanche in Tromsø")


def test_us_readout_attributable_to_spokesperson() -> None:
    draft = sample("us-readout")
    data = draft.data
    assert data["date"] == dt.date(2024, 11, 3)
    assert data["publisher"] == "U.S. Department of State"
    assert data["kind"] == "telephone-talk"
    assert people(draft) == [
        ("Dana Whitfield", "Secretary of State", "US"),
        ("Tomasz Kral", "Foreign Minister", "PL"),
    ]
    assert len(data["points"]) == 1
    assert amounts(draft) == [(37_000_000, "USD", 1)]
    assert data["aid"][0]["what"] == "repair of power grids in Ukraine"
    assert data["aid"][0]["recipient"] == "UA"
    assert any("one paragraph" in g for g in draft.gaps)


def test_japanese_language_page() -> None:
    draft = sample("japanese-page")
    data = draft.data
    assert data["date"] == dt.date(2023, 2, 22)
    assert (data["time"], data["timezone"]) == (dt.time(16, 15), "Asia/Tokyo")
    assert data["duration_minutes"] == 10
    assert (data["kind"], data["level"]) == ("telephone-talk", "ministerial")
    assert people(draft) == [
        ("山川一郎", "Minister for Foreign Affairs", "JP"),
        ("Andrii Kovalenko", "Minister for Foreign Affairs", "UA"),
    ]
    assert len(data["points"]) == 3
    assert condolences(draft) == [("Andrii Kovalenko", "JP", 1)]
    assert data["condolences"][0]["about"] == "北海道での大雪による被害"
    assert amounts(draft) == [(50_000_000, "USD", 2)]
    assert any("Japanese script" in g for g in draft.gaps)
    assert any("title is in Japanese" in g for g in draft.gaps)


def test_japanese_local_time_abroad_and_a_resolved_kanji_name() -> None:
    text = (
        "令和6年9月2日\n\n9月2日、現地時間午前10時（日本時間同日午後5時）から約1時間30分、"
        "ドイツ訪問中の山川一郎外務大臣は、アンドリー・コヴァレンコ・ウクライナ外務大臣"
        "（H.E. Mr. Andrii KOVALENKO, Minister for Foreign Affairs of Ukraine）と会談を行いました。\n"
        "1　山川大臣から、引き続き連携したいと述べました。\n"
    )
    draft = draft_from_text(text, resolve_name={"山川一郎": "YAMAKAWA Ichiro"}.get)
    assert draft.data["place"] == "Germany"
    assert (draft.data["time"], draft.data["timezone"]) == (dt.time(10, 0), "Europe/Berlin")
    assert draft.data["duration_minutes"] == 90
    assert draft.warnings == []  # 10:00 in Berlin in September is 17:00 in Tokyo
    assert people(draft)[0] == ("YAMAKAWA Ichiro", "Minister for Foreign Affairs", "JP")
    assert draft.suggested_id() == "2024-09-02-yamakawa-kovalenko"


def test_g7_session_is_multilateral() -> None:
    draft = sample("g7-session")
    assert draft.data["kind"] == "multilateral"
    assert draft.data["place"] == "Apulia, Italy"
    assert draft.data["timezone"] == "Europe/Rome"


def test_speaker_is_parliamentary_and_two_condolences_in_one_point() -> None:
    draft = sample("speaker-parliamentary")
    assert draft.data["level"] == "parliamentary"
    assert condolences(draft) == [("Okada Rin", "UA", 1), ("Taras Lysenko", "JP", 1)]
    assert draft.data["condolences"][1]["about"] == "floods in western Japan"


def test_not_a_readout() -> None:
    with pytest.raises(ReadoutsError, match="not a readout") as caught:
        sample("not-a-readout")
    assert caught.value.problems[0].hint


@pytest.mark.parametrize("text", ["", "   \n\n", "source: https://example.org/\n\n"])
def test_empty_text_is_not_a_readout(text: str) -> None:
    with pytest.raises(ReadoutsError, match="not a readout"):
        draft_from_text(text)


def test_missing_fields_are_left_out_and_named_as_gaps() -> None:
    draft = draft_from_text(f"Notes\n\n{JAPAN}, held a meeting with {OTHER} at 3:00 p.m.\n")
    assert "date" not in draft.data
    assert "no date found: give date = YYYY-MM-DD" in draft.gaps
    assert draft.gap_fields["no date found: give date = YYYY-MM-DD"] == "date"
    assert draft.suggested_id() == "undated-tanaka-silva"


@pytest.mark.parametrize("name", ALL_SAMPLES)
def test_import_suggests_the_id_new_derives_for_the_same_participants(name: str) -> None:
    draft = sample(name)
    principals = [(p["name"], p.get("country")) for p in draft.data["participants"]]
    assert draft.suggested_id() == derive_id(draft.data["date"], principals)


# --------------------------------------------------------------------------------------------
# No text makes it crash


FRAGMENTS = [
    line for path in sorted(SAMPLES.glob("*.txt")) for line in sample_text(path.stem).splitlines()
] + ["On ", "January 7, 2024", " p.m.", " JST", "H.E. Mr. ", "1. ", "(1) ", "US$", " million"]


def check_never_crashes(text: str) -> None:
    try:
        draft = draft_from_text(text)
    except ReadoutsError:
        return
    assert tomllib.loads(render_draft(draft)) == draft.data
    assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", draft.suggested_id())


@settings(max_examples=150, deadline=None)
@given(st.text())
def test_arbitrary_text_raises_nothing_but_readouts_error(text: str) -> None:
    check_never_crashes(text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)),
        max_size=30,
    ),
    st.sampled_from(["\n", " ", "\n\n", ", "]),
)
def test_readout_like_text_raises_nothing_but_readouts_error(parts: list[str], glue: str) -> None:
    check_never_crashes(glue.join(parts))
