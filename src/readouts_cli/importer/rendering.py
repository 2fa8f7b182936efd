"""Rendering: a draft as the text of a record file, written by the canonical writer that `fmt`
uses (canonical.dumps_record), so a fresh draft passes `readouts fmt --check` as it is, with
every gap and warning as a comment."""

from __future__ import annotations

import unicodedata
from typing import Any

from .. import tomlio
from ..canonical import dumps_record
from ..model import FIELD_ORDER
from .draft import Draft
from .text import squash


def render_draft(draft: Draft) -> str:
    """TOML text for a draft: a header listing every gap and warning, then the fields in
    canonical form, with each gap again beside its field (above a key, or under its table's
    header). It always parses; a draft without gaps is a valid record."""
    header = ["# Draft made by `readouts import`: check every field against the source."]
    if draft.data.get("source"):
        header.append(f"# Source: {_comment_text(str(draft.data['source']))}")
    header += [f"# TODO: {_comment_text(gap)}" for gap in draft.gaps]
    header += [f"# WARNING: {_comment_text(warning)}" for warning in draft.warnings]
    body = dumps_record(draft.data) if draft.data else ""
    positions = tomlio.key_lines(body)
    above: dict[int, list[str]] = {}
    below: dict[int, list[str]] = {}
    trailing: list[str] = []
    for gap, key in draft.gap_fields.items():
        if gap not in draft.gaps:
            continue
        comment = f"# TODO: {_comment_text(gap)}"
        head, _, index = key.partition(".")
        table = (head, int(index) - 1) if index.isdigit() else None
        if table in positions:
            below.setdefault(positions[table], []).append(comment)
        elif (anchor := _line_for(head, draft.data, positions)) is not None:
            above.setdefault(anchor, []).append(comment)
        else:
            trailing.append(comment)
    out: list[str] = []
    for number, line in enumerate(body.splitlines(), start=1):
        out += [*above.get(number, []), line, *below.get(number, [])]
    if trailing:
        out += ["", *trailing]
    return "\n".join([*header, "", *out]).rstrip("\n") + "\n"


def _line_for(
    key: str, data: dict[str, Any], positions: dict[tuple[str | int, ...], int]
) -> int | None:
    """The line a comment about top-level `key` goes above: the key's own line, or for a
    missing key the line of the next key present in FIELD_ORDER (None: the end of the file)."""
    if key not in FIELD_ORDER:
        return None
    for later in FIELD_ORDER[FIELD_ORDER.index(key) :]:
        if later in data:
            line = positions.get((later,), positions.get((later, 0)))
            if line is not None:
                return line
    return None


def _comment_text(text: str) -> str:
    """`text` on one line, fit for a TOML comment: TOML allows no control character but tab
    in one, so every character of Unicode's category C becomes a space."""
    return "".join(
        c if c == "\t" or unicodedata.category(c)[0] != "C" else " " for c in squash(text)
    )
