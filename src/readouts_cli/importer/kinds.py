"""Kinds and levels: what sort of engagement a lead describes (a telephone talk, a courtesy
call, ...) and at what level it was held, read from the lead's words and the principals' titles.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ..vocab import Kind, Level
from .draft import Notes

# Tried in order: the first kind whose words the lead uses wins ("a telephone meeting" is a
# telephone talk, not a meeting).
KIND_RULES: list[tuple[Kind, re.Pattern[str]]] = [
    (Kind.SIGNING, re.compile(r"\bsign(?:ing|ed)\b|exchange\s+of\s+notes|exchanged\s+(?:the\s+)?notes|署名|交換公文", re.I)),
    (Kind.MULTILATERAL, re.compile(r"\bG\s?7\b|\bG\s?20\b|summit\s+session|\bsession\s+\d|\bsession\b.*\bsummit\b|leaders'?\s+(?:meeting|video)|\bNATO\s+summit|首脳会合|Ｇ７|G7|会議」?に出席し(?:ました|た)(?!際)", re.I)),
    (Kind.TELEPHONE_TALK, re.compile(r"telephone|\bby\s+phone\b|phone\s+call|phone\s+conversation|phone\s+talks?\b|\bcall\s+with\b|\bspoke\s+(?:\w+\s+)?(?:to|with)\b|\btelefonat|telefonierte|電話会談|電話", re.I)),
    (Kind.VIDEO_CONFERENCE, re.compile(r"video\s*(?:-\s*)?(?:conference|call|meeting|talk)|videoconferenc|teleconferenc|online\s+(?:meeting|talk)|virtual\s+meeting|テレビ会議|テレビ会談|オンライン", re.I)),
    (Kind.COURTESY_CALL, re.compile(r"courtesy\s+call|表敬", re.I)),
    (Kind.MEETING, re.compile(r"\bmeeting\b|\bmet\s+(?:with\b)?|\bwelcomed\s+(?:his|her|their)\s+\w+\s+counterpart|\bheld\s+talks\b|\btalks\b|\btalk\b|\bsummit\b|working\s+(?:lunch|dinner|breakfast)|\btrafen\b|\btraf\b|\bTreffen\b|Gespräch|会談|会合|懇談|意見交換", re.I)),
    (Kind.VISIT, re.compile(r"\bvisited\b|\bvisit\b|訪問", re.I)),
]  # fmt: skip

LEVEL_PHRASES: list[tuple[Level, re.Pattern[str]]] = [
    (Level.SUMMIT, re.compile(r"\bsummit\b|首脳", re.I)),
    (
        Level.MINISTERIAL,
        re.compile(r"foreign\s+ministers['’]?|ministerial\s+meeting|外相|外務大臣会談", re.I),
    ),
    (Level.VICE_MINISTERIAL, re.compile(r"vice[-\s]ministerial|副大臣会談", re.I)),
]

TITLE_LEVELS: list[tuple[Level, re.Pattern[str]]] = [
    (Level.PARLIAMENTARY, re.compile(r"\bspeaker\b|\bchair(?:man|woman|person)?\s+of\s+the\s+(?:verkhovna|house|diet|senate|parliament|national\s+assembly|council\s+of|assembly)|\bpresident\s+of\s+the\s+(?:house|senate|verkhovna|national\s+assembly|diet)|member\s+of\s+(?:the\s+)?(?:parliament|house|diet|verkhovna)|parliamentarian|\bMP\b|議長|議員", re.I)),
    (Level.VICE_MINISTERIAL, re.compile(r"state\s+minister|vice[-\s]minister|deputy\s+(?:foreign\s+)?minister(?!\s+of\s+state)|first\s+deputy|under[-\s]secretary|deputy\s+secretary|parliamentary\s+vice|minister\s+of\s+state|副大臣|政務官", re.I)),
    (Level.MINISTERIAL, re.compile(r"(?:deputy|vice)\s+prime\s+minister|deputy\s+chancellor", re.I)),
    (Level.SUMMIT, re.compile(r"prime\s+minister|(?<!vice\s)(?<!vice-)\bpresident\b|chancellor|\bking\b|\bqueen\b|emperor|head\s+of\s+state|\bpremier\b|首相|総理|大統領", re.I)),
    (Level.MINISTERIAL, re.compile(r"minister|secretary\s+of\s+state|foreign\s+secretary|\bsecretary\b(?!-general)|high\s+representative|commissioner|大臣|長官", re.I)),
    (Level.OFFICIAL, re.compile(r"ambassador|director|envoy|secretary[-\s]general|governor|mayor|advis[eo]r|official|大使|局長", re.I)),
]  # fmt: skip
_LEVEL_RANK = {
    Level.SUMMIT: 4,
    Level.MINISTERIAL: 3,
    Level.VICE_MINISTERIAL: 2,
    Level.OFFICIAL: 1,
}


def title_level(title: str | None) -> Level | None:
    """The level a title holds ("Prime Minister" -> summit, "State Minister ..." ->
    vice-ministerial, "Speaker of ..." -> parliamentary); None when the title says none."""
    if not title:
        return None
    for level, pattern in TITLE_LEVELS:
        if pattern.search(title):
            return level
    return None


# A signing the principals attended on the way to their meeting: the meeting is what the
# page records ("attended the signing ceremony of the decree and held a meeting with ...").
_WITNESSED_SIGNING_RE = re.compile(
    r"署名式に立ち会|(?:witness(?:ed|es|ing)?|attend(?:ed|s|ing)?)\s+(?:the\s+)?signing(?:\s+ceremony)?",
    re.I,
)


def find_kind(text: str) -> Kind | None:
    """The kind of engagement `text` describes ("held a telephone talk" -> telephone-talk);
    a meeting held beside a signing the principals witnessed is a meeting."""
    kind = next((kind for kind, pattern in KIND_RULES if pattern.search(text)), None)
    if kind is Kind.SIGNING and _WITNESSED_SIGNING_RE.search(text):
        rest = _WITNESSED_SIGNING_RE.sub(" ", text)
        if not _rule(Kind.SIGNING).search(rest) and _rule(Kind.MEETING).search(rest):
            return Kind.MEETING
    return kind


def page_kind(lead: str, headline: str | None) -> Kind | None:
    """The kind of the page's engagement: the lead's (`find_kind`), else the headline's; a
    headline that calls it a video call or conference beats a lead's multilateral framing
    ("participated in a video call of G7 leaders")."""
    if not headline:
        return find_kind(lead)
    kind = find_kind(lead) or find_kind(headline)
    if kind is Kind.MULTILATERAL and _rule(Kind.VIDEO_CONFERENCE).search(headline):
        return Kind.VIDEO_CONFERENCE
    return kind


def _rule(kind: Kind) -> re.Pattern[str]:
    return next(pattern for rule, pattern in KIND_RULES if rule is kind)


def meeting_level(lead: str, titles: Sequence[str | None]) -> Level | None:
    """The meeting's level: named in the lead ("Foreign Ministers' Meeting"), or the junior
    principal's, from their `titles` (home side first)."""
    levels = [title_level(t) for t in titles]
    for level, pattern in LEVEL_PHRASES:
        if pattern.search(lead):
            if level is Level.SUMMIT and not all(lv in (Level.SUMMIT, None) for lv in levels[:2]):
                continue
            return level
    if Level.PARLIAMENTARY in levels:
        return Level.PARLIAMENTARY
    ranked: list[Level] = [lv for lv in levels if lv in _LEVEL_RANK and lv is not Level.OFFICIAL]
    ranked = ranked or [lv for lv in levels if lv is Level.OFFICIAL]
    if not ranked:
        return None
    # A meeting sits at the level of its junior principal: a foreign minister's courtesy call on
    # a president is a ministerial engagement, a summit needs leaders on both sides. An
    # ambassador speaks for a government, so does not lower a minister's meeting.
    return min(ranked, key=lambda lv: _LEVEL_RANK[lv])


def fill_kind(data: dict[str, Any], kind: Kind | None, notes: Notes) -> None:
    """`kind`, or a gap listing the kinds to choose from."""
    if kind:
        data["kind"] = kind.value
    else:
        notes.gap("kind not recognised: one of " + ", ".join(k.value for k in Kind), "kind")


def fill_level(data: dict[str, Any], lead: str, titles: Sequence[str | None], notes: Notes) -> None:
    """`level` (`meeting_level`), or a gap listing the levels to choose from."""
    level = meeting_level(lead, titles)
    if level:
        data["level"] = level.value
    else:
        notes.gap("level unknown: one of " + ", ".join(lv.value for lv in Level), "level")
