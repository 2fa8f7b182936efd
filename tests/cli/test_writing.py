"""new and fmt: atomic, never overwriting without --force, never losing a value or a comment."""

from __future__ import annotations

import datetime as dt
import os
import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import REPO, run, write
from readouts_cli import tomlio
from readouts_cli.canonical import dumps_record, extract_comments, format_text
from readouts_cli.errors import WriteError
from readouts_cli.model import Meeting, consistency_problems
from readouts_cli.textfold import fold

MESSY = """\
# Header: kept at the top.

title = "Talk # not a comment"   # beside the title
kind = "telephone-talk"
date = 2024-04-03
tags = ["b",
  "a"]
points = [
  # above the first point
  "One.",
  "Two.",  # beside the second point
]

[[aid]]
status = "announced"
amount = 300000000
category = "financial"
currency = "USD"
what = "budget support"
donor = "JP"

[[participants]]
country = "JP"  # Japan
name = "Kishida Fumio"
# at the end
"""

CANONICAL = """\
# Header: kept at the top.

date = 2024-04-03
title = "Talk # not a comment"  # beside the title
kind = "telephone-talk"
tags = ["b", "a"]
points = [
    # above the first point
    "One.",
    "Two.",  # beside the second point
]

[[participants]]
name = "Kishida Fumio"
country = "JP"  # Japan

[[aid]]
donor = "JP"
what = "budget support"
category = "financial"
amount = 300_000_000
currency = "USD"
status = "announced"

# at the end
"""


def test_fmt_rewrites_in_canonical_order_keeping_comments(tmp_path: Path) -> None:
    root = tmp_path / "d"
    path = write(root, "meetings/2024/2024-04-03-kishida.toml", MESSY)
    check = run("--data", str(root), "fmt", "--check")
    assert (check.code, check.out) == (1, f"{path}\n")
    assert check.err == "1 file(s) would be reformatted, 0 unchanged, 0 invalid\n"
    assert path.read_text() == MESSY
    done = run("--data", str(root), "fmt")
    assert (done.code, done.out) == (0, f"{path}\n")
    assert path.read_text() == CANONICAL
    again = run("--data", str(root), "fmt", str(path))
    assert (again.code, again.out, again.err) == (
        0,
        "",
        "0 file(s) reformatted, 1 unchanged, 0 invalid\n",
    )


def test_fmt_never_rewrites_an_invalid_record(tmp_path: Path) -> None:
    root = tmp_path / "d"
    text = MESSY.replace('kind = "telephone-talk"', 'kind = "phone"')
    path = write(root, "meetings/2024/2024-04-03-kishida.toml", text)
    result = run("--data", str(root), "fmt")
    assert result.code == 1
    assert result.err.splitlines()[0] == (
        f"error: {path}:4: kind: 'phone' is not one of: meeting, courtesy-call, telephone-talk, "
        "video-conference, multilateral, signing, visit, other"
    )
    assert path.read_text() == text


def test_fmt_leaves_a_file_whose_comments_it_cannot_place(tmp_path: Path) -> None:
    root = tmp_path / "d"
    text = MESSY.replace('  "a"]', '  "a"  # inside the tags\n]')
    path = write(root, "meetings/2024/2024-04-03-kishida.toml", text)
    for check in ([], ["--check"]):
        result = run("--data", str(root), "fmt", *check)
        assert (result.code, result.out) == (1, "")  # a --check gate must not pass
        assert result.err.splitlines() == [
            f"error: {path}: left unchanged: line 7: a comment here has no key to stay with",
            "0 file(s) "
            + ("would be reformatted" if check else "reformatted")
            + ", 0 unchanged, 1 left as they are, 0 invalid",
        ]
        assert path.read_text() == text


def test_fmt_never_rewrites_the_corpus_installed_with_readouts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from readouts_cli import writing

    shipped = tmp_path / "site-packages/readouts_cli/_data"
    path = write(shipped, "meetings/2024/2024-04-03-kishida.toml", MESSY)
    monkeypatch.setattr(writing, "SHIPPED", shipped.resolve())
    result = run("--data", str(tmp_path / "mine"), "fmt", str(path))
    assert (result.code, result.out) == (1, "")
    assert result.err.startswith(
        f"error: {path}: this is the corpus shipped with readouts: fmt leaves it as it is"
    )
    assert path.read_text() == MESSY


def test_shipped_data_is_in_canonical_form() -> None:
    result = run("--data", str(REPO / "data"), "fmt", "--check")
    assert (result.code, result.out) == (0, ""), result.out


def test_a_crash_mid_write_leaves_the_original_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "d"
    path = write(root, "meetings/2024/2024-04-03-kishida.toml", MESSY)

    def crash(*args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "fsync", crash)
    with pytest.raises(WriteError, match="cannot write: disk full"):
        tomlio.write_atomic(path, CANONICAL, overwrite=True)
    assert path.read_text() == MESSY
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]


def test_write_atomic_refuses_to_overwrite(tmp_path: Path) -> None:
    path = write(tmp_path / "out", "a.toml", "x = 1\n")
    with pytest.raises(WriteError):
        tomlio.write_atomic(path, "x = 2\n")
    assert path.read_text() == "x = 1\n"
    assert sorted(p.name for p in path.parent.iterdir()) == ["a.toml"]


NEW = [
    "new",
    "--date",
    "2024-05-01",
    "--kind",
    "meeting",
    "--title",
    "Foreign Ministers' Meeting",
    "--participant",
    "Kamikawa Yoko|Minister for Foreign Affairs|JP",
    "--participant",
    "Dmytro Kuleba||ua",
    "--time",
    "10:30",
    "--timezone",
    "Europe/Kyiv",
    "--tag",
    "Peace Formula",
]


def test_new_scaffolds_a_valid_record_and_refuses_to_overwrite(tmp_path: Path) -> None:
    root = tmp_path / "d"
    (root / "meetings").mkdir(parents=True)
    result = run("--data", str(root), *NEW)
    path = root / "meetings/2024/2024-05-01-kamikawa-kuleba.toml"
    assert (result.code, result.out, result.err) == (0, f"{path}\n", "")
    data = tomllib.loads(path.read_text())
    assert data["time"] == dt.time(10, 30)
    assert data["participants"][1] == {"name": "Dmytro Kuleba", "country": "UA"}
    assert run("--data", str(root), "check").code == 0
    path.write_text(path.read_text() + "# my notes\n")
    again = run("--data", str(root), *NEW)
    assert again.code == 1
    assert again.err == (
        f"error: {path}: already exists\n"
        "hint: give this meeting another id (--id 2024-05-01-kamikawa-kuleba-2), "
        "or --force to replace it\n"
    )
    assert path.read_text().endswith("# my notes\n")
    forced = run("--data", str(root), *NEW, "--force")
    assert forced.code == 0
    assert not path.read_text().endswith("# my notes\n")


@pytest.mark.parametrize("bad_id", ["../../etc/passwd", "2024-05-01/../../x", "Upper-Case", "x"])
def test_new_refuses_ids_that_are_not_ids(tmp_path: Path, bad_id: str) -> None:
    root = tmp_path / "d"
    (root / "meetings").mkdir(parents=True)
    result = run("--data", str(root), *NEW, "--id", bad_id)
    assert result.code == 1
    assert result.err.startswith(f"error: {bad_id!r} is not a valid id")
    assert list((root / "meetings").rglob("*")) == []


def test_new_without_a_terminal_needs_the_required_options(tmp_path: Path) -> None:
    result = run("--data", str(tmp_path), "new", "--title", "x")
    assert (result.code, result.out) == (2, "")
    assert result.err.splitlines()[-1] == (
        "Error: missing --date, --kind: give them as options, or run at a terminal to be asked"
    )


# -- round trips ---------------------------------------------------------------------

text = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    min_size=1,
    max_size=40,
).filter(str.strip)  # blank text is refused
names = st.sampled_from(["Kamikawa Yoko", "Volodymyr Zelenskyy", "Dmytro Kuleba", "G7 leaders"])


@st.composite
def meetings(draw: st.DrawFn) -> Meeting:
    points = draw(st.lists(text, max_size=4))
    point = st.none() | (st.integers(1, len(points)) if points else st.none())
    timed = draw(st.booleans())
    amount = draw(st.none() | st.integers(1, 10**13))
    return Meeting.model_validate(
        {
            "date": draw(st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31))),
            "title": draw(text),
            "kind": draw(st.sampled_from(["meeting", "courtesy-call", "telephone-talk"])),
            # Japan has kept no summer time since 1951: every drawn time exists.
            **(
                {"time": draw(st.times()).replace(microsecond=0), "timezone": "Asia/Tokyo"}
                if timed
                else {}
            ),
            "tags": draw(st.lists(text, max_size=3, unique_by=fold)),
            "summary": draw(st.none() | text),
            "points": points,
            "participants": [
                {"name": n, "country": draw(st.sampled_from(["JP", "UA"]))}
                for n in draw(st.lists(names, max_size=3))
            ],
            "condolences": [
                {"by": draw(names), "to": "JP", "about": draw(text), "point": draw(point)}
                for _ in range(draw(st.integers(0, 2)))
            ],
            "aid": [
                {
                    "donor": "JP",
                    "what": draw(text),
                    "category": "energy",
                    "status": "announced",
                    "amount": amount,
                    "currency": "JPY" if amount else None,
                    "point": draw(point),
                }
            ],
        }
    )


def as_data(meeting: Meeting) -> dict[str, object]:
    dumped = meeting.model_dump(exclude_none=True, exclude_defaults=True)
    dumped["aid"] = [{k: v for k, v in a.items() if v is not None} for a in dumped.get("aid", [])]
    dumped["condolences"] = [
        {k: v for k, v in c.items() if v is not None} for c in dumped.get("condolences", [])
    ]
    return {k: v for k, v in dumped.items() if v not in ([], None)}


@settings(max_examples=60, deadline=None)
@given(meetings())
def test_record_to_toml_to_record_is_equal(meeting: Meeting) -> None:
    text = dumps_record(as_data(meeting))
    assert Meeting.model_validate(tomllib.loads(text)) == meeting


@settings(max_examples=60, deadline=None)
@given(meetings(), st.lists(st.text("abc #xyz", min_size=0, max_size=12), max_size=5), st.data())
def test_fmt_is_idempotent_and_keeps_comments(
    meeting: Meeting, comments: list[str], data: st.DataObject
) -> None:
    lines = dumps_record(as_data(meeting)).removesuffix("\n").split("\n")
    placed = []
    for comment in comments:
        at = data.draw(st.integers(0, len(lines)))
        lines.insert(at, f"# {comment}")
        placed.append(f"# {comment}".strip())
    original = "\n".join(lines) + "\n"
    try:
        once = format_text(original)
    except Exception as err:  # a comment with no key to stay with: the file is left alone
        assert type(err).__name__ == "NotLossless"
        return
    assert format_text(once) == once
    assert tomllib.loads(once) == tomllib.loads(original)
    assert extract_comments(once).all() == sorted(c.strip() for c in placed)


# -- import --------------------------------------------------------------------------

SEED = REPO.parent / "shared" / "seeds" / "2024-01-07-kamikawa-courtesy-call-zelenskyy.txt"


def needs_seed() -> str:
    if not SEED.exists():
        pytest.skip("../shared/seeds is not present beside the repository")
    return SEED.read_text(encoding="utf-8")


def test_import_prints_a_draft_that_is_a_valid_record() -> None:
    needs_seed()
    result = run("import", str(SEED), "--source", "https://www.mofa.go.jp/example.html")
    assert result.code == 0
    data = tomllib.loads(result.out)
    assert data["source"] == "https://www.mofa.go.jp/example.html"
    assert data["date"] == dt.date(2024, 1, 7)
    Meeting.model_validate(data)
    assert consistency_problems(data) == []


def test_import_write_saves_once_and_refuses_to_overwrite(tmp_path: Path) -> None:
    text = needs_seed()
    root = tmp_path / "d"
    (root / "meetings").mkdir(parents=True)
    first = run("--data", str(root), "import", "-", "--write", input=text)
    path = root / "meetings/2024/2024-01-07-kamikawa-zelenskyy.toml"
    assert (first.code, first.out) == (0, f"{path}\n")
    assert run("--data", str(root), "check").code == 0
    path.write_text(path.read_text() + "# reviewed\n")
    again = run("--data", str(root), "import", "-", "--write", input=text)
    assert again.code == 1
    assert again.err.endswith(
        f"error: {path}: already exists\nhint: pass --force to overwrite it\n"
    )
    assert path.read_text().endswith("# reviewed\n")


def test_import_of_a_text_that_is_no_readout_is_a_clear_error() -> None:
    result = run("import", "-", input="Shopping list: eggs, milk, bread.\n")
    assert (result.code, result.out) == (1, "")
    assert result.err.startswith("error: not a readout")
    assert "Traceback" not in result.err


def test_import_write_refuses_an_incomplete_draft(tmp_path: Path) -> None:
    root = tmp_path / "d"
    (root / "meetings").mkdir(parents=True)
    text = "March 3, 2024\nThe two sides met and talked about the weather.\n"
    result = run("--data", str(root), "import", "-", "--write", input=text)
    assert result.code == 1
    assert list((root / "meetings").rglob("*.toml")) == []


def test_new_asks_for_what_is_missing_at_a_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from readouts_cli.cli.commands import new

    monkeypatch.setattr(new, "is_interactive", lambda: True)
    root = tmp_path / "d"
    (root / "meetings").mkdir(parents=True)
    answers = "2023-09-20\ncourtesy-call\nCourtesy call\nKamikawa Yoko||JP\nDmytro Kuleba||UA\n\n"
    result = run("--data", str(root), "new", input=answers)
    path = root / "meetings/2023/2023-09-20-kamikawa-kuleba.toml"
    assert result.code == 0, result.err
    assert result.out.splitlines()[-1] == str(path)
    data = tomllib.loads(path.read_text())
    assert (data["kind"], data["title"]) == ("courtesy-call", "Courtesy call")
    assert [p["name"] for p in data["participants"]] == ["Kamikawa Yoko", "Dmytro Kuleba"]


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (
            ["--time", "10:00", "--timezone", "Mars/Base"],
            "error: --timezone: 'Mars/Base' is not an IANA time zone (e.g. 'Europe/Kyiv')\n",
        ),
        (
            ["--participant", "Kamikawa Yoko||XX"],
            "error: --participant #1: 'XX' is not an ISO 3166-1 alpha-2 country code\n",
        ),
    ],
)
def test_new_names_the_option_that_is_wrong_without_a_traceback(
    tmp_path: Path, options: list[str], expected: str
) -> None:
    root = tmp_path / "d"
    (root / "meetings").mkdir(parents=True)
    result = run(
        "--data", str(root), "new", "--date", "2024-05-01", "--kind", "meeting", "--title", "T",
        *options,
    )  # fmt: skip
    assert (result.code, result.out) == (1, "")
    assert result.err.splitlines()[0] + "\n" == expected
    assert list((root / "meetings").rglob("*.toml")) == []


def test_a_participant_with_too_many_fields_is_a_usage_error(tmp_path: Path) -> None:
    root = tmp_path / "d"
    (root / "meetings").mkdir(parents=True)
    result = run(
        "--data", str(root), "new", "--date", "2024-05-01", "--kind", "meeting", "--title", "T",
        "--participant", "a|b|JP|extra",
    )  # fmt: skip
    assert (result.code, result.out) == (2, "")
    assert "Invalid value for --participant: 'a|b|JP|extra' has 4 fields" in result.err
    assert list((root / "meetings").rglob("*.toml")) == []


def test_new_leaves_honorifics_out_of_the_id(tmp_path: Path) -> None:
    root = tmp_path / "d"
    (root / "meetings").mkdir(parents=True)
    result = run(
        "--data", str(root), "new", "--date", "2024-01-07", "--kind", "courtesy-call",
        "--title", "T", "--participant", "Mr. KAMIKAWA Yoko||JP",
        "--participant", "H.E. Mr. Volodymyr ZELENSKYY||UA",
    )  # fmt: skip
    assert result.out == f"{root}/meetings/2024/2024-01-07-kamikawa-zelenskyy.toml\n"


def test_writing_commands_never_fall_back_on_the_shipped_corpus(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("READOUTS_DATA")  # and the working folder has no data/meetings/
    before = sorted(p.read_bytes() for p in (REPO / "data").rglob("*.toml"))
    for args in (
        [*NEW],
        ["import", str(REPO / "tests/samples/video-conference.txt"), "--write"],
        ["fmt"],
    ):
        result = run(*args)
        assert (result.code, result.out) == (1, ""), args
        assert result.err.startswith("error: no data folder to write to"), args
    assert sorted(p.read_bytes() for p in (REPO / "data").rglob("*.toml")) == before
    assert run("list", "-n", "1").code == 0  # reading still finds the shipped corpus


def test_fmt_writes_through_a_symbolic_link(tmp_path: Path) -> None:
    root = tmp_path / "d"
    target = write(tmp_path, "elsewhere/2024-04-03-kishida.toml", MESSY)
    link = root / "meetings/2024/2024-04-03-kishida.toml"
    link.parent.mkdir(parents=True)
    link.symlink_to(target)
    result = run("--data", str(root), "fmt")
    assert (result.code, result.out) == (0, f"{link}\n")
    assert link.is_symlink()
    assert target.read_text() == CANONICAL


def test_fmt_leaves_people_toml_alone(tmp_path: Path) -> None:
    root = tmp_path / "d"
    write(root, "meetings/2024/2024-04-03-kishida.toml", CANONICAL)
    registry = write(root, "people.toml", '[kishida-fumio]\nname = "Kishida Fumio"\n')
    folder = run("--data", str(root), "fmt", str(root))
    assert (folder.code, folder.out) == (0, "")
    assert folder.err == "0 file(s) reformatted, 1 unchanged, 0 invalid\n"
    named = run("--data", str(root), "fmt", str(registry))
    assert (named.code, named.out) == (1, "")
    assert named.err.startswith(f"error: {registry}: the people registry is not a meeting record")
