"""`readouts timeline` as a person reads it, whole, at 80 columns, and the numbers behind it."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from conftest import FIXTURES, REPO, run, write

VIEWS = FIXTURES / "views"


def chart(monkeypatch: pytest.MonkeyPatch, width: int, *args: str, data: Path = VIEWS) -> str:
    monkeypatch.setenv("COLUMNS", str(width))
    result = run("--data", str(data), "timeline", *args)
    assert result.code == 0, result.err
    assert result.err == ""
    return result.out


YEARS_80 = """\
Meetings per year, 2015 – 2024: 6 meetings

YEAR
2015  █ 1
2016
2017
2018
2019  █ 1
2020
2021
2022  █ 1
2023  ██ 2
2024  █ 1
     └────┴
     0    5
     meetings: each █ = 1 meeting
"""

KINDS_80 = """\
Meetings per year, 2015 – 2024: 6 meetings
█ meeting  ▓ courtesy-call  ▒ telephone-talk  ░ multilateral

YEAR
2015  ▓ 1
2016
2017
2018
2019  █ 1
2020
2021
2022  ▒ 1
2023  █░ 2
2024  ▓ 1
     └────┴
     0    5
     meetings: each █ = 1 meeting
"""

QUARTERS_80 = """\
Meetings per quarter, 2022-Q2 – 2024-Q1: 4 meetings
█ summit  ▓ ministerial

QUARTER
2022-Q2  █ 1
2022-Q3
2022-Q4
2023-Q1
2023-Q2  █ 1
2023-Q3  ▓ 1
2023-Q4
2024-Q1  ▓ 1
        └────┴
        0    5
        meetings: each █ = 1 meeting
"""

MONTHS_80 = """\
Meetings per month, 2022-04 – 2024-01: 4 meetings

MONTH
2022-04  █ 1
⋮        12 months without meetings, 2022-05 – 2023-04
2023-05  █ 1
2023-06
2023-07
2023-08
2023-09  █ 1
2023-10
2023-11
2023-12
2024-01  █ 1
        └────┴
        0    5
        meetings: each █ = 1 meeting
"""

AID_80 = """\
Aid committed per year in USD: US$300 million in 1 counted commitment
█ financial

YEAR
2022  ██████████████████████████████ US$300 million
     └───────────────────┴───────────────────┴
     US$0                US$200 million      US$400 million
     amount: each █ = US$10 million, a part of one counts as one

Each commitment (package) counted once, at its latest figure, in the year it was
first stated, as in `readouts aid`; deliveries, mentions and stated running
totals are left out, and currencies are never added together.
"""


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ([], YEARS_80),
        (["--split", "kind"], KINDS_80),
        (["--by", "quarter", "--from", "2022", "--split", "level"], QUARTERS_80),
        (["--by", "month", "--from", "2022"], MONTHS_80),
        (["--aid"], AID_80),
    ],
)
def test_chart_at_80_columns(
    monkeypatch: pytest.MonkeyPatch, args: list[str], expected: str
) -> None:
    assert chart(monkeypatch, 80, *args) == expected


MEETING = """\
date = {date}
title = "A meeting"
kind = "{kind}"
"""


def busy_corpus(root: Path) -> Path:
    """150 meetings in January 2022 and one in May 2022: the chart has to scale and collapse."""
    for n in range(150):
        kind = "meeting" if n % 3 else "telephone-talk"
        write(
            root,
            f"meetings/2022/2022-01-{n % 28 + 1:02d}-m{n}.toml",
            MEETING.format(date=f"2022-01-{n % 28 + 1:02d}", kind=kind),
        )
    write(
        root,
        "meetings/2022/2022-05-02-late.toml",
        MEETING.format(date="2022-05-02", kind="meeting"),
    )
    return root


def test_large_counts_are_scaled_and_the_block_says_what_it_is_worth(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    out = chart(
        monkeypatch, 80, "--by", "month", "--split", "kind", data=busy_corpus(tmp_path / "d")
    )
    lines = out.splitlines()
    assert "each █ = 5 meetings, a part of one counts as one" in out
    january = next(line for line in lines if line.startswith("2022-01"))
    # 100 meetings at 5 a block, then 50 telephone talks at 5 a block, then the count.
    assert january == "2022-01  " + "█" * 20 + "▓" * 10 + " 150"
    assert "2022-05  █ 1" in lines
    # Three empty months are shown as rows, not collapsed.
    assert [line for line in lines if line[:7] in ("2022-02", "2022-03", "2022-04")] == [
        "2022-02",
        "2022-03",
        "2022-04",
    ]


def test_json_and_csv_are_the_numbers_behind_the_chart(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    result = run("--data", str(VIEWS), "timeline", "--split", "level", "-f", "json")
    assert result.code == 0 and result.err == ""
    rows = json.loads(result.out)
    assert rows[0] == {
        "period": "2015",
        "start": "2015-01-01",
        "end": "2015-12-31",
        "split": "level",
        "series": "summit",
        "meetings": 1,
    }
    assert sum(r["meetings"] for r in rows) == 6
    assert {r["period"] for r in rows if r["meetings"] == 0} >= {"2016", "2017", "2018"}
    table = list(
        csv.reader(
            io.StringIO(run("--data", str(VIEWS), "timeline", "--split", "level", "-f", "csv").out)
        )
    )
    assert table[0] == ["period", "start", "end", "split", "series", "meetings"]
    assert [[str(v) for v in r.values()] for r in rows] == table[1:]


def test_aid_json_sums_each_currency_apart(monkeypatch: pytest.MonkeyPatch) -> None:
    result = run("--data", str(REPO / "data"), "timeline", "--aid", "-f", "json")
    assert result.code == 0
    rows = json.loads(result.out)
    assert set(rows[0]) == {"currency", "year", "category", "amount"}
    usd = sum(r["amount"] for r in rows if r["currency"] == "USD")
    jpy = sum(r["amount"] for r in rows if r["currency"] == "JPY")
    # The same totals as `readouts aid --totals` (US$7,100,400,000, ¥172.3 billion).
    assert (usd, jpy) == (7_100_400_000, 172_300_000_000)


def test_no_match_is_said_on_stderr(monkeypatch: pytest.MonkeyPatch) -> None:
    result = run("--data", str(VIEWS), "timeline", "--from", "2025")
    assert (result.code, result.out, result.err) == (0, "", "no meetings match\n")
    result = run("--data", str(VIEWS), "timeline", "--from", "2025", "-f", "json")
    assert (result.code, result.out) == (0, "[]\n")


def test_the_shipped_corpus_shows_the_invasion(monkeypatch: pytest.MonkeyPatch) -> None:
    out = chart(monkeypatch, 80, "--by", "quarter", "--from", "2021", data=REPO / "data")
    lines = {line[:7]: line for line in out.splitlines()}
    assert lines["2021-Q4"] == "2021-Q4"
    assert lines["2022-Q1"].endswith(" 8") and lines["2022-Q2"].endswith(" 8")


CHARTS = [
    [],
    ["--split", "level"],
    ["--split", "kind", "--by", "month"],
    ["--by", "quarter", "--split", "kind"],
    ["--aid"],
]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(width=st.integers(60, 200), args=st.sampled_from(CHARTS))
def test_no_chart_line_is_wider_than_the_width(
    monkeypatch: pytest.MonkeyPatch, width: int, args: list[str]
) -> None:
    for data in (VIEWS, REPO / "data"):
        for line in chart(monkeypatch, width, *args, data=data).splitlines():
            assert cell_len(line) <= width, line
            assert line == line.rstrip()
