"""Time readouts on synthetic corpora of 1,000, 10,000 and 100,000 records, beside its peers.

    python benchmarks/run.py [--sizes 1000,10000,100000] [--runs 5]
                             [--peers-bin DIR] [--no-peers | --peers-only] [--timeout SECONDS]

Every timing is a whole process (start-up included), the median of several runs. For each size
it times each command warm and right after one file was edited, the first one (list -n 20) also
cold (no index: it builds it), and, for the smaller sizes, the first four with --no-cache
(reading every file, as before the index). The commands are those of issue 14: the bounded
answers (list -n 20, show DAY, search, person, people -n 20, aid --totals, condolences -n 20,
check) and two long views timed per printed line (list of every meeting, the whole aid
ledger). In the same run, as yardsticks: `grep -ril "peace formula"` over the same files,
parsing every file with tomllib on one core, `python -c "import typer, rich.table, pydantic"`
(the fixed stack's start-up), `python -c "import typer"`, `readouts --version` and `readouts
list` over an empty data folder. Peak memory is the largest resident set of a warm run and of
a cold one (its worker processes included). The targets of issue 14 are printed with what the
run measured.
The corpora are written to a temporary folder and deleted afterwards; the index goes to a
temporary cache folder too.

Peers. When they are installed, the same corpus is converted for hledger (a journal; aid as
postings), khal (a vdir, one .ics per meeting) and jrnl (a plain-text journal, participants
as @tags), and the tasks of the issue are timed warm beside readouts, in turn, in the same
run (see peers.py for the conversions):

    aid totals per year and currency  readouts aid --totals  hledger bal -Y
    latest 20 meetings                readouts list -n 20    hledger print -b DAY,
                                                             khal list DAY LAST, jrnl -n 20
    one day in full                   readouts show DAY      khal list DAY DAY, jrnl -on DAY
    phrase search                     readouts search PHRASE khal search, jrnl -contains,
                                                             grep -ril
    one person                        readouts person NAME   jrnl @Name

Peers are looked for on PATH, or first in DIR with --peers-bin DIR (say, a virtual
environment's bin holding jrnl and khal, which are best kept out of readouts' own). The output
says which were found and which not; a peer not found is left out. Every peer runs with its
own config in the temporary folder (jrnl --config-file, khal -c, hledger -f), stdin from
/dev/null and a time limit (--timeout), once untimed to warm its caches (khal builds its
database then) and to count the meetings in its answer against the files, then timed. A
second table gives each task: readouts, each peer, and readouts / the fastest peer.
--peers-only prints that table alone, skipping readouts' cold, after-edit and --no-cache
timings; --no-peers leaves the peers out.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import peers  # noqa: E402
import synth  # noqa: E402

PEACE = "Peace Formula"
OLD = time.mktime((2025, 1, 1, 12, 0, 0, 0, 0, -1))  # the corpus was written long ago
TOMLLIB = (
    "import pathlib, sys, tomllib\n"
    "for p in sorted(pathlib.Path(sys.argv[1]).rglob('*.toml')):\n"
    "    tomllib.loads(p.read_text(encoding='utf-8'))\n"
)


@dataclass
class Run:
    seconds: float
    peak_mb: float
    code: int
    err: str


@dataclass
class Row:
    label: str
    cold: list[Run] = field(default_factory=list)
    warm: list[Run] = field(default_factory=list)
    edited: list[Run] = field(default_factory=list)
    no_cache: list[Run] = field(default_factory=list)
    skipped: str = ""
    lines: int = 0  # lines the command printed (at 120 columns)
    bounded: bool = True  # its output does not grow with the corpus (a limit, one day...)


# A child's peak memory counts the memory of the process that started it (Linux folds it in
# at exec), so a small runner starts and times each command, not this growing script.
RUNNER = """
import json, os, subprocess, sys, threading, time
limit = float(sys.argv[1])
start = time.perf_counter()
child = subprocess.Popen(
    sys.argv[2:], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    text=True,
)
timer = threading.Timer(limit, child.kill)
timer.start()
err = child.stderr.read()
_, status, usage = os.wait4(child.pid, 0)
timer.cancel()
seconds = time.perf_counter() - start
print(json.dumps([seconds, usage.ru_maxrss, os.waitstatus_to_exitcode(status), err]))
"""
TIMEOUT = 600.0  # seconds; no command waits for input (stdin is /dev/null), none runs longer


def run(argv: Sequence[str], env: dict[str, str], timeout: float = TIMEOUT) -> Run:
    """Run a whole process: its wall time and peak resident memory (from wait4).

    A process still running after `timeout` seconds is killed (its code is then -9).
    """
    done = subprocess.run(
        [sys.executable, "-c", RUNNER, str(timeout), *argv],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=timeout + 60,
    )
    seconds, maxrss, code, err = json.loads(done.stdout)
    kilobytes = maxrss / (1024 if sys.platform == "darwin" else 1)
    return Run(seconds, kilobytes / 1024, code, err)


def median(runs: Sequence[Run]) -> float | None:
    return statistics.median(r.seconds for r in runs) if runs else None


def peak(*groups: Sequence[Run]) -> float | None:
    found = [r.peak_mb for runs in groups for r in runs]
    return max(found) if found else None


def source_digest() -> str:
    import hashlib

    digest = hashlib.blake2b()
    for path in sorted((Path(__file__).parents[1] / "src" / "readouts_cli").rglob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def readouts_command() -> list[str]:
    script = Path(sys.executable).with_name("readouts")
    return [str(script)] if script.exists() else [sys.executable, "-m", "readouts_cli"]


def bench_size(
    size: int,
    runs: int,
    work: Path,
    base_env: dict[str, str],
    found: dict[str, str | None] | None = None,
    own: bool = True,
    peer_timeout: float = TIMEOUT,
) -> tuple[list[Row], list[PeerRow]]:
    """readouts' own rows (unless not `own`), then the peers' rows (when `found` is given)."""
    root = work / f"corpus-{size}"
    cache = work / f"cache-{size}"
    started = time.perf_counter()
    corpus = synth.generate(root, size)
    for path in [*corpus.paths, root / "people.toml"]:
        os.utime(path, (OLD, OLD))
    print(f"  {size:,} records written in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    env = {**base_env, "READOUTS_CACHE": str(cache)}
    readouts = [*readouts_command(), "--data", str(root)]
    big = size > 20_000
    cold_runs = 1 if big else runs
    many = max(2, runs // 2) if big else runs
    # (label, arguments, bounded): the bounded answers do not grow with the corpus; the two
    # long views (every meeting, the whole ledger) are timed per printed line.
    commands = [
        ("list -n 20", ["list", "-n", "20"], True),
        (f'search "{PEACE}"', ["search", PEACE], True),
        (f"show {corpus.day}", ["show", str(corpus.day)], True),
        (f"person {corpus.busiest.split()[0]}", ["person", corpus.busiest], True),
        ("people -n 20", ["people", "-n", "20"], True),
        ("aid --totals", ["aid", "--totals"], True),
        ("condolences -n 20", ["condolences", "-n", "20"], True),
        ("check", ["check"], True),
        ("list (every meeting)", ["list"], False),
        ("aid (the whole ledger)", ["aid"], False),
    ]
    if not own:
        commands = []
    edited = corpus.paths[len(corpus.paths) // 3]
    original = edited.read_text(encoding="utf-8")
    rows: list[Row] = []
    for number, (label, args, bounded) in enumerate(commands):
        row = Row(label, bounded=bounded)
        rows.append(row)
        print(f"  {size:,}: {label}", file=sys.stderr)
        if number == 0:
            # Cold: no index yet, so the first command builds it (what any first command
            # costs, and what the cold target is about). Timed for the first command only.
            shutil.rmtree(cache, ignore_errors=True)
        first = run([*readouts, *args], env)
        if first.code == 2 and "No such command" in first.err:
            row.skipped = "no such command yet"
            continue
        if first.code not in (0, 1) or (first.code == 1 and args != ["check"]):
            raise SystemExit(f"readouts {' '.join(args)} failed:\n{first.err}")
        if number == 0:
            row.cold.append(first)
            for _ in range(cold_runs - 1):
                shutil.rmtree(cache, ignore_errors=True)
                row.cold.append(run([*readouts, *args], env))
        _, out, _ = capture([*readouts, *args], env, TIMEOUT)
        row.lines = out.count("\n")
        row.warm = [run([*readouts, *args], env) for _ in range(many)]
        for n in range(many):
            # A comment keeps the record valid and the output the same; mtime and size move.
            edited.write_text(f"{original}# edited {n}\n", encoding="utf-8")
            row.edited.append(run([*readouts, *args], env))
        edited.write_text(original, encoding="utf-8")
        os.utime(edited, (OLD, OLD))
        run([*readouts, *args], env)  # the index takes the original back
        if not big and number < 4:
            row.no_cache = [
                run([*readouts, "--no-cache", *args], env) for _ in range(max(1, runs // 2))
            ]
    for run_ in [r for row in rows for r in (*row.cold, *row.warm, *row.edited, *row.no_cache)]:
        if run_.code not in (0, 1):
            raise SystemExit(f"a run failed:\n{run_.err}")
    meetings = root / "meetings"
    if own:
        grep = Row('grep -ril "peace formula"')
        grep.warm = [run(["grep", "-ril", PEACE.lower(), str(meetings)], env) for _ in range(runs)]
        parse = Row("tomllib, every file, one core")
        parse.warm = [run([sys.executable, "-c", TOMLLIB, str(meetings)], env) for _ in range(runs)]
        rows += [grep, parse]
    peer_rows = []
    if found is not None:
        peer_rows = bench_peers(size, runs, corpus, root, work, env, readouts, found, peer_timeout)
    shutil.rmtree(root)
    shutil.rmtree(cache, ignore_errors=True)
    return rows, peer_rows


@dataclass
class PeerRow:
    size: int
    task: peers.Task
    readouts: list[Run] = field(default_factory=list)
    peers: dict[str, list[Run]] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    failed: dict[str, str] = field(default_factory=dict)


def capture(argv: Sequence[str], env: dict[str, str], timeout: float) -> tuple[int, str, str]:
    """One run with its output kept (the warm-up run, whose answer is checked)."""
    try:
        done = subprocess.run(
            argv, env=env, stdin=subprocess.DEVNULL, capture_output=True, timeout=timeout
        )
    except subprocess.TimeoutExpired:
        return -9, "", f"killed after {timeout:.0f} s"
    out = done.stdout.decode("utf-8", "replace")
    return done.returncode, out, done.stderr.decode("utf-8", "replace")


def bench_peers(
    size: int,
    runs: int,
    corpus: synth.Generated,
    root: Path,
    work: Path,
    env: dict[str, str],
    readouts: list[str],
    found: dict[str, str | None],
    timeout: float,
) -> list[PeerRow]:
    """Each task of the issue timed warm with readouts and with each peer, in turn."""
    started = time.perf_counter()
    meetings = peers.load(corpus.paths)
    folder = work / f"peers-{size}"
    files = peers.convert(meetings, folder, found)
    print(
        f"  {size:,}: converted for {', '.join(files) or 'no peer'} "
        f"in {time.perf_counter() - started:.1f} s",
        file=sys.stderr,
    )
    # hledger (GHC) reads files in the locale's encoding: make it UTF-8.
    peer_env = {**env, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
    tasks = peers.tasks(
        meetings, root / "meetings", corpus.day, corpus.busiest, PEACE, found, files
    )
    rows = []
    for task in tasks:
        row = PeerRow(size, task)
        rows.append(row)
        print(f"  {size:,}: peers, {task.label}", file=sys.stderr)
        code, _, err = capture([*readouts, *task.readouts], env, timeout)  # warm-up
        if code != 0:
            raise SystemExit(f"readouts {' '.join(task.readouts)} failed:\n{err}")
        live = {}
        for name, argv in task.peers.items():
            code, out, err = capture(argv, peer_env, timeout)  # warm-up, and its answer
            if code != 0:
                row.failed[name] = f"exit {code}: {err.strip()[-200:]}"
                continue
            counter = task.counters.get(name)
            if counter is not None:
                row.counts[name] = counter(out)
            live[name] = argv
            row.peers[name] = []
        for _ in range(runs):  # in turn, so that a slow spell of the machine hits all alike
            row.readouts.append(run([*readouts, *task.readouts], env, timeout))
            for name, argv in live.items():
                row.peers[name].append(run(argv, peer_env, timeout))
        for name, timed in list(row.peers.items()):
            bad = next((r for r in timed if r.code != 0), None)
            if bad is not None:
                row.failed[name] = f"exit {bad.code}: {bad.err.strip()[-200:]}"
                del row.peers[name]
        if any(r.code != 0 for r in row.readouts):
            raise SystemExit(f"readouts {' '.join(task.readouts)} failed")
    shutil.rmtree(folder, ignore_errors=True)
    return rows


def peers_found(found: dict[str, str | None], env: dict[str, str]) -> str:
    """Which peers were found (with their versions) and which were not."""
    here, missing = [], []
    for name in peers.PEERS:
        path = found.get(name)
        if not path:
            missing.append(name)
            continue
        code, out, err = capture([path, "--version"], env, 60)
        first = (out or err).strip().splitlines()[:1]
        here.append(f"{name} ({first[0] if code == 0 and first else 'version unknown'}, {path})")
    lines = ["peers found: " + (", ".join(here) or "none")]
    lines.append("peers not found: " + (", ".join(missing) or "none"))
    return "\n".join(lines)


def peers_table(rows: list[PeerRow], found: dict[str, str | None]) -> str:
    """task | readouts | each peer found | readouts / fastest peer, and what was checked."""
    names = [n for n in peers.PEERS if found.get(n)]
    head = ("records", "task", "readouts", *names, "readouts/fastest")
    lines: list[tuple[str, ...]] = [head]
    notes: list[str] = []
    for row in rows:
        cells = []
        fastest: tuple[float, str] | None = None
        for name in names:
            if name in row.failed:
                cells.append("failed")
                notes.append(f"{row.size:,} {row.task.label}, {name}: {row.failed[name]}")
                continue
            if name not in row.peers:
                cells.append("")
                continue
            value = median(row.peers[name])
            mark = ""
            count = row.counts.get(name)
            expected = row.task.expected_for.get(name, row.task.expected)
            if name in row.task.notes:
                mark = "†"
                notes.append(
                    f"† {row.size:,} {row.task.label}, {name}: {row.task.notes[name]} "
                    f"({expected} meetings)"
                )
            if count is not None and expected is not None and count != expected:
                mark += "*"
                notes.append(
                    f"* {row.size:,} {row.task.label}, {name}: "
                    f"{count} meetings in its answer, {expected} expected"
                )
            cells.append(seconds(value) + mark)
            if value is not None and (fastest is None or value < fastest[0]):
                fastest = (value, name)
        own = median(row.readouts)
        ratio = f"{own / fastest[0]:.1f}× ({fastest[1]})" if own and fastest else ""
        lines.append((f"{row.size:,}", row.task.label, seconds(own), *cells, ratio))
    widths = [max(len(line[i]) for line in lines) for i in range(len(head))]
    out = []
    for index, line in enumerate(lines):
        cells = [
            c.ljust(w) if i == 1 else c.rjust(w)
            for i, (c, w) in enumerate(zip(line, widths, strict=True))
        ]
        out.append("  ".join(cells).rstrip())
        if index == 0:
            out.append("  ".join("-" * w for w in widths))
    checked = [
        f"{row.size:,} {row.task.label}: {row.task.expected}"
        for row in rows
        if row.task.expected is not None
    ]
    out.append("")
    out.append(
        "Each peer's first (untimed) answer was counted against the files; meetings expected: "
        + "; ".join(checked)
        + "."
    )
    out.extend(notes)
    return "\n".join(out)


def seconds(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"


def megabytes(row: Row) -> str:
    """Peak memory warm, and cold where the command was timed cold."""
    cold = peak(row.cold)
    return f"{peak(row.warm) or 0:.0f}" + (f" / {cold:.0f}" if cold is not None else "")


def table(results: dict[int, list[Row]], floor: list[Row]) -> str:
    head = (
        "records",
        "command",
        "lines",
        "cold",
        "warm",
        "after edit",
        "--no-cache",
        "warm/grep",
        "edit/warm",
        "peak MB warm/cold",
    )
    lines: list[tuple[str, ...]] = [head]
    for size, rows in results.items():
        grep = median(rows[-2].warm)
        for row in rows:
            if row.skipped:
                lines.append((f"{size:,}", row.label, "", row.skipped, "", "", "", "", "", ""))
                continue
            yardstick = row is rows[-2] or row is rows[-1]
            warm = median(row.warm)
            edited = median(row.edited)
            lines.append(
                (
                    f"{size:,}",
                    row.label,
                    f"{row.lines:,}" if row.lines else "",
                    seconds(median(row.cold)),
                    seconds(warm),
                    seconds(edited),
                    seconds(median(row.no_cache)),
                    f"{warm / grep:.1f}×" if warm and grep else "",
                    f"{edited / warm:.2f}×" if edited and warm else "",
                    "" if yardstick else megabytes(row),
                )
            )
    for row in floor:
        lines.append(("", row.label, "", "", seconds(median(row.warm)), "", "", "", "", ""))
    widths = [max(len(line[i]) for line in lines) for i in range(len(head))]
    right = {0, 2, 3, 4, 5, 6, 7, 8, 9}
    out = []
    for index, line in enumerate(lines):
        cells = [
            c.rjust(w) if i in right else c.ljust(w)
            for i, (c, w) in enumerate(zip(line, widths, strict=True))
        ]
        out.append("  ".join(cells).rstrip())
        if index == 0:
            out.append("  ".join("-" * w for w in widths))
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes", default="1000,10000,100000", help="corpus sizes, comma-separated"
    )
    parser.add_argument("--runs", type=int, default=5, help="runs per timing (fewer for 100k)")
    parser.add_argument(
        "--peers-bin",
        type=Path,
        metavar="DIR",
        help="look for the peers (hledger, khal, jrnl) in DIR first, then on PATH",
    )
    parser.add_argument("--no-peers", action="store_true", help="leave the peers out")
    parser.add_argument(
        "--peers-only",
        action="store_true",
        help="only the peers table: readouts warm beside its peers, none of the longer timings",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=TIMEOUT,
        metavar="SECONDS",
        help=f"kill any one command after this long (default {TIMEOUT:.0f})",
    )
    options = parser.parse_args()
    if options.no_peers and options.peers_only:
        parser.error("--no-peers and --peers-only leave nothing to time")
    found = None if options.no_peers else peers.find(options.peers_bin)
    sizes = [int(s.replace("_", "")) for s in options.sizes.split(",") if s.strip()]
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "120"}
    # Installed packages run from compiled bytecode; so should the benchmark.
    for name in ("READOUTS_DATA", "PYTHONDONTWRITEBYTECODE"):
        env.pop(name, None)
    started = time.perf_counter()
    sources = source_digest()
    results: dict[int, list[Row]] = {}
    peer_rows: list[PeerRow] = []
    own = not options.peers_only
    with tempfile.TemporaryDirectory(prefix="readouts-bench-") as folder:
        work = Path(folder)
        for size in sizes:
            rows, found_rows = bench_size(
                size, options.runs, work, env, found, own, options.timeout
            )
            results[size] = rows
            peer_rows += found_rows
        if not own:
            print(
                f"readouts beside its peers: {os.cpu_count()} CPUs, median of {options.runs} "
                f"warm runs, {time.perf_counter() - started:.0f} s in all"
            )
            print()
            print(peers_found(found or {}, env))
            print()
            print(peers_table(peer_rows, found or {}))
            return
        typer = Row('python -c "import typer"')
        typer.warm = [
            run([sys.executable, "-c", "import typer"], env) for _ in range(options.runs * 2)
        ]
        # The fixed stack's start-up, as the issue measures it.
        stack = Row('python -c "import typer, rich.table, pydantic"')
        stack.warm = [
            run([sys.executable, "-c", "import typer, rich.table, pydantic"], env)
            for _ in range(options.runs * 2)
        ]
        version = Row("readouts --version")
        version.warm = [
            run([*readouts_command(), "--version"], env) for _ in range(options.runs * 2)
        ]
        # What any command costs before it has work to do: Python, Typer, Pydantic and Rich
        # start-up, opening the index and drawing an empty answer.
        empty = work / "empty"
        (empty / "meetings").mkdir(parents=True)
        idle = Row("readouts list, empty data folder")
        idle_env = {**env, "READOUTS_CACHE": str(work / "cache-empty")}
        idle_argv = [*readouts_command(), "--data", str(empty), "list"]
        run(idle_argv, idle_env)
        idle.warm = [run(idle_argv, idle_env) for _ in range(options.runs * 2)]
    cpus = os.cpu_count()
    print(
        f"readouts benchmark: {cpus} CPUs, Python {platform.python_version()}, "
        f"SQLite {sqlite3.sqlite_version}, median of {options.runs} runs "
        f"(fewer for sizes over 20,000), {time.perf_counter() - started:.0f} s in all"
    )
    print()
    print(table(results, [typer, stack, version, idle]))
    print()
    print(targets(results, peer_rows, stack, typer, version, idle))
    if found is not None:
        print()
        print(peers_found(found, env))
        print()
        print(peers_table(peer_rows, found))
    if source_digest() != sources:
        print("\nwarning: readouts' sources changed during the run; timings after the change")
        print("include rebuilding the index (it follows the code that made it).")


def targets(
    results: dict[int, list[Row]],
    peer_rows: list[PeerRow],
    stack: Row,
    typer: Row,
    version: Row,
    idle: Row,
) -> str:
    """The targets of issue 14, each with what this run measured."""
    lines = ["targets (issue 14), as measured in this run:"]

    def verdict(ok: bool) -> str:
        return "met" if ok else "NOT met"

    own = {
        size: [r for r in rows if not r.skipped and r.warm][:-2] for size, rows in results.items()
    }
    floor = median(stack.warm) or 0.0
    empty = median(idle.warm) or 0.0
    if 10_000 in results:
        bounded = [r for r in own[10_000] if r.bounded]
        limit = 1.5 * floor
        listed = ", ".join(f"{r.label.split(' (')[0]} {seconds(median(r.warm))}" for r in bounded)
        ok = all((median(r.warm) or 0.0) <= limit for r in bounded)
        lines.append(
            f"  10k warm ≤ 1.5× the stack's start-up ({seconds(floor)}, so ≤ {seconds(limit)}): "
            f"{listed}: {verdict(ok)}"
        )
        lines.append(
            f"    (an empty data folder takes {seconds(empty)}: Python, Typer, Pydantic, Rich "
            "and our own modules, before any work)"
        )
        against = []
        for row in (r for r in peer_rows if r.size == 10_000 and r.peers):
            fastest = min(row.peers, key=lambda n: median(row.peers[n]) or float("inf"))
            ratio = (median(row.readouts) or 0.0) / (median(row.peers[fastest]) or 1.0)
            against.append((row.task.label, ratio, fastest))
        if against:
            listed = ", ".join(f"{task} {ratio:.2f}× {name}" for task, ratio, name in against)
            ok = all(ratio <= 1 for _, ratio, _ in against)
            lines.append(f"  10k warm ≤ the fastest peer: {listed}: {verdict(ok)}")
    if 100_000 in results:
        bounded = [r for r in own[100_000] if r.bounded]
        listed = ", ".join(
            f"{r.label.split(' (')[0]} {seconds(median(r.warm))} {peak(r.warm):.0f} MB"
            for r in bounded
        )
        ok = all((median(r.warm) or 0.0) <= 1 and (peak(r.warm) or 0.0) <= 150 for r in bounded)
        lines.append(f"  100k warm, bounded answers ≤ 1 s and ≤ 150 MB: {listed}: {verdict(ok)}")
        long = [r for r in own[100_000] if not r.bounded and r.lines]
        per = [(r, ((median(r.warm) or 0.0) - empty) / r.lines * 1e6) for r in long]
        listed = ", ".join(f"{r.label} {us:.0f} µs ({r.lines:,} lines)" for r, us in per)
        ok = all(us <= 30 for _, us in per)
        lines.append(
            f"  100k warm, long views ≤ 30 µs a printed line above the empty folder: {listed}: "
            f"{verdict(ok)}"
        )
        tomllib = median(results[100_000][-1].warm) or 1.0
        cold = [r for r in own[100_000] if r.cold]
        for row in cold:
            ratio = (median(row.cold) or 0.0) / tomllib
            lines.append(
                f"  100k cold ({row.label}) ≤ 0.75× tomllib on one core: {seconds(median(row.cold))}"
                f" / {seconds(tomllib)} = {ratio:.2f}×: {verdict(ratio <= 0.75)}"
            )
    edits = [
        ((median(r.edited) or 0.0) / (median(r.warm) or 1.0), f"{size:,} {r.label}")
        for size, found in own.items()
        for r in found
        if r.edited
    ]
    if edits:
        ratio, where = max(edits)
        lines.append(
            f"  one edit, then any command ≤ 1.2× warm: worst {ratio:.2f}× ({where}): "
            f"{verdict(ratio <= 1.2)}"
        )
    ratio = (median(version.warm) or 0.0) / (median(typer.warm) or 1.0)
    lines.append(f"  readouts --version ≤ 1.2× import typer: {ratio:.2f}×: {verdict(ratio <= 1.2)}")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
