"""Fault injection: each class of failure met by a user or an operator, run as they would meet
it, through the installed executable.

Every case checks the exit code, the one `error:` line on stderr (never a traceback), that
stdout stays clean, that no file changed, and that once the fault is gone the answer equals
reading the files (`--no-cache`). The cases that start processes or build big trees are
marked `slow`: CI runs them; `pytest -m "not slow"` skips them locally.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import FIXTURES, GOOD, run, write

READOUTS = Path(sys.executable).parent / "readouts"
CORPUS = FIXTURES / "corpus"
SETPRIV = shutil.which("setpriv")

pytestmark = pytest.mark.skipif(not READOUTS.exists(), reason="the readouts script is absent")


def readouts(
    *args: str, cache: Path, user: bool = False, stdin: bytes = b"", shell: str | None = None
) -> subprocess.CompletedProcess[str]:
    """The executable, as root or (`user`) as nobody, with its own cache folder."""
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(cache),
        "READOUTS_CACHE": str(cache / "cache"),
        "COLUMNS": "80",
        "LC_ALL": "C.UTF-8",
    }
    command = [str(READOUTS), *args]
    if shell is not None:  # e.g. a ulimit before the command
        command = ["bash", "-c", f'{shell}; exec "$@"', "bash", *command]
    if user:
        assert SETPRIV is not None
        command = [SETPRIV, "--reuid=65534", "--regid=65534", "--clear-groups", *command]
    done = subprocess.run(
        command, input=stdin, env=env, capture_output=True, timeout=60, check=False
    )
    return subprocess.CompletedProcess(
        done.args, done.returncode, done.stdout.decode(), done.stderr.decode()
    )


def no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stderr, result.stderr


@pytest.fixture
def world(tmp_path: Path) -> Iterator[Path]:
    """A folder anyone may enter (pytest's own is root's alone), for the cases run as nobody."""
    folder = Path(tempfile.mkdtemp(prefix="readouts-faults-", dir="/tmp"))
    folder.chmod(0o777)
    try:
        yield folder
    finally:
        for path in folder.rglob("*"):  # make everything removable again
            if path.is_dir() and not path.is_symlink():
                path.chmod(0o755)
        shutil.rmtree(folder, ignore_errors=True)


def corpus_in(folder: Path, mode: int = 0o755) -> Path:
    root = folder / "data"
    shutil.copytree(CORPUS, root)
    for path in [root, *root.rglob("*")]:
        path.chmod(mode if path.is_dir() else 0o644)
    return root


def snapshot(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and not p.is_symlink()
    }


# -- stale answers --------------------------------------------------------------------------


def test_an_edit_that_keeps_size_and_mtime_is_seen(tmp_path: Path) -> None:
    root = corpus_in(tmp_path)
    path = root / "meetings/2024/2024-01-07-kamikawa-zelenskyy.toml"
    before = readouts("--data", str(root), "search", "Bucha", "-f", "json", cache=tmp_path)
    assert json.loads(before.stdout)
    info = path.stat()
    # The same length, the same mtime (as `touch -r`, `cp -p` or `rsync -t` leave them).
    path.write_text(path.read_text().replace("Bucha", "Lviv!"))
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert path.stat().st_size == info.st_size
    after = readouts("--data", str(root), "search", "Bucha", "-f", "json", cache=tmp_path)
    files = readouts(
        "--data", str(root), "--no-cache", "search", "Bucha", "-f", "json", cache=tmp_path
    )
    assert (after.returncode, after.stdout) == (files.returncode, files.stdout) == (0, "[]\n")


@pytest.mark.slow
@pytest.mark.skipif(SETPRIV is None, reason="setpriv is needed to drop root's rights")
def test_a_record_made_unreadable_after_indexing_is_reported(world: Path) -> None:
    root = corpus_in(world)
    cache = world / "home"
    cache.mkdir(mode=0o777)
    warm = readouts("--data", str(root), "list", cache=cache, user=True)
    assert warm.returncode == 0
    path = root / "meetings/2023/2023-09-20-kamikawa-kuleba.toml"
    path.chmod(0o000)
    for extra in ([], ["--no-cache"]):
        result = readouts("--data", str(root), *extra, "check", cache=cache, user=True)
        assert result.returncode == 1
        assert f"error: {path}: cannot be read: permission denied" in result.stderr
        no_traceback(result)


# -- hangs ------------------------------------------------------------------------------------


def test_a_named_pipe_where_a_record_should_be_is_a_problem_not_a_hang(tmp_path: Path) -> None:
    root = corpus_in(tmp_path)
    fifo = root / "meetings/2024/2024-02-01-pipe.toml"
    os.mkfifo(fifo)
    for extra in ([], ["--no-cache"]):
        started = time.monotonic()
        result = readouts("--data", str(root), *extra, "list", cache=tmp_path)
        assert time.monotonic() - started < 30
        assert (result.returncode, result.stdout) == (1, "")
        assert f"error: {fifo}: not a regular file" in result.stderr
        skipped = readouts("--data", str(root), *extra, "--skip-invalid", "list", cache=tmp_path)
        assert skipped.returncode == 0 and "2024-01-07-kamikawa-zelenskyy" in skipped.stdout


# -- silent loss of coverage ------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.skipif(SETPRIV is None, reason="setpriv is needed to drop root's rights")
def test_a_year_folder_that_cannot_be_read_is_reported(world: Path) -> None:
    root = corpus_in(world)
    cache = world / "home"
    cache.mkdir(mode=0o777)
    (root / "meetings/2024").chmod(0o000)
    for extra in ([], ["--no-cache"]):
        check = readouts("--data", str(root), *extra, "check", cache=cache, user=True)
        assert check.returncode == 1
        assert (
            f"error: {root / 'meetings/2024'}: folder cannot be read: permission denied; "
            "its records are left out"
        ) in check.stderr
        listed = readouts("--data", str(root), *extra, "list", cache=cache, user=True)
        assert (listed.returncode, listed.stdout) == (1, "")


# -- tracebacks instead of errors -------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.skipif(SETPRIV is None, reason="setpriv is needed to drop root's rights")
def test_writing_into_a_read_only_folder_is_one_error_line(world: Path) -> None:
    root = corpus_in(world)
    cache = world / "home"
    cache.mkdir(mode=0o777)
    before = snapshot(root)
    made = readouts(
        "--data", str(root), "new", "--date", "2024-03-01", "--kind", "meeting",
        "--title", "T", cache=cache, user=True,
    )  # fmt: skip
    assert (made.returncode, made.stdout) == (1, "")
    assert "cannot write: permission denied" in made.stderr
    assert "hint: you may not write in that folder" in made.stderr
    no_traceback(made)
    formatted = readouts("--data", str(root), "fmt", cache=cache, user=True)
    no_traceback(formatted)
    assert snapshot(root) == before


def test_a_full_disk_is_one_error_line_and_leaves_no_year_folder(tmp_path: Path) -> None:
    root = tmp_path / "data"
    (root / "meetings").mkdir(parents=True)
    result = readouts(
        "--data", str(root), "new", "--date", "2030-03-01", "--kind", "meeting", "--title", "T",
        cache=tmp_path, shell="trap '' XFSZ; ulimit -f 0",
    )  # fmt: skip
    assert (result.returncode, result.stdout) == (1, "")
    assert "cannot write: file too large" in result.stderr
    no_traceback(result)
    assert list((root / "meetings").iterdir()) == []


@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
def test_output_to_a_full_device_is_one_error_line(tmp_path: Path, fmt: str) -> None:
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [str(READOUTS), "--data", str(CORPUS), "list", "-f", fmt],
            stdout=full,
            stderr=subprocess.PIPE,
            env={**os.environ, "READOUTS_CACHE": str(tmp_path)},
            timeout=60,
            check=False,
        )
    assert done.returncode == 1
    assert done.stderr.decode() == "error: cannot write the output: no space left on device\n"


@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
def test_a_closed_pipe_ends_the_same_for_every_format(tmp_path: Path, fmt: str) -> None:
    reader = subprocess.Popen(
        [str(READOUTS), "--data", str(FIXTURES / "views"), "list", "-f", fmt],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "READOUTS_CACHE": str(tmp_path)},
    )
    assert reader.stdout is not None and reader.stderr is not None
    reader.stdout.close()  # the reader goes away before the first line
    assert reader.wait(timeout=60) == 141
    with reader.stderr:
        assert reader.stderr.read() == b""


@pytest.mark.slow
def test_a_very_deep_folder_tree_is_walked_without_recursion(tmp_path: Path) -> None:
    root = corpus_in(tmp_path)
    deep = root / "meetings"
    for _ in range(1100):  # deeper than Python's recursion limit, within PATH_MAX
        deep = deep / "d"
        deep.mkdir()
    shutil.copy(CORPUS / "meetings/2015/2015-03-02-abe-klimkin.toml", deep / "2015-03-09-a-b.toml")
    try:
        for extra in ([], ["--no-cache"]):
            result = readouts("--data", str(root), *extra, "check", cache=tmp_path)
            no_traceback(result)
            assert result.returncode == 1  # the file name's date is not its meeting's
            assert "2015-03-09-a-b.toml:1: date: file name starts with 2015-03-09" in result.stderr
    finally:  # bottom up: pytest's own clean-up (and rmtree) would recurse as deep
        (deep / "2015-03-09-a-b.toml").unlink()
        while deep != root / "meetings":
            deep.rmdir()
            deep = deep.parent


def test_an_unexpected_failure_asks_for_a_bug_report_and_debug_shows_it(tmp_path: Path) -> None:
    from readouts_cli.cli import entry

    assert "--debug" in entry.BUG_HINT
    result = readouts("--data", str(tmp_path / "x"), "list", cache=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr


# -- leftovers --------------------------------------------------------------------------------


def test_temporary_files_of_killed_runs_are_removed_by_the_next(tmp_path: Path) -> None:
    root = corpus_in(tmp_path)
    folder = root / "meetings/2024"
    dead = subprocess.Popen(["true"])
    dead.wait()
    killed = folder / f".2024-01-07-kamikawa-zelenskyy.toml.{dead.pid}.x1y2.tmp"
    killed.write_text("half a record")
    alive = folder / f".other.toml.{os.getpid()}.a1b2.tmp"
    alive.write_text("a write under way")
    mine = folder / ".notes.tmp"  # not a name readouts writes: never touched
    mine.write_text("the user's")
    index = tmp_path / "cache"
    result = readouts("--data", str(root), "fmt", cache=tmp_path)
    assert result.returncode == 0, result.stderr
    assert not killed.exists() and alive.exists() and mine.exists()
    databases = list(index.glob("index-*.sqlite3"))
    stale = databases[0].with_name(f"{databases[0].name}.{dead.pid}.tmp") if databases else None
    if stale is not None:
        stale.write_bytes(b"a killed build")
        readouts("--data", str(root), "list", cache=tmp_path)
        assert not stale.exists()


@pytest.mark.slow
def test_workers_die_with_a_killed_build(tmp_path: Path) -> None:
    root = tmp_path / "many"
    text = (CORPUS / "meetings/2024/2024-01-07-kamikawa-zelenskyy.toml").read_text()
    for n in range(3000):
        day = f"2024-01-{n % 28 + 1:02d}"
        write(root, f"meetings/{2000 + n % 20}/{day}-m-{n}.toml", text.replace("2024-01-07", day))
    build = subprocess.Popen(
        [str(READOUTS), "--data", str(root), "list", "-n", "1"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "READOUTS_CACHE": str(tmp_path / "cache")},
    )
    workers: list[str] = []
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not workers and build.poll() is None:
        found = subprocess.run(["pgrep", "-P", str(build.pid)], capture_output=True, text=True)
        workers = found.stdout.split()
        time.sleep(0.05)
    if not workers:
        build.wait()
        pytest.skip("the build finished before its workers could be seen")
    build.send_signal(signal.SIGKILL)
    build.wait()
    time.sleep(1)
    left = [w for w in workers if running(w)]
    assert left == [], "workers outlived the build they worked for"


def running(pid: str) -> bool:
    """Whether a process runs: a zombie (dead, waiting for a parent to reap it) does not."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


# -- races ------------------------------------------------------------------------------------


def test_a_file_deleted_while_the_folder_is_read_counts_as_deleted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from readouts_cli import corpus, tomlio

    root = corpus_in(tmp_path)
    gone = root / "meetings/2023/2023-09-20-kamikawa-kuleba.toml"
    real = tomlio.read_text

    def deleting(path: Path) -> str:
        if path == gone:
            gone.unlink()  # deleted between the listing and the reading
        return real(path)

    monkeypatch.setattr(corpus.tomlio, "read_text", deleting)
    result = run("--data", str(root), "--no-cache", "list", "-f", "json")
    assert result.code == 0, result.err
    assert "2023-09-20-kamikawa-kuleba" not in result.out


# -- inconsistent input handling --------------------------------------------------------------


def test_import_refuses_bad_utf8_on_stdin_as_in_a_file(tmp_path: Path) -> None:
    data = b"January 7, 2024\nCourtesy call\n\nOn January 7, Mr. \xff met someone.\n"
    (tmp_path / "page.txt").write_bytes(data)
    piped = readouts("import", "-", stdin=data, cache=tmp_path)
    filed = readouts("import", str(tmp_path / "page.txt"), cache=tmp_path)
    for result, where in ((piped, "<stdin>"), (filed, str(tmp_path / "page.txt"))):
        assert (result.returncode, result.stdout) == (1, "")
        assert result.stderr.startswith(f"error: {where}:4: not UTF-8 text")


def test_import_refuses_a_text_larger_than_a_readout(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * (1024 * 1024 + 1))
    result = readouts("import", str(big), cache=tmp_path)
    assert (result.returncode, result.stdout) == (1, "")
    assert "larger than a record can be" in result.stderr or "larger than" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["aid", "--donor", ""],
        ["condolences", "--by", " "],
        ["list", "-t", ""],
        ["list", "-p", ""],
        ["search", ""],
        ["list", "--on", "２０２４"],
        ["show", "２０２４-01-07"],
    ],
)
def test_blank_or_malformed_arguments_are_usage_errors(args: list[str]) -> None:
    result = run("--data", str(CORPUS), *args)
    assert (result.code, result.out) == (2, "")
    assert "Invalid value for" in result.err or "Error:" in result.err


def test_a_typo_in_data_is_refused_by_writing_commands_too(tmp_path: Path) -> None:
    typo = tmp_path / "dta"
    for args in (["new", "--date", "2024-03-01", "--kind", "meeting", "--title", "T"], ["fmt"]):
        result = run("--data", str(typo), *args)
        assert (result.code, result.out) == (1, "")
        assert f"error: {typo}: no such data folder" in result.err
        assert not typo.exists()
    made = run(
        "--data", str(typo), "new", "--create", "--date", "2024-03-01", "--kind", "meeting",
        "--title", "T",
    )  # fmt: skip
    assert made.code == 0 and (typo / "meetings/2024/2024-03-01.toml").exists()


def test_a_good_record_beside_a_bad_one_is_answered_the_same(tmp_path: Path) -> None:
    root = tmp_path / "d"
    write(root, "meetings/2024/2024-01-07-a-b.toml", GOOD)
    write(root, "meetings/2024/2024-01-08-bad.toml", "\x00\x01 not toml [[[")
    for extra in ([], ["--no-cache"]):
        result = run("--data", str(root), *extra, "--skip-invalid", "list", "-f", "json")
        assert result.code == 0
        assert [r["id"] for r in json.loads(result.out)] == ["2024-01-07-a-b"]
