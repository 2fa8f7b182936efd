"""How often `readouts import` gets each field right: the importer run on saved page texts,
each draft compared field by field with the record that was written (and checked by hand)
from the same page.

    python benchmarks/import_accuracy.py PAGES [--accounts] [--data DIR] [--rows]

PAGES holds one text file per page, named after the record's id (`<id>.txt`). The pages are
not in the repository: they are the published readouts, which we cite, not copy. With
`--accounts` the pages are of the records' second accounts: the meeting's shared facts are
compared as usual, and points, condolences, aid and publisher with that account.

A field is `right`, `wrong`, `missing` (the record has it, the draft does not), or `n/a`
(neither has it). Points are right when the draft has as many as the record (the record
numbers them as the page does); participants when every principal the draft names is one of
the record's (through people.toml) and it names two, or all the record has; aid when the
drafted amounts are the record's, item for item.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from readouts_cli.corpus import load_corpus  # noqa: E402
from readouts_cli.errors import ReadoutsError  # noqa: E402
from readouts_cli.importer import draft_from_text  # noqa: E402
from readouts_cli.model import Meeting  # noqa: E402
from readouts_cli.people.matching import Roster  # noqa: E402
from readouts_cli.people.registry import load_registry  # noqa: E402

FIELDS = (
    "date",
    "time",
    "zone",
    "duration",
    "kind",
    "level",
    "participants",
    "points",
    "condolences",
    "aid",
)


def _same(record_value: Any, drafted: Any) -> str:
    if record_value is None and drafted is None:
        return "n/a"
    if drafted is None:
        return "missing"
    return "right" if str(drafted) == str(record_value) else "wrong"


def _count(record_items: list[Any], drafted: list[Any]) -> str:
    if not record_items and not drafted:
        return "n/a"
    if not drafted:
        return "missing"
    return "right" if len(drafted) == len(record_items) else "wrong"


def judge(
    meeting: Meeting, data: dict[str, Any], account: int, who: Callable[[str], str]
) -> dict[str, str]:
    told = meeting.told()[account - 1]
    time = data.get("time")
    verdict = {
        "date": _same(meeting.date, data.get("date")),
        "time": _same(meeting.time, time),
        "zone": _same(meeting.timezone, data.get("timezone")),
        "duration": _same(meeting.duration_minutes, data.get("duration_minutes")),
        "kind": _same(meeting.kind, data.get("kind")),
        "level": _same(meeting.level, data.get("level")),
        "points": _count(list(told.points), data.get("points", [])),
        "condolences": _count(list(told.condolences), data.get("condolences", [])),
    }
    mine = {who(p.name) for p in meeting.participants}
    drafted = [who(p["name"]) for p in data.get("participants", [])]
    if not drafted:
        verdict["participants"] = "missing"
    elif all(d in mine for d in drafted) and len(drafted) >= min(2, len(mine)):
        verdict["participants"] = "right"
    else:
        verdict["participants"] = "wrong"
    record_amounts = sorted((a.amount or 0, a.currency or "") for a in told.aid)
    draft_amounts = sorted(
        (a.get("amount") or 0, a.get("currency") or "") for a in data.get("aid", [])
    )
    if not told.aid and not data.get("aid"):
        verdict["aid"] = "n/a"
    elif not data.get("aid"):
        verdict["aid"] = "missing"
    else:
        verdict["aid"] = "right" if record_amounts == draft_amounts else "wrong"
    return verdict


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pages", type=Path)
    parser.add_argument("--data", type=Path, default=REPO / "data")
    parser.add_argument("--accounts", action="store_true", help="the pages are second accounts")
    parser.add_argument("--rows", action="store_true", help="print one row a page too")
    args = parser.parse_args()
    corpus = load_corpus(args.data)
    records = corpus.by_id()
    roster = Roster(load_registry(args.data))

    def who(name: str) -> str:
        return roster.who(name).key

    def resolve(name: str) -> str | None:
        found = roster.registry.resolve(name)
        return found[0].name if len(found) == 1 else None

    tally: dict[str, Counter[str]] = {f: Counter() for f in FIELDS}
    pages = sorted(args.pages.glob("*.txt"))
    refused = 0
    judged = 0
    for page in pages:
        record = records.get(page.stem)
        if record is None or (args.accounts and not record.meeting.accounts):
            continue
        judged += 1
        try:
            draft = draft_from_text(page.read_text(encoding="utf-8"), resolve_name=resolve)
            data = draft.data
        except ReadoutsError:
            refused += 1
            data = {}
        verdict = judge(record.meeting, data, 2 if args.accounts else 1, who)
        if not data:
            verdict = dict.fromkeys(FIELDS, "missing")
        for field, value in verdict.items():
            tally[field][value] += 1
        if args.rows:
            print(page.stem, *(verdict[f] for f in FIELDS), sep="\t")
    what = "second accounts" if args.accounts else "records"
    print(f"{judged} pages of {what}; {refused} refused as not a readout (every field missing)")
    print(f"{'field':<13}{'right':>7}{'wrong':>7}{'missing':>9}{'n/a':>6}")
    for field in FIELDS:
        t = tally[field]
        print(f"{field:<13}{t['right']:>7}{t['wrong']:>7}{t['missing']:>9}{t['n/a']:>6}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
