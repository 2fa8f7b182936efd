"""Titles: the record's title, the page's own ("Japan-France Foreign Ministers' Telephone
Talk") or, where the page gives none, one composed from the kind and the principals
("Foreign Minister Kamikawa's courtesy call on President Zelenskyy")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ..vocab import Kind
from .dates import is_date_line
from .draft import Notes
from .page import OVERVIEW_RE, Para, is_furniture
from .participants import Person, short_role

_JAPANESE_SCRIPT = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def fill_title(
    data: dict[str, Any],
    own: str | None,
    kind: Kind | None,
    lead: str,
    people: Sequence[Person],
    notes: Notes,
) -> None:
    """`title`: the page's `own` (a Japanese one is a gap, to translate), else one composed."""
    if own and not own.isascii() and _JAPANESE_SCRIPT.search(own):
        notes.gap(f"title is in Japanese ({own}); translate it", "title")
    title = own if own is not None else compose_title(kind, lead, people)
    unlatin = [p.name for p in people[:2] if _JAPANESE_SCRIPT.search(p.surname or p.name)]
    if title:
        data["title"] = title
    elif own is None and kind is not None and len(people) >= 2 and unlatin:
        notes.gap(
            f"no title found, and none composed: {', '.join(unlatin)} named only in Japanese "
            "script",
            "title",
        )
    else:
        notes.gap("no title found and none could be composed", "title")


def page_title(header: Sequence[Para], *, date_first: bool = False) -> str | None:
    """The page's own title: a non-furniture line before the date line (captions follow it);
    with `date_first` (the pages of Ukraine's presidency and ministry put the date above the
    headline), the line after it where none stands before it."""
    candidates: list[str] = []
    for para in header:
        if is_date_line(para.whole):
            if candidates or not date_first:
                break
            continue
        text = para.whole
        if is_furniture(text) or OVERVIEW_RE.match(text) or len(text) > 200:
            continue
        candidates.append(text)
    for text in reversed(candidates):
        words = len(text.split())
        meeting_word = re.search(
            r"meeting|talk|call|conference|visit|summit|dinner|lunch|breakfast|signing|exchange"
            r"|readout|session|dialogue|consultation|telephone|courtesy|会談|表敬|会議|訪問|会合",
            text,
            re.I,
        )
        if meeting_word or words >= 4:
            return text
    return None


def compose_title(kind: Kind | None, lead: str, people: Sequence[Person]) -> str | None:
    """A title for a page that gives none: "<role> <surname>'s <kind> with <role> <surname>",
    the first principal first (the one who received a courtesy call second); None without
    a kind and two principals, or when a principal's name is known only in Japanese script
    (a title mixes no scripts: "Foreign Minister 岩屋's meeting")."""
    if kind is None or len(people) < 2:
        return None
    if any(_JAPANESE_SCRIPT.search(p.surname or p.name) for p in people[:2]):
        return None

    def label(person: Person) -> str:
        role = short_role(person.title)
        return f"{role} {person.surname or person.name}".strip()

    first, second = people[0], people[1]
    if kind is Kind.COURTESY_CALL:
        if re.search(r"received\s+(?:a\s+)?courtesy\s+call|表敬を受け", lead, re.I):
            return f"{label(second)}'s courtesy call on {label(first)}"
        return f"{label(first)}'s courtesy call on {label(second)}"
    words = {
        Kind.TELEPHONE_TALK: "telephone talk with",
        Kind.VIDEO_CONFERENCE: "video conference with",
        Kind.MEETING: "meeting with",
        Kind.SIGNING: "signing with",
        Kind.MULTILATERAL: "meeting with",
        Kind.VISIT: "visit with",
        Kind.OTHER: "meeting with",
    }[kind]
    return f"{label(first)}'s {words} {label(second)}"
