"""`readouts export`: the ICS calendar and the PLOVER events parsed back, field by field, on
the shipped corpus; the file written atomically and never over an existing one unasked."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import FIXTURES, REPO, run
from readouts_cli.corpus import load_corpus
from readouts_cli.exports.ics import escape_text, fold
from readouts_cli.ledger import CONDOLENCE_CAMEO, aid_cameo
from readouts_cli.people.registry import load_registry
from readouts_cli.textfold import UNSAFE

DATA = REPO / "data"
RECORDS = {r.id: r for r in load_corpus(DATA).records}
STAMP = "1700000000"  # SOURCE_DATE_EPOCH: 2023-11-14T22:13:20Z


def export(monkeypatch: pytest.MonkeyPatch, *args: str) -> str:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", STAMP)
    result = run("--data", str(DATA), "export", *args)
    assert result.code == 0, result.err
    assert result.err == ""
    return result.out


def export_bytes(monkeypatch: pytest.MonkeyPatch, *args: str) -> bytes:
    """stdout as written: Click's text view of it would turn CRLF into LF."""
    from typer.testing import CliRunner

    from readouts_cli.cli.app import app

    monkeypatch.setenv("SOURCE_DATE_EPOCH", STAMP)
    result = CliRunner().invoke(app, ["--data", str(DATA), "export", *args])
    assert result.exit_code == 0
    return result.stdout_bytes


def test_ics_parses_back_field_by_field(monkeypatch: pytest.MonkeyPatch) -> None:
    text = export(monkeypatch, "--format", "ics")
    cal = icalendar.Calendar.from_ical(text)
    assert str(cal["VERSION"]) == "2.0"
    assert str(cal["PRODID"]).startswith("-//readouts//")
    events = cal.walk("VEVENT")
    assert len(events) == len(RECORDS)
    for event in events:
        uid = str(event["UID"])
        assert uid.endswith("@readouts")
        meeting = RECORDS[uid.removesuffix("@readouts")].meeting
        assert event["DTSTAMP"].dt == dt.datetime(2023, 11, 14, 22, 13, 20, tzinfo=dt.UTC)
        start = event["DTSTART"].dt
        if meeting.time and meeting.timezone:
            assert start == dt.datetime.combine(
                meeting.date, meeting.time, tzinfo=ZoneInfo(meeting.timezone)
            )
            assert event["DTSTART"].params["TZID"] == meeting.timezone
            if meeting.duration_minutes:
                assert event["DURATION"].dt == dt.timedelta(minutes=meeting.duration_minutes)
        else:
            assert start == meeting.date and not isinstance(start, dt.datetime)
            assert "DURATION" not in event
        assert str(event["SUMMARY"]) == meeting.title
        assert event.get("LOCATION") == meeting.place
        assert event.get("URL") == meeting.source
        description = str(event["DESCRIPTION"])
        for person in meeting.participants:
            assert person.name in description
        for n, point in enumerate(meeting.points, 1):
            assert f"{n}. {point}" in description
        assert [str(c) for c in event["CATEGORIES"].cats] == [str(meeting.kind), *meeting.tags]


def test_ics_has_a_vtimezone_for_each_zone_it_uses(monkeypatch: pytest.MonkeyPatch) -> None:
    cal = icalendar.Calendar.from_ical(export(monkeypatch, "-f", "ics"))
    used = {r.meeting.timezone for r in RECORDS.values() if r.meeting.time}
    zones = {str(z["TZID"]): z for z in cal.walk("VTIMEZONE")}
    assert set(zones) == used
    kyiv = zones["Europe/Kyiv"]
    daylight = [str(o["DTSTART"].to_ical(), "ascii") for o in kyiv.walk("DAYLIGHT")]
    # Summer time in Kyiv starts on the last Sunday of March at 03:00 local time.
    assert "20240331T030000" in daylight
    assert all(o["TZOFFSETTO"].td == dt.timedelta(hours=3) for o in kyiv.walk("DAYLIGHT"))
    tokyo = zones["Asia/Tokyo"]
    assert not tokyo.walk("DAYLIGHT")
    assert tokyo.walk("STANDARD")[0]["TZOFFSETTO"].td == dt.timedelta(hours=9)


def test_ics_is_crlf_and_folded_at_75_octets(monkeypatch: pytest.MonkeyPatch) -> None:
    text = export_bytes(monkeypatch, "-f", "ics").decode("utf-8")
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    lines = text.removesuffix("\r\n").split("\r\n")
    assert not any("\n" in line or "\r" in line for line in lines)
    assert max(len(line.encode("utf-8")) for line in lines) <= 75
    assert any(line.startswith(" ") for line in lines)  # long descriptions were folded


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_folding_never_splits_a_character_and_unfolds_to_the_line(value: str) -> None:
    line = "DESCRIPTION:" + escape_text(value)
    folded = fold(line)
    for physical in folded.split("\r\n"):
        assert len(physical.encode("utf-8")) <= 75
        physical.encode("utf-8").decode("utf-8")
    assert folded.replace("\r\n ", "") == line


@given(
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r"), max_size=80
    )
)
def test_text_values_come_back_as_written(value: str) -> None:
    document = (
        "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n"
        + fold("DESCRIPTION:" + escape_text(value))
        + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    event = icalendar.Calendar.from_ical(document).walk("VEVENT")[0]
    # Control characters (forbidden in iCalendar, dangerous at a terminal) come back as
    # visible escapes; everything else as written.
    lines = value.replace("\r\n", "\n").replace("\r", "\n")
    visible = UNSAFE.sub(
        lambda m: f"\\x{ord(m[0]):02x}" if ord(m[0]) < 0x100 else f"\\u{ord(m[0]):04x}", lines
    )
    assert str(event.get("DESCRIPTION", "")) == visible
    assert not UNSAFE.search(document.replace("\r\n", ""))


def test_plover_events_parse_back_field_by_field(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = export(monkeypatch, "--format", "plover").splitlines()
    events = [json.loads(line) for line in lines]
    registry = load_registry(DATA)
    ids = [e["id"] for e in events]
    assert len(ids) == len(set(ids))
    meetings = [e for e in events if "#" not in e["id"]]
    assert len(meetings) == len(RECORDS)
    for event in events:
        # PLOVER's required fields, and the codebook's forms for the optional ones used.
        assert {"id", "date", "actor", "event"} <= set(event)
        assert event["event"] == [event["event_type"]]
        assert isinstance(event["mode"], list) and isinstance(event["context"], list)
        record_id, _, part = event["id"].partition("#")
        record = RECORDS[record_id]
        meeting = record.meeting
        assert event["date"] == meeting.date.isoformat()
        if event["time"] is not None:
            start = dt.datetime.fromisoformat(event["date"] + "T" + event["time"])
            assert start == meeting.start()
        assert event["cite_info"]["url"] == meeting.source
        assert event["cite_info"]["publication"] == meeting.publisher
        if not part:
            assert event["event_type"] == "CONSULT"
            assert [a["entity_text"] for a in event["actor"]] == [
                p.name for p in meeting.participants
            ]
            assert event["cameo"] in {"040", "041"}
            assert (event["mode"] == ["phone"]) == (event["cameo"] == "041")
            assert event["event_loc"] == (
                {"extracted_place": meeting.place} if meeting.place else None
            )
        elif part.startswith("condolence-"):
            item = meeting.condolences[int(part.split("-")[1]) - 1]
            assert (event["event_type"], event["cameo"]) == ("SUPPORT", CONDOLENCE_CAMEO)
            assert event["actor"][0]["entity_text"] == item.by
            assert event["recipient"][0]["entity_text"] == item.to
        else:
            item = meeting.aid[int(part.split("-")[1]) - 1]
            assert item.scope != "cumulative"
            assert event["cameo"] == aid_cameo(item)
            promised = str(item.status) in ("announced", "pledged")
            assert event["event_type"] == ("AGREE" if promised else "AID")
            assert event["actor"][0]["entity_text"] == item.donor
            assert event["aid"]["amount"] == item.amount
            assert event["aid"]["currency"] == item.currency
        for entity in event["actor"] + event["recipient"]:
            people = registry.resolve(entity["entity_text"])
            if len(people) == 1 and people[0].wikidata:
                assert entity["identifier_id"] == people[0].wikidata
    items = sum(len(r.meeting.condolences) for r in RECORDS.values())
    aid = sum(1 for r in RECORDS.values() for a in r.meeting.aid if a.scope != "cumulative")
    assert len(events) == len(RECORDS) + items + aid
    assert any(a.get("identifier_id") == "Q3874799" for e in events for a in e["actor"])


def test_stated_running_totals_are_left_out(monkeypatch: pytest.MonkeyPatch) -> None:
    events = [json.loads(line) for line in export(monkeypatch, "-f", "plover").splitlines()]
    cumulative = {
        f"{r.id}#aid-{n}"
        for r in RECORDS.values()
        for n, a in enumerate(r.meeting.aid, 1)
        if a.scope == "cumulative"
    }
    assert cumulative
    assert not cumulative & {e["id"] for e in events}


def test_filters_choose_the_meetings(monkeypatch: pytest.MonkeyPatch) -> None:
    cal = icalendar.Calendar.from_ical(export(monkeypatch, "-f", "ics", "--on", "2024-01-07"))
    assert sorted(str(e["UID"]) for e in cal.walk("VEVENT")) == [
        "2024-01-07-kamikawa-kuleba@readouts",
        "2024-01-07-kamikawa-shmyhal@readouts",
        "2024-01-07-kamikawa-zelenskyy@readouts",
    ]


def test_output_file_is_written_and_never_replaced_unasked(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    target = tmp_path / "out" / "meetings.ics"
    first = run("--data", str(DATA), "export", "-f", "ics", "-o", str(target))
    assert (first.code, first.out, first.err) == (0, "", f"wrote {target}\n")
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    again = run("--data", str(DATA), "export", "-f", "plover", "-o", str(target))
    assert again.code == 1
    assert again.err == f"error: {target}: already exists\nhint: pass --force to overwrite it\n"
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR")
    forced = run("--data", str(DATA), "export", "-f", "plover", "-o", str(target), "--force")
    assert forced.code == 0
    assert json.loads(target.read_text().splitlines()[0])["event_type"] == "CONSULT"
    assert sorted(p.name for p in target.parent.iterdir()) == ["meetings.ics"]


def test_record_text_cannot_take_over_the_terminal_through_a_calendar(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    root = tmp_path / "d"
    shutil.copytree(FIXTURES / "corpus", root)
    path = root / "meetings/2024/2024-01-07-kamikawa-zelenskyy.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("Kamikawa called on", "\\u001b]0;pwned\\u0007\\u001b[31mKamikawa called on"),
        encoding="utf-8",
    )
    result = run("--data", str(root), "export", "--format", "ics")
    assert result.code == 0, result.err
    assert "\x1b" not in result.out and "\x07" not in result.out
    assert "\\\\x1b]0" in result.out or "\\x1b]0" in result.out
