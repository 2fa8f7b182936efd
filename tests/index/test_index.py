"""The index: every command answers the same with and without it, and it follows the files."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import CORPUS, FIXTURES, REPO, Result, run, write
from readouts_cli import index
from readouts_cli.corpus import Corpus, load_corpus, meeting_files
from readouts_cli.filters import Filters
from readouts_cli.index import opening, queries, walking
from readouts_cli.people.matching import Roster
from readouts_cli.people.registry import load_registry
from readouts_cli.search import phrases_of
from readouts_cli.store import FileStore, Store
from readouts_cli.vocab import Kind

LEDGER = FIXTURES / "ledger"
SHIPPED = REPO / "data"


@pytest.fixture(autouse=True)
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(index.ENV_CACHE, str(folder))
    return folder


FALLBACKS: list[Path] = []


@pytest.fixture(autouse=True)
def fallbacks(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Path]]:
    """Records each time a command read the files instead of the index."""

    class Recording(Store):
        @staticmethod
        def open(root: Path) -> Store:
            FALLBACKS.append(root)
            return Store.open(root)

    def load_corpus_recorded(root: Path) -> Corpus:
        FALLBACKS.append(root)
        return load_corpus(root)

    monkeypatch.setattr(opening, "Store", Recording)
    monkeypatch.setattr(queries, "load_corpus", load_corpus_recorded)
    FALLBACKS.clear()
    yield FALLBACKS
    FALLBACKS.clear()


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A copy of the fixture corpus that tests may change."""
    root = tmp_path / "data"
    shutil.copytree(CORPUS, root)
    return root


def both(root: Path, *args: str, fallback: bool = False) -> Result:
    """The command's result through the index (built or refreshed, then warm) and without it;
    all three must be identical, and the index must have answered unless `fallback`."""
    indexed = run("--data", str(root), *args)
    warm = run("--data", str(root), *args)
    assert bool(FALLBACKS) == fallback, FALLBACKS
    files = run("--data", str(root), "--no-cache", *args)
    assert (indexed.code, indexed.out, indexed.err) == (files.code, files.out, files.err)
    assert (warm.code, warm.out, warm.err) == (files.code, files.out, files.err)
    return indexed


COMMANDS = [
    ["list"],
    ["list", "--format", "json"],
    ["list", "--format", "csv"],
    ["list", "-n", "2"],
    ["list", "-n", "0", "--format", "json"],
    ["list", "--from", "2023", "--to", "2024-01"],
    ["list", "--on", "2024-01-07", "--format", "csv"],
    ["list", "--person", "Zelenskyy", "--format", "json"],
    ["list", "--person", "kuleba", "-n", "1"],
    ["list", "--person", "Nobody Atall"],
    ["list", "--country", "ua", "--kind", "courtesy-call"],
    ["list", "--tag", "PEACE formula", "--format", "json"],
    ["list", "--tag", "nothing"],
    ["show", "2024-01-07"],
    ["show", "2024-01-07", "--format", "json"],
    ["show", "2015-03-02", "--format", "csv"],
    ["show", "2023-09-20-kam"],
    ["show", "20"],
    ["show", "2024-01-08"],
    ["show", "1999-01-01"],
    ["show", "2024-02-30"],
    ["show", "no-such-id"],
    ["search", "Peace Formula"],
    ["search", "Peace Formula", "--format", "json"],
    ["search", "Peace Formula", "--format", "csv", "-n", "1"],
    ["search", "winteriz"],
    ["search", "inter"],
    ["search", "Kyïv", "--format", "json"],
    ["search", "ministers' meeting"],
    ["search", "Minsk", "Noto"],
    ["search", "--any", "Minsk", "Noto", "--format", "json"],
    ["search", "--any", "Minsk", "a"],
    ["search", "US$300 million"],
    ["search", "a", "--format", "json"],
    ["search", "of", "--from", "2023", "--country", "UA"],
    ["search", '"'],
    ["search", "NEAR("],
    ["search", "'; DROP TABLE records; --"],
    ["search", "%"],
    ["search", "_"],
    ["search", "  "],
    ["check"],
    ["check", "--strict"],
    ["people"],
    ["people", "--format", "json", "--from", "2023"],
    ["person", "Zelenskyy"],
    ["person", "Kamikawa", "--format", "json"],
    ["person", "Nobody"],
    ["aid"],
    ["aid", "--by", "category", "--format", "json"],
    ["condolences"],
]


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_every_command_answers_the_same_with_and_without_the_index(args: list[str]) -> None:
    both(CORPUS, *args)


@pytest.mark.parametrize(
    "args",
    [
        ["list", "--format", "json"],
        ["list"],
        ["list", "-n", "5", "-c", "UA"],
        ["show", "2022"],
        ["aid"],
        ["aid", "--from", "2023", "--totals", "--format", "json"],
        ["condolences", "--format", "csv"],
        ["condolences", "-n", "2", "--to", "2024-06"],
        ["timeline", "--aid", "-n", "3", "--format", "csv"],
        ["timeline", "--split", "level", "--by", "month", "--format", "csv"],
        ["check"],
    ],
    ids=" ".join,
)
@pytest.mark.parametrize(
    "root", [LEDGER, SHIPPED, FIXTURES / "accounts"], ids=["ledger", "shipped", "accounts"]
)
def test_other_corpora_answer_the_same(root: Path, args: list[str]) -> None:
    both(root, *args)


def test_the_index_lives_in_the_cache_folder_one_database_per_data_folder(
    cache: Path, corpus: Path
) -> None:
    both(CORPUS, "list")
    both(corpus, "list")
    databases = sorted(cache.glob("*.sqlite3"))
    assert databases == sorted({index.index_path(CORPUS), index.index_path(corpus)})
    assert len(databases) == 2


def test_a_warm_command_parses_no_file(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cold = run("--data", str(corpus), "search", "Peace Formula")

    def refuse(*args: object) -> None:
        raise AssertionError("a warm command parsed a file")

    monkeypatch.setattr(walking, "parse_file", refuse)
    assert run("--data", str(corpus), "search", "Peace Formula") == cold
    assert not FALLBACKS


def test_cache_folders_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("READOUTS_CACHE", "/somewhere/readouts-cache")
    assert index.cache_dir() == Path("/somewhere/readouts-cache")
    monkeypatch.delenv("READOUTS_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", "/xdg")
    assert index.cache_dir() == Path("/xdg/readouts")
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/is/ignored")
    monkeypatch.setenv("HOME", "/home/someone")
    assert index.cache_dir() == Path("/home/someone/.cache/readouts")


# -- following the files ---------------------------------------------------------------------

ZELENSKYY = "meetings/2024/2024-01-07-kamikawa-zelenskyy.toml"
KULEBA = "meetings/2023/2023-09-20-kamikawa-kuleba.toml"
NEW = """\
date = 2024-05-01
title = "A new meeting about generators"
kind = "meeting"
points = ["Japan will send generators before the winter."]

[[participants]]
name = "Dmytro Kuleba"
country = "UA"
"""


def ids(root: Path, *args: str) -> list[str]:
    result = both(root, "list", "--format", "json", *args)
    return [r["id"] for r in json.loads(result.out)]


def counting_parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    parsed: list[str] = []
    real = index.parse_file

    def parse_file(meetings: Path, path: str, *args: int) -> index.Parsed:
        parsed.append(path)
        return real(meetings, path, *args)

    monkeypatch.setattr(walking, "parse_file", parse_file)
    return parsed


def test_new_changed_deleted_and_renamed_files_show_on_the_next_command(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert len(ids(corpus)) == 4
    parsed = counting_parses(monkeypatch)

    write(corpus, "meetings/2024/2024-05-01-new-meeting.toml", NEW)
    assert ids(corpus)[-1] == "2024-05-01-new-meeting"
    assert set(parsed) == {"2024/2024-05-01-new-meeting.toml"}  # only the new file was parsed

    path = corpus / KULEBA
    path.write_text(path.read_text().replace("Foreign Ministers’ Meeting", "Talks"), "utf-8")
    shown = both(corpus, "show", "2023-09-20", "--format", "json")
    assert json.loads(shown.out)[0]["title"] == "Japan-Ukraine Talks"

    (corpus / ZELENSKYY).unlink()
    assert "2024-01-07-kamikawa-zelenskyy" not in ids(corpus)
    assert both(corpus, "search", "co-chair").err == "no matches\n"

    old = corpus / "meetings/2024/2024-05-01-new-meeting.toml"
    old.rename(corpus / "meetings/2024/2024-05-01-renamed.toml")
    assert ids(corpus, "--on", "2024-05") == ["2024-05-01-renamed"]
    found = json.loads(both(corpus, "search", "generators", "--format", "json").out)
    assert {hit["id"] for hit in found} == {"2024-05-01-renamed"}


def test_people_follows_every_change_through_the_tallies_the_index_keeps(
    corpus: Path, cache: Path
) -> None:
    """`people` with no filter reads the pairs the index keeps up to date; after each change
    it answers as the file store does, and the pairs are those of the records left."""

    def pairs() -> list[tuple[str, str, int]]:
        [database] = cache.glob("*.sqlite3")
        with contextlib.closing(sqlite3.connect(database)) as conn:
            return sorted(conn.execute("SELECT name, other, meetings FROM pairs"))

    def people() -> list[dict[str, Any]]:
        return json.loads(both(corpus, "people", "--format", "json").out)

    two_sides = NEW + '\n[[participants]]\nname = "Kamikawa Yoko"\ncountry = "JP"\n'
    before = people()
    write(corpus, "meetings/2024/2024-05-01-new-meeting.toml", two_sides)
    other = two_sides.replace("Dmytro Kuleba", "Nobody New")
    write(corpus, "meetings/2024/2024-05-01-other.toml", other)
    grown = people()
    assert grown != before
    kuleba = corpus / KULEBA
    kuleba.write_text(kuleba.read_text("utf-8").replace("Kuleba", "Sybiha"), "utf-8")
    assert "Dmytro Sybiha" in {p["name"] for p in people()}
    (corpus / "meetings/2024/2024-05-01-other.toml").unlink()
    (corpus / "meetings/2024/2024-05-01-new-meeting.toml").unlink()
    kuleba.write_text(kuleba.read_text("utf-8").replace("Sybiha", "Kuleba"), "utf-8")
    assert people() == before
    kept = pairs()
    shutil.rmtree(cache)
    people()  # a fresh build counts the same pairs as the changes did
    assert pairs() == kept and kept


def test_people_counts_a_duplicate_id_once_as_the_file_store_does(corpus: Path) -> None:
    def meetings() -> dict[str, int]:
        result = both(corpus, "--skip-invalid", "people", "--format", "json")
        return {p["name"]: p["meetings"] for p in json.loads(result.out)}

    before = meetings()
    copy = (corpus / ZELENSKYY).read_text("utf-8")
    write(corpus, "meetings/2024/copy/2024-01-07-kamikawa-zelenskyy.toml", copy)
    assert meetings() == before
    assert before["Volodymyr Zelenskyy"] == 2


def test_a_file_rewritten_within_the_same_timestamp_is_still_seen(corpus: Path) -> None:
    path = corpus / KULEBA
    text = path.read_text(encoding="utf-8")
    stamp = time.time_ns()
    os.utime(path, ns=(stamp, stamp))
    assert "Talks" not in both(corpus, "show", "2023-09-20").out
    # Same size, same mtime: only the "racy" rule (files this recent are parsed again) sees it.
    path.write_text(text.replace("Meeting", "Talks!!"), encoding="utf-8")
    os.utime(path, ns=(stamp, stamp))
    assert "Talks!!" in both(corpus, "show", "2023-09-20").out


def test_problems_of_files_at_two_depths_come_in_the_file_store_s_order(corpus: Path) -> None:
    write(corpus, "meetings/2024-05-01-loose.toml", "date = 2024-05-01\ntitle = [")
    write(corpus, "meetings/2024/2024-03-01-bad.toml", "date = 2024-03-01\ntitle = [")
    result = both(corpus, "check")  # the same lines, in the same order, both ways
    assert result.code == 1 and result.err.count("error:") >= 2


def test_new_folders_and_files_elsewhere_in_meetings_are_found(corpus: Path) -> None:
    write(corpus, "meetings/2024/05/2024-05-01-new-meeting.toml", NEW)
    write(corpus, "meetings/2024-05-01-loose.toml", NEW)
    write(corpus, "meetings/2024/.2024-05-01-hidden.toml", NEW)
    write(corpus, "meetings/2024/2024-05-01-notes.txt", NEW)
    assert ids(corpus, "--on", "2024-05") == ["2024-05-01-loose", "2024-05-01-new-meeting"]
    shutil.rmtree(corpus / "meetings/2024/05")
    assert ids(corpus, "--on", "2024-05") == ["2024-05-01-loose"]


def test_files_of_folders_symlinked_into_meetings_are_left_out_as_by_the_file_store(
    corpus: Path, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere"
    write(elsewhere, "2024-05-01-new-meeting.toml", NEW)
    (corpus / "meetings/linked").symlink_to(elsewhere, target_is_directory=True)
    (corpus / "meetings/2024/2024-05-01-linked.toml").symlink_to(
        elsewhere / "2024-05-01-new-meeting.toml"
    )
    assert ids(corpus, "--on", "2024-05") == ["2024-05-01-linked"]


@pytest.mark.parametrize("forked", [False, True], ids=["one process", "half forked"])
def test_the_walk_lists_the_files_the_file_store_reads(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, forked: bool
) -> None:
    # With many files a forked process stats half of them: here, from the first file.
    monkeypatch.setattr(walking, "FORK_WALK_FROM", 0 if forked else 10**9)
    forks: list[int] = []
    fork = os.fork
    monkeypatch.setattr(os, "fork", lambda: forks.append(1) or fork())
    write(corpus, "meetings/2024/05/deeper/2024-05-01-new-meeting.toml", NEW)
    write(corpus, "meetings/.hidden/2024-05-01-inside-hidden.toml", NEW)
    write(corpus, "meetings/2024/.2024-05-01-hidden.toml", NEW)
    write(corpus, "meetings/2024/notes.TOML", NEW)
    write(tmp_path, "elsewhere/2024-05-01-linked.toml", NEW)
    (corpus / "meetings/linked").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    (corpus / "meetings/2024/folder.toml").mkdir()
    (corpus / "meetings/2024/folder.toml/2024-05-02-in-a-folder.toml").write_text(NEW)
    (corpus / "meetings/2024/dangling.toml").symlink_to(corpus / "nowhere")
    (corpus / "meetings/2024/to-a-folder.toml").symlink_to(tmp_path / "elsewhere")
    walked = sorted(
        corpus / "meetings" / path
        for entries in index.walk(corpus / "meetings").values()
        for path, _, _ in entries
    )
    assert walked == meeting_files(corpus)[0]
    assert len(forks) == forked
    # Entries, stamps and identities alike both ways.
    this_way = index.walk(corpus / "meetings")
    monkeypatch.setattr(walking, "FORK_WALK_FROM", 10**9 if forked else 0)
    assert index.walk(corpus / "meetings") == this_way


# -- problems --------------------------------------------------------------------------------

BAD = """\
date = 2024-03-01
title = "A meeting"
kind = "meeting"
durration_minutes = 30
"""


def test_a_bad_file_is_reported_at_its_line_through_the_index(corpus: Path) -> None:
    write(corpus, "meetings/2024/2024-03-01-bad.toml", BAD)
    write(corpus, "meetings/2022/2022-01-01-broken.toml", 'date = 2022-01-01\ntitle = "x\n')
    for _ in range(2):  # built, then warm
        result = both(corpus, "check")
        assert result.code == 1
        assert f"{corpus}/meetings/2024/2024-03-01-bad.toml:4: durration_minutes" in result.err
        assert f"{corpus}/meetings/2022/2022-01-01-broken.toml:2:" in result.err
        refused = both(corpus, "list")
        assert refused.code == 1 and refused.out == ""
        skipped = both(corpus, "--skip-invalid", "list", "--format", "csv")
        assert skipped.code == 0 and "warning: skipped 2 problem(s)" in skipped.err
    (corpus / "meetings/2024/2024-03-01-bad.toml").write_text(BAD.replace("durr", "dur"), "utf-8")
    (corpus / "meetings/2022/2022-01-01-broken.toml").unlink()
    assert both(corpus, "check").code == 0


def test_paths_in_problems_are_the_data_folder_as_given(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(corpus, "meetings/2024/2024-03-01-bad.toml", BAD)
    absolute = both(corpus, "check")
    monkeypatch.chdir(corpus.parent)
    relative = both(Path("data"), "check")
    assert f"{corpus}/meetings/2024/2024-03-01-bad.toml:4:" in absolute.err
    assert relative.err.startswith("error: data/meetings/2024/2024-03-01-bad.toml:4:")


def test_duplicate_ids_report_the_later_file_as_the_file_store_does(corpus: Path) -> None:
    text = (corpus / ZELENSKYY).read_text(encoding="utf-8")
    write(corpus, "meetings/2023/2024-01-07-kamikawa-zelenskyy.toml", text.replace("Kyiv", "Kiev"))
    first = both(corpus, "check")
    assert first.code == 1
    assert (
        f"error: {corpus}/{ZELENSKYY}:1: duplicate id '2024-01-07-kamikawa-zelenskyy': "
        f"also in {corpus}/meetings/2023/2024-01-07-kamikawa-zelenskyy.toml"
    ) in first.err
    shown = both(corpus, "--skip-invalid", "show", "2024-01-07")
    assert "Kiev, Ukraine" in shown.out
    (corpus / "meetings/2023/2024-01-07-kamikawa-zelenskyy.toml").unlink()
    assert both(corpus, "check").code == 0
    assert "Kyiv, Ukraine" in both(corpus, "show", "2024-01-07").out


def test_a_file_that_cannot_be_read_is_reported_every_time(corpus: Path) -> None:
    (corpus / "meetings/2024/2024-03-01-folder.toml").mkdir()
    (corpus / "meetings/2024/2024-03-01-dangling.toml").symlink_to(corpus / "nowhere")
    write(corpus, "meetings/2024/2024-03-02-latin1.toml", "")
    (corpus / "meetings/2024/2024-03-02-latin1.toml").write_bytes(b'title = "caf\xe9"\n')
    for _ in range(2):
        result = both(corpus, "check")
        assert result.code == 1
        assert "2024-03-01-dangling.toml: no such file" in result.err
        assert "2024-03-02-latin1.toml:1: not UTF-8 text (byte 13 of the line)" in result.err


# -- the database ----------------------------------------------------------------------------


def database(root: Path) -> contextlib.closing[sqlite3.Connection]:
    return contextlib.closing(sqlite3.connect(index.index_path(root)))


def schema(root: Path) -> tuple[int, int, int]:
    """(application id, schema version, records) of the index of `root`."""
    with database(root) as conn:
        app = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        records = conn.execute("SELECT count(*) FROM records").fetchone()[0]
    return app, version, records


def test_a_corrupt_database_is_rebuilt_without_fuss(corpus: Path) -> None:
    expected = both(corpus, "search", "Peace Formula")
    index.index_path(corpus).write_bytes(b"not a database " * 1000)
    assert both(corpus, "search", "Peace Formula") == expected
    assert schema(corpus) == (index.APPLICATION_ID, index.SCHEMA_VERSION, 4)


def test_a_database_corrupted_between_commands_is_rebuilt(corpus: Path) -> None:
    both(corpus, "list")
    path = index.index_path(corpus)
    data = bytearray(path.read_bytes())
    data[4096:] = b"\xff" * (len(data) - 4096)  # every page but the first
    path.write_bytes(bytes(data))
    expected = run("--data", str(corpus), "--no-cache", "list", "--format", "json")
    assert run("--data", str(corpus), "list", "--format", "json") == expected
    assert run("--data", str(corpus), "list", "--format", "json") == expected


@pytest.mark.parametrize(
    "change",
    [
        "PRAGMA user_version = 99",
        "PRAGMA application_id = 7",
        "UPDATE meta SET value = 'older code' WHERE key = 'fingerprint'",
        "DROP TABLE records",
    ],
)
def test_an_old_or_foreign_database_is_rebuilt(corpus: Path, change: str) -> None:
    both(corpus, "list")
    with database(corpus) as conn:
        conn.execute(change)
        conn.commit()
    if change.startswith("DROP"):
        # Also a foreign database: another program's tables, nothing of ours.
        with database(corpus) as conn:
            conn.execute("CREATE TABLE theirs (x)")
            conn.execute("CREATE VIRTUAL TABLE their_text USING fts5(x)")
            conn.commit()
    both(corpus, "person", "Kuleba")
    assert schema(corpus) == (index.APPLICATION_ID, index.SCHEMA_VERSION, 4)


def test_no_cache_never_creates_a_cache(cache: Path, corpus: Path) -> None:
    run("--data", str(corpus), "--no-cache", "list")
    run("--data", str(corpus), "--no-cache", "check")
    assert not cache.exists()


def test_a_cache_folder_that_cannot_be_made_falls_back_on_the_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv(index.ENV_CACHE, str(blocker / "cache"))
    both(CORPUS, "search", "Peace Formula", fallback=True)


def test_a_missing_data_folder_is_the_same_error(tmp_path: Path) -> None:
    assert both(tmp_path / "nowhere", "list", fallback=True).code == 1
    missing = both(tmp_path, "list", fallback=True)
    assert missing.err.startswith(f"error: {tmp_path}: no meetings/ folder")


def test_many_files_are_parsed_by_worker_processes_with_the_same_result(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "many"
    text = (CORPUS / ZELENSKYY).read_text(encoding="utf-8")
    for n in range(60):
        day = f"2024-01-{n % 28 + 1:02d}"
        body = text.replace("2024-01-07", day).replace("Kyiv", f"Kyiv {n}")
        write(root, f"meetings/{2000 + n % 3}/{day}-meeting-{n}.toml", body)
    write(root, "meetings/2001/2024-01-01-meeting-0.toml", text.replace("2024-01-07", "2024-01-01"))
    write(root, "meetings/2002/2024-03-01-bad.toml", BAD)
    monkeypatch.setattr(walking, "PARALLEL_FROM", 10)
    monkeypatch.setattr(walking, "CHUNK", 7)
    monkeypatch.setattr(walking, "_workers", lambda: 2)
    pooled: list[int] = []
    real = index._bounded_map

    def bounded_map(*args: Any) -> Iterator[list[index.Parsed]]:
        for batch in real(*args):
            pooled.append(len(batch))
            yield batch

    monkeypatch.setattr(walking, "_bounded_map", bounded_map)
    for args in (["check"], ["--skip-invalid", "list", "--format", "json"]):
        both(root, *args)
    assert sum(pooled) >= 62


def test_commands_running_at_once_build_one_sound_index(corpus: Path, cache: Path) -> None:
    for n in range(40):
        text = (corpus / KULEBA).read_text(encoding="utf-8")
        write(corpus, f"meetings/2023/2023-09-20-copy-{n}.toml", text.replace("New York", str(n)))
    env = {**os.environ, "PYTHONPATH": str(REPO / "src"), index.ENV_CACHE: str(cache)}
    command = [
        sys.executable,
        "-m",
        "readouts_cli",
        "--data",
        str(corpus),
        "list",
        "--format",
        "csv",
    ]
    processes = [
        subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True
        )
        for _ in range(4)
    ]
    outputs = {p.communicate() for p in processes}
    assert all(p.returncode == 0 for p in processes)
    expected = run("--data", str(corpus), "--no-cache", "list", "--format", "csv")
    assert outputs == {(expected.out, expected.err)}
    with database(corpus) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("SELECT count(*) FROM records").fetchone() == (44,)


# -- the same answers, question by question ----------------------------------------------------

TRICKY = """\
date = 2024-06-01
title = "Ministers’ talks on “generators”, \\u0000NUL and Kyïv"
kind = "meeting"
summary = "Ünïcödé   text\\twith\\nbreaks; 100% of_the $300 and co-chair"
tags = ["PEACE formula"]
points = ["First point.", "Second: winterization of the CAP Trust Fund."]

[[participants]]
name = "Żaneta Ōno"
country = "PL"
"""


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory) -> tuple[FileStore, index.IndexedStore]:
    root = tmp_path_factory.mktemp("tricky")
    shutil.copytree(CORPUS / "meetings", root / "meetings")
    write(root, "meetings/2024/2024-06-01-tricky.toml", TRICKY)
    cache = tmp_path_factory.mktemp("cache")
    os.environ[index.ENV_CACHE] = str(cache)
    try:
        indexed = index.open_indexed(root)
    finally:
        del os.environ[index.ENV_CACHE]
    assert isinstance(indexed, index.IndexedStore)
    return FileStore(load_corpus(root)), indexed


TEXTS = [
    "Ministers' talks",
    '"generators"',
    "kyiv",
    "unicode text with breaks",
    "100%",
    "of_the",
    "$300",
    "co-chair",
    "zaneta",
    "peace formula",
    "winteriz",
    "trust fund",
]


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    phrases=st.lists(
        st.one_of(
            st.sampled_from(TEXTS),
            st.sampled_from(TEXTS).map(lambda t: t[1:-1]),
            st.sampled_from(TEXTS).map(str.upper),
            st.text(alphabet="aeiouklmnrst ’'%_-$\"\\\x00ïōż", max_size=6),
        ),
        min_size=1,
        max_size=3,
    ),
    any_phrase=st.booleans(),
)
def test_search_through_the_index_finds_every_hit(
    stores: tuple[FileStore, index.IndexedStore], phrases: list[str], any_phrase: bool
) -> None:
    files, indexed = stores
    folded = phrases_of(phrases)
    expected = files.search(folded, Filters(), any_phrase=any_phrase)
    found = indexed.search(folded, Filters(), any_phrase=any_phrase)
    assert [(h.record, h.field, h.spans) for h in found] == [
        (h.record, h.field, h.spans) for h in expected
    ]


@pytest.mark.parametrize(
    "filters",
    [
        Filters(),
        Filters(limit=1),
        Filters(limit=0),
        Filters(names=frozenset()),
        Filters(names=frozenset({"Żaneta Ōno", "Dmytro Kuleba"}), limit=1),
        Filters(country="PL"),
        Filters(tags=frozenset({"peace formula"})),
    ],
)
def test_every_question_gets_the_file_store_answer(
    stores: tuple[FileStore, index.IndexedStore], filters: Filters
) -> None:
    files, indexed = stores
    assert files.problems == []  # the tricky record is valid: it is among the answers
    assert indexed.select(filters) == files.select(filters)
    # `people` reads the line-ups out of the stored documents, without building records.
    assert indexed.line_ups(filters) == files.line_ups(filters)
    assert indexed.tag_counts(filters) == files.tag_counts(filters)
    assert indexed.all() == files.all()
    for mine, theirs in zip(indexed.all(), files.all(), strict=True):
        assert mine.meeting.model_fields_set == theirs.meeting.model_fields_set
        assert [p.model_fields_set for p in mine.meeting.participants] == [
            p.model_fields_set for p in theirs.meeting.participants
        ]
    assert indexed.count() == files.count()
    assert indexed.problems == files.problems
    assert indexed.participant_names() == files.participant_names()
    assert indexed.dates() == files.dates()
    for day in files.dates():
        assert indexed.on_day(day) == files.on_day(day)
    for prefix in ("", "2024-0", "2024-06-01-tricky", "2024-06-01-trickyx", "\udcff"):
        assert indexed.with_id_prefix(prefix) == files.with_id_prefix(prefix)


@pytest.mark.parametrize("section", ["aid", "condolences"])
def test_the_ledgers_read_only_the_records_with_items(
    stores: tuple[FileStore, index.IndexedStore], section: Literal["aid", "condolences"]
) -> None:
    files, indexed = stores
    expected = [r for r in files.all() if getattr(r.meeting, section)]
    assert 0 < len(expected) < len(files.all())
    assert indexed.having(section) == expected
    assert files.having(section) == expected


def test_the_ledgers_items_come_from_the_index_as_from_the_files(
    stores: tuple[FileStore, index.IndexedStore],
) -> None:
    """Every account's items, each cited to its meeting, account and place: read from the
    index's items table without building a record, equal to what the records give."""
    files, indexed = stores
    assert indexed.aid() == files.aid()
    assert indexed.condolences() == files.condolences()
    position = {r.id: n for n, r in enumerate(files.all())}
    keys = [(position[e.id], e.account, e.index) for e in indexed.aid()]
    assert keys and keys == sorted(keys)  # in corpus order, then account, then place
    for filters in (
        Filters(),
        Filters(country="PL"),
        Filters(limit=2),
        Filters(start=dt.date(2024, 1, 1), limit=1),
        Filters(kind=Kind.MEETING),
    ):
        assert indexed.ids(filters) == files.ids(filters), filters


def test_line_ups_are_each_meeting_s_date_and_participants_in_order(
    stores: tuple[FileStore, index.IndexedStore],
) -> None:
    files, indexed = stores
    line_ups = indexed.line_ups(Filters(country="PL"))
    assert line_ups == [
        (
            str(r.path),
            r.meeting.date,
            [(p.name, p.country, p.title) for p in r.meeting.participants],
        )
        for r in files.all()
        if any(p.country == "PL" for p in r.meeting.participants)
    ]
    assert ("Żaneta Ōno", "PL", None) in line_ups[-1].seats


NUL_NAMES = """\
date = 2024-05-0{n}
title = "Meeting {n}"
kind = "meeting"
tags = ["A\\u0000{n}"]

[[participants]]
name = "Ann\\u0000{n}"
country = "JP"

[[participants]]
name = "Bob"
country = "UA"
"""


@pytest.mark.parametrize("nul", [False, True], ids=["plain", "nul"])
def test_people_and_tags_read_out_of_the_index_are_the_file_store_s(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, nul: bool
) -> None:
    # SQLite's JSON functions cut a string at a NUL: with one stored, the records are built.
    root = tmp_path / "data"
    shutil.copytree(CORPUS / "meetings", root / "meetings")
    if nul:
        for n in (1, 2):
            write(root, f"meetings/2024/2024-05-0{n}-m.toml", NUL_NAMES.format(n=n))
    monkeypatch.setenv(index.ENV_CACHE, str(tmp_path / "cache"))
    indexed = index.open_indexed(root)
    assert isinstance(indexed, index.IndexedStore)
    files = FileStore(load_corpus(root))
    assert files.problems == []
    for filters in (Filters(), Filters(country="UA"), Filters(start=dt.date(2024, 1, 1))):
        assert indexed.line_ups(filters) == files.line_ups(filters)
        assert indexed.tag_counts(filters) == files.tag_counts(filters)
        assert indexed.glances(filters) == files.glances(filters)
        assert indexed.kinds(filters) == files.kinds(filters)
    # glances look for a NUL among the rows they read only: the newest two hold one.
    assert indexed.glances(Filters(limit=2)) == files.glances(Filters(limit=2))
    if nul:
        assert indexed.glances(Filters(limit=2))[0].participants[0].name == "Ann\x001"
    if nul:
        assert ("A\x001", 1) in indexed.tag_counts(Filters())
    roster = Roster(load_registry(CORPUS))
    for limit in (None, 3):
        assert indexed.people(Filters(), roster, limit) == files.people(Filters(), roster, limit)
    assert indexed.aid() == files.aid() and indexed.condolences() == files.condolences()


# -- check remembers what it found --------------------------------------------------------------


def _settled(*paths: Path) -> None:
    """Files written a while ago: the index trusts their stamps (and so may remember)."""
    old = time.time() - 3600
    for path in paths:
        os.utime(path, (old, old))


def test_check_remembers_what_it_found_and_checks_again_only_what_changed(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from readouts_cli import ledger
    from readouts_cli.people import crosscheck

    shutil.copytree(LEDGER / "meetings", corpus / "meetings", dirs_exist_ok=True)
    _settled(*corpus.rglob("*.toml"))
    checked: list[Path] = []
    ledgers: list[int] = []
    real_check, real_ledger = crosscheck.check_line_up, ledger.double_counting
    monkeypatch.setattr(
        crosscheck,
        "check_line_up",
        lambda line_up, *a, **k: checked.append(Path(line_up.path)) or real_check(line_up, *a, **k),
    )
    monkeypatch.setattr(ledger, "double_counting", lambda r: ledgers.append(1) or real_ledger(r))

    def check(*args: str) -> Result:
        checked.clear()
        ledgers.clear()
        result = run("--data", str(corpus), "check", *args)
        files = run("--data", str(corpus), "--no-cache", "check", *args)
        assert (result.code, result.out, result.err) == (files.code, files.out, files.err)
        checked.clear()  # what the file store checked does not count
        ledgers.clear()
        return run("--data", str(corpus), "check", *args)

    first = check()
    assert first.code == 0 and not checked and not ledgers  # remembered by the first run

    # A title that people.toml contradicts: that record alone is checked again.
    record = corpus / KULEBA
    text = record.read_text(encoding="utf-8").replace(
        'title = "Minister for Foreign Affairs"', 'title = "Gardener"', 1
    )
    record.write_text(text, "utf-8")
    _settled(record)
    run("--data", str(corpus), "check")
    assert checked == [record] and not ledgers  # it has no aid: the ledger holds
    assert "'Gardener', but people.toml has Kamikawa Yoko" in check().err

    # people.toml changed: every record is checked again; --strict, as another question, too.
    people = corpus / "people.toml"
    people.write_text(people.read_text("utf-8").replace("Kamikawa Yoko", "Kamikawa Y."), "utf-8")
    result = run("--data", str(corpus), "check")
    assert len(checked) == 7 and not ledgers
    assert check().err == result.err
    assert check("--strict").code == 1
    assert not checked

    # An aid record copied under another id: the ledger is read again, and says so.
    alpha = corpus / "meetings/2022/2022-03-01-alpha-beta.toml"
    copy = corpus / "meetings/2022/2022-03-02-alpha-beta.toml"
    copy.write_text(alpha.read_text("utf-8").replace("2022-03-01", "2022-03-02"), "utf-8")
    _settled(copy)
    run("--data", str(corpus), "check")
    assert ledgers == [1]
    assert "from JP again, as in 2022-03-01-alpha-beta" in check().err
    copy.unlink()
    assert "again, as in" not in check().err
