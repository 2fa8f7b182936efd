"""Times and durations: the finders on phrases, and `time`, `timezone` and `duration_minutes`
as a draft gets them from a lead."""

from __future__ import annotations

import datetime as dt

import pytest
from readout_texts import lead, sample, sample_text

from readouts_cli.importer import draft_from_text
from readouts_cli.importer.dates import DateFound
from readouts_cli.importer.draft import Notes
from readouts_cli.importer.times import find_durations, find_times


def test_find_times_reads_clocks_and_their_marks() -> None:
    found = find_times("commencing at 3:10 p.m. local time (same day, 10:10 p.m. Japan time)")
    assert [(t.value, t.tag, t.text) for t in found] == [
        (dt.time(15, 10), "local", "3:10 p.m."),
        (dt.time(22, 10), "jst", "10:10 p.m."),
    ]
    assert found[1].same_day


def test_find_times_reads_the_day_a_japan_time_gives() -> None:
    [local, jst] = find_times("at 6:05 p.m. (on September 21, 7:05 a.m. JST)")
    assert (local.value, jst.value) == (dt.time(18, 5), dt.time(7, 5))
    assert jst.date_hint == DateFound(9, 21, None)


@pytest.mark.parametrize(
    ("text", "time"),
    [
        ("at around 7 p.m.", dt.time(19, 0)),
        ("from 17:10", dt.time(17, 10)),
        ("at 12:15 a.m.", dt.time(0, 15)),
        ("at 12:30 p.m.", dt.time(12, 30)),
        ("at 7.30 p.m.", dt.time(19, 30)),
        ("ab 8.40 Uhr Ortszeit", dt.time(8, 40)),
        ("午後4時30分から", dt.time(16, 30)),
        ("午前8時半", dt.time(8, 30)),
    ],
)
def test_find_times_on_each_way_of_writing_a_time(text: str, time: dt.time) -> None:
    assert [t.value for t in find_times(text)] == [time]


def test_find_times_ignores_numbers_that_are_no_times() -> None:
    assert find_times("Point 3. The 1.5 hours of talks, 2024 and 7 ministers") == []


def test_find_times_notes_a_24_hour_time_with_pm() -> None:
    notes = Notes()
    assert [t.value for t in find_times("at 14:10 p.m.", notes)] == [dt.time(14, 10)]
    assert notes.warnings == ["'14:10 p.m.' read as 14:10"]


def test_find_durations_gives_minutes_and_marks_a_total() -> None:
    found = find_durations("for 45 minutes, and then for a total of two hours and thirty minutes")
    assert [(d.minutes, d.total) for d in found] == [(45, False), (150, True)]
    assert [d.minutes for d in find_durations("約1時間30分会談した")] == [90]
    assert [d.minutes for d in find_durations("für ca. 20 Minuten")] == [20]
    assert find_durations("in 2024, at 3 p.m.") == []


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


def test_stated_jst_that_does_not_match_is_a_warning() -> None:
    text = sample_text("midnight-crossing")
    draft = draft_from_text(text.replace("7:05 a.m. JST", "8:05 a.m. JST"))
    assert draft.warnings == [
        "stated JST 08:05 does not match 18:05 America/New_York (= 07:05 JST)"
    ]


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


def test_a_total_of_two_hours_and_thirty_minutes() -> None:
    draft = sample("total-duration-two-parts")
    assert draft.data["duration_minutes"] == 150
    assert (draft.data["time"], draft.data["timezone"]) == (dt.time(17, 30), "Europe/Prague")
    assert draft.warnings == []  # 17:30 in Prague is 00:30 JST on April 13, as stated


def test_german_embassy_page_uhr() -> None:
    draft = sample("german-uhr")
    assert draft.data["date"] == dt.date(2022, 5, 14)
    assert (draft.data["time"], draft.data["timezone"]) == (dt.time(8, 40), "Europe/Berlin")
    assert draft.data["duration_minutes"] == 20
    assert not any(w.startswith("stated JST") for w in draft.warnings)
