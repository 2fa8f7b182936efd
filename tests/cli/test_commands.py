"""list, show and search on a small fixture corpus: whole tables at 120 columns, JSON parsed."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import CORPUS, REPO, lines, run, write
from readouts_cli import __version__


def data(*args: str) -> list[str]:
    result = run("--data", str(CORPUS), *args)
    assert result.code == 0, result.err
    assert result.err == ""
    return lines(result.out)


LIST_ALL = """\
ID                             LOCAL  JST        KIND            WITH                 TITLE
2015-03-02-abe-klimkin         14:55  14:55      courtesy-call   Abe, Pavlo Klimkin   Courtesy call on Prime Minister…
2022-04-26-kishida-zelenskyy   19:35  19:35      telephone-talk  Kishida, Zelenskyy   Japan-Ukraine summit telephone…
2023-09-20-kamikawa-kuleba     18:05  07:05 +1d  meeting         Kamikawa, Kuleba     Japan-Ukraine Foreign Ministers’…
2024-01-07-kamikawa-zelenskyy  15:10  22:10      courtesy-call   Kamikawa, Zelenskyy  Foreign Minister Kamikawa's…
"""


def test_list_is_a_chronological_table() -> None:
    assert data("list") == LIST_ALL.splitlines()


@pytest.mark.parametrize(
    ("args", "ids"),
    [
        (["--from", "2023"], ["2023-09-20-kamikawa-kuleba", "2024-01-07-kamikawa-zelenskyy"]),
        (["--to", "2022-04"], ["2015-03-02-abe-klimkin", "2022-04-26-kishida-zelenskyy"]),
        (["--from", "2022-04-27", "--to", "2023-12-31"], ["2023-09-20-kamikawa-kuleba"]),
        (["--on", "2024-01-07"], ["2024-01-07-kamikawa-zelenskyy"]),
        (
            ["--person", "ZELENSKYY"],
            ["2022-04-26-kishida-zelenskyy", "2024-01-07-kamikawa-zelenskyy"],
        ),
        (["--person", "shinzo"], ["2015-03-02-abe-klimkin"]),
        (
            ["--country", "ua", "--kind", "courtesy-call"],
            ["2015-03-02-abe-klimkin", "2024-01-07-kamikawa-zelenskyy"],
        ),
        (
            ["--tag", "peace formula"],
            ["2023-09-20-kamikawa-kuleba", "2024-01-07-kamikawa-zelenskyy"],
        ),
        (["-n", "2"], ["2023-09-20-kamikawa-kuleba", "2024-01-07-kamikawa-zelenskyy"]),
        (["--country", "FR"], []),
    ],
)
def test_list_filters(args: list[str], ids: list[str]) -> None:
    result = run("--data", str(CORPUS), "list", "--format", "json", *args)
    assert result.code == 0
    assert [r["id"] for r in json.loads(result.out)] == ids


def test_list_no_match_says_so_on_stderr_and_exits_0() -> None:
    result = run("--data", str(CORPUS), "list", "--country", "FR")
    assert (result.code, result.out, result.err) == (0, "", "no meetings match\n")


def test_list_json_carries_the_record_fields_id_and_japan_time() -> None:
    result = run("--data", str(CORPUS), "list", "--format", "json", "--on", "2023-09-20")
    [record] = json.loads(result.out)
    assert record == {
        "id": "2023-09-20-kamikawa-kuleba",
        "date": "2023-09-20",
        "title": "Japan-Ukraine Foreign Ministers’ Meeting",
        "kind": "meeting",
        "level": "ministerial",
        "place": "New York, United States",
        "time": "18:05",
        "timezone": "America/New_York",
        "duration_minutes": 25,
        "source": None,
        "see_also": [],
        "publisher": None,
        "tags": ["Peace Formula"],
        "summary": None,
        "points": [
            "First meeting since Kamikawa took office.",
            "Kuleba asked for help to promote the peace formula in the Indo-Pacific.",
        ],
        "participants": [
            {"name": "Kamikawa Yoko", "title": "Minister for Foreign Affairs", "country": "JP"},
            {"name": "Dmytro Kuleba", "title": "Minister for Foreign Affairs", "country": "UA"},
        ],
        "condolences": [],
        "aid": [],
        "accounts": [],
        "jst": "2023-09-21T07:05:00+09:00",
    }


def test_list_csv() -> None:
    assert data("list", "--format", "csv", "--from", "2023") == [
        "id,date,time,timezone,jst,duration_minutes,kind,level,place,participants,title,source,"
        "see_also,publisher,tags,summary,accounts",
        "2023-09-20-kamikawa-kuleba,2023-09-20,18:05,America/New_York,2023-09-21T07:05:00+09:00,"
        '25,meeting,ministerial,"New York, United States",Kamikawa Yoko (JP); Dmytro Kuleba (UA),'
        "Japan-Ukraine Foreign Ministers’ Meeting,,,,Peace Formula,,1",
        "2024-01-07-kamikawa-zelenskyy,2024-01-07,15:10,Europe/Kyiv,2024-01-07T22:10:00+09:00,"
        '60,courtesy-call,ministerial,"Kyiv, Ukraine",Kamikawa Yoko (JP); Volodymyr Zelenskyy (UA),'
        "Foreign Minister Kamikawa's courtesy call on President Zelenskyy,"
        "https://www.mofa.go.jp/erp/c_see/ua/pageite_000001_00136.html,,MOFA Japan,"
        "Peace Formula; nuclear safety; winterization,"
        "Kamikawa called on Zelenskyy in Kyiv after visiting Bucha.,1",
    ]


SHOW_DAY = """\
Foreign Minister Kamikawa's courtesy call on President Zelenskyy
id         2024-01-07-kamikawa-zelenskyy
date       2024-01-07
time       15:10 Europe/Kyiv · 22:10 JST
duration   1 h
place      Kyiv, Ukraine
kind       courtesy-call (ministerial)
source     https://www.mofa.go.jp/erp/c_see/ua/pageite_000001_00136.html
publisher  MOFA Japan
tags       Peace Formula, nuclear safety, winterization

Kamikawa called on Zelenskyy in Kyiv after visiting Bucha.

Participants
• Kamikawa Yoko, Minister for Foreign Affairs (JP)
• Volodymyr Zelenskyy, President (UA)

Points
1. Zelenskyy offered sympathy over the Noto Peninsula earthquake and thanked Japan.
2. Kamikawa condemned the New Year strikes and offered condolences to the victims.
3. Japan will co-chair the Peace Formula working group on nuclear safety.
4. Kamikawa outlined Japan's aid; Zelenskyy thanked her.

Condolences
§1 Volodymyr Zelenskyy → JP: damage from the 2024 Noto Peninsula earthquake
§2 Kamikawa Yoko → victims of the New Year attacks: Russian missile and drone attacks over the New
   Year

Aid
§4 JP → UA: contribution to the NATO CAP Trust Fund; military, mentioned; via NATO CAP Trust Fund
§4 JP → UA: large power equipment for winterization; energy, mentioned
"""


def test_show_a_day_in_full() -> None:
    assert data("show", "2024-01-07") == SHOW_DAY.splitlines()


def test_show_by_id_prefix_and_midnight_crossing() -> None:
    out = data("show", "2023-09-20-kam")
    assert out[0] == "Japan-Ukraine Foreign Ministers’ Meeting"
    assert "time       18:05 America/New_York · 2023-09-21 07:05 JST" in out


def test_show_amount_is_readable() -> None:
    assert (
        "§1 JP → UA: financial assistance, raised to US$300 million; US$300 million; financial, pledged"
        in data("show", "2022-04-26")
    )


@pytest.mark.parametrize(
    ("key", "err"),
    [
        (
            "2024-01-08",
            "error: no meetings on 2024-01-08\nhint: nearest dates with meetings: 2024-01-07\n",
        ),
        (
            "2020-01-01",
            "error: no meetings on 2020-01-01\nhint: nearest dates with meetings: 2015-03-02, 2022-04-26\n",
        ),
        ("2024-02-30", "error: '2024-02-30' is not a real date\n"),
        (
            "20",
            "error: '20' matches 4 meetings: 2015-03-02-abe-klimkin, 2022-04-26-kishida-zelenskyy, "
            "2023-09-20-kamikawa-kuleba, 2024-01-07-kamikawa-zelenskyy\nhint: give more of the id\n",
        ),
    ],
)
def test_show_not_found_exits_1_naming_nearest(key: str, err: str) -> None:
    result = run("--data", str(CORPUS), "show", key)
    assert (result.code, result.out, result.err) == (1, "", err)


def test_show_json_and_csv() -> None:
    result = run("--data", str(CORPUS), "show", "2024-01-07", "--format", "json")
    [record] = json.loads(result.out)
    assert record["id"] == "2024-01-07-kamikawa-zelenskyy"
    assert record["jst"] == "2024-01-07T22:10:00+09:00"
    assert [c["point"] for c in record["condolences"]] == [1, 2]
    rows = data("show", "2015-03-02", "--format", "csv")
    assert rows == [
        "id,date,section,n,text,account",
        "2015-03-02-abe-klimkin,2015-03-02,title,,Courtesy call on Prime Minister Abe by Foreign Minister Klimkin,1",
        '2015-03-02-abe-klimkin,2015-03-02,participant,1,"Abe Shinzō, Prime Minister (JP)",1',
        '2015-03-02-abe-klimkin,2015-03-02,participant,2,"Pavlo Klimkin, Minister for Foreign Affairs (UA)",1',
        "2015-03-02-abe-klimkin,2015-03-02,point,1,Klimkin reported on the ceasefire under the Minsk agreements.,1",
    ]


SEARCH = """\
2023-09-20-kamikawa-kuleba  Japan-Ukraine Foreign Ministers’ Meeting
  tags  Peace Formula
  §2    Kuleba asked for help to promote the peace formula in the Indo-Pacific.

2024-01-07-kamikawa-zelenskyy  Foreign Minister Kamikawa's courtesy call on President Zelenskyy
  tags  Peace Formula, nuclear safety, winterization
  §3    Japan will co-chair the Peace Formula working group on nuclear safety.
"""


def test_search_groups_hits_by_meeting_and_counts_them_on_stderr() -> None:
    result = run("--data", str(CORPUS), "search", "Peace Formula")
    assert (result.code, result.out, result.err) == (0, SEARCH, "4 hits in 2 meetings\n")


def hits(*args: str) -> list[tuple[str, str]]:
    result = run("--data", str(CORPUS), "search", "--format", "json", *args)
    assert result.code == 0, result.err
    return [(h["id"], h["where"]) for h in json.loads(result.out)]


def test_search_ignores_case_accents_and_quote_style() -> None:
    assert hits("ministers' meeting") == [("2023-09-20-kamikawa-kuleba", "title")]
    assert hits("ABE SHINZO") == [("2015-03-02-abe-klimkin", "participants")]
    assert hits("Kyïv") == [
        ("2024-01-07-kamikawa-zelenskyy", "summary"),
        ("2024-01-07-kamikawa-zelenskyy", "place"),
    ]


def test_search_all_phrases_by_default_any_on_request() -> None:
    assert hits("Minsk", "Noto") == []
    assert hits("--any", "Minsk", "Noto") == [
        ("2015-03-02-abe-klimkin", "§1"),
        ("2024-01-07-kamikawa-zelenskyy", "§1"),
        ("2024-01-07-kamikawa-zelenskyy", "condolences"),
    ]


def test_search_matches_at_word_starts_and_in_aid() -> None:
    assert hits("winteriz") == [
        ("2024-01-07-kamikawa-zelenskyy", "tags"),
        ("2024-01-07-kamikawa-zelenskyy", "aid"),
    ]
    assert hits("inter") == []  # not inside "winterization"
    assert hits("US$300 million") == [("2022-04-26-kishida-zelenskyy", "aid")]


def test_search_json_cites_and_locates_matches() -> None:
    result = run("--data", str(CORPUS), "search", "--format", "json", "co-chair")
    [hit] = json.loads(result.out)
    assert hit["cite"] == "2024-01-07-kamikawa-zelenskyy §3"
    assert hit["point"] == 3
    start, end = hit["matches"][0]
    assert hit["text"][start:end] == "co-chair"


@pytest.mark.parametrize("query", ['"', "(", "AND", "*", "NEAR(", "'; DROP TABLE", "\\", "[/]"])
def test_search_has_no_syntax_to_get_wrong(query: str) -> None:
    result = run("--data", str(CORPUS), "search", query)
    assert result.code == 0
    assert re.fullmatch(r"no matches\n|\d+ hits? in \d+ meetings?\n", result.err)


def test_search_needs_a_phrase_and_takes_filters() -> None:
    result = run("--data", str(CORPUS), "search", "  ")
    assert (result.code, result.out) == (2, "")
    assert result.err.splitlines()[-1] == "Error: Invalid value for 'PHRASE...': it is empty"
    assert hits("Peace Formula", "--from", "2024") == [
        ("2024-01-07-kamikawa-zelenskyy", "tags"),
        ("2024-01-07-kamikawa-zelenskyy", "§3"),
    ]
    assert hits("Peace Formula", "-n", "1") == hits("Peace Formula", "--from", "2024")


MARKUP = """\
date = 2024-03-01
title = "[bold red]Loud[/] title"
kind = "meeting"
summary = "Click [link=https://evil.example]here[/link] \\u001b[2J\\u001b[31mred\\u001b]8;;http://x\\u0007"
points = ["A point with [bold]markup[/bold] and \\u001b[5mblink."]

[[participants]]
name = "[reverse]Someone[/]"
"""


@pytest.mark.parametrize("colour", [False, True])
def test_record_text_is_shown_literally(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, colour: bool
) -> None:
    if colour:
        monkeypatch.setenv("FORCE_COLOR", "1")
    root = tmp_path / "markup"
    write(root, "meetings/2024/2024-03-01-markup.toml", MARKUP)
    shown = run("--data", str(root), "show", "2024-03-01").out
    found = run("--data", str(root), "search", "markup").out
    for out in (shown, found):
        for raw in ("\x1b[2J", "\x1b[31m", "\x1b]8;;", "\x1b[5m", "\x07"):
            assert raw not in out
    assert "[bold red]Loud[/] title" in shown
    assert (
        "Click [link=https://evil.example]here[/link] \\x1b[2J\\x1b[31mred\\x1b]8;;http://x\\x07"
        in shown
    )
    assert "[reverse]Someone[/]" in shown
    assert "A point with [bold]" in found
    assert "[/bold] and" in found
    assert "\\x1b[5mblink." in found
    if colour:
        assert (
            "\x1b[1m" in shown
        )  # the title's own bold: colour is on, yet the record's codes are not


def test_no_colour_when_no_color_is_set(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("NO_COLOR", "1")
    out = run("--data", str(CORPUS), "search", "Minsk").out
    assert "\x1b[3" not in out  # no colour codes (bold may remain, as NO_COLOR allows)


def test_version_and_python_m() -> None:
    assert run("--version").out == f"readouts {__version__}\n"
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    for args in (["--version"], ["--data", str(CORPUS), "list", "-n", "1", "--format", "csv"]):
        done = subprocess.run(
            [sys.executable, "-m", "readouts_cli", *args],
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        assert done.stdout.splitlines()[-1].startswith(
            "readouts " if args == ["--version"] else "2024-01-07-kamikawa-zelenskyy,"
        )


def test_every_shipped_record_loads_and_every_participant_is_registered() -> None:
    result = run("--data", str(REPO / "data"), "check", "--strict")
    assert (result.code, result.err) == (0, ""), result.err
    assert result.out.startswith("checked ")
    records = json.loads(run("--data", str(REPO / "data"), "list", "--format", "json").out)
    assert len(records) >= 40
    years = {r["date"][:4] for r in records}
    assert {"2014", "2022", "2023", "2024", "2025"} <= years


def test_the_founding_record_is_complete() -> None:
    result = run(
        "--data", str(REPO / "data"), "show", "2024-01-07-kamikawa-zelenskyy", "-f", "json"
    )
    [record] = json.loads(result.out)
    assert len(record["points"]) == 4
    assert [(c["by"], c["point"]) for c in record["condolences"]] == [
        ("Volodymyr Zelenskyy", 1),
        ("Kamikawa Yoko", 2),
    ]
    assert [a["channel"] for a in record["aid"]] == ["NATO CAP Trust Fund", None]
    assert "Peace Formula" in record["tags"]
    assert record["jst"] == "2024-01-07T22:10:00+09:00"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["list", "-c", "XX"], "'XX' is not an ISO 3166-1 alpha-2 country code"),
        (["aid", "--country", "ukraine"], "'ukraine' is not an ISO 3166-1 alpha-2 country code"),
        (["list", "-p", " "], "give a name, such as Zelenskyy"),
        (["show", ""], "it is empty"),
        (["person", ""], "it is empty"),
    ],
)
def test_options_that_could_only_match_nothing_or_everything_are_usage_errors(
    args: list[str], message: str
) -> None:
    result = run("--data", str(CORPUS), *args)
    assert (result.code, result.out) == (2, "")
    assert message in result.err


def test_country_codes_are_case_insensitive() -> None:
    upper = run("--data", str(CORPUS), "list", "-c", "UA", "--format", "json")
    lower = run("--data", str(CORPUS), "list", "-c", "ua", "--format", "json")
    assert upper.code == 0 and json.loads(upper.out)
    assert lower.out == upper.out


def test_control_characters_reach_json_only_as_escapes(tmp_path: Path) -> None:
    root = tmp_path / "c1"
    title = "8-bit CSI \u009b2J, bidi \u202eevil\u202c, escape \x1b[31m"
    write(
        root,
        "meetings/2024/2024-03-01-c1.toml",
        MARKUP.replace('"[bold red]Loud[/] title"', json.dumps(title)),
    )
    for args in (["list"], ["show", "2024-03-01"], ["search", "bidi"]):
        out = run("--data", str(root), *args, "--format", "json").out
        assert not any(c in out for c in "\u009b\u202e\u202c\x1b"), args
        assert "\\u009b2J" in out
        document = json.loads(out)
        first = document[0] if isinstance(document, list) else document
        assert first.get("title", first.get("meeting_title")) == title, args


def test_search_highlights_the_match_even_after_control_characters() -> None:
    from readouts_cli.cli.output import highlighted

    cell = highlighted("a\x1b[31m bold word", [(7, 11), (7, 9)], "reverse")
    assert cell.plain == "a\\x1b[31m bold word"
    assert "".join(cell.plain[s.start : s.end] for s in cell.spans) == "bold"


def test_a_phrase_in_double_quotes_is_the_phrase() -> None:
    plain = hits("Peace Formula")
    assert plain
    assert hits('"Peace Formula"') == plain
    assert hits("\u201cPeace Formula\u201d") == plain


def test_an_empty_tag_is_a_usage_error() -> None:
    result = run("--data", str(CORPUS), "list", "-t", "")
    assert (result.code, result.out) == (2, "")
    assert "it is empty" in result.err
