"""Habits people bring from git, gh, jrnl and hledger: completion, global options anywhere,
"did you mean", `tags`, help in people's words, and a `new` that catches mistakes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES, GOOD, REPO, corpus_with, run, write
from readouts_cli.cli.app import COMMANDS, app, hoist_global_options, invoked

VIEWS = FIXTURES / "views"
READOUTS = Path(sys.executable).parent / "readouts"


def complete(words: str, tmp_path: Path) -> list[str]:
    """The candidates bash gets for the last word of `words`, asked as bash asks."""
    parts = words.split(" ")
    env = {
        **os.environ,
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(parts) - 1),
        "_READOUTS_COMPLETE": "complete_bash",
        "READOUTS_CACHE": str(tmp_path / "cache"),
    }
    done = subprocess.run([READOUTS], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


@pytest.mark.skipif(not READOUTS.exists(), reason="the readouts script is not installed")
def test_completion_offers_commands_kinds_tags_people_and_ids(tmp_path: Path) -> None:
    data = f"readouts --data {VIEWS}"
    assert complete("readouts li", tmp_path) == ["list"]
    assert "telephone-talk" in complete(f"{data} list --kind ", tmp_path)
    assert complete(f"{data} list --tag nuc", tmp_path) == ["nuclear safety"]
    assert complete(f"{data} list --person Kam", tmp_path) == ["Kamikawa Yoko"]
    assert complete(f"{data} show 2024-01-07-k", tmp_path) == ["2024-01-07-kamikawa-zelenskyy"]
    assert complete(f"{data} person zel", tmp_path) == ["zelensky"]  # an alias, as typed


def test_completion_scripts_are_there_for_the_shells() -> None:
    result = run("--show-completion", "bash")
    assert result.code == 0
    assert "_READOUTS_COMPLETE=complete_bash" in result.out


def test_the_executable_builds_the_command_it_runs_and_answers_as_the_whole_app() -> None:
    """`readouts` builds only the command it runs (Typer reads each command's signature on
    every run); what it answers is what the app with every command answers."""
    assert invoked(["--data", "list", "show", "x"]) == "show"  # --data takes a value
    assert invoked(["--no-cache", "list", "-n", "2"]) == "list"
    assert invoked(["--help", "list"]) is None  # the root help lists every command
    assert invoked(["lst"]) is None  # "did you mean" needs every name
    assert invoked(["-hd", "list"]) is None  # -h, then -d taking "list": the root help
    assert invoked(["-dlist", "people"]) == "people"
    assert invoked(["--data=x", "--no-pager", "show"]) == "show"
    assert invoked([]) is None
    for args in (
        ["--data", str(VIEWS), "list", "-n", "2", "-f", "json"],
        ["list", "--data", str(VIEWS), "-n", "2", "-f", "json"],
        ["--data", str(VIEWS), "lst"],
        ["--help"],
        ["-hd", "list"],
        ["show", "--help"],
    ):
        env = {**os.environ, "COLUMNS": "80", "NO_COLOR": "1"}
        done = subprocess.run(
            [sys.executable, "-m", "readouts_cli", *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        whole = run(*args)
        # Words alike (help is wrapped a cell narrower under the test runner).
        assert done.returncode == whole.code, args
        assert done.stdout.split() == whole.out.split(), args
        assert done.stderr.split() == whole.err.split(), args
    assert len(app.registered_commands) == len(COMMANDS)  # nothing left out after a run


def test_global_options_work_after_the_command_too() -> None:
    before = run("--data", str(VIEWS), "--no-cache", "list", "-f", "json")
    after = run("list", "-f", "json", "--data", str(VIEWS), "--no-cache")
    assert (after.code, after.out) == (0, before.out)
    assert hoist_global_options(["search", "--", "--data"], COMMANDS) == [
        "search",
        "--",
        "--data",
    ]


def test_a_bad_record_names_skip_invalid_and_skip_invalid_works_after_the_command(
    tmp_path: Path,
) -> None:
    root = corpus_with(tmp_path, GOOD.replace('kind = "meeting"', 'kind = "phone"'))
    write(root, "meetings/2024/2024-01-08-c-d.toml", GOOD.replace("2024-01-07", "2024-01-08"))
    stopped = run("--data", str(root), "list")
    assert stopped.code == 1
    assert stopped.err.splitlines()[-1] == (
        "hint: add --skip-invalid to go on with the valid records "
        "(the problems above become warnings)"
    )
    going = run("list", "--data", str(root), "--skip-invalid", "-f", "json")
    assert going.code == 0
    assert [r["id"] for r in json.loads(going.out)] == ["2024-01-08-c-d"]


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (
            ["list", "-p", "Zelenskiy"],
            "Invalid value for '-p' / '--person': no person called 'Zelenskiy'; "
            "did you mean Volodymyr Zelenskyy (zelenskyy-volodymyr)?",
        ),
        (
            ["list", "-t", "nuclear safty"],
            "Invalid value for '-t' / '--tag': no tag 'nuclear safty' in the meetings; "
            "did you mean nuclear safety? (`readouts tags` lists them)",
        ),
        (["aid", "--donor", "JJ"], "Invalid value for '--donor': no party 'JJ' in the corpus"),
        (
            ["aid", "--donor", "Japan"],
            "Invalid value for '--donor': no party 'Japan' in the corpus; did you mean JP (Japan)?",
        ),
        (
            ["list", "-c", "Japan"],
            "Invalid value for '--country' / '-c': 'Japan' is not an ISO 3166-1 alpha-2 country "
            "code; did you mean JP (Japan)?",
        ),
        (
            ["list", "-c", "korea"],
            "'korea' is not an ISO 3166-1 alpha-2 country code; "
            "did you mean KP (North Korea) or KR (South Korea)?",
        ),
        (["list", "-c", "UK"], "'UK' is not an ISO 3166-1 alpha-2 country code; did you mean GB"),
        (["list", "-c", "ZZ"], "'ZZ' is not an ISO 3166-1 alpha-2 country code (UA, JP, ...)"),
        (
            ["condolences", "--by", "Zelenskiy"],
            "Invalid value for '--by': no party 'Zelenskiy' in the corpus; "
            "did you mean Volodymyr Zelenskyy?",
        ),
        (
            ["person", "Zelenskiy"],
            "Invalid value for NAME: no person called 'Zelenskiy'; "
            "did you mean Volodymyr Zelenskyy (zelenskyy-volodymyr)?",
        ),
        (
            ["show", "2024-01-07-kamikawa-zelenskiy"],
            "Invalid value for DATE|ID: no meeting with the id '2024-01-07-kamikawa-zelenskiy'; "
            "did you mean 2024-01-07-kamikawa-zelenskyy?",
        ),
        (["list", "-n", "0"], "0 is not a number of items: give 1 or more"),
        (
            ["list", "--from", "2025", "--to", "2024"],
            "--from 2025 is after --to 2024: the range is reversed",
        ),
    ],
)
def test_a_value_that_names_nothing_is_a_usage_error_with_the_nearest(
    args: list[str], said: str
) -> None:
    result = run("--data", str(VIEWS), *args)
    assert (result.code, result.out) == (2, "")
    assert said in " ".join(result.err.split())


def test_a_tag_that_is_part_of_others_matches_them_and_says_so() -> None:
    result = run("--data", str(VIEWS), "list", "-t", "peace", "-f", "json")
    assert result.code == 0
    assert result.err == "note: no tag 'peace'; matching the tags containing it: peace formula\n"
    assert [r["id"] for r in json.loads(result.out)] == [
        "2023-05-21-kishida-zelenskyy-multilateral",
        "2023-09-20-kamikawa-kuleba",
        "2024-01-07-kamikawa-zelenskyy",
    ]


def test_tags_lists_the_tags_in_use_with_counts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    result = run("--data", str(VIEWS), "tags")
    assert (result.code, result.err) == (0, "")
    assert result.out.splitlines()[:3] == [
        "MEETINGS  TAG",
        "       3  Peace Formula",
        "       1  financial support",
    ]
    found = json.loads(run("--data", str(VIEWS), "tags", "--from", "2024", "-f", "json").out)
    assert found == [
        {"tag": "nuclear safety", "meetings": 1},
        {"tag": "Peace Formula", "meetings": 1},
        {"tag": "winterization", "meetings": 1},
    ]


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_help_speaks_in_peoples_words(command: str) -> None:
    result = run(command, "-h")
    assert result.code == 0
    for python in ("<str>", "<int", "<list[", "<path>", "{", "[x>="):
        assert python not in result.out, (command, python)


def test_the_command_list_gives_each_summary_whole() -> None:
    out = run("-h").out
    assert "…" not in out and "..." not in out.split("Commands:")[1]
    assert app.info.name == "readouts"


NEW = ["new", "--date", "2024-01-07", "--kind", "meeting", "--title", "A meeting"]


def data_folder(tmp_path: Path) -> Path:
    root = tmp_path / "mine"
    (root / "meetings").mkdir(parents=True)
    (root / "people.toml").write_text((VIEWS / "people.toml").read_text(encoding="utf-8"))
    return root


def test_new_refuses_a_participant_written_with_commas(tmp_path: Path) -> None:
    root = data_folder(tmp_path)
    result = run("--data", str(root), *NEW, "--participant", "Motegi Toshimitsu, Minister, JP")
    assert (result.code, result.out) == (2, "")
    assert "the fields are separated by |" in result.err
    assert not list((root / "meetings").rglob("*.toml"))


def test_new_names_the_option_and_never_a_file_that_was_not_written(tmp_path: Path) -> None:
    root = data_folder(tmp_path)
    bad_date = run("--data", str(root), *NEW[:2], "2024-13-01", *NEW[3:])
    assert bad_date.code == 2
    assert "Invalid value for --date: '2024-13-01' is not a real date" in bad_date.err
    no_zone = run("--data", str(root), *NEW, "--time", "15:10")
    assert (no_zone.code, no_zone.err) == (
        1,
        "error: --time: `time` needs a `timezone`\n"
        "hint: give --timezone too, e.g. --timezone Europe/Kyiv\n",
    )


def test_new_resolves_names_through_people_toml_and_suggests_another_id(tmp_path: Path) -> None:
    root = data_folder(tmp_path)
    args = ["--data", str(root), *NEW, "--participant", "Kamikawa", "--participant", "Zelensky"]
    made = run(*args)
    path = root / "meetings/2024/2024-01-07-kamikawa-zelenskyy.toml"
    assert (made.code, made.out) == (0, f"{path}\n")
    assert "note: from people.toml: 'Zelensky' is Volodymyr Zelenskyy" in made.err
    text = path.read_text(encoding="utf-8")
    assert 'name = "Volodymyr Zelenskyy"' in text and 'country = "UA"' in text
    again = run(*args)
    assert again.code == 1
    assert "hint: give this meeting another id (--id 2024-01-07-kamikawa-zelenskyy-2)" in again.err


def test_new_asks_again_when_an_answer_does_not_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from readouts_cli.cli.commands import new

    monkeypatch.setattr(new, "is_interactive", lambda: True)
    root = data_folder(tmp_path)
    answers = "2024-13-01\n2024-01-07\ntelefone\ntelephone-talk\nA call\nKishida||JP\n\n"
    result = run("--data", str(root), "new", input=answers)
    assert result.code == 0, result.err
    assert "'2024-13-01' is not a real date" in result.out
    assert "'telefone' is not a kind; did you mean 'telephone-talk'?" in result.out
    assert (root / "meetings/2024/2024-01-07-kishida.toml").exists()


def test_the_shipped_corpus_answers_in_the_contract_shape() -> None:
    out = run("--data", str(REPO / "data"), "aid", "-f", "json").out
    assert isinstance(json.loads(out), list)


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (
            ["aid", "--category", "energi"],
            "'energi' is not one of: humanitarian, financial, energy, military, reconstruction, "
            "demining, other; did you mean 'energy'?",
        ),
        (["list", "-f", "jsn"], "'jsn' is not one of: table, json, csv; did you mean 'json'?"),
    ],
)
def test_a_closed_choice_given_wrong_is_said_in_our_words(args: list[str], said: str) -> None:
    result = run("--data", str(VIEWS), *args)
    assert (result.code, result.out) == (2, "")
    assert said in " ".join(result.err.split())
    assert "Value error" not in result.err


def test_the_short_kinds_list_shows_are_kinds_too() -> None:
    short = json.loads(run("--data", str(VIEWS), "list", "-k", "phone", "-f", "json").out)
    full = json.loads(run("--data", str(VIEWS), "list", "-k", "telephone-talk", "-f", "json").out)
    assert short == full and [r["id"] for r in short] == ["2022-04-26-kishida-zelenskyy"]
