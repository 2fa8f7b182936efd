"""Dates: the finder for a date in any of the languages readouts are published in (English,
German and French month names, Japanese era and Western years, ISO), the page's date lines,
and the meeting's date, read from the lead and checked against the page's date."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .draft import Notes
from .text import alternation

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            "january jan januar janvier",
            "february feb februar fevrier février",
            "march mar märz maerz mars",
            "april apr avril",
            "may mai",
            "june jun juni juin",
            "july jul juli juillet",
            "august aug août aout",
            "september sep sept septembre",
            "october oct oktober octobre",
            "november nov novembre",
            "december dec dezember décembre decembre",
        ],
        start=1,
    )
    for name in names.split()
}
MONTH = rf"(?:{alternation(m.capitalize() for m in MONTHS)}|{alternation(MONTHS)})\.?"
WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)"
_DATE_MDY = rf"(?P<mon>{MONTH})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s*(?P<year>\d{{4}})\b)?"
_DATE_DMY = (
    rf"(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\.?\s+(?:of\s+)?(?P<mon2>{MONTH})"
    rf"(?:,?\s*(?P<year2>\d{{4}})\b)?"
)
_DATE_RE = re.compile(rf"(?<![\w])(?:{_DATE_MDY}|{_DATE_DMY})")
_ERA_RE = re.compile(
    r"(?P<era>令和|平成|昭和)\s*(?P<eyear>\d{1,2}|元)\s*年\s*(?P<mon>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日"
)
_JA_DATE_RE = re.compile(
    r"(?:(?P<year>\d{4})\s*年\s*)?(?P<mon>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日"
)
_ISO_DATE_RE = re.compile(r"\b(?P<year>\d{4})-(?P<mon>\d{2})-(?P<day>\d{2})\b")
_ERA_START = {"令和": 2018, "平成": 1988, "昭和": 1925}

# "03.04.2024": day, month, year, as Ukrainian (and most European) sites date their pages.
_DOTTED_DATE_RE = re.compile(r"(?<![\d.])(?P<day>\d{1,2})\.(?P<mon>\d{1,2})\.(?P<year>\d{4})\b")
# The time a page was posted, after its date ("3 April 2024 - 13:42") or before it, with its
# zone ("10:39 JST, January 9, 2023"): no meeting time.
_POSTED_AT = r"(?:\s*[-–—,|·]?\s*\d{1,2}:\d{2})?"
_POSTED_BEFORE = r"(?:\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?\s*)?(?:JST|KST|UTC|GMT|EET|CET)?,?\s+)?"
# A line that is a date and nothing else ("Published: 14 May 2024", "令和6年1月7日",
# "16 November 2024 - 14:05", "03.04.2024 13:42", "10:39 JST, January 9, 2023", a repost's
# "2024-10-22 18:20").
DATE_LINE_RE = re.compile(
    rf"""^\W*(?:(?:published|updated|posted|originally\s+published|last\s+updated|date|
    released)\s*:?\s*)?{_POSTED_BEFORE}{WEEKDAY}?(?:{_DATE_MDY}|{_DATE_DMY}|
    \d{{1,2}}\.\d{{1,2}}\.\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}){_POSTED_AT}\W*$""",
    re.IGNORECASE | re.VERBOSE,
)
_JA_DATE_LINE_RE = re.compile(
    r"^\s*(?:(?:令和|平成|昭和)\s*(?:\d{1,2}|元)|\d{4})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$"
)


@dataclass
class DateFound:
    """A date as written: the year is None where the text leaves it out ("On May 14, ...")."""

    month: int
    day: int
    year: int | None


def find_date(text: str, *, at_start: bool = False) -> DateFound | None:
    """The first date in `text` (at its start only, with `at_start`), in any language here:
    "On Sunday, January 7", "14. Mai 2022", "令和6年1月7日", "2024-01-07"."""
    text = unicodedata.normalize("NFKC", text)
    era = _ERA_RE.search(text)
    if era and (not at_start or era.start() < 4):
        eyear = 1 if era["eyear"] == "元" else int(era["eyear"])
        return DateFound(int(era["mon"]), int(era["day"]), _ERA_START[era["era"]] + eyear)
    ja = _JA_DATE_RE.search(text)
    if ja and (not at_start or ja.start() < 4):
        return DateFound(int(ja["mon"]), int(ja["day"]), int(ja["year"]) if ja["year"] else None)
    iso = _ISO_DATE_RE.search(text)
    if iso and not at_start:
        return DateFound(int(iso["mon"]), int(iso["day"]), int(iso["year"]))
    dotted = _DOTTED_DATE_RE.search(text)
    if dotted and (not at_start or dotted.start() < 4) and 1 <= int(dotted["mon"]) <= 12:
        return DateFound(int(dotted["mon"]), int(dotted["day"]), int(dotted["year"]))
    if at_start:
        start = re.match(rf"^\W*(?:On|Am|Le|Today,?)?\s*(?:the\s+)?{WEEKDAY}?", text)
        m = _DATE_RE.match(text, start.end() if start else 0)
    else:
        m = _DATE_RE.search(text)
    if not m:
        return None
    month = _month_number(m["mon"] or m["mon2"] or "")
    day = int(m["day"] or m["day2"] or 0)
    year = m["year"] or m["year2"]
    if not month:
        return None
    return DateFound(month, day, int(year) if year else None)


def is_date_line(text: str) -> bool:
    """Whether a line of the page is a date and nothing else (the page's own date)."""
    return bool(
        DATE_LINE_RE.match(text) or _JA_DATE_LINE_RE.match(unicodedata.normalize("NFKC", text))
    )


def meeting_date(
    header: Sequence[str], lines: Sequence[str], lead: str, notes: Notes, following: str = ""
) -> dt.date | None:
    """The meeting's date: the lead's ("On January 7, ..."), its year taken from the page's
    date line (`header` is the text above the lead, `lines` the whole page) when the lead
    leaves it out; the page's date when the lead gives none, stepped back to the weekday the
    lead or the paragraph `following` it names ("on Friday": a news story's own date is
    often a day or more after the meeting). A page dated otherwise than the lead is a
    warning."""
    page_date: DateFound | None = None
    for line in [*header, *lines]:
        if is_date_line(line):
            page_date = find_date(line)
            if page_date and page_date.year:
                break
    if page_date is None or page_date.year is None:
        for line in header:
            found = find_date(line)
            if found and found.year:
                page_date = found
                break
    lead_date = find_date(lead, at_start=True) if lead else None
    if lead_date is None and lead:
        m = re.match(r"^[^.。]{0,120}?\bon\s+", lead)
        lead_date = find_date(lead[m.end() :], at_start=True) if m else None
    if lead_date is None:
        if page_date and page_date.year:
            published = _make_date(page_date.year, page_date.month, page_date.day)
            return weekday_before(published, f"{lead} {following}", notes) if published else None
        if page_date:
            notes.gap(f"date: no year stated (the page gives {_month_day(page_date)})", "date")
        return None
    year = lead_date.year
    if year is None and page_date and page_date.year:
        year = page_date.year
        if lead_date.month == 12 and page_date.month == 1:
            year -= 1
        elif lead_date.month == 1 and page_date.month == 12:
            year += 1
    if year is None:
        notes.gap(f"date: no year stated (the lead gives {_month_day(lead_date)})", "date")
        return None
    date = _make_date(year, lead_date.month, lead_date.day)
    if date and page_date and page_date.year:
        published = _make_date(page_date.year, page_date.month, page_date.day)
        if published and published != date:
            notes.warn(f"the page is dated {published}; the lead gives the meeting as {date}")
    return date


_WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
_WEEKDAY_RE = re.compile(rf"\b(?:on\s+)?({'|'.join(_WEEKDAYS)})\b")


def weekday_before(published: dt.date, text: str, notes: Notes) -> dt.date:
    """The day `text` names by its weekday ("on Friday", "Friday evening"), on or before the
    date a story was `published`; `published` itself when the text names no weekday. A date
    so stepped back is a warning."""
    m = _WEEKDAY_RE.search(text)
    if not m:
        return published
    back = (published.weekday() - _WEEKDAYS.index(m[1])) % 7
    date = published - dt.timedelta(days=back)
    if back:
        notes.warn(
            f"the page is dated {published} ({_WEEKDAYS[published.weekday()]}); the text says "
            f"{m[1]}: took {date}"
        )
    return date


def fill_date(data: dict[str, Any], date: dt.date | None, notes: Notes) -> None:
    """`date`, or a gap asking for it (unless `meeting_date` has said why it is missing)."""
    if date:
        data["date"] = date
    elif "date" not in notes.gap_fields.values():
        notes.gap("no date found: give date = YYYY-MM-DD", "date")


def _make_date(year: int, month: int, day: int) -> dt.date | None:
    if not 1900 <= year <= 2100:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month_number(name: str) -> int:
    return MONTHS.get(name.lower().rstrip("."), 0)


def _month_day(found: DateFound) -> str:
    names = "January February March April May June July August September October November December"
    month = names.split()[found.month - 1] if 1 <= found.month <= 12 else f"month {found.month}"
    return f"{month} {found.day}"
