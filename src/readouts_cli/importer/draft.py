"""What the importer returns: a `Draft` (the record fields it could determine, and what it
could not), and the `Notes` every step writes its gaps and warnings into."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from ..writing import derive_id


@dataclass
class Draft:
    """A record as far as the text tells it.

    `data` holds the record fields in FIELD_ORDER, ready for the canonical writer (dates, times
    and integers as such). `gaps` says what could not be determined, `warnings` what the text
    contradicts or what was inferred. `gap_fields` maps a gap to the key it concerns ("time",
    "participants.1", ...) so that `render_draft` can put it beside that key; `principals` are
    the participants' (surname, country), home side first, the surname as the page marks it
    (capitals, "Minister Klimkin" in the body), for `suggested_id`.
    """

    data: dict[str, Any]
    gaps: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    gap_fields: dict[str, str] = field(default_factory=dict)
    principals: list[tuple[str, str | None]] = field(default_factory=list)

    def suggested_id(self) -> str:
        """`2024-01-07-kamikawa-zelenskyy`: the id `readouts new` derives (writing.derive_id),
        from the surnames the page marks; `undated-...` when the text gave no date."""
        principals = self.principals or [
            (p["name"], p.get("country")) for p in self.data.get("participants", [])
        ]
        date = self.data.get("date")
        if isinstance(date, dt.date):
            return derive_id(date, principals)
        # Ids start with the date, so an undated draft cannot be written; its id still says
        # who met, with the date's place marked.
        placeholder = dt.date.min
        return derive_id(placeholder, principals).replace(placeholder.isoformat(), "undated", 1)


class Notes:
    """Gaps and warnings collected while drafting, each once, in the order found."""

    def __init__(self) -> None:
        self.gaps: list[str] = []
        self.warnings: list[str] = []
        self.gap_fields: dict[str, str] = {}

    def gap(self, message: str, key: str | None = None) -> None:
        """Something the text does not say; `key` is the field it concerns, if any."""
        if message not in self.gaps:
            self.gaps.append(message)
        if key is not None:
            self.gap_fields.setdefault(message, key)

    def warn(self, message: str) -> None:
        """Something the text contradicts, or that was inferred rather than read."""
        if message not in self.warnings:
            self.warnings.append(message)
