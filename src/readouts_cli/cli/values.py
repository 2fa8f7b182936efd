"""Plain values derived from records for display and for machine output (no terminal here)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..corpus import Record
from ..model import JST, Meeting

if TYPE_CHECKING:
    from ..store import Glance


def local_time(meeting: Meeting | Glance) -> str:
    return meeting.time.strftime("%H:%M") if meeting.time else ""


def jst_time(meeting: Meeting | Glance, *, dated: bool = False) -> str:
    """Japan time of the start; when Japan is on another date, that date (or the day offset)."""
    start = meeting.start_in(JST)
    if start is None:
        return ""
    shift = (start.date() - meeting.date).days
    if not shift:
        return start.strftime("%H:%M")
    return start.strftime("%Y-%m-%d %H:%M") if dated else start.strftime(f"%H:%M {shift:+d}d")


def jst_iso(meeting: Meeting) -> str | None:
    start = meeting.start_in(JST)
    return start.isoformat() if start else None


def duration(meeting: Meeting) -> str:
    minutes = meeting.duration_minutes
    if minutes is None:
        return ""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h {rest} min" if rest else f"{hours} h"


def participant_names(meeting: Meeting, *, countries: bool = False, separator: str = ", ") -> str:
    return separator.join(
        f"{p.name} ({p.country})" if countries and p.country else p.name
        for p in meeting.participants
    )


def principals(meeting: Meeting | Glance) -> list[str]:
    """The names of the meeting's principals: the first participant from each country (the
    delegations behind them left out); where no participant has a country, the first two."""
    seen: set[str] = set()
    names: list[str] = []
    for person in meeting.participants:
        if person.country and person.country not in seen:
            seen.add(person.country)
            names.append(person.name)
    return names or [p.name for p in meeting.participants[:2]]


SHORT_KINDS = {
    "meeting": "meeting",
    "courtesy-call": "call",
    "telephone-talk": "phone",
    "video-conference": "video",
    "multilateral": "multi",
    "signing": "signing",
    "visit": "visit",
    "other": "other",
}


def record_document(record: Record) -> dict[str, Any]:
    """The record as JSON: the TOML fields by their TOML names, plus the derived id and times."""
    meeting = record.meeting
    document: dict[str, Any] = {"id": record.id}
    document.update(meeting.model_dump(mode="json"))
    document["time"] = local_time(meeting) or None  # HH:MM, as everywhere in the output
    document["jst"] = jst_iso(meeting)
    return document


def citation(record_id: str, point: int | None, account: str | None = None) -> str:
    """How a reader cites a point: "2024-01-07-kamikawa-zelenskyy §3", with the account's
    publisher where the meeting has several accounts ("... §2 (President of Ukraine)")."""
    cited = f"{record_id} §{point}" if point else record_id
    return f"{cited} ({account})" if account else cited
