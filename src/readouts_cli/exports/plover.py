"""Meetings, condolences and aid as PLOVER event records (the Open Event Data Alliance's
successor to CAMEO), one JSON object per event, with the CAMEO code beside each.

The mapping (the README has it as a table):

- a meeting is CONSULT; mode `phone` for telephone talks and video conferences (CAMEO 041),
  `multilateral` for multilateral meetings (CAMEO 040), no mode otherwise (CAMEO 040). The
  records do not say who hosted, so every participant is an actor and there is no recipient,
  as PLOVER codes meetings with no clear host; CAMEO 042/043 (visit, host) and 046
  (negotiation) are not used.
- an aid item announced or pledged is AGREE (PLOVER codes promises of aid as AGREE, CAMEO
  033x); delivered or mentioned, AID (CAMEO 07x); the context is the CAMEO code's (economic,
  military, humanitarian). Stated running totals (scope "cumulative") are no events and are
  left out.
- a condolence is SUPPORT (verbal cooperation), its CAMEO code 018 (make empathetic comment):
  PLOVER dropped CAMEO's public statements (01), so it has no category of its own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import Any

from ..codes import COUNTRIES
from ..corpus import Record
from ..ledger import CONDOLENCE_CAMEO, aid_cameo
from ..model import Aid, Meeting
from ..people.registry import Person, Registry
from ..vocab import Kind, Scope, Status

CODEBOOK = "PLOVER 2.0 (draft), with CAMEO 1.1b3 codes beside"
CONSULT, AGREE, AID, SUPPORT = "CONSULT", "AGREE", "AID", "SUPPORT"
QUAD = {CONSULT: 1, SUPPORT: 1, AGREE: 1, AID: 2}  # 1 verbal, 2 material cooperation

_MEETING_MODE: dict[Kind, tuple[str | None, str]] = {
    Kind.TELEPHONE_TALK: ("phone", "041"),
    Kind.VIDEO_CONFERENCE: ("phone", "041"),
    Kind.MULTILATERAL: ("multilateral", "040"),
}
# The PLOVER context of each CAMEO aid code (PLOVER's CAMEO conversion table).
_AID_CONTEXT = {
    "0331": "economic",
    "0332": "military",
    "0333": "humanitarian",
    "033": "diplomatic",
    "071": "economic",
    "072": "military",
    "073": "humanitarian",
    "070": None,
}


def meeting_mode(kind: Kind) -> tuple[str | None, str]:
    """The PLOVER mode (or None) and CAMEO code of a meeting of this kind."""
    return _MEETING_MODE.get(kind, (None, "040"))


def aid_event(item: Aid) -> str:
    """AGREE for a promise of aid (announced, pledged), AID for aid given or referred to."""
    return AGREE if item.status in (Status.ANNOUNCED, Status.PLEDGED) else AID


def entity(
    name: str,
    registry: Registry,
    on: dt.date,
    *,
    title: str | None = None,
    country: str | None = None,
) -> dict[str, Any]:
    """An actor or recipient: a country code, a registered person (with their Wikidata id),
    or a name or group as written."""
    if name in COUNTRIES:
        return {"entity_text": name, "country": name, "sector": "GOV"}
    found = registry.resolve(name)
    person: Person | None = found[0] if len(found) == 1 else None
    out: dict[str, Any] = {"entity_text": name}
    if person is not None:
        out["identifier_text"] = person.name
        out["identifier_id"] = person.wikidata
        out["registry_id"] = person.id
    out["country"] = country or (person.country if person else None)
    out["office"] = title or (person.title_on(on) if person else None)
    return out


def _time(meeting: Meeting) -> str | None:
    """The local start as ISO 8601 with its UTC offset, so date + "T" + time is a datetime."""
    start = meeting.start()
    return start.isoformat().split("T", 1)[1] if start else None


def _cite(record: Record, point: int | None) -> dict[str, Any]:
    meeting = record.meeting
    return {
        "citation": f"{record.id} §{point}" if point else record.id,
        "url": meeting.source,
        "title": meeting.title,
        "publication": meeting.publisher,
        "language": "en",
        "corpus": "readouts",
        "codebook": CODEBOOK,
    }


def _base(record: Record, suffix: str, event: str) -> dict[str, Any]:
    meeting = record.meeting
    return {
        "id": record.id + suffix,
        "date": meeting.date.isoformat(),
        "time": _time(meeting),
        "event": [event],
        "event_type": event,
        "quad_code": QUAD[event],
    }


def _location(meeting: Meeting) -> dict[str, Any] | None:
    return {"extracted_place": meeting.place} if meeting.place else None


def meeting_event(record: Record, registry: Registry) -> dict[str, Any]:
    meeting = record.meeting
    mode, cameo = meeting_mode(meeting.kind)
    event = _base(record, "", CONSULT)
    event.update(
        mode=[mode] if mode else [],
        context=["diplomatic"],
        actor=[
            entity(p.name, registry, meeting.date, title=p.title, country=p.country)
            for p in meeting.participants
        ],
        recipient=[],
        event_loc=_location(meeting),
        event_text=[meeting.title],
        cameo=cameo,
        cite_info=_cite(record, None),
        kind=str(meeting.kind),
    )
    return event


def events(records: Iterable[Record], registry: Registry) -> Iterator[dict[str, Any]]:
    """Every meeting, condolence and aid item of `records` as a PLOVER event, in the order of
    the records; stated running totals of aid are left out (they are no events)."""
    for record in records:
        meeting = record.meeting
        yield meeting_event(record, registry)
        for n, condolence in enumerate(meeting.condolences, 1):
            event = _base(record, f"#condolence-{n}", SUPPORT)
            event.update(
                mode=[],
                context=["diplomatic"],
                actor=[entity(condolence.by, registry, meeting.date)],
                recipient=[entity(condolence.to, registry, meeting.date)],
                event_loc=_location(meeting),
                event_text=[condolence.about],
                cameo=CONDOLENCE_CAMEO,
                cite_info=_cite(record, condolence.point),
                comment="condolence (CAMEO 018): PLOVER has no category for public statements",
            )
            yield event
        for n, item in enumerate(meeting.aid, 1):
            if item.scope == Scope.CUMULATIVE:
                continue
            cameo = aid_cameo(item)
            context = _AID_CONTEXT[cameo]
            event = _base(record, f"#aid-{n}", aid_event(item))
            event.update(
                mode=[],
                context=[context] if context else [],
                actor=[entity(item.donor, registry, meeting.date)],
                recipient=[entity(item.recipient, registry, meeting.date)]
                if item.recipient
                else [],
                event_loc=_location(meeting),
                event_text=[item.what],
                cameo=cameo,
                cite_info=_cite(record, item.point),
                aid={
                    "category": str(item.category),
                    "status": str(item.status),
                    "amount": item.amount,
                    "currency": item.currency,
                    "package": item.package,
                    "channel": item.channel,
                },
            )
            yield event
