"""The peers of readouts in the benchmark: the corpus as jrnl, khal and hledger see it.

`convert` writes one corpus, read back from its TOML files, in each peer's own form:

- jrnl: one plain-text journal, an entry per meeting (`[YYYY-MM-DD HH:MM] title`, then the
  summary, points, place and tags), its participants as @tags (`@Kamikawa_Yoko`), with a
  config of its own (no encryption, no editor, no colours) passed with `--config-file`;
- khal: a vdir, one .ics file per meeting (floating local times, so an event keeps its day;
  all-day events for meetings without a time), with a config passed with `-c` and khal's
  own cache database in the same folder, so nothing is imported and khal indexes the folder
  itself, as readouts does;
- hledger: one journal, a transaction per meeting with a pair of postings per aid item with
  an amount (`aid:committed:JP:UA` or `aid:delivered:JP:UA` against `donors:JP`); mentioned
  amounts are left out, as readouts lists them but never adds them.

`tasks` gives, for each task of the issue, readouts' command and each peer's equivalent, and
how many meetings the answer should hold (counted from the files), so that every peer's first
answer is checked before it is timed.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import tomllib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

PEERS = ("hledger", "khal", "jrnl", "grep")
MEETING = re.compile(r"^\d{4}-\d{2}-\d{2}\b", re.MULTILINE)
COMMITTED = {"announced": "committed", "pledged": "committed", "delivered": "delivered"}


@dataclass
class Meeting:
    path: Path
    day: dt.date
    time: dt.time | None
    minutes: int | None
    title: str
    place: str
    tags: list[str]
    summary: str
    points: list[str]
    people: list[str]
    aid: list[dict]

    def text(self) -> str:
        """The fields readouts' search looks in, casefolded."""
        aid = [str(a.get(k, "")) for a in self.aid for k in ("what", "channel")]
        fields = [self.title, self.summary, self.place, *self.tags, *self.points, *self.people]
        return "\n".join([*fields, *aid]).casefold()


def find(bin_dir: Path | None) -> dict[str, str | None]:
    """Each peer's executable: in `bin_dir` first when given, then on PATH; None if absent."""
    path = os.environ.get("PATH", os.defpath)
    if bin_dir is not None:
        path = f"{bin_dir}{os.pathsep}{path}"
    return {name: shutil.which(name, path=path) for name in PEERS}


def load(paths: Sequence[Path]) -> list[Meeting]:
    meetings = []
    for path in paths:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        meetings.append(
            Meeting(
                path=path,
                day=data["date"],
                time=data.get("time"),
                minutes=data.get("duration_minutes"),
                title=data["title"],
                place=data.get("place", ""),
                tags=list(data.get("tags", [])),
                summary=data.get("summary", ""),
                points=list(data.get("points", [])),
                people=[p["name"] for p in data.get("participants", [])],
                aid=list(data.get("aid", [])),
            )
        )
    meetings.sort(key=lambda m: (m.day, m.time or dt.time(), m.path.name))
    return meetings


def tag(name: str) -> str:
    """A participant as a jrnl @tag: `Kamikawa Yoko` -> `@Kamikawa_Yoko`."""
    return "@" + re.sub(r"[^-\w]+", "_", name).strip("_")


def clean(text: str) -> str:
    return " ".join(text.split())


# jrnl --------------------------------------------------------------------------------------

JRNL_CONFIG = """\
colors:
  body: none
  date: none
  tags: none
  title: none
default_hour: 9
default_minute: 0
editor: ''
encrypt: false
highlight: false
indent_character: '|'
journals:
  default:
    journal: {journal}
linewrap: 79
tagsymbols: '@'
template: false
timeformat: '%Y-%m-%d %H:%M'
version: '{version}'
"""


def write_jrnl(meetings: Sequence[Meeting], folder: Path, version: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    journal = folder / "journal.txt"
    chunks = []
    for m in meetings:
        when = m.time or dt.time(9, 0)
        # jrnl takes the first sentence as the title: the title ends with a full stop.
        lines = [f"[{m.day.isoformat()} {when:%H:%M}] {clean(m.title).rstrip('.')}."]
        if m.summary:
            lines.append(clean(m.summary))
        lines += [f"{n}. {clean(p)}" for n, p in enumerate(m.points, 1)]
        if m.place:
            lines.append(f"Place: {clean(m.place)}")
        if m.tags:
            lines.append("Tags: " + ", ".join(m.tags))
        lines.append("With: " + " ".join(tag(p) for p in m.people))
        for a in m.aid:
            amount = f" {a['amount']:,} {a['currency']}" if "amount" in a else ""
            lines.append(f"Aid ({a['status']}): {a['donor']} to {a['recipient']}{amount}")
        chunks.append("\n".join(lines) + "\n")
    journal.write_text("\n".join(chunks), encoding="utf-8")
    config = folder / "jrnl.yaml"
    config.write_text(JRNL_CONFIG.format(journal=journal, version=version), encoding="utf-8")
    return config


def jrnl_version(jrnl: str) -> str:
    """The version jrnl writes in its config (else it rewrites the config on its first run)."""
    done = subprocess.run(
        [jrnl, "--version"], stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60
    )
    found = re.search(r"v(\d+(?:\.\d+)+)", done.stdout)
    return found.group(1) if found else "4.6"


# khal --------------------------------------------------------------------------------------

KHAL_CONFIG = """\
[calendars]
[[readouts]]
path = {vdir}
type = calendar

[locale]
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
local_timezone = UTC
default_timezone = UTC

[sqlite]
path = {database}
"""


def ics_text(value: str) -> str:
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """Fold a content line at 75 octets (RFC 5545 3.1), never inside a character."""
    out, current = [], ""
    for char in line:
        limit = 75 if not out else 74
        if len((current + char).encode("utf-8")) > limit:
            out.append(current)
            current = char
        else:
            current += char
    out.append(current)
    return "\r\n ".join(out)


def write_khal(meetings: Sequence[Meeting], folder: Path) -> Path:
    vdir = folder / "calendar"
    vdir.mkdir(parents=True, exist_ok=True)
    stamp = "20250101T000000Z"
    for n, m in enumerate(meetings):
        uid = f"{m.path.stem}@readouts.invalid"
        if m.time is not None:
            start = dt.datetime.combine(m.day, m.time)
            when = [
                f"DTSTART:{start:%Y%m%dT%H%M%S}",
                f"DURATION:PT{m.minutes or 60}M",
            ]
        else:
            when = [
                f"DTSTART;VALUE=DATE:{m.day:%Y%m%d}",
                f"DTEND;VALUE=DATE:{m.day + dt.timedelta(days=1):%Y%m%d}",
            ]
        description = [m.summary] if m.summary else []
        description += [f"{i}. {p}" for i, p in enumerate(m.points, 1)]
        description.append("With: " + "; ".join(m.people))
        lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//readouts benchmark//EN",
            "BEGIN:VEVENT",
            f"UID:{uid}",
            f"DTSTAMP:{stamp}",
            *when,
            f"SUMMARY:{ics_text(clean(m.title))}",
        ]
        if m.place:
            lines.append(f"LOCATION:{ics_text(m.place)}")
        if m.tags:
            lines.append("CATEGORIES:" + ",".join(ics_text(t) for t in m.tags))
        lines.append("DESCRIPTION:" + ics_text("\n".join(description)))
        lines += ["END:VEVENT", "END:VCALENDAR"]
        body = "\r\n".join(fold(line) for line in lines) + "\r\n"
        (vdir / f"{n:06d}-{m.path.stem}.ics").write_text(body, encoding="utf-8", newline="")
    config = folder / "khal.conf"
    config.write_text(KHAL_CONFIG.format(vdir=vdir, database=folder / "khal.db"), encoding="utf-8")
    return config


# hledger ------------------------------------------------------------------------------


def aid_postings(m: Meeting) -> list[tuple[str, str, str, int, str]]:
    """(flow, donor, recipient, amount, currency) of each aid item readouts would add."""
    found = []
    for a in m.aid:
        flow = COMMITTED.get(a["status"])
        if flow and "amount" in a:
            found.append((flow, a["donor"], a["recipient"], int(a["amount"]), a["currency"]))
    return found


def write_hledger(meetings: Sequence[Meeting], folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    chunks = []
    for m in meetings:
        title = clean(m.title).replace(";", ",").replace("|", "/")
        lines = [f"{m.day.isoformat()} {title}"]
        lines.append("    ; with: " + ", ".join(m.people))
        for flow, donor, recipient, amount, currency in aid_postings(m):
            lines.append(f"    aid:{flow}:{donor}:{recipient}    {amount} {currency}")
            lines.append(f"    donors:{donor}    {-amount} {currency}")
        chunks.append("\n".join(lines) + "\n")
    journal = folder / "aid.journal"
    journal.write_text("\n".join(chunks), encoding="utf-8")
    return journal


# tasks -------------------------------------------------------------------------------------


@dataclass
class Task:
    label: str
    readouts: list[str]
    expected: int | None  # meetings in the answer, counted from the files
    peers: dict[str, list[str]] = field(default_factory=dict)
    counters: dict[str, Callable[[str], int]] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)  # what a peer's answer holds
    expected_for: dict[str, int] = field(default_factory=dict)  # where a peer's differs


def count_meetings(output: str) -> int:
    return len(MEETING.findall(output))


def count_lines(output: str) -> int:
    return len(output.splitlines())


def convert(meetings: Sequence[Meeting], folder: Path, found: dict[str, str | None]) -> dict:
    """Write the corpus for each peer found; the files each one reads."""
    files: dict[str, Path] = {}
    if found.get("jrnl"):
        files["jrnl"] = write_jrnl(meetings, folder / "jrnl", jrnl_version(found["jrnl"]))
    if found.get("khal"):
        files["khal"] = write_khal(meetings, folder / "khal")
    if found.get("hledger"):
        files["hledger"] = write_hledger(meetings, folder / "hledger")
    return files


def tasks(
    meetings: Sequence[Meeting],
    meetings_dir: Path,
    day: dt.date,
    person: str,
    phrase: str,
    found: dict[str, str | None],
    files: dict[str, Path],
) -> list[Task]:
    exe = {name: path for name, path in found.items() if path}
    jrnl = [exe["jrnl"], "--config-file", str(files["jrnl"])] if "jrnl" in files else None
    khal = [exe["khal"], "-c", str(files["khal"])] if "khal" in files else None
    hledger = [exe["hledger"], "-f", str(files["hledger"])] if "hledger" in files else None
    khal_format = ["--format", "{start-date} {start-time} {title}", "--day-format", ""]
    latest = meetings[-20:]
    since = latest[0].day
    after_since = sum(1 for m in meetings if m.day >= since)
    last = meetings[-1].day
    on_day = sum(1 for m in meetings if m.day == day)
    phrased = sum(1 for m in meetings if phrase.casefold() in m.text())
    with_person = sum(1 for m in meetings if person in m.people)

    aid = Task("aid totals per year and currency", ["aid", "--totals"], None)
    if hledger:
        aid.peers["hledger"] = [*hledger, "bal", "-Y", "--depth", "2", "--transpose", "aid"]

    listed = Task("latest 20 meetings", ["list", "-n", "20"], len(latest))
    if hledger:
        listed.peers["hledger"] = [*hledger, "print", "-b", since.isoformat()]
        listed.counters["hledger"] = count_meetings
        listed.notes["hledger"] = f"print -b {since}, every meeting from that day on"
        listed.expected_for["hledger"] = after_since
    if khal:
        listed.peers["khal"] = [*khal, "list", *khal_format, "--once", str(since), str(last)]
        listed.counters["khal"] = count_meetings
        listed.notes["khal"] = f"list {since} {last}, every meeting of those days"
        listed.expected_for["khal"] = after_since
    if jrnl:
        listed.peers["jrnl"] = [*jrnl, "-n", "20"]
        listed.counters["jrnl"] = count_meetings

    shown = Task("one day in full", ["show", day.isoformat()], on_day)
    if khal:
        full = ["--format", "{start-date} {start-time} {title} {location}\n{description}"]
        shown.peers["khal"] = [*khal, "list", *full, "--day-format", "", str(day), str(day)]
        shown.counters["khal"] = count_meetings
    if jrnl:
        shown.peers["jrnl"] = [*jrnl, "-on", day.isoformat()]
        shown.counters["jrnl"] = count_meetings

    search = Task("phrase search", ["search", phrase], phrased)
    if khal:
        search.peers["khal"] = [*khal, "search", *khal_format[:2], phrase]
        search.counters["khal"] = count_meetings
    if jrnl:
        search.peers["jrnl"] = [*jrnl, "-contains", phrase]
        search.counters["jrnl"] = count_meetings
    if "grep" in exe:
        search.peers["grep"] = [exe["grep"], "-ril", phrase, str(meetings_dir)]
        search.counters["grep"] = count_lines

    one = Task("one person", ["person", person], with_person)
    if jrnl:
        one.peers["jrnl"] = [*jrnl, tag(person)]
        one.counters["jrnl"] = count_meetings
    return [aid, listed, shown, search, one]
