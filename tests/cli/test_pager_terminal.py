"""Paging at a real terminal: `readouts` runs in a tmux pane of 80x24 and the screen is read back.

Each test starts its own tmux server (a socket of its own) running `sh` in a fixed environment:
no PAGER, READOUTS_PAGER or LESS unless a test sets one, so a long output goes through
`less -FRX`. A command is typed as `readouts ...; echo "exit=$?"`, so "exit=0" on the screen
means the command has ended and the shell is back.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from conftest import REPO, run

pytestmark = pytest.mark.skipif(
    shutil.which("tmux") is None or shutil.which("less") is None,
    reason="needs tmux and less on PATH to drive a real terminal (apt-get install tmux less)",
)

READOUTS = Path(sys.executable).parent / "readouts"
DATA = REPO / "data"
PROMPT = "PROMPT>"
WIDTH, HEIGHT = 80, 24
TIMEOUT = 5.0  # seconds, for any one wait on the screen
MARKER = "cat; echo PAGED"  # a pager that shows on screen that it was used
ENDED = "exit=0"


class Terminal:
    """One tmux server with one 80x24 pane running a shell."""

    def __init__(self) -> None:
        self.socket = f"readouts-test-{os.getpid()}-{uuid.uuid4().hex[:12]}"
        # The socket's folder: private, short (a socket path has a length limit), removed at close.
        self.folder = tempfile.mkdtemp(prefix="readouts-tmux-")
        self.env = {key: value for key, value in os.environ.items() if key != "TMUX"}
        self.env["TMUX_TMPDIR"] = self.folder

    def start(self, cwd: Path, env: dict[str, str]) -> None:
        shell = ["env", "-i", *(f"{key}={value}" for key, value in env.items()), "sh"]
        self.tmux(
            "new-session", "-d", "-s", "test", "-x", str(WIDTH), "-y", str(HEIGHT),
            "-c", str(cwd), shlex.join(shell),
        )  # fmt: skip
        self.wait(lambda screen: screen[-1:] == [PROMPT], "the shell's first prompt")

    def tmux(self, *args: str) -> str:
        result = subprocess.run(
            ["tmux", "-L", self.socket, "-f", os.devnull, *args],
            capture_output=True, text=True, env=self.env, timeout=TIMEOUT,
        )  # fmt: skip
        assert result.returncode == 0, f"tmux {' '.join(args)}: {result.stderr}"
        return result.stdout

    def type(self, line: str) -> None:
        self.tmux("send-keys", "-t", "test", "-l", line)
        self.tmux("send-keys", "-t", "test", "Enter")

    def readouts(self, *args: str, pipe: str = "") -> None:
        """Type `readouts --data <shipped corpus> ARGS [| PIPE]; echo "exit=$?"`."""
        command = shlex.join([str(READOUTS), "--data", str(DATA), *args])
        self.type(f'{command}{f" | {pipe}" if pipe else ""}; echo "exit=$?"')

    def screen(self) -> list[str]:
        """The pane's rows, without trailing blank rows or the spaces that end a row."""
        rows = [row.rstrip() for row in self.tmux("capture-pane", "-p", "-t", "test").split("\n")]
        while rows and not rows[-1]:
            rows.pop()
        return rows

    def wait(self, ready: Callable[[list[str]], bool], what: str) -> list[str]:
        """Poll the screen until `ready` holds; fail with the screen after TIMEOUT seconds."""
        deadline = time.monotonic() + TIMEOUT
        while True:
            screen = self.screen()
            if ready(screen):
                return screen
            if time.monotonic() > deadline:
                shown = "\n".join(screen)
                pytest.fail(f"waited {TIMEOUT} s for {what}; the screen shows:\n{shown}")
            time.sleep(0.05)

    def wait_until_ended(self) -> list[str]:
        """Wait for the command's "exit=0" followed by the shell's prompt at the bottom."""
        return self.wait(
            lambda screen: screen[-2:] == [ENDED, PROMPT], 'the command to end ("exit=0")'
        )

    def close(self) -> None:
        """Kill the server (and so the shell and whatever runs in it), remove its socket."""
        try:
            subprocess.run(
                ["tmux", "-L", self.socket, "kill-server"],
                capture_output=True,
                env=self.env,
                timeout=TIMEOUT,
            )
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


Opener = Callable[..., Terminal]


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Opener]:
    """Open a terminal with the fixed environment plus any variables given; closed at teardown."""
    opened: list[Terminal] = []

    def open_terminal(**extra: str) -> Terminal:
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(tmp_path),
            "TERM": "xterm-256color",
            "LC_ALL": "C.UTF-8",
            "NO_COLOR": "1",
            "READOUTS_CACHE": str(tmp_path / "cache"),
            "PS1": f"{PROMPT} ",
            **extra,
        }
        term = Terminal()
        opened.append(term)  # before starting, so a server that fails to start is killed too
        term.start(tmp_path, env)
        return term

    try:
        yield open_terminal
    finally:
        for term in opened:
            term.close()


@pytest.fixture
def ids() -> list[str]:
    """The shipped corpus's meeting ids, in the order `list` prints them."""
    result = run("--data", str(DATA), "--no-cache", "list", "-f", "json")
    assert result.code == 0, result.err
    meetings = json.loads(result.out)
    assert len(meetings) > HEIGHT, "the shipped corpus should list taller than the screen"
    return [meeting["id"] for meeting in meetings]


def is_header(row: str) -> bool:
    return row.split()[:1] == ["ID"]


def test_long_output_is_paged_from_the_top_until_q(terminal: Opener, ids: list[str]) -> None:
    term = terminal()
    term.readouts("--no-cache", "list")
    screen = term.wait(
        lambda screen: screen[-1:] == [":"] and is_header(screen[0]),
        "less's ':' prompt under the table's header",
    )
    assert screen[1].startswith(ids[0] + " "), screen
    assert not any(row.startswith(ids[-1]) for row in screen), "the end should not be shown yet"
    assert ENDED not in screen, "the command should still wait in the pager"

    term.tmux("send-keys", "-t", "test", "q")
    term.wait_until_ended()


def assert_shows_the_end(screen: list[str], ids: list[str]) -> None:
    """The table's last row just above "exit=0", its header scrolled away, no pager prompt."""
    assert screen[-3].startswith(ids[-1] + " "), screen
    assert not any(is_header(row) for row in screen), "the header should have scrolled away"
    assert ":" not in screen, "no pager should have been used"


def test_no_pager_prints_everything(terminal: Opener, ids: list[str]) -> None:
    term = terminal()
    term.readouts("--no-pager", "--no-cache", "list")
    assert_shows_the_end(term.wait_until_ended(), ids)


def test_piped_output_is_not_paged(terminal: Opener, ids: list[str]) -> None:
    term = terminal()
    term.readouts("--no-cache", "list", pipe="cat")
    assert_shows_the_end(term.wait_until_ended(), ids)


def test_piped_output_never_runs_the_pager(tmp_path: Path, ids: list[str]) -> None:
    env = {
        **os.environ,
        "READOUTS_PAGER": "false",  # would swallow the output if it were used
        "NO_COLOR": "1",
        "READOUTS_CACHE": str(tmp_path / "cache"),
    }
    result = subprocess.run(
        [str(READOUTS), "--data", str(DATA), "--no-cache", "list"],
        capture_output=True, text=True, env=env, timeout=30,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    rows = result.stdout.splitlines()
    assert is_header(rows[0])
    assert [row.split()[0] for row in rows[1:]] == ids


@pytest.mark.parametrize("pager", [{}, {"READOUTS_PAGER": MARKER}], ids=["default", "marker"])
def test_short_output_is_printed_directly(terminal: Opener, pager: dict[str, str]) -> None:
    term = terminal(**pager)
    term.readouts("--no-cache", "list", "-n", "3")
    screen = term.wait_until_ended()  # no "q" sent: nothing waits
    table = screen[-6:-2]
    assert is_header(table[0]), screen
    assert all(row[:4].isdigit() for row in table[1:]), screen
    assert "PAGED" not in screen, "the pager should not run"


def test_readouts_pager_comes_before_pager(terminal: Opener, ids: list[str]) -> None:
    term = terminal(READOUTS_PAGER=MARKER, PAGER="false")
    term.readouts("--no-cache", "list")
    screen = term.wait_until_ended()
    assert screen[-3] == "PAGED", screen
    assert screen[-4].startswith(ids[-1] + " "), screen
