"""The readout importer: real readouts field by field, one sample per format variant, the
rendered TOML, and a property that no text makes it fail with anything but ReadoutsError."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from readouts_cli.errors import ReadoutsError
from readouts_cli.importer import Draft, draft_from_text, render_draft
from readouts_cli.model import Meeting, consistency_problems

SHARED = Path(__file__).resolve().parents[2] / "shared"
SAMPLES = Path(__file__).parent / "samples"
SEED = "seeds/2024-01-07-kamikawa-courtesy-call-zelenskyy.txt"
ABE = "readouts/2015-03-02-abe-klimkin-courtesy-call.txt"
KISHIDA = "readouts/2022-09-30-kishida-zelenskyy-telephone.txt"
COLONNA = "readouts/2023-10-17-kamikawa-colonna-telephone.txt"


def shared(relative: str) -> str:
    path = SHARED / relative
    if not path.exists():
        pytest.skip(f"../shared/readouts not present: {path} is missing")
    return path.read_text(encoding="utf-8")


def sample(name: str) -> Draft:
    return draft_from_text((SAMPLES / f"{name}.txt").read_text(encoding="utf-8"))


def people(draft: Draft) -> list[tuple[str, str | None, str | None]]:
    return [(p["name"], p.get("title"), p.get("country")) for p in draft.data["participants"]]


def condolences(draft: Draft) -> list[tuple[str | None, str | None, int | None]]:
    return [(c.get("by"), c.get("to"), c.get("point")) for c in draft.data.get("condolences", [])]


def amounts(draft: Draft) -> list[tuple[int | None, str | None, int | None]]:
    return [(a.get("amount"), a.get("currency"), a.get("point")) for a in draft.data.get("aid", [])]


def assert_valid(draft: Draft) -> None:
    Meeting.model_validate(draft.data)
    assert consistency_problems(draft.data) == []


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
    assert data["publisher"] == "Ministry of Foreign Affairs of Japan"
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


def test_stated_jst_that_does_not_match_is_a_warning() -> None:
    text = (SAMPLES / "midnight-crossing.txt").read_text(encoding="utf-8")
    draft = draft_from_text(text.replace("7:05 a.m. JST", "8:05 a.m. JST"))
    assert draft.warnings == [
        "stated JST 08:05 does not match 18:05 America/New_York (= 07:05 JST)"
    ]


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


def test_provisional_translation_notes_are_furniture() -> None:
    draft = sample("japan-time-pm")
    assert len(draft.data["points"]) == 2
    assert not any("provisional" in p.lower() for p in draft.data["points"])


def test_a_name_misspelt_in_the_lead_is_corrected_from_the_body() -> None:
    draft = lead(
        other="H.E. Ms. Ana SYLVA, Minister of Foreign Affairs of the Portuguese Republic",
        point="Minister Silva spoke first. Minister Tanaka thanked Minister Silva.",
    )
    assert people(draft)[1][0] == "Ana Silva"
    assert draft.warnings == ["the lead spells Sylva, the body Silva; used Silva"]


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


def test_a_total_of_two_hours_and_thirty_minutes() -> None:
    draft = sample("total-duration-two-parts")
    assert draft.data["duration_minutes"] == 150
    assert (draft.data["time"], draft.data["timezone"]) == (dt.time(17, 30), "Europe/Prague")
    assert draft.warnings == []  # 17:30 in Prague is 00:30 JST on April 13, as stated


def test_sub_items_fold_into_their_heading() -> None:
    draft = sample("sub-items")
    points = draft.data["points"]
    assert len(points) == 2
    assert points[0].startswith("Bilateral relations (1) Minister Tanaka said")
    assert "(2) Minister Kral agreed" in points[0]
    assert points[1].startswith("Regional affairs (1)")
    assert draft.gaps == []


def test_nested_lists_that_restart_at_one() -> None:
    points = sample("nested-restart").data["points"]
    assert len(points) == 2
    assert points[0].startswith("Bilateral relations 1. The ministers welcomed")
    assert "2. They agreed to deepen exchanges" in points[0]
    assert points[1].startswith("International affairs 1.")


def test_bullets_before_numbers_video_conference_and_the_honorable() -> None:
    draft = sample("video-conference")
    assert (draft.data["kind"], draft.data["level"]) == ("video-conference", "summit")
    assert draft.data["time"] == dt.time(21, 0)  # "commencing from 9:00 p.m."
    assert people(draft)[1] == ("Grace Moran", "Prime Minister", "CA")
    assert len(draft.data["points"]) == 2
    assert condolences(draft) == [("Sato Kenji", "victims of the wildfires in British Columbia", 1)]


def test_lead_numbered_as_point_one() -> None:
    draft = sample("lead-as-point")
    points = draft.data["points"]
    assert len(points) == 3
    assert points[0].startswith("On January 22, commencing approximately at 14:10 p.m.")
    assert draft.data["time"] == dt.time(14, 10)
    assert draft.warnings == ["'14:10 p.m.' read as 14:10"]
    assert people(draft)[1] == ("Kadri Tamm", "Deputy Minister of Foreign Affairs", "EE")


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


@pytest.mark.parametrize(
    ("written", "date"),
    [("令和5年2月22日", dt.date(2023, 2, 22)), ("令和元年5月1日", dt.date(2019, 5, 1)),
     ("平成27年3月2日", dt.date(2015, 3, 2)), ("２０２４年１月７日", dt.date(2024, 1, 7))],
)  # fmt: skip
def test_japanese_dates(written: str, date: dt.date) -> None:
    text = f"{written}\n\n{date.month}月{date.day}日、山川一郎外務大臣は電話会談を行いました。\n"
    assert draft_from_text(text).data["date"] == date


def test_a_page_of_two_events_takes_the_first() -> None:
    draft = sample("two-events")
    assert draft.data["duration_minutes"] == 40
    assert draft.data["time"] == dt.time(9, 0)
    assert draft.data["timezone"] == "Europe/Vilnius"
    assert len(draft.data["points"]) == 2
    assert any("more than one event" in g and "On the same day" in g for g in draft.gaps)


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


def test_signing_with_a_loan_in_the_lead() -> None:
    draft = sample("signing")
    assert draft.data["kind"] == "signing"
    assert people(draft)[1] == (
        "Serhii Bondar",
        "Ambassador Extraordinary and Plenipotentiary to Japan",
        "UA",
    )
    [aid] = draft.data["aid"]
    assert (aid["amount"], aid["currency"], aid["category"]) == (13_000_000_000, "JPY", "financial")
    assert "point" not in aid  # said in the lead, which is no point


def test_german_embassy_page_uhr() -> None:
    draft = sample("german-uhr")
    assert draft.data["date"] == dt.date(2022, 5, 14)
    assert (draft.data["time"], draft.data["timezone"]) == (dt.time(8, 40), "Europe/Berlin")
    assert draft.data["duration_minutes"] == 20
    assert draft.warnings[-1:] != ["stated JST"]
    assert not any(w.startswith("stated JST") for w in draft.warnings)


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


def test_not_a_readout() -> None:
    with pytest.raises(ReadoutsError, match="not a readout") as caught:
        sample("not-a-readout")
    assert caught.value.problems[0].hint


@pytest.mark.parametrize("text", ["", "   \n\n", "source: https://example.org/\n\n"])
def test_empty_text_is_not_a_readout(text: str) -> None:
    with pytest.raises(ReadoutsError, match="not a readout"):
        draft_from_text(text)


# --------------------------------------------------------------------------------------------
# Phrasings, one line each

LEAD = (
    "May 14, 2024\n\nOn May 14, {when}, {japan}, held {kind} {other}{where}. "
    "The overview is as follows.\n\n1. {point}\n"
)
JAPAN = "Mr. TANAKA Haruto, Minister for Foreign Affairs of Japan"
OTHER = "H.E. Ms. Ana SILVA, Minister of Foreign Affairs of the Portuguese Republic"


def lead(
    when: str = "commencing at 3:00 p.m. for approximately 30 minutes",
    kind: str = "a meeting with",
    other: str = OTHER,
    where: str = ", in Tokyo",
    point: str = "The ministers talked about the ocean.",
    japan: str = JAPAN,
) -> Draft:
    text = LEAD.format(when=when, kind=kind, other=other, where=where, point=point, japan=japan)
    return draft_from_text(text)


@pytest.mark.parametrize(
    ("when", "minutes"),
    [
        ("for approximately 1 hour", 60),
        ("for about 40 minutes", 40),
        ("for 1 hour and 15 minutes", 75),
        ("for 60 minutes", 60),
        ("for a total of two hours and thirty minutes", 150),
        ("for around one hour and 20 minutes", 80),
        ("for half an hour", 30),
        ("for an hour and a half", 90),
        ("for forty-five minutes", 45),
        ("for approximately 1.5 hours", 90),
    ],
)
def test_durations(when: str, minutes: int) -> None:
    assert lead(when=f"commencing at 3:00 p.m. {when}").data["duration_minutes"] == minutes


@pytest.mark.parametrize(
    ("when", "time"),
    [
        ("commencing at 3:10 p.m.", dt.time(15, 10)),
        ("at around 7 p.m.", dt.time(19, 0)),
        ("commencing approximately at 7:00 p.m.", dt.time(19, 0)),
        ("past 11:20 a.m.", dt.time(11, 20)),
        ("from 17:10", dt.time(17, 10)),
        ("commencing from 9:00 P.M.", dt.time(21, 0)),
        ("at 4:30 P.M. (Japan Time)", dt.time(16, 30)),
        ("at 12:15 a.m.", dt.time(0, 15)),
        ("at 12:30 p.m.", dt.time(12, 30)),
        ("at 7.30 p.m.", dt.time(19, 30)),
    ],
)
def test_times_without_local_time_are_japan_time(when: str, time: dt.time) -> None:
    draft = lead(when=when)
    assert (draft.data["time"], draft.data["timezone"]) == (time, "Asia/Tokyo")


@pytest.mark.parametrize(
    ("where", "zone"),
    [
        (", who is visiting Kyiv", "Europe/Kyiv"),
        (" during his visit to Ukraine", "Europe/Kyiv"),
        (" on the margins of the G7 meeting in Capri, Italy", "Europe/Rome"),
        (", in Warsaw", "Europe/Warsaw"),
        (", in Brussels", "Europe/Brussels"),
        (", in London", "Europe/London"),
        (", in Washington, D.C.", "America/New_York"),
        (", in Berlin", "Europe/Berlin"),
        (", in Paris", "Europe/Paris"),
        (", in Hiroshima", "Asia/Tokyo"),
        (" while visiting Poland", "Europe/Warsaw"),
    ],
)
def test_local_time_takes_the_zone_of_the_place(where: str, zone: str) -> None:
    draft = lead(when="commencing at 3:10 p.m. local time for about 1 hour", where=where)
    assert (draft.data["time"], draft.data["timezone"]) == (dt.time(15, 10), zone)


def test_japan_time_in_brackets_is_checked_against_the_local_time() -> None:
    when = "commencing at 3:10 p.m. local time (same day, 10:10 p.m. Japan time)"
    draft = lead(when=when, where=", who is visiting Kyiv")
    # Kyiv keeps summer time in May (UTC+3), so 15:10 there is 21:10 in Tokyo, not 22:10
    assert draft.warnings == ["stated JST 22:10 does not match 15:10 Europe/Kyiv (= 21:10 JST)"]
    draft = lead(when=when.replace("10:10 p.m.", "9:10 p.m."), where=", who is visiting Kyiv")
    assert draft.warnings == []
    assert (draft.data["time"], draft.data["timezone"]) == (dt.time(15, 10), "Europe/Kyiv")


def test_two_segments_in_the_lead() -> None:
    draft = lead(
        when="commencing at 1:45 p.m. for approximately 45 minutes, and from 2:40 p.m. for "
        "about 1 hour and 30 minutes over a working dinner"
    )
    assert (draft.data["time"], draft.data["duration_minutes"]) == (dt.time(13, 45), 45)
    assert any("second start time (2:40 p.m.)" in g for g in draft.gaps)
    assert any("several durations (45, 90 minutes)" in g for g in draft.gaps)


def test_local_time_without_a_place_falls_back_to_the_stated_jst() -> None:
    draft = lead(when="commencing at 3:10 p.m. local time (same day, 9:10 p.m. JST)", where="")
    assert (draft.data["time"], draft.data["timezone"]) == (dt.time(21, 10), "Asia/Tokyo")
    assert any("place is not named" in g for g in draft.gaps)


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("a meeting with", "meeting"),
        ("a Foreign Ministers' Meeting with", "meeting"),
        ("a summit telephone talk with", "telephone-talk"),
        ("a telephone conversation with", "telephone-talk"),
        ("talks by telephone with", "telephone-talk"),
        ("a video conference with", "video-conference"),
        ("a courtesy call on", "courtesy-call"),
        ("a signing ceremony with", "signing"),
        ("an exchange of notes with", "signing"),
    ],
)
def test_kinds(kind: str, expected: str) -> None:
    assert lead(kind=kind).data["kind"] == expected


def test_spoke_by_telephone_and_received_a_courtesy_call() -> None:
    spoke = draft_from_text(
        f"May 14, 2024\n\nOn May 14, {JAPAN}, spoke by telephone with {OTHER}.\n"
    )
    assert spoke.data["kind"] == "telephone-talk"
    received = draft_from_text(
        f"May 14, 2024\n\nOn May 14, {JAPAN}, received a courtesy call from {OTHER}.\n"
    )
    assert received.data["kind"] == "courtesy-call"
    assert (
        received.data["title"]
        == "Foreign Minister Silva's courtesy call on Foreign Minister Tanaka"
    )


@pytest.mark.parametrize(
    ("japan", "other", "level"),
    [
        ("Mr. SATO Kenji, Prime Minister of Japan", "H.E. Mr. Jan NOWAK, President of the Republic of Poland", "summit"),
        ("Mr. SATO Kenji, Prime Minister of Japan", OTHER, "ministerial"),
        ("Ms. MORI Akane, State Minister for Foreign Affairs of Japan", OTHER, "vice-ministerial"),
        ("Mr. ITO Jun, Parliamentary Vice-Minister for Foreign Affairs of Japan", "H.E. Mr. Jan NOWAK, Deputy Minister of Foreign Affairs of the Republic of Poland", "vice-ministerial"),
        ("Mr. OKADA Rin, Speaker of the House of Representatives of Japan", OTHER, "parliamentary"),
    ],
)  # fmt: skip
def test_levels_from_titles(japan: str, other: str, level: str) -> None:
    assert lead(japan=japan, other=other).data["level"] == level


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


def test_people_only_in_the_points_are_not_participants() -> None:
    draft = lead(point="Minister Tanaka conveyed the greetings of Prime Minister SATO Kenji.")
    assert [p[0] for p in people(draft)] == ["Tanaka Haruto", "Ana Silva"]


def test_missing_fields_are_left_out_and_named_as_gaps() -> None:
    draft = draft_from_text(f"Notes\n\n{JAPAN}, held a meeting with {OTHER} at 3:00 p.m.\n")
    assert "date" not in draft.data
    assert "no date found: give date = YYYY-MM-DD" in draft.gaps
    assert draft.gap_fields["no date found: give date = YYYY-MM-DD"] == "date"
    assert draft.suggested_id().startswith("undated")


# --------------------------------------------------------------------------------------------
# Rendering


ALL_SAMPLES = sorted(p.stem for p in SAMPLES.glob("*.txt") if p.stem != "not-a-readout")


@pytest.mark.parametrize("name", ALL_SAMPLES)
def test_rendered_draft_parses_back_to_its_data(name: str) -> None:
    draft = sample(name)
    text = render_draft(draft)
    assert tomllib.loads(text) == draft.data
    for gap in draft.gaps:
        assert f"# TODO: {gap}" in text
    if not draft.gaps:
        assert_valid(draft)


@pytest.mark.parametrize("relative", [SEED, ABE, KISHIDA, COLONNA])
def test_real_readouts_render_and_validate(relative: str) -> None:
    draft = draft_from_text(shared(relative))
    assert tomllib.loads(render_draft(draft)) == draft.data
    assert_valid(draft)


def test_gaps_stand_in_the_header_and_beside_their_field() -> None:
    draft = sample("uk-prose")
    text = render_draft(draft)
    header = text.split("\n\n", 1)[0]
    assert "# TODO: no duration found" in header
    assert "# TODO: no duration found\npublisher = " in text  # where time and duration belong
    japanese = render_draft(sample("japanese-page"))
    assert re.search(r"\[\[participants\]\]\n# TODO: participant 1: name given only", japanese)


def test_a_condolence_whose_speaker_is_unclear_renders_without_by_and_fails_validation() -> None:
    draft = lead(point="Condolences were offered for the floods in Porto.")
    [item] = draft.data["condolences"]
    assert "by" not in item
    text = render_draft(draft)
    assert "[[condolences]]\n# TODO: condolence 1 (point 1): who expressed it is unclear" in text
    with pytest.raises(ValueError, match="by"):
        Meeting.model_validate(draft.data)


# --------------------------------------------------------------------------------------------
# No text makes it crash


FRAGMENTS = [
    line
    for path in sorted(SAMPLES.glob("*.txt"))
    for line in path.read_text(encoding="utf-8").splitlines()
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


def test_direction_overrides_and_control_characters_never_reach_the_draft() -> None:
    from readouts_cli.importer import draft_from_text, render_draft

    text = (Path(__file__).parent / "samples/video-conference.txt").read_text()
    poisoned = text.replace("Prime Minister", "Prime \u202eMin\x07ister\u2066", 1)
    assert poisoned != text
    assert render_draft(draft_from_text(poisoned)) == render_draft(draft_from_text(text))
