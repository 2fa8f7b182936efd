"""Pydantic's validation errors in the project's own words: the one translator that records,
people.toml and `new`'s options all go through.

A message says what is wrong with the value as the user wrote it ("'phone' is not one of:
meeting, courtesy-call, ...", "must be at least 1"), never Pydantic's phrasing ("Input should
be ..."); a hint says how to write it, from the validator that knows the fix
(`model.HintedValueError`) or from an example of the TOML type asked for.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping, Sequence
from typing import Any

from . import tomlio

Loc = tuple[str | int, ...]


def field_path(loc: Sequence[str | int]) -> str:
    """`("participants", 1, "country")` -> `participants[1].country`."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


# Pydantic's error types, as we say them.
_TYPE_MESSAGES = {
    "int_type": "must be a whole number",
    "float_type": "must be a number",
    "string_type": "must be text in quotes",
    "bool_type": "must be true or false",
    "date_type": "must be a date",
    "time_type": "must be a time of day",
    "list_type": "must be a list",
    "model_type": "must be a table",
    "dict_type": "must be a table",
    "missing": "required key is missing",
    "string_too_short": "must not be empty",
}
_BOUNDS = {
    "greater_than": ("gt", "must be greater than {}"),
    "greater_than_equal": ("ge", "must be at least {}"),
    "less_than": ("lt", "must be less than {}"),
    "less_than_equal": ("le", "must be at most {}"),
}


def describe(
    error: Mapping[str, Any],
    *,
    allowed: Sequence[str] = (),
    meant: Mapping[str, str] | None = None,
) -> tuple[str, str | None]:
    """One Pydantic error as (message, hint).

    `allowed` are the keys the table at the error's place may hold, for an unknown key's
    "did you mean"; `meant` maps keys people write to the ones the format has, where spelling
    distance alone would guess wrong (`until` is `to`, not `title`).
    """
    kind = str(error["type"])
    loc: Loc = tuple(error["loc"])
    value = error.get("input")
    known_fix = getattr((error.get("ctx") or {}).get("error"), "hint", None)
    if kind == "extra_forbidden":
        key = str(loc[-1]) if loc else ""
        close = [m] if (m := (meant or {}).get(key)) and m in allowed else []
        close = close or difflib.get_close_matches(key, list(allowed), n=1, cutoff=0.6)
        if close:
            return "unknown key", f"did you mean `{close[0]}`?"
        return "unknown key", f"known keys: {', '.join(allowed)}" if allowed else None
    if kind == "enum":
        choices = re.findall(r"'([^']*)'", str(error["ctx"]["expected"]))
        close = difflib.get_close_matches(str(value), choices, n=1, cutoff=0.6)
        hint = known_fix or (f"did you mean {close[0]!r}?" if close else None)
        return f"{value!r} is not one of: {', '.join(choices)}", hint
    if kind in _BOUNDS:
        name, template = _BOUNDS[kind]
        return template.format(error["ctx"][name]), known_fix
    if kind in _TYPE_MESSAGES:
        message = _TYPE_MESSAGES[kind]
        if kind in ("date_type", "time_type") and isinstance(value, str):
            message += ", not a string in quotes"
        return message, known_fix or tomlio.type_hint(kind, loc)
    message = str(error["msg"])
    message = message.removeprefix("Value error, ").removeprefix("Assertion failed, ")
    message = re.sub(r"^Input should be ", "must be ", message)
    return message, known_fix or tomlio.type_hint(kind, loc)
