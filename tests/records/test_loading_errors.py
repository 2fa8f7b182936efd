"""Loading records: each bad input is reported at its own line with its field and a hint, and
what is only unusual (a byte order mark) loads."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run, write
from readouts_cli import index, tomlio
from readouts_cli.corpus import meeting_files

HEAD = """\
date = 2024-01-07
title = "A meeting"
kind = "meeting"
points = ["One.", "Two."]
"""
PARTICIPANT = '\n[[participants]]\nname = "Kamikawa Yoko"\ncountry = "JP"\n'
NAME = "meetings/2024/2024-01-07-a-b.toml"
KNOWN_KEYS = (
    "hint: known keys: date, title, kind, level, place, time, timezone, duration_minutes, "
    "source, see_also, publisher, tags, summary, points, participants, condolences, aid, "
    "accounts"
)


def aid(**fields: str | int) -> str:
    item = {
        "donor": '"JP"',
        "what": '"loans"',
        "category": '"financial"',
        "status": '"pledged"',
        **{k: v if isinstance(v, int) else f'"{v}"' for k, v in fields.items()},
    }
    return "\n[[aid]]\n" + "".join(f"{k} = {v}\n" for k, v in item.items())


def problems(root: Path, *command: str) -> list[str]:
    """stderr of a command that must fail on bad data: exit 1, stdout clean, no traceback."""
    result = run("--data", str(root), *command)
    assert (result.code, result.out) == (1, "")
    assert "Traceback" not in result.err
    return result.err.splitlines()


def every_way(root: Path) -> list[str]:
    """The problems `check` reports, the same from the index and from the files."""
    lines = problems(root, "check")
    assert problems(root, "--no-cache", "check") == lines
    assert problems(root, "list")[: len(lines) - 1] == lines[:-1]
    return lines


# -- 1: dotted keys --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            HEAD + "foo.bar = 1\n",
            ["5: foo: unknown key", KNOWN_KEYS],
        ),
        (
            HEAD + 'participants.0.nmae = "x"\n',
            [
                "5: participants: must be a list",
                "hint: write each item as a [[participants]] table",
            ],
        ),
        (
            HEAD + PARTICIPANT + 'nmae.first = "Yoko"\n',
            ["9: participants[0].nmae: unknown key", "hint: did you mean `name`?"],
        ),
    ],
    ids=["top-level", "participants-as-dotted-table", "inside-a-table"],
)
def test_an_unknown_dotted_key_is_reported_at_its_own_line(
    tmp_path: Path, text: str, expected: list[str]
) -> None:
    path = write(tmp_path / "d", NAME, text)
    lines = every_way(tmp_path / "d")
    assert lines == [f"error: {path}:{expected[0]}", *expected[1:], "1 problem(s) in 1 file(s)"]


def test_key_lines_place_every_part_of_a_dotted_key() -> None:
    lines = tomlio.key_lines("a = 1\nfoo.bar.baz = 2\n[x.y]\nz.w = 3\n")
    assert lines[("foo",)] == lines[("foo", "bar")] == lines[("foo", "bar", "baz")] == 2
    assert lines[("x",)] == lines[("x", "y")] == 3
    assert lines[("x", "y", "z")] == lines[("x", "y", "z", "w")] == 4


# -- 2: syntax errors at the end of the file ---------------------------------------------------

END_HINT = (
    "hint: the file ends too early: look above for an unclosed string, `[` or `{`, "
    "or a key without a value"
)


@pytest.mark.parametrize(
    ("tail", "expected"),
    [
        ('tags = ["a",\n  "b",\n', "6: TOML syntax error: Invalid value (at end of file)"),
        (
            'summary = """Began\nand never ended.\n',
            "6: TOML syntax error: Unterminated string (at end of file)",
        ),
        # Blank lines after it: the last line that holds something is where to look.
        ('summary = """Began\n\n\n', "5: TOML syntax error: Unterminated string (at end of file)"),
        ("title2 =", "5: TOML syntax error: Invalid value (at end of file)"),
    ],
    ids=["unclosed-bracket", "unclosed-triple-quote", "trailing-blank-lines", "no-value"],
)
def test_a_file_that_ends_too_early_is_reported_at_its_last_line(
    tmp_path: Path, tail: str, expected: str
) -> None:
    path = write(tmp_path / "d", NAME, HEAD + tail)
    assert every_way(tmp_path / "d") == [
        f"error: {path}:{expected}",
        END_HINT,
        "1 problem(s) in 1 file(s)",
    ]


# -- 3: byte order mark ------------------------------------------------------------------------


def test_a_record_and_registry_with_a_byte_order_mark_load(tmp_path: Path) -> None:
    root = tmp_path / "d"
    path = root / NAME
    path.parent.mkdir(parents=True)
    path.write_bytes(b"\xef\xbb\xbf" + (HEAD + PARTICIPANT).encode("utf-8"))
    (root / "people.toml").write_bytes(
        b'\xef\xbb\xbf[kamikawa-yoko]\nname = "Kamikawa Yoko"\ncountry = "JP"\n'
    )
    for cache in ([], ["--no-cache"]):
        result = run("--data", str(root), *cache, "check")
        assert (result.code, result.out, result.err) == (
            0,
            "checked 1 records and 1 people: no problems\n",
            "",
        )
        result = run("--data", str(root), *cache, "list", "--format", "csv")
        assert (result.code, result.err) == (0, "")
        assert result.out.splitlines()[1].startswith("2024-01-07-a-b,2024-01-07,")


# -- 4: time zones -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("zone", "hint"),
    [
        ("localtime", None),
        ("Factory", None),
        ("posix/Asia/Tokyo", "did you mean 'Asia/Tokyo'?"),
        ("/usr/share/zoneinfo/Europe/Kyiv", "did you mean 'Europe/Kyiv'?"),
        ("europe/kyiv", "did you mean 'Europe/Kyiv'?"),
    ],
)
def test_a_time_zone_must_be_an_iana_key(tmp_path: Path, zone: str, hint: str | None) -> None:
    path = write(tmp_path / "d", NAME, HEAD + f'time = 10:00:00\ntimezone = "{zone}"\n')
    assert every_way(tmp_path / "d") == [
        f"error: {path}:6: timezone: '{zone}' is not an IANA time zone (e.g. 'Europe/Kyiv')",
        *([f"hint: {hint}"] if hint else []),
        "1 problem(s) in 1 file(s)",
    ]


@pytest.mark.parametrize("zone", ["UTC", "Etc/UTC", "Etc/GMT-3", "Asia/Tokyo", "Europe/Kyiv"])
def test_iana_keys_stay_valid(tmp_path: Path, zone: str) -> None:
    write(tmp_path / "d", NAME, HEAD + f'time = 10:00:00\ntimezone = "{zone}"\n')
    result = run("--data", str(tmp_path / "d"), "check")
    assert (result.code, result.out, result.err) == (0, "checked 1 records: no problems\n", "")


# -- 5: codes in lower case --------------------------------------------------------------------


def test_codes_in_lower_case_are_refused_with_the_upper_case_form(tmp_path: Path) -> None:
    text = (
        HEAD
        + '\n[[participants]]\nname = "Dmytro Kuleba"\ncountry = "ua"\n'
        + '\n[[condolences]]\nby = "jp"\nto = "ua"\nabout = "the strikes"\n'
        + aid(donor="jp", recipient="ua", amount=100, currency="usd")
    )
    path = write(tmp_path / "d", NAME, text)
    lowercase = "is a country code in lower case (codes are upper case)"
    assert every_way(tmp_path / "d") == [
        f"error: {path}:8: participants[0].country: 'ua' is not an ISO 3166-1 alpha-2 country "
        "code (codes are upper case)",
        "hint: write UA",
        f"error: {path}:11: condolences[0].by: 'jp' {lowercase}",
        "hint: write JP",
        f"error: {path}:12: condolences[0].to: 'ua' {lowercase}",
        "hint: write UA",
        f"error: {path}:16: aid[0].donor: 'jp' {lowercase}",
        "hint: write JP",
        f"error: {path}:20: aid[0].recipient: 'ua' {lowercase}",
        "hint: write UA",
        f"error: {path}:22: aid[0].currency: 'usd' is not an ISO 4217 currency code "
        "(codes are upper case)",
        "hint: write USD",
        "6 problem(s) in 1 file(s)",
    ]


def test_short_names_and_groups_are_still_parties(tmp_path: Path) -> None:
    # "Li" and "Xi" are surnames (LI is a country code, but not in lower case); "un" is no code.
    text = (
        HEAD
        + '\n[[condolences]]\nby = "Li"\nto = "victims"\nabout = "the strikes"\n'
        + aid(donor="Xi", recipient="un")
    )
    write(tmp_path / "d", NAME, text)
    result = run("--data", str(tmp_path / "d"), "check")
    assert (result.code, result.out, result.err) == (0, "checked 1 records: no problems\n", "")


# -- 6: the rules across fields are checked beside field errors ----------------------------------


def test_check_reports_rules_across_fields_beside_field_errors(tmp_path: Path) -> None:
    text = (
        HEAD.replace('kind = "meeting"', 'knd = "meeting"')
        + 'time = 10:00:00\ntags = ["G7", "G7"]\n'
        + aid(category="loans", amount=100, point=3)
    )
    path = write(tmp_path / "d", "meetings/2024/2024-01-08-a-b.toml", text)
    assert every_way(tmp_path / "d") == [
        f"error: {path}:1: kind: required key is missing",
        f"error: {path}:11: aid[0].category: 'loans' is not one of: humanitarian, financial, "
        "energy, military, reconstruction, demining, other",
        f"error: {path}:3: knd: unknown key",
        "hint: did you mean `kind`?",
        f"error: {path}:5: time: `time` needs a `timezone`",
        'hint: add e.g. timezone = "Asia/Tokyo"',
        f"error: {path}:14: aid[0].point: point 3 does not exist; the record has 2 points",
        f"error: {path}:13: aid[0].amount: `amount` needs a `currency`",
        'hint: add e.g. currency = "USD"',
        f"error: {path}:6: tags[1]: tag 'G7' is listed twice",
        f"error: {path}:1: date: file name starts with 2024-01-08 but the meeting is on 2024-01-07",
        "hint: rename the file or correct `date`",
        "8 problem(s) in 1 file(s)",
    ]


def test_a_value_of_the_wrong_type_is_reported_once(tmp_path: Path) -> None:
    # A quoted time or point is a type error; "needs a timezone" or "no such point" would be noise.
    text = HEAD + 'time = "10:00"\n' + aid(point="3")
    path = write(tmp_path / "d", NAME, text)
    assert every_way(tmp_path / "d") == [
        f"error: {path}:5: time: must be a time of day, not a string in quotes",
        "hint: write a TOML local time without quotes, with seconds: time = 15:10:00",
        f"error: {path}:12: aid[0].point: must be a whole number",
        "hint: write a whole number without quotes: point = 3",
        "2 problem(s) in 1 file(s)",
    ]


# -- 7: the extension in upper case --------------------------------------------------------------


def test_a_record_ending_in_upper_case_toml_is_reported(tmp_path: Path) -> None:
    root = tmp_path / "d"
    write(root, "meetings/2024/2024-01-06-c-d.toml", HEAD.replace("01-07", "01-06"))
    path = write(root, "meetings/2024/2024-01-07-a-b.TOML", HEAD)
    assert every_way(root) == [
        f"error: {path}:1: records end in .toml, not .TOML",
        "hint: rename it to 2024-01-07-a-b.toml",
        "1 problem(s) in 1 file(s)",
    ]
    result = run("--data", str(root), "--skip-invalid", "list", "--format", "csv")
    assert result.code == 0
    assert [line.split(",")[0] for line in result.out.splitlines()[1:]] == ["2024-01-06-c-d"]
    assert result.err.splitlines()[0] == f"warning: {path}:1: records end in .toml, not .TOML"
    # The index and the file listing agree on it; renamed, it is a record like any other.
    walked = [p for entries in index.walk(root / "meetings").values() for p, _, _ in entries]
    assert sorted(root / "meetings" / p for p in walked) == meeting_files(root)[0]
    assert path in meeting_files(root)[0]
    path.rename(path.with_suffix(".toml"))
    result = run("--data", str(root), "check")
    assert (result.code, result.out, result.err) == (0, "checked 2 records: no problems\n", "")


def test_the_quick_zone_check_agrees_with_the_zone_database() -> None:
    from readouts_cli.model import iana_zones, is_zone_key

    assert all(is_zone_key(key) for key in iana_zones())
    for key in ("localtime", "Factory", "posixrules", "posix/Asia/Tokyo", "right/UTC", "../x"):
        assert not is_zone_key(key) and key not in iana_zones()


def test_blank_text_and_a_tag_written_two_ways_are_reported(tmp_path: Path) -> None:
    text = HEAD + 'tags = ["G7", "Peace Formula", "g7", "G7"]\nsummary = " \\t "\n'
    path = write(tmp_path / "d", NAME, text)
    assert every_way(tmp_path / "d") == [
        f"error: {path}:6: summary: is blank: write the text, or leave the key out",
        f"error: {path}:5: tags[2]: tag 'g7' repeats 'G7', written another way",
        f"error: {path}:5: tags[3]: tag 'G7' is listed twice",
        "3 problem(s) in 1 file(s)",
    ]


def test_a_time_the_clocks_skipped_is_reported(tmp_path: Path) -> None:
    text = HEAD.replace("2024-01-07", "2024-03-31") + 'time = 03:30:00\ntimezone = "Europe/Kyiv"\n'
    path = write(tmp_path / "d", "meetings/2024/2024-03-31-a-b.toml", text)
    assert every_way(tmp_path / "d") == [
        f"error: {path}:5: time: 03:30:00 does not exist in Europe/Kyiv on 2024-03-31: "
        "the clocks went forward",
        "hint: check the readout's time, or its date and zone",
        "1 problem(s) in 1 file(s)",
    ]


def test_a_source_is_a_web_address_and_a_duration_at_most_a_week(tmp_path: Path) -> None:
    text = HEAD + (
        'duration_minutes = 20000\nsource = "MOFA press release"\nsee_also = ["www.mofa.go.jp"]\n'
    )
    path = write(tmp_path / "d", NAME, text)
    hint = "hint: give the readout's URL (https://...); name a printed source in `summary`"
    assert every_way(tmp_path / "d") == [
        f"error: {path}:5: duration_minutes: must be at most 10080",
        f"error: {path}:6: source: 'MOFA press release' is not a web address",
        hint,
        f"error: {path}:7: see_also[0]: 'www.mofa.go.jp' is not a web address",
        hint,
        "3 problem(s) in 1 file(s)",
    ]


def test_type_hints_are_written_on_the_users_own_key(tmp_path: Path) -> None:
    text = HEAD + 'see_also = ["https://example.org/a", 3]\n'
    path = write(tmp_path / "d", NAME, text)
    assert every_way(tmp_path / "d")[:2] == [
        f"error: {path}:5: see_also[1]: must be text in quotes",
        'hint: each item is a string in double quotes: see_also = ["...", "..."]',
    ]
    registry = write(
        tmp_path / "p", "people.toml", '[kamikawa-yoko]\nname = "Kamikawa Yoko"\nwikidata = 3881\n'
    )
    write(tmp_path / "p", NAME, HEAD)
    lines = problems(tmp_path / "p", "check")
    assert lines[:2] == [
        f"error: {registry}:3: kamikawa-yoko.wikidata: must be text in quotes",
        'hint: strings are written in double quotes: wikidata = "..."',
    ]
