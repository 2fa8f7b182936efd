"""Bad input gets one readable line per problem: FILE:LINE: field: message, exit 1, no traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import CORPUS, FIXTURES, GOOD, corpus_with, run, write


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            GOOD.replace('kind = "meeting"', 'kind = "meeting'),
            "3: TOML syntax error: Illegal character '\\n' (column 16)\n"
            "hint: a string is not closed on this line",
        ),
        (
            GOOD.replace('kind = "meeting"\n', 'kind = "meeting"\ndurration_minutes = 60\n'),
            "4: durration_minutes: unknown key\nhint: did you mean `duration_minutes`?",
        ),
        (
            GOOD.replace('kind = "meeting"\n', 'kind = "meeting"\nduration_minutes = "60"\n'),
            "4: duration_minutes: must be a whole number\n"
            "hint: write a whole number without quotes: duration_minutes = 60",
        ),
        (
            GOOD.replace("date = 2024-01-07", "date = 2024-02-30"),
            "1: TOML syntax error: Invalid date or datetime (column 8)\n"
            "hint: dates are written YYYY-MM-DD and must exist in the calendar",
        ),
        (
            GOOD.replace('timezone = "Europe/Kyiv"\n', ""),
            '4: time: `time` needs a `timezone`\nhint: add e.g. timezone = "Asia/Tokyo"',
        ),
        (
            GOOD.replace('"Europe/Kyiv"', '"Europe/Kiev2"'),
            "5: timezone: 'Europe/Kiev2' is not an IANA time zone (e.g. 'Europe/Kyiv')",
        ),
        (
            GOOD + '\n[[condolences]]\nby = "JP"\nto = "UA"\nabout = "the strikes"\npoint = 3\n',
            "16: condolences[0].point: point 3 does not exist; the record has 2 points",
        ),
        (
            GOOD + '\n[[participants]]\nname = "Dmytro Kuleba"\ncountry = "ua"\n',
            "14: participants[1].country: 'ua' is not an ISO 3166-1 alpha-2 country code "
            "(codes are upper case)",
        ),
        (
            GOOD.replace('title = "A meeting"\n', ""),
            "1: title: required key is missing",
        ),
        (
            GOOD + '\n[[aid]]\ndonor = "JP"\nwhat = "loans"\ncategory = "financial"\n'
            'status = "pledged"\namount = 100\n',
            '17: aid[0].amount: `amount` needs a `currency`\nhint: add e.g. currency = "USD"',
        ),
    ],
    ids=[
        "syntax",
        "unknown-key",
        "wrong-type",
        "impossible-date",
        "missing-timezone",
        "unknown-timezone",
        "bad-point",
        "bad-country",
        "missing-title",
        "amount-without-currency",
    ],
)
def test_each_bad_record_is_one_located_line(tmp_path: Path, text: str, expected: str) -> None:
    root = corpus_with(tmp_path, text)
    path = root / "meetings/2024/2024-01-07-a-b.toml"
    for command in (["check"], ["list"], ["show", "2024-01-07"], ["search", "one"]):
        result = run("--data", str(root), *command)
        assert result.code == 1
        assert result.out == ""
        first, *rest = expected.split("\n")
        lines = result.err.splitlines()
        assert lines[0] == f"error: {path}:{first}"
        assert lines[1 : 1 + len(rest)] == rest
        assert "Traceback" not in result.err


def test_check_reports_every_problem_and_counts_them(tmp_path: Path) -> None:
    root = tmp_path / "bad"
    write(root, "meetings/2024/2024-01-07-a-b.toml", GOOD.replace("kind = ", "knd = "))
    write(
        root,
        "meetings/2024/2024-01-08-c-d.toml",
        GOOD.replace("2024-01-07", "2024-01-08") + "x = 1\n",
    )
    # A key after [[participants]] belongs to that table, as TOML reads it.
    write(root, "meetings/2024/2024-01-09-e-f.toml", GOOD.replace("2024-01-07", "2024-01-09"))
    result = run("--data", str(root), "check")
    assert result.code == 1
    assert result.out == ""
    a = root / "meetings/2024/2024-01-07-a-b.toml"
    c = root / "meetings/2024/2024-01-08-c-d.toml"
    assert result.err.splitlines() == [
        f"error: {a}:1: kind: required key is missing",
        f"error: {a}:3: knd: unknown key",
        "hint: did you mean `kind`?",
        f"error: {c}:11: participants[0].x: unknown key",
        "hint: known keys: name, title, country",
        "3 problem(s) in 2 file(s)",
    ]


def test_duplicate_ids_name_both_files(tmp_path: Path) -> None:
    root = tmp_path / "dup"
    first = write(root, "meetings/2023/2024-01-07-a-b.toml", GOOD)
    second = write(root, "meetings/2024/2024-01-07-a-b.toml", GOOD)
    result = run("--data", str(root), "check")
    assert result.code == 1
    assert result.err.splitlines()[:2] == [
        f"error: {second}:1: duplicate id '2024-01-07-a-b': also in {first}",
        "hint: ids are file names and must be unique across years",
    ]


def test_file_name_must_start_with_the_date(tmp_path: Path) -> None:
    root = corpus_with(tmp_path, GOOD, name="2024-01-08-a-b")
    result = run("--data", str(root), "check")
    assert result.code == 1
    path = root / "meetings/2024/2024-01-08-a-b.toml"
    assert result.err.splitlines()[:2] == [
        f"error: {path}:1: date: file name starts with 2024-01-08 but the meeting is on 2024-01-07",
        "hint: rename the file or correct `date`",
    ]


def test_skip_invalid_keeps_the_good_records_and_warns(tmp_path: Path) -> None:
    root = tmp_path / "mixed"
    write(root, "meetings/2024/2024-01-07-a-b.toml", GOOD)
    bad = write(root, "meetings/2024/2024-01-08-c-d.toml", "date = 2024-01-08\n")
    result = run("--data", str(root), "--skip-invalid", "list", "--format", "csv")
    assert result.code == 0
    assert result.out.splitlines()[1].startswith("2024-01-07-a-b,2024-01-07,15:10,")
    assert result.err.splitlines() == [
        f"warning: {bad}:1: title: required key is missing",
        f"warning: {bad}:1: kind: required key is missing",
        "warning: skipped 2 problem(s); the output leaves those files out",
    ]


def test_missing_data_folder(tmp_path: Path) -> None:
    result = run("--data", str(tmp_path / "nowhere"), "list")
    assert result.code == 1
    assert result.out == ""
    assert result.err.splitlines() == [
        f"error: {tmp_path / 'nowhere'}: no such data folder",
        "hint: pass --data DIR or set READOUTS_DATA to a folder holding meetings/",
    ]


def test_not_utf8(tmp_path: Path) -> None:
    root = tmp_path / "enc"
    path = root / "meetings/2024/2024-01-07-a-b.toml"
    path.parent.mkdir(parents=True)
    path.write_bytes(GOOD.encode("utf-8").replace(b"A meeting", b"A m\xe9eting"))
    result = run("--data", str(root), "check")
    assert result.code == 1
    assert result.err.splitlines()[0] == f"error: {path}:2: not UTF-8 text (byte 13 of the line)"


def test_bad_filter_value_is_a_usage_error() -> None:
    result = run("--data", str(CORPUS), "list", "--from", "2024-13")
    assert result.code == 2
    assert result.out == ""
    assert "'2024-13' is not a real date" in result.err


def test_show_of_a_skipped_record_says_it_was_skipped(tmp_path: Path) -> None:
    root = tmp_path / "mixed"
    write(root, "meetings/2024/2024-01-07-a-b.toml", GOOD)
    bad = write(root, "meetings/2024/2024-01-08-c-d.toml", "date = 2024-01-08\n")
    result = run("--data", str(root), "--skip-invalid", "show", "2024-01-08-c")
    assert (result.code, result.out) == (1, "")
    assert result.err.splitlines()[-2:] == [
        f"error: '2024-01-08-c' is in a file that was skipped for its problems: {bad}",
        "hint: `readouts check` lists them; correct the file to see the meeting",
    ]


def test_a_broken_people_toml_does_not_stop_the_timeline(tmp_path: Path) -> None:
    """list and show of a period do not need people.toml (README): they go on without it,
    and check reports it."""
    import shutil

    root = tmp_path / "data"
    shutil.copytree(FIXTURES / "views", root)
    with (root / "people.toml").open("a", encoding="utf-8") as handle:
        handle.write("[broken\n")
    for args in (["list"], ["show", "2024"]):
        result = run("--data", str(root), *args)
        assert result.code == 0, (args, result.err)
        assert result.err == "" and "2024-01-07-kamikawa-zelenskyy" in result.out
    assert run("--data", str(root), "check").code == 1
