"""The canonical form of a record file, kept lossless: values and comments all survive.

`fmt` rewrites records through tomli_w in the documented key order. tomli_w writes no
comments, so the comments of the original are lifted off first, each tied to the key (or
array element) it stands above or beside, and put back beside the same key afterwards. The
result is checked before anything is written: it must parse to the same data and hold the
same comments, or the file is left as it is.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from . import tomlio
from .model import FIELD_ORDER, SECTION_FIELD_ORDER

Path_ = tuple[str | int, ...]


class NotLossless(Exception):
    """The canonical form would lose or move something; the file must stay as it is."""


def canonical_data(data: Mapping[str, Any]) -> dict[str, Any]:
    """`data` with keys in the documented order (unknown keys kept, after the known ones)."""
    ordered: dict[str, Any] = {}
    for key in [*FIELD_ORDER, *(k for k in data if k not in FIELD_ORDER)]:
        if key not in data:
            continue
        value = data[key]
        if key in SECTION_FIELD_ORDER and isinstance(value, list):
            order = SECTION_FIELD_ORDER[key]
            value = [
                {k: item[k] for k in [*order, *(k for k in item if k not in order)] if k in item}
                if isinstance(item, Mapping)
                else item
                for item in value
            ]
        ordered[key] = value
    return ordered


_BIG_INT = re.compile(r"^(\s*amount = )(\d{5,})$", re.MULTILINE)
_TAGS = re.compile(r"^tags = \[\n((?:    .*,\n)+)\]$", re.MULTILINE)


def dumps_record(data: Mapping[str, Any]) -> str:
    """Canonical TOML for a record: documented key order, `[[...]]` tables, one item a line
    in arrays (tags on one line when they fit), and amounts written with digit separators
    (300_000_000) so they can be read at a glance."""
    text = tomlio.dumps(canonical_data(data))
    text = _BIG_INT.sub(lambda m: m[1] + f"{int(m[2]):_}", text)
    return _TAGS.sub(_inline_tags, text)


def _inline_tags(found: re.Match[str]) -> str:
    """Tags on one line, as people write them, when they fit in 100 columns."""
    items = [line.strip().removesuffix(",") for line in found[1].rstrip("\n").split("\n")]
    inline = f"tags = [{', '.join(items)}]"
    return inline if len(inline) <= 100 else found[0]


@dataclass
class Comments:
    """The comments of a file: at the top, above a key, beside a key, or at the very end."""

    header: list[str] = field(default_factory=list)
    above: dict[Path_, list[str]] = field(default_factory=dict)
    beside: dict[Path_, str] = field(default_factory=dict)
    trailer: list[str] = field(default_factory=list)

    def all(self) -> list[str]:
        out = [c for block in self.above.values() for c in block]
        return sorted([*self.header, *out, *self.beside.values(), *self.trailer])

    def __bool__(self) -> bool:
        return bool(self.header or self.above or self.beside or self.trailer)


def _line_paths(text: str) -> dict[int, Path_]:
    """The deepest key path written on each line (inverse of tomlio.key_lines)."""
    by_line: dict[int, Path_] = {}
    for path, line in tomlio.key_lines(text).items():
        if line not in by_line or len(path) > len(by_line[line]):
            by_line[line] = path
    return by_line


def extract_comments(text: str) -> Comments:
    """Tie every comment in `text` to the key path it belongs to."""
    if "#" not in text:
        return Comments()
    paths = _line_paths(text)
    comments = Comments()
    pending: list[str] = []
    paths_seen = False
    in_multiline = False
    for number, line in enumerate(text.split("\n"), start=1):
        if in_multiline:
            if line.count('"""') % 2 == 1 or line.count("'''") % 2 == 1:
                in_multiline = False
            continue
        code, comment = tomlio.split_comment(line)
        if code.count('"""') % 2 == 1 or code.count("'''") % 2 == 1:
            in_multiline = True
        if not code.strip():
            if comment is not None:
                pending.append(comment.strip())
            elif pending and not paths_seen:
                # A comment block at the top, apart from the first key: the file's header.
                comments.header.extend(pending)
                pending = []
            continue
        paths_seen = True
        path = paths.get(number)
        if path is None:
            if comment is not None or pending:
                raise NotLossless(f"line {number}: a comment here has no key to stay with")
            continue
        if pending:
            comments.above.setdefault(path, []).extend(pending)
            pending = []
        if comment is not None:
            comments.beside[path] = comment.strip()
    comments.trailer = pending
    return comments


def insert_comments(text: str, comments: Comments) -> str:
    """Put `comments` back into canonical `text`, beside and above the same key paths."""
    if not comments:
        return text
    lines = text.removesuffix("\n").split("\n")
    at = tomlio.key_lines(text)
    out: list[str] = [*comments.header, ""] if comments.header else []
    above = {at[p]: block for p, block in comments.above.items() if p in at}
    beside = {at[p]: c for p, c in comments.beside.items() if p in at}
    placed = sum(len(b) for b in above.values()) + len(beside)
    if placed != sum(len(b) for b in comments.above.values()) + len(comments.beside):
        raise NotLossless("a comment belongs to a key the canonical form does not write")
    for number, line in enumerate(lines, start=1):
        indent = line[: len(line) - len(line.lstrip())]
        out.extend(indent + c for c in above.get(number, []))
        out.append(f"{line}  {beside[number]}" if number in beside else line)
    if comments.trailer:
        out.append("")
        out.extend(comments.trailer)
    return "\n".join(out) + "\n"


def format_text(text: str) -> str:
    """The canonical text of a record file, comments kept; raises NotLossless if it cannot be.

    `text` must be valid TOML (the caller has validated the record).
    """
    data = tomllib.loads(text)
    comments = extract_comments(text)
    result = insert_comments(dumps_record(data), comments)
    if tomllib.loads(result) != data:
        raise NotLossless("the canonical form would change a value")
    if extract_comments(result).all() != comments.all():
        raise NotLossless("the canonical form would move or drop a comment")
    return result
