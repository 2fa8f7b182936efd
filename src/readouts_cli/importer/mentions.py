"""Mentions: who a sentence of the points names, and where: participants by any of their
names or by their role ("the Secretary"), a country standing for its principal ("Japan
expressed ..."), and "he"/"she". Condolences and aid ask it who said what."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..textfold import fold
from .participants import Person, short_role
from .places import first_country
from .text import squash

_ROLE_MENTION_RE = re.compile(
    r"\b[Tt]he\s+(?P<role>Prime\s+Minister|President|Secretary(?:\s+of\s+State)?|Foreign\s+Minister"
    r"|Foreign\s+Secretary|Chancellor|Minister|Speaker)\b(?!\s+(?:of\s+)?[A-Z])"
)


def mentions(text: str, people: Sequence[Person]) -> list[tuple[int, Person | None]]:
    """Who is named where in `text`: participants by any alias or by their role ("the
    Secretary": the first principal holding it, the publisher's side coming first), and
    he/she pronouns (None)."""
    found: list[tuple[int, Person | None]] = []
    for m in _ROLE_MENTION_RE.finditer(text):
        role = squash(m["role"]).lower()
        holder = next(
            (
                p
                for p in people
                if role in (p.title or "").lower() or role == short_role(p.title).lower()
            ),
            None,
        )
        if holder is not None:
            found.append((m.start(), holder))
    for m in re.finditer(r"[^\W\d_][\w'’-]*|[\u30a0-\u30ff\u4e00-\u9fff]+", text):
        word = re.sub(r"['’]s$", "", m.group())
        if word in ("he", "He", "she", "She"):
            found.append((m.start(), None))
            continue
        for person in people:
            if _alias_match(word, person):
                found.append((m.start(), person))
                break
    return sorted(found, key=lambda mention: mention[0])


def _alias_match(word: str, person: Person) -> bool:
    if not word[:1].isupper() and word.isascii():
        return False
    folded = fold(word)
    for alias in person.aliases:
        target = fold(alias)
        if not target:
            continue
        if folded == target:
            return True
        if word.isascii() and len(target) >= 4 and len(folded) >= 4:
            if (folded.startswith(target) or target.startswith(folded)) and abs(
                len(folded) - len(target)
            ) <= 2:
                return True
        if not word.isascii() and target in folded:
            return True
    return False


def country_subject(text: str, people: Sequence[Person]) -> Person | None:
    """'Japan expressed...' stands for that side's principal."""
    found = first_country(text)
    if found:
        for person in people:
            if person.country == found[0]:
                return person
    return None
