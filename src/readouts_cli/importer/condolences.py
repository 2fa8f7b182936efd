"""Condolences: the finder for condolences the points express ("expressed his condolences to
the people of Japan for the earthquake"): who expressed them, to whom (a country or a group of
victims) and about what, short."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from .draft import Notes
from .mentions import country_subject, mentions
from .page import sentences
from .participants import Person
from .places import country_code, first_country
from .text import squash, trim

_CONDOLENCE_RE = re.compile(
    r"condolence|sympath(?:y|ies|ize|ise)|saddened|\bmourn|\bgrief\b|heartbroken|"
    r"prayers?\s+for\s+the\s+(?:victims|repose)|お見舞い|哀悼|お悔やみ|弔意",
    re.I,
)
_SEGMENT_SPLIT_RE = re.compile(
    r";\s+|,\s+(?:and|while|whereas)\s+(?=[A-Z]|he\b|she\b)|\s+and\s+(?=(?:Prime\s+Minister|"
    r"President|Minister|Secretary|Foreign|Mr\.|Ms\.)\s)"
)
_GROUP_RE = re.compile(
    r"\b(?:victims?|famil(?:y|ies)|bereaved|those|people\s+(?:affected|who)|survivors|injured)\b",
    re.I,
)
_EVENT_RE = re.compile(
    r"(?:\b(?:the\s+)?(?:[\w'’-]+\s+){0,6}?(?:earthquake|attacks?|explosion|crash|disaster|floods?|"
    r"fire|shooting|typhoon|tsunami|bombing|strikes?|shelling|tragedy|accident|assassination|"
    r"death|passing)\b(?:\s+(?:on|in|at|of)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)?)"
)


def find_condolences(
    points: Sequence[str],
    people: Sequence[Person],
    lead_subject: Person | None = None,
    notes: Notes | None = None,
) -> list[dict[str, Any]]:
    """The `condolences` field: one table for each condolence the `points` express, `by` the
    participant who spoke (a "he" opening a point is `lead_subject`), `to` a country or the
    group named, `about` the event, and the `point` it stands in. What cannot be told is left
    out of the table and named as a gap in `notes`."""
    if notes is None:
        notes = Notes()
    items: list[dict[str, Any]] = []
    for number, point in enumerate(points, start=1):
        previous = lead_subject  # whom a "he" or "she" opening the point refers to
        for sentence in sentences(point):
            named_at = mentions(sentence, people)
            offset = 0
            for segment in (
                _SEGMENT_SPLIT_RE.split(sentence) if _CONDOLENCE_RE.search(sentence) else []
            ):
                seg_start = sentence.find(segment, offset)
                offset = seg_start + len(segment)
                keyword = _CONDOLENCE_RE.search(segment)
                if not keyword:
                    continue
                position = seg_start + keyword.start()
                speaker = _speaker(named_at, position, sentence, people, previous)
                item = _condolence(segment, keyword, speaker, people, number)
                index = len(items) + 1
                where = f"condolence {index} (point {number})"
                if speaker is None:
                    notes.gap(f"{where}: who expressed it is unclear", f"condolences.{index}")
                if item.pop("_to_unclear", False):
                    notes.gap(f"{where}: to whom is unclear", f"condolences.{index}")
                if item.pop("_about_unclear", False):
                    notes.gap(f"{where}: shorten `about` to the event", f"condolences.{index}")
                items.append(item)
            named = [p for _, p in named_at if p is not None]
            if named:
                previous = named[0]
    return items


def _speaker(
    named_at: Sequence[tuple[int, Person | None]],
    position: int,
    sentence: str,
    people: Sequence[Person],
    previous: Person | None,
) -> Person | None:
    """Who says what stands at `position`: the nearest person named before it; a pronoun
    stands for the person named before the pronoun, or for `previous`."""
    before = [person for at, person in named_at if at < position]
    if before:
        if before[-1] is not None:
            return before[-1]
        named = [p for p in before if p is not None]
        return named[-1] if named else previous
    return country_subject(sentence[:position], people)


def _condolence(
    segment: str,
    keyword: re.Match[str],
    speaker: Person | None,
    people: Sequence[Person],
    number: int,
) -> dict[str, Any]:
    """One condolence: `by` the speaker, `to` a country or the group named (else the other
    side), `about` the event, short. Keys it cannot fill are left out."""
    after = segment[keyword.end() :]
    item: dict[str, Any] = {"by": speaker.name} if speaker else {}
    to: str | None = None
    group_about: str | None = None
    addressed = re.search(
        r"\b(?:to|with)\s+(?P<x>[^,;.]+?)(?=\s+(?:for|over|on|who|which|that|in\s+connection|"
        r"regarding|concerning|caused|affected|after|following)\b|[,;.]|$)",
        after,
    )
    reason = re.search(
        r"\b(?:for|over|on|regarding|concerning|about|in\s+connection\s+with|by|after|following)\s+"
        r"(?P<x>[^;.]+?)(?=\s*(?:[,;]|\.(?:\s|$)|$)|\s+and\s+(?:[A-Z]|he\b|she\b|expressed|"
        r"stated|condemned|conveyed))",
        after,
    )
    direct = re.match(
        r"\w*\s+(?P<x>(?:all\s+)?(?:the\s+)?(?:victims?|famil(?:y|ies)|bereaved)\b[^,;.]*)", after
    )  # "mourns the victims of ..."
    for found in (direct, addressed, reason):
        if found is None or to is not None:
            continue
        text = found["x"].strip()
        code = _to_country(text) if found is addressed else None
        if code and not _GROUP_RE.search(text.split(" of ")[0]):
            to = code
        elif _GROUP_RE.match(re.sub(r"^(?:all\s+)?the\s+", "", text)) or (
            found is not reason and _GROUP_RE.search(text)
        ):
            to = _group(text)
            inner = re.search(r"\bof\s+([^,;.]+)", after[found.start("x") :])
            group_about = inner[1] if inner else None
    about_text = group_about
    if about_text is None:
        victim = re.search(r"\b(?:fell\s+victim\s+to|caused\s+by)\s+(?P<x>[^,;.]+)", segment)
        about_text = victim["x"] if victim else None
    if about_text is None and reason and not _GROUP_RE.match(re.sub(r"^the\s+", "", reason["x"])):
        about_text = reason["x"]
    if about_text is None:
        condemned = re.search(
            r"\bcondemned\s+(?P<x>.+?)\s+and\s+(?:expressed|offered|conveyed)", segment
        )
        about_text = condemned["x"] if condemned else None
    if about_text is None:
        japanese = re.search(
            r"(?P<x>[^、。]{2,40}?)(?:に対する|に対し|への)[^、。]{0,6}?(?:お見舞い|哀悼|お悔やみ|弔意)",
            segment,
        )
        event = _EVENT_RE.search(segment)
        about_text = japanese["x"] if japanese else event.group() if event else None
    if to is None and speaker is not None:
        others = [p for p in people if p.country and p.country != speaker.country]
        to = others[0].country if others else None
    if to is None:
        item["_to_unclear"] = True
    else:
        item["to"] = to
    if about_text:
        item["about"] = _short_about(about_text)
    else:
        item["about"] = trim(segment, 120)
        item["_about_unclear"] = True
    item["point"] = number
    return item


def _to_country(text: str) -> str | None:
    m = re.search(
        r"\bpeople\s+of\s+(?:the\s+)?(.+)$|\bgovernment\s+(?:and\s+people\s+)?of\s+(.+)$",
        text,
        re.I,
    )
    if m:
        return country_code(m[1] or m[2] or "")
    code = country_code(text)
    if code:
        return code
    found = first_country(text)
    if found and re.search(r"\bpeople\b|\bnation\b|\bcitizens\b|\bgovernment\b", text, re.I):
        return found[0] or None
    return None


def _group(text: str) -> str:
    text = re.sub(r"^(?:all\s+)?(?:the\s+)?", "", text.strip(), flags=re.I)
    text = re.split(r"\s+(?:who|that|which)\s+", text)[0]
    return trim(text, 80)


def _short_about(text: str) -> str:
    text = squash(text).strip(" ,;.")
    previous = None
    while previous != text:
        previous = text
        text = re.sub(
            r"^(?:the\s+)?(?:damage|loss\s+of\s+(?:life|lives)|losses|casualties|victims|lives\s+lost|"
            r"human\s+and\s+material\s+damage)\s+(?:caused\s+by|from|of|in|due\s+to)\s+",
            "",
            text,
            flags=re.I,
        )
        text = re.sub(r"^(?:the|a|an|recent|latest)\s+", "", text, flags=re.I)
    for cut in (" during ", " that ", " which ", " who ", " as well as "):
        head = text.split(cut)[0]
        if len(head.split()) >= 3:
            text = head
    return trim(text, 100) or "?"
