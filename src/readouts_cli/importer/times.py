"""Times and durations: the finders for clock times ("3:10 p.m. local time", "午後4時30分",
"8.40 Uhr") and durations ("for approximately 1 hour and 15 minutes", "約30分"), and the code
that fills `time`, `timezone` and `duration_minutes` from the lead.

A time is local in the zone of the place the lead names, unless marked JST; a bare time on a
Japanese page is Japan time. A stated JST beside a local time is checked, never trusted.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, NamedTuple

from ..model import JST, zone
from .dates import DateFound, find_date
from .draft import Notes
from .numbers import NUMBER, read_number

_TIME_RE = re.compile(
    r"""(?<![\d:.,])(?P<h>\d{1,2})(?:(?P<sep>[:.])(?P<m>\d{2}))?(?![\d])\s*
    (?P<mer>[ap]\.\s?m\.?|[AP]\.\s?M\.?|[ap]m\b|[AP]M\b|Uhr\b|hrs\b|h(?=\s|$|\))|noon\b)?""",
    re.VERBOSE,
)
_JA_TIME_RE = re.compile(
    r"(?P<ampm>午前|午後)?\s*(?P<h>\d{1,2})\s*時(?!間)(?:\s*(?P<m>\d{1,2})\s*分|(?P<half>半))?"
    r"|(?P<noon>正午)"
)
# The day a Japanese bracket gives a Japan time without its month: "（日本時間23日午前1時）".
_JA_DAY_RE = re.compile(r"(?<![\d月])(?P<day>\d{1,2})\s*日(?!間)")
_JST_AFTER_RE = re.compile(
    r"^\s*[(（]?\s*(?:JST|J\.S\.T\.|Japan(?:ese)?\s+(?:Standard\s+)?[Tt]ime|Tokyo\s+time"
    r"|japanische[rn]?\s+Zeit|日本時間)",
    re.IGNORECASE,
)
_LOCAL_AFTER_RE = re.compile(
    r"^\s*[(（]?\s*(?:local\s+time|local|Ortszeit|現地時間)", re.IGNORECASE
)
_JST_BEFORE_RE = re.compile(r"(?:JST|Japan\s+time|日本時間)[^()（）]{0,14}$", re.IGNORECASE)
_LOCAL_BEFORE_RE = re.compile(r"(?:local\s+time|現地時間)[^()（）]{0,14}$", re.IGNORECASE)


@dataclass
class TimeFound:
    """A clock time in the text: its value, where it stands, and how it is marked ("jst",
    "local" or ""); a JST time in brackets may say its day ("same day", "September 21")."""

    value: dt.time
    start: int
    end: int
    tag: str  # "jst", "local" or ""
    text: str
    date_hint: DateFound | None = None  # "on September 21, 7:05 a.m. JST"
    same_day: bool = False
    day: int | None = None  # the day of the month the bracket names: the hint's, or "23日"


def find_times(text: str, notes: Notes | None = None) -> list[TimeFound]:
    """The clock times in `text`, in order: "3:10 p.m.", "7 p.m.", "17:10", "7.30 p.m.",
    "8.40 Uhr", "午後4時30分", "正午" (noon). A bare hour needs a.m. or p.m.; "14:10 p.m." is
    read as 14:10 and said so in `notes`."""
    if notes is None:
        notes = Notes()
    text = unicodedata.normalize("NFKC", text)
    found: list[TimeFound] = []
    for m in _TIME_RE.finditer(text):
        mer = (m["mer"] or "").lower().replace(" ", "")
        if m["sep"] == "." and not mer:
            continue
        if not m["sep"] and mer not in ("a.m.", "p.m.", "am", "pm", "a.m", "p.m", "noon"):
            continue
        if mer in ("h", "hrs") and not m["sep"]:
            continue
        hour, minute = int(m["h"]), int(m["m"] or 0)
        if hour > 23 or minute > 59:
            continue
        if mer.startswith("p") and hour < 12:
            hour += 12
        elif mer.startswith("p") and hour > 12:
            notes.warn(f"{m.group().strip()!r} read as {hour:02d}:{minute:02d}")
        elif mer.startswith("a") and hour == 12:
            hour = 0
        found.append(_classify_time(text, m.start(), m.end(), dt.time(hour, minute), False))
    for m in _JA_TIME_RE.finditer(text):
        if m["noon"]:
            found.append(_classify_time(text, m.start(), m.end(), dt.time(12, 0), True))
            continue
        hour = int(m["h"])
        minute = 30 if m["half"] else int(m["m"] or 0)
        if m["ampm"] == "午後" and hour < 12:
            hour += 12
        if hour > 23 or minute > 59:
            continue
        found.append(_classify_time(text, m.start(), m.end(), dt.time(hour, minute), True))
    found.sort(key=lambda t: t.start)
    return found


def _classify_time(text: str, start: int, end: int, value: dt.time, japanese: bool) -> TimeFound:
    """Tag a time as JST or local from the words beside it: English puts them after the time
    ("3:10 p.m. local time"), Japanese before it (現地時間午前8時40分)."""
    after, before = text[end : end + 40], text[max(0, start - 40) : start]
    marks = [
        ("jst", bool(_JST_AFTER_RE.match(after))),
        ("local", bool(_LOCAL_AFTER_RE.match(after))),
        ("jst", bool(_JST_BEFORE_RE.search(before))),
        ("local", bool(_LOCAL_BEFORE_RE.search(before))),
    ]
    if japanese:
        marks = marks[2:] + marks[:2]
    tag = next((name for name, marked in marks if marked), "")
    found = TimeFound(value, start, end, tag, text[start:end].strip())
    if tag == "jst":
        bracket = before.rsplit("(", 1)[-1].rsplit("（", 1)[-1]
        found.same_day = bool(re.search(r"same\s+day|同日", bracket, re.IGNORECASE))
        found.date_hint = find_date(bracket) if re.search(r"\d", bracket) else None
        day_only = _JA_DAY_RE.search(bracket)
        found.day = (
            found.date_hint.day if found.date_hint else int(day_only["day"]) if day_only else None
        )
    return found


_DURATION_RE = re.compile(
    rf"""(?<![\w-])(?:
        (?P<half_hour>half\s+an\s+hour)
      | (?P<hour_half>an?|one)\s+hour\s+and\s+a\s+half
      | (?P<h>{NUMBER})(?P<and_half>\s+and\s+a\s+half)?\s*[-\s]?hours?\b
        (?:\s*(?:and\s+)?(?P<hm>{NUMBER})\s*[-\s]?min(?:ute)?s?\b)?
      | (?P<hde>\d{{1,2}})\s+Stunden?(?:\s+und\s+(?P<hmde>\d{{1,3}})\s+Minuten)?
      | (?P<mde>\d{{1,4}})\s+Minuten\b
      | (?P<hour_long>hour)-long
      | (?P<m>{NUMBER})\s*[-\s]?min(?:ute)?s?\b
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_JA_DURATION_RE = re.compile(
    r"(?:約\s*(?P<h1>\d{1,3})\s*時間(?:\s*(?P<m1>\d{1,3})\s*分|(?P<half>半))?"
    r"|(?P<h2>\d{1,3})\s*時間(?:\s*(?P<m2>\d{1,3})\s*分)?"
    r"|約\s*(?P<m3>\d{1,4})\s*分間?|(?P<m4>\d{1,4})\s*分間)"
)
_TOTAL_BEFORE_RE = re.compile(
    r"(?:a\s+total\s+of|in\s+total|total\s+of|altogether|合計|計)\s*\S*\s*$", re.I
)


def _duration_minutes(m: re.Match[str]) -> int | None:
    if m["half_hour"]:
        return 30
    if m["hour_half"]:
        return 90
    if m["hour_long"]:
        return 60
    if m["hde"] or m["mde"]:
        total = Decimal(int(m["hde"] or 0) * 60 + int(m["hmde"] or m["mde"] or 0))
        return int(total) if 0 < total <= 24 * 60 * 3 else None
    if m["h"]:
        hours = read_number(m["h"])
        minutes = read_number(m["hm"]) if m["hm"] else Decimal(0)
        if hours is None or minutes is None:
            return None
        total = hours * 60 + minutes + (30 if m["and_half"] else 0)
    else:
        value = read_number(m["m"])
        if value is None:
            return None
        total = value
    if total != total.to_integral_value() or not 0 < total <= 24 * 60 * 3:
        return None
    return int(total)


class Duration(NamedTuple):
    """A duration in the text: where it starts, its minutes, and whether it is stated as a
    total ("for a total of two hours")."""

    start: int
    minutes: int
    total: bool


def find_durations(text: str) -> list[Duration]:
    """The durations in `text`, in order: "for approximately 1 hour and 15 minutes", "half an
    hour", "forty-five minutes", "20 Minuten", "約1時間30分". Nothing longer than three days."""
    text = unicodedata.normalize("NFKC", text)
    found: list[Duration] = []
    for m in _DURATION_RE.finditer(text):
        minutes = _duration_minutes(m)
        if minutes is not None:
            total = bool(_TOTAL_BEFORE_RE.search(text[max(0, m.start() - 20) : m.start()]))
            found.append(Duration(m.start(), minutes, total))
    for m in _JA_DURATION_RE.finditer(text):
        hours = m["h1"] or m["h2"]
        minutes = int(hours) * 60 if hours else 0
        minutes += 30 if m["half"] else int(m["m1"] or m["m2"] or m["m3"] or m["m4"] or 0)
        if 0 < minutes <= 24 * 60 * 3:
            total = bool(_TOTAL_BEFORE_RE.search(text[max(0, m.start() - 6) : m.start()]))
            found.append(Duration(m.start(), minutes, total))
    found.sort()
    return found


def fill_time(
    data: dict[str, Any],
    lead: str,
    date: dt.date | None,
    place_zone: str | None,
    home: str | None,
    japanese: bool,
    notes: Notes,
) -> None:
    """`time` and `timezone` from the lead: local time in the zone of the place, a time marked
    JST (or a bare time on a Japanese page) in Asia/Tokyo; a stated JST is checked."""
    times = find_times(lead, notes)
    if not times:
        relative = re.search(
            r"\b(?:this|that|yesterday|tomorrow)\s+(?:morning|afternoon|evening)|\btoday\b|\btonight\b",
            lead,
            re.I,
        )
        said = f" (the text says only {relative.group()!r})" if relative else ""
        notes.gap(f"no time found{said}", "time")
        return
    main = next((t for t in times if t.tag != "jst"), times[0])
    stated_jst = next((t for t in times if t.tag == "jst" and t is not main), None)
    if main.tag == "jst":
        data["time"], data["timezone"] = main.value, JST
    elif main.tag == "local":
        if place_zone:
            data["time"], data["timezone"] = main.value, place_zone
        elif stated_jst and date and stated_jst.day not in (None, date.day):
            # The Japan time falls on another day than the meeting's (local) date: recorded
            # with that date, it would name the wrong moment.
            notes.gap(
                f"time: {main.text} local time, but the place is not named; the stated Japan "
                f"time {stated_jst.text} falls on day {stated_jst.day}, not on the meeting's date",
                "time",
            )
            return
        elif stated_jst:
            data["time"], data["timezone"] = stated_jst.value, JST
            notes.gap(
                f"time: {main.text} local time, but the place is not named; "
                f"recorded the stated Japan time {stated_jst.text}",
                "time",
            )
            stated_jst = None
        else:
            notes.gap(f"time: {main.text} local time, but the place is unknown", "time")
            return
    else:
        publishers_zone = {"GB": "Europe/London", "US": "America/New_York"}
        tz = JST if japanese else publishers_zone.get(home or "", JST)
        data["time"], data["timezone"] = main.value, tz
    starts = [t for t in times if t.tag != "jst"]
    if len(starts) > 1:
        notes.gap(
            f"the lead gives a second start time ({starts[1].text}); `time` is the first", "time"
        )
    if stated_jst and date:
        _check_jst(data, date, stated_jst, notes)


def _check_jst(data: dict[str, Any], date: dt.date, stated: TimeFound, notes: Notes) -> None:
    """Warn when the stated Japan time is not the local time converted (day included)."""
    tz, tokyo = zone(data["timezone"]), zone(JST)
    if tz is None or tokyo is None:
        return
    local = dt.datetime.combine(date, data["time"], tzinfo=tz)
    computed = local.astimezone(tokyo)
    mismatch = computed.time().replace(second=0) != stated.value
    if stated.day is not None and stated.day != computed.day:
        mismatch = True
    elif stated.same_day and computed.date() != date:
        mismatch = True
    if mismatch:
        notes.warn(
            f"stated JST {stated.value:%H:%M} does not match {data['time']:%H:%M} "
            f"{data['timezone']} (= {computed:%H:%M} JST)"
        )


def fill_duration(data: dict[str, Any], lead: str, notes: Notes) -> None:
    """`duration_minutes` from the lead: a stated total, else the first duration given."""
    durations = find_durations(lead)
    if not durations:
        notes.gap("no duration found", "duration_minutes")
        return
    totals = [d for d in durations if d.total]
    data["duration_minutes"] = (totals or durations)[0].minutes
    if not totals and len({d.minutes for d in durations}) > 1:
        said = ", ".join(str(d.minutes) for d in durations)
        notes.gap(
            f"the lead gives several durations ({said} minutes); `duration_minutes` is the first",
            "duration_minutes",
        )
