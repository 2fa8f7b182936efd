"""The pipeline: the order in which a draft's fields are found. Each step lives in the module of
its field; this one only runs them and puts the record together."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..errors import ReadoutsError
from ..model import FIELD_ORDER
from .aid import find_aid
from .condolences import find_condolences
from .dates import fill_date, meeting_date
from .draft import Draft, Notes
from .kinds import fill_kind, fill_level, page_kind
from .page import DATELINE_RE, find_lead, is_furniture, read_page
from .participants import (
    fill_participants,
    find_principals,
    id_surname,
    refine_surnames,
    resolve_names,
    settle_sides,
)
from .places import fill_place
from .points import find_points
from .publishers import find_publisher
from .times import fill_duration, fill_time
from .titles import fill_title, page_title


def draft_from_text(
    text: str,
    *,
    source: str | None = None,
    resolve_name: Callable[[str], str | None] | None = None,
) -> Draft:
    """Draft a record from the text of a published readout.

    Raises ReadoutsError when the text has neither a date nor participants; anything short of
    that becomes a draft whose gaps say what is missing.
    """
    notes = Notes()
    page = read_page(text)
    source = source or page.source
    publisher, home = find_publisher(page, source)
    lead = find_lead(page)

    people = find_principals(page, lead.text, lead.sentence, home, notes)
    # A news agency's dateline dates the story, as a page's date line does.
    dateline = DATELINE_RE.match(lead.para.text) if lead.para else None
    header = [p.whole for p in lead.header] + ([dateline["date"]] if dateline else [])
    after = lead.index + 1 if lead.index is not None else len(page.paras)
    following = page.paras[after].text if after < len(page.paras) else ""
    date = meeting_date(header, [p.whole for p in page.paras], lead.text, notes, following)
    if date is None and not people:
        raise ReadoutsError.of(
            "not a readout: found neither a date nor the people who met",
            hint="paste the text of a meeting readout: its date line and the lead sentence "
            "('On January 7, ... held a meeting with ...') at least",
        )
    refine_surnames(people, lead.body, notes)
    lead_subject = people[0] if people else None
    resolve_names(people, resolve_name)
    home = settle_sides(people, home, page.text, notes)

    own_title = page_title(lead.header, date_first=home == "UA")
    kind = page_kind(lead.sentence or lead.text, own_title)
    points = find_points(page, lead, notes)

    data: dict[str, Any] = {}
    fill_date(data, date, notes)
    fill_title(data, own_title, kind, lead.sentence, people, notes)
    fill_kind(data, kind, notes)
    fill_level(data, lead.sentence or lead.text, [p.title for p in people], notes)
    headline = [p.text for p in lead.header if not is_furniture(p.text)]
    zone = fill_place(data, lead.sentence or lead.text, kind, page.japanese, notes, headline)
    fill_time(data, lead.text, date, zone, home, page.japanese, notes)
    fill_duration(data, lead.text, notes)
    if source:
        data["source"] = source
    if publisher:
        data["publisher"] = publisher
    if points:
        data["points"] = points
    fill_participants(data, people, notes)
    condolences = find_condolences(points, people, lead_subject, notes)
    if condolences:
        data["condolences"] = condolences
    # A lead numbered as point 1 has had its aid read as a point's.
    lead_numbered = lead.para is not None and lead.para.number is not None
    year = date.year if date else None
    aid = find_aid(points, "" if lead_numbered else lead.sentence, people, notes, year)
    if aid:
        data["aid"] = aid
    ordered = {key: data[key] for key in FIELD_ORDER if key in data}
    principals = [(id_surname(p), p.country) for p in people]
    return Draft(ordered, notes.gaps, notes.warnings, notes.gap_fields, principals)
