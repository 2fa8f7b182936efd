"""Points: the finder for a readout's points, the items after the lead. Numbered items are
points, their sub-items and nested lists folded in; a page that numbers nothing gives its
paragraphs; a one-paragraph readout gives what follows its first sentence. A page holding a
second event stops at it."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .dates import MONTH, WEEKDAY, is_date_line
from .draft import Notes
from .page import END_RE, LEAD_VERB_RE, OVERVIEW_RE, Lead, Page, Para, is_furniture, sentences
from .text import excerpt, squash

# An unnumbered paragraph that opens another event ("On the same day, ...").
_NEXT_EVENT_RE = re.compile(
    rf"^(?:On\s+(?:{WEEKDAY})?(?:{MONTH}\s+\d|\d{{1,2}}\s+{MONTH})|On\s+the\s+(?:same|following|next)\s+day"
    rf"|On\s+the\s+(?:morning|afternoon|evening)\s+of|Following\s+the\s+(?:meeting|talk|call)"
    rf"|Subsequently|After\s+the\s+(?:meeting|talk)|Prior\s+to\s+the|(?:同日|翌日)|\d{{1,2}}\s*月\s*\d{{1,2}}\s*日、)",
)


def find_points(page: Page, lead: Lead, notes: Notes | None = None) -> list[str]:
    """The points of the page after its `lead`: the numbered items, sub-items folded in (a
    lead numbered 1 is point 1); else the bulleted or lettered items; else the paragraphs;
    else what the lead says after its first sentence. How they were taken is a gap in
    `notes` wherever a person should check them."""
    if notes is None:
        notes = Notes()
    if lead.index is None or lead.para is None:
        notes.gap("no lead paragraph found, so no points were taken", "points")
        return []
    lead_para = lead.para
    body: list[Para] = []
    start = lead.index if lead_para.number == 1 else lead.index + 1
    rest = page.paras[start:]
    for index, para in enumerate(rest):
        if END_RE.match(para.whole):
            break
        is_item = para.number is not None or para.sub is not None
        if not is_item and (is_furniture(para.whole) or OVERVIEW_RE.match(para.whole)):
            continue
        if is_date_line(para.whole) or (para is not lead_para and para.text == lead_para.text):
            continue
        if body and _is_next_event(para):
            more = sum(_is_next_event(p) for p in rest[index + 1 :])
            notes.gap(
                "the page holds more than one event; only the first was imported "
                f"(next: {excerpt(para.text)}" + (f", and {more} more)" if more else ")"),
                None,
            )
            break
        body.append(para)
    numbered = [p for p in body if p.number is not None]
    if numbered:
        return _numbered_points(body, notes)
    subs = [p for p in body if p.sub is not None or p.bullet]
    if subs:
        points = [p.text for p in body if p.sub is not None or p.bullet]
        loose = [p for p in body if p.sub is None and not p.bullet]
        if loose:
            notes.gap(
                f"{len(loose)} unnumbered paragraph(s) beside the list were left out of points",
                "points",
            )
        return points
    prose = [p.text for p in body]
    if prose:
        notes.gap(
            "the page does not number its points: each paragraph after the lead became one "
            "point; check them",
            "points",
        )
        return prose
    said = sentences(lead.text)
    if len(said) > 1:
        notes.gap(
            "the readout is one paragraph: everything after its first sentence became point 1",
            "points",
        )
        return [" ".join(said[1:])]
    notes.gap("no points found", "points")
    return []


def _is_next_event(para: Para) -> bool:
    """An unnumbered paragraph that opens another event ("On the same day, ... hosted ...")."""
    return (
        para.number is None
        and para.sub is None
        and bool(_NEXT_EVENT_RE.match(para.text) and LEAD_VERB_RE.search(para.text))
    )


def _numbered_points(body: Sequence[Para], notes: Notes) -> list[str]:
    """Top-level items in order; sub-items, nested lists that restart at 1 (deeper indented,
    or out of the top-level sequence) and continuation paragraphs fold into their parent."""
    points: list[list[str]] = []
    top_indent: int | None = None
    expected = 1
    child_expected: int | None = None
    skipped: list[str] = []
    for para in body:
        if para.number is not None:
            if top_indent is None:
                top_indent = para.indent
            deeper = para.indent > (top_indent or 0)
            is_child_next = child_expected is not None and para.number == child_expected
            is_top_next = para.number == expected or (not points and para.number == 1)
            if points and (
                (para.number == 1 and para.number != expected)
                or (is_child_next and (deeper or not is_top_next))
            ):
                points[-1].append(para.whole)
                child_expected = para.number + 1
                continue
            if is_top_next or not points:
                points.append([para.text])
                expected = para.number + 1
                child_expected = None
                continue
            points[-1].append(para.whole)
            continue
        if points:
            points[-1].append(para.whole)
        else:
            skipped.append(para.text)
    for text in skipped:
        notes.gap(
            f"an unnumbered paragraph before point 1 is not in points: {excerpt(text)}", "points"
        )
    return [squash(" ".join(parts)) for parts in points]
