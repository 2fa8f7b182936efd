"""The other side's readouts: the English pages of the President of Ukraine's office and of
Ukraine's foreign ministry, in the shapes they come in (samples in our own words): a headline
above or below the page's date and time, a lead with no date ("had a phone conversation
with"), officials named "<title> of <Country> <Name>", paragraphs without numbers."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from conftest import FIXTURES, run
from readouts_cli.importer import draft_from_text
from readouts_cli.importer.dates import find_date, is_date_line

PRESIDENCY = """\
President of Ukraine Official website

Volodymyr Zelenskyy had a phone conversation with the Prime Minister of Japan

3 April 2024 - 13:42

President of Ukraine Volodymyr Zelenskyy had a phone conversation with Prime Minister of Japan Fumio Kishida.

The President thanked Japan for the support it has given since the full-scale war began, and for the recovery conference in Tokyo in February.

The leaders talked about the Peace Formula and the coming Global Peace Summit.

Volodymyr Zelenskyy told his counterpart about the front and the Russian strikes on power plants.
"""

MINISTRY = """\
Ministry of Foreign Affairs of Ukraine

16 November 2024 15:20

Andrii Sybiha held talks with Japanese Foreign Minister Takeshi Iwaya in Kyiv

On November 16, Minister of Foreign Affairs of Ukraine Andrii Sybiha welcomed his Japanese counterpart Takeshi Iwaya in Kyiv.

The ministers discussed security, energy and the demining of Ukrainian land.

Andrii Sybiha thanked Japan for 4.5 billion US dollars of support this year.
"""


def test_a_presidency_page_gives_date_kind_people_and_points() -> None:
    draft = draft_from_text(PRESIDENCY, source="https://www.president.gov.ua/en/news/x")
    data = draft.data
    assert data["date"] == dt.date(2024, 4, 3)
    assert data["kind"] == "telephone-talk"
    assert data["publisher"] == "President of Ukraine"
    assert data["title"] == (
        "Volodymyr Zelenskyy had a phone conversation with the Prime Minister of Japan"
    )
    assert [(p["name"], p["title"], p["country"]) for p in data["participants"]] == [
        ("Volodymyr Zelenskyy", "President", "UA"),
        ("Fumio Kishida", "Prime Minister", "JP"),
    ]
    # The page's time of posting is no meeting time.
    assert "time" not in data
    assert [p.split()[:3] for p in data["points"]] == [
        ["The", "President", "thanked"],
        ["The", "leaders", "talked"],
        ["Volodymyr", "Zelenskyy", "told"],
    ]


def test_a_ministry_page_reads_the_headline_below_the_date_and_the_counterpart() -> None:
    draft = draft_from_text(MINISTRY, source="https://mfa.gov.ua/en/news/x")
    data = draft.data
    assert data["date"] == dt.date(2024, 11, 16)
    assert data["kind"] == "meeting"
    assert (
        data["title"]
        == "Andrii Sybiha held talks with Japanese Foreign Minister Takeshi Iwaya in Kyiv"
    )
    assert data["publisher"] == "Ministry of Foreign Affairs of Ukraine"
    assert [(p["name"], p["country"]) for p in data["participants"]] == [
        ("Andrii Sybiha", "UA"),
        ("Takeshi Iwaya", "JP"),
    ]
    # "thanked Japan for ...": Japan gave; the thanks only mention it.
    [aid] = data["aid"]
    assert (aid["donor"], aid["recipient"], aid["amount"], aid["status"]) == (
        "JP",
        "UA",
        4_500_000_000,
        "mentioned",
    )


def test_page_dates_with_a_posting_time_or_dots_are_date_lines() -> None:
    for line, day in [
        ("3 April 2024 - 13:42", (4, 3, 2024)),
        ("16 November 2024 15:20", (11, 16, 2024)),
        ("03.04.2024 13:42", (4, 3, 2024)),
        ("09.12.2016", (12, 9, 2016)),
    ]:
        assert is_date_line(line), line
        found = find_date(line)
        assert found is not None and (found.month, found.day, found.year) == day


def test_import_drafts_another_account_of_a_recorded_meeting(tmp_path: Path) -> None:
    import shutil

    root = tmp_path / "data"
    shutil.copytree(FIXTURES / "accounts", root)
    page = tmp_path / "page.txt"
    page.write_text(PRESIDENCY.replace("3 April 2024", "11 October 2022"))
    args = (
        "--data",
        str(root),
        "import",
        str(page),
        "--source",
        "https://www.president.gov.ua/en/x",
    )
    result = run(*args, "--account-of", "2022-10-11-kishida-zelenskyy")
    assert result.code == 0, result.err
    assert result.out.splitlines()[3:6] == [
        "[[accounts]]",
        'publisher = "President of Ukraine"',
        'source = "https://www.president.gov.ua/en/x"',
    ]
    assert (
        "warning: this account reads as a telephone-talk; the record says video-conference"
        in result.err
    )
    written = run(*args, "--account-of", "2022-10-11-kishida-zelenskyy", "--write")
    assert written.code == 0, written.err
    shown = json.loads(
        run("--data", str(root), "show", "2022-10-11-kishida-zelenskyy", "-f", "json").out
    )
    [account] = shown[0]["accounts"]
    assert account["publisher"] == "President of Ukraine"
    assert len(account["points"]) == 3
    assert run("--data", str(root), "check").code == 0


def test_an_account_from_the_records_own_publisher_is_refused(tmp_path: Path) -> None:
    import shutil

    root = tmp_path / "data"
    shutil.copytree(FIXTURES / "accounts", root)
    page = tmp_path / "page.txt"
    page.write_text(PRESIDENCY)
    result = run("--data", str(root), "import", str(page), "--account-of", "2022-10-11", "--write")
    assert result.code == 1
    assert result.out == ""
    assert "the account is not complete yet, so it was not written" in result.err
    assert "todo: source: give the page's URL with --source" in result.err
