"""A draft as another account of a meeting already recorded: the `[[accounts]]` table to
append to its record, and where the page disagrees with the record on the facts all accounts
share (date, participants, kind)."""

from __future__ import annotations

from typing import Any

from ..canonical import dumps_record
from ..model import SECTION_FIELD_ORDER, Meeting, publisher_label
from ..people.matching import Roster
from ..textfold import fold
from .draft import Draft
from .rendering import _comment_text

# What an account holds of a draft; the rest (date, place, participants) is the meeting's.
_ACCOUNT_KEYS = SECTION_FIELD_ORDER["accounts"]


def disagreements(meeting: Meeting, draft: Draft, roster: Roster) -> list[str]:
    """Where the page's account differs from the record on the meeting's shared facts: a
    check for the reader, since the record keeps one date and one line-up for all accounts."""
    notes: list[str] = []
    data = draft.data
    date = data.get("date")
    if date is not None and date != meeting.date:
        notes.append(
            f"this account dates the meeting {date}; the record says {meeting.date} "
            "(a day apart can be the time zones of the two capitals)"
        )
    kind = data.get("kind")
    if kind is not None and str(kind) != str(meeting.kind):
        notes.append(f"this account reads as a {kind}; the record says {meeting.kind}")
    known = {roster.who(p.name).key for p in meeting.participants}
    for person in data.get("participants", []):
        if roster.who(person["name"]).key not in known:
            notes.append(
                f"this account names {person['name']} as taking part; the record's "
                "participants do not include them"
            )
    return notes


def account_block(meeting: Meeting, draft: Draft, notes: list[str]) -> tuple[str, list[str]]:
    """The `[[accounts]]` table for the draft, with a comment for each gap and warning, and
    the gaps that keep it from being a valid account."""
    data = draft.data
    account: dict[str, Any] = {k: data[k] for k in _ACCOUNT_KEYS if k in data}
    gaps: list[str] = []
    if "publisher" not in account:
        gaps.append("publisher: say who published the page (and whose account it is)")
    else:
        label = fold(publisher_label(str(account["publisher"])))
        for told in meeting.told():
            if told.publisher and fold(publisher_label(told.publisher)) == label:
                gaps.append(
                    f"publisher: {account['publisher']!r} already told this meeting (account "
                    f"{told.number}): an account of another publisher is wanted"
                )
                break
    if "source" not in account:
        gaps.append("source: give the page's URL with --source")
    if account.get("title") == meeting.title:
        del account["title"]
    # The draft's gaps about the meeting's own facts (time, duration, participants) are the
    # record's business, filled already; those about what this account says, or about no
    # field, stay as TODOs. Each gap names its field (Notes.gap's key).
    todos = [
        g for g in draft.gaps if draft.gap_fields.get(g, "").split(".")[0] in ("", *_ACCOUNT_KEYS)
    ]
    # The canonical writer `fmt` uses, so that the record stays in canonical form.
    body = dumps_record({"accounts": [account]})
    title = _comment_text(meeting.title)
    header = [f"# Another account of {title}, drafted by `readouts import`."]
    header += [f"# TODO: {_comment_text(g)}" for g in [*gaps, *todos]]
    header += [f"# WARNING: {_comment_text(n)}" for n in [*notes, *draft.warnings]]
    return "\n".join(header) + "\n" + body, gaps
