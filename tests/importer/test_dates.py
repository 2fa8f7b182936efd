"""Dates: `find_date` on each way readouts write one, and the meeting's date read from the
lead and the page's date line."""

from __future__ import annotations

import datetime as dt

import pytest

from readouts_cli.importer import draft_from_text
from readouts_cli.importer.dates import DateFound, find_date, is_date_line, meeting_date
from readouts_cli.importer.draft import Notes


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("On Sunday, January 7, 2024, Minister Kamikawa ...", DateFound(1, 7, 2024)),
        ("On January 7, commencing at 3:10 p.m.", DateFound(1, 7, None)),
        ("12 February 2025", DateFound(2, 12, 2025)),
        ("Am 14. Mai 2022 trafen sich", DateFound(5, 14, 2022)),
        ("Le 3 mars 2023", DateFound(3, 3, 2023)),
        ("令和6年1月7日", DateFound(1, 7, 2024)),
        ("令和元年5月1日", DateFound(5, 1, 2019)),
        ("9月2日、現地時間午前10時", DateFound(9, 2, None)),
        ("Published 2024-01-07", DateFound(1, 7, 2024)),
    ],
)
def test_find_date_reads_each_way_a_readout_writes_a_date(text: str, found: DateFound) -> None:
    assert find_date(text) == found


def test_find_date_at_start_only_takes_the_date_a_lead_opens_with() -> None:
    assert find_date("On January 7, the ministers met", at_start=True) == DateFound(1, 7, None)
    assert find_date("The ministers met on January 7", at_start=True) is None
    assert find_date("nothing here") is None


def test_is_date_line_tells_the_page_date_from_a_sentence_with_a_date() -> None:
    assert is_date_line("March 2, 2015")
    assert is_date_line("Published: 14 May 2024")
    assert is_date_line("令和5年2月22日")
    assert not is_date_line("On March 2, 2015, the ministers met.")


def test_meeting_date_takes_the_year_from_the_page_and_crosses_new_year() -> None:
    notes = Notes()
    assert meeting_date(["January 3, 2025"], [], "On December 30, they met.", notes) == dt.date(
        2024, 12, 30
    )
    assert notes.warnings == [
        "the page is dated 2025-01-03; the lead gives the meeting as 2024-12-30"
    ]


def test_meeting_date_without_a_year_is_a_gap() -> None:
    notes = Notes()
    assert meeting_date([], [], "On May 14, the ministers met.", notes) is None
    assert notes.gaps == ["date: no year stated (the lead gives May 14)"]
    assert notes.gap_fields == {"date: no year stated (the lead gives May 14)": "date"}


@pytest.mark.parametrize(
    ("written", "date"),
    [("令和5年2月22日", dt.date(2023, 2, 22)), ("令和元年5月1日", dt.date(2019, 5, 1)),
     ("平成27年3月2日", dt.date(2015, 3, 2)), ("２０２４年１月７日", dt.date(2024, 1, 7))],
)  # fmt: skip
def test_japanese_dates(written: str, date: dt.date) -> None:
    text = f"{written}\n\n{date.month}月{date.day}日、山川一郎外務大臣は電話会談を行いました。\n"
    assert draft_from_text(text).data["date"] == date
