"""Meetings as an iCalendar file (RFC 5545): one VEVENT per meeting, a VTIMEZONE for each
zone a start time uses, CRLF line endings, lines folded at 75 octets.

The VTIMEZONE components are written from the tz database (zoneinfo): each offset change
between the start of the first year and the end of the last year with a meeting in that zone
is an observance of its own (DTSTART, TZOFFSETFROM, TZOFFSETTO), so no recurrence rule has to
be guessed; a zone that never changes (Asia/Tokyo) has one STANDARD observance.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from zoneinfo import ZoneInfo

from ..corpus import Record
from ..model import Meeting
from ..textfold import UNSAFE

PRODID = "-//readouts//readouts-cli//EN"
UID_DOMAIN = "readouts"
MAX_OCTETS = 75


def escape_text(value: str) -> str:
    """A TEXT value (RFC 5545 §3.3.11): line breaks as `\\n`; backslash, semicolon and comma
    escaped; and a control character (which RFC 5545 forbids, and which could take over a
    terminal the calendar is printed on) written as a visible escape such as `\\x1b`."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = UNSAFE.sub(
        lambda m: f"\\x{ord(m[0]):02x}" if ord(m[0]) < 0x100 else f"\\u{ord(m[0]):04x}", value
    )
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line: str) -> str:
    """A content line folded so no physical line is longer than 75 octets (RFC 5545 §3.1):
    CRLF and a space before each continuation, and never inside a UTF-8 character."""
    parts: list[str] = []
    current, size = "", 0
    limit = MAX_OCTETS
    for char in line:
        octets = len(char.encode("utf-8"))
        if size + octets > limit:
            parts.append(current)
            current, size = " ", 1  # the space that marks a continuation is an octet too
        current += char
        size += octets
    parts.append(current)
    return "\r\n".join(parts)


def uid(record: Record) -> str:
    """Stable across exports: the record's id, which never changes while the record lives."""
    return f"{record.id}@{UID_DOMAIN}"


def _stamp(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def _offset(delta: dt.timedelta | None) -> str:
    seconds = int((delta or dt.timedelta()).total_seconds())
    sign = "-" if seconds < 0 else "+"
    hours, rest = divmod(abs(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{sign}{hours:02d}{minutes:02d}" + (f"{secs:02d}" if secs else "")


def description(meeting: Meeting) -> str:
    """The event's DESCRIPTION: the summary, the participants and the points."""
    parts: list[str] = []
    if meeting.summary:
        parts.append(meeting.summary)
    if meeting.participants:
        people = [
            ", ".join(v for v in (p.name, p.title) if v) + (f" ({p.country})" if p.country else "")
            for p in meeting.participants
        ]
        parts.append("Participants:\n" + "\n".join(people))
    if meeting.points:
        parts.append("Points:\n" + "\n".join(f"{n}. {p}" for n, p in enumerate(meeting.points, 1)))
    return "\n\n".join(parts)


def event_lines(record: Record, stamp: dt.datetime) -> list[str]:
    """The content lines of one meeting's VEVENT, unfolded."""
    meeting = record.meeting
    lines = ["BEGIN:VEVENT", f"UID:{uid(record)}", f"DTSTAMP:{_stamp(stamp)}"]
    if meeting.time and meeting.timezone:
        start = dt.datetime.combine(meeting.date, meeting.time)
        lines.append(f"DTSTART;TZID={meeting.timezone}:{start:%Y%m%dT%H%M%S}")
        if meeting.duration_minutes:
            lines.append(f"DURATION:PT{meeting.duration_minutes}M")
    else:
        # The time is unknown: an all-day event on that date, whose duration is that day.
        lines.append(f"DTSTART;VALUE=DATE:{meeting.date:%Y%m%d}")
    lines.append(f"SUMMARY:{escape_text(meeting.title)}")
    if meeting.place:
        lines.append(f"LOCATION:{escape_text(meeting.place)}")
    if text := description(meeting):
        lines.append(f"DESCRIPTION:{escape_text(text)}")
    if meeting.source:
        lines.append(f"URL:{meeting.source}")
    categories = [str(meeting.kind), *meeting.tags]
    lines.append("CATEGORIES:" + ",".join(escape_text(c) for c in categories))
    lines.append("END:VEVENT")
    return lines


def transitions(zone: ZoneInfo, first: dt.datetime, last: dt.datetime) -> list[dt.datetime]:
    """The instants (UTC) between `first` and `last` where `zone` changes its offset or its
    name, each to the second."""

    def state(moment: dt.datetime) -> tuple[dt.timedelta | None, str | None]:
        local = moment.astimezone(zone)
        return local.utcoffset(), local.tzname()

    found: list[dt.datetime] = []
    step = dt.timedelta(hours=6)
    moment = first
    while moment < last:
        after = moment + step
        if state(moment) != state(after):
            low, high = moment, after
            while high - low > dt.timedelta(seconds=1):
                middle = low + (high - low) / 2
                low, high = (middle, high) if state(middle) == state(low) else (low, middle)
            found.append(high.replace(microsecond=0))
        moment = after
    return found


def vtimezone_lines(key: str, years: Sequence[int]) -> list[str]:
    """A VTIMEZONE for `key` that holds every offset it had from the start of the first of
    `years` to the end of the last."""
    zone = ZoneInfo(key)
    first = dt.datetime(min(years), 1, 1, tzinfo=dt.UTC)
    last = dt.datetime(max(years) + 1, 1, 1, tzinfo=dt.UTC)

    def observance(moment: dt.datetime, before: dt.datetime) -> list[str]:
        local = moment.astimezone(zone)
        previous = before.astimezone(zone)
        kind = "DAYLIGHT" if local.dst() else "STANDARD"
        # An observance starts at its onset in the local time in force before it.
        onset = (moment + (previous.utcoffset() or dt.timedelta())).replace(tzinfo=None)
        return [
            f"BEGIN:{kind}",
            f"DTSTART:{onset:%Y%m%dT%H%M%S}",
            f"TZOFFSETFROM:{_offset(previous.utcoffset())}",
            f"TZOFFSETTO:{_offset(local.utcoffset())}",
            *([f"TZNAME:{escape_text(name)}"] if (name := local.tzname()) else []),
            f"END:{kind}",
        ]

    lines = ["BEGIN:VTIMEZONE", f"TZID:{key}"]
    lines += observance(first, first)
    for moment in transitions(zone, first, last):
        lines += observance(moment, moment - dt.timedelta(seconds=1))
    lines.append("END:VTIMEZONE")
    return lines


def calendar(records: Iterable[Record], stamp: dt.datetime) -> str:
    """The iCalendar document of `records`, CRLF line endings, every line folded.

    `stamp` is every event's DTSTAMP (when this export was made).
    """
    records = list(records)
    zones: dict[str, set[int]] = {}
    for record in records:
        meeting = record.meeting
        if meeting.time and meeting.timezone:
            zones.setdefault(meeting.timezone, set()).add(meeting.date.year)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ]
    for key in sorted(zones):
        lines += vtimezone_lines(key, sorted(zones[key]))
    for record in records:
        lines += event_lines(record, stamp)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
