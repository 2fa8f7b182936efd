"""Finding the meetings a user names on the command line: a date, an id or an id prefix."""

from __future__ import annotations

import bisect
import datetime as dt
import re

from .corpus import Record
from .errors import NotFoundError
from .store import Store

_DAY = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_PERIOD = re.compile(r"[0-9]{4}(?:-[0-9]{2})?")


def period_key(key: str) -> bool:
    """Whether `key` names a month (YYYY-MM) or a year (YYYY) rather than a day or an id."""
    return _PERIOD.fullmatch(key.strip()) is not None


def find_meetings(store: Store, key: str) -> list[Record]:
    """Every meeting of a day (YYYY-MM-DD), or the one meeting an id or unique id prefix names.

    Raises NotFoundError naming the nearest dates that have meetings, or the candidates of an
    ambiguous prefix.
    """
    key = key.strip()
    if _DAY.match(key):
        try:
            day = dt.date.fromisoformat(key)
        except ValueError as err:
            raise NotFoundError.of(f"{key!r} is not a real date") from err
        found = store.on_day(day)
        if found:
            return found
        raise NotFoundError.of(f"no meetings on {key}", hint=_nearest_hint(store.dates(), day))
    prefixed = store.with_id_prefix(key)
    exact = [r for r in prefixed if r.id == key]
    if exact:
        return exact
    if len(prefixed) == 1:
        return prefixed
    if prefixed:
        names = ", ".join(r.id for r in prefixed[:5]) + (", ..." if len(prefixed) > 5 else "")
        raise NotFoundError.of(
            f"{key!r} matches {len(prefixed)} meetings: {names}", hint="give more of the id"
        )
    skipped = sorted({p.file for p in store.problems if p.file and p.file.stem.startswith(key)})
    if skipped:
        raise NotFoundError.of(
            f"{key!r} is in a file that was skipped for its problems: {skipped[0]}",
            hint="`readouts check` lists them; correct the file to see the meeting",
        )
    raise NotFoundError.of(
        f"no meeting with the id {key!r}",
        hint="give a date (YYYY-MM-DD), an id or the start of one; `readouts list` shows them",
    )


def _nearest_hint(dates: list[dt.date], day: dt.date) -> str | None:
    if not dates:
        return "the corpus has no meetings"
    index = bisect.bisect_left(dates, day)
    before = dates[index - 1] if index > 0 else None
    after = dates[index] if index < len(dates) else None
    near = [str(d) for d in (before, after) if d]
    return "nearest dates with meetings: " + ", ".join(near)
