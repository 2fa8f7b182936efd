"""The canonical form of a record file, kept lossless: values and comments all survive.

`fmt` rewrites records through tomli_w in the documented key order. tomli_w writes no
comments, so the comments of the original are lifted off first, each tied to the key (or
array element, or closing `]` of an array) it stands above or beside, and put back at the
same place afterwards. Strings are scanned as TOML reads them, so a `#` in one is text and
a comment after the closing quotes of a multi-line string is found. The
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
    return _ordered(data, FIELD_ORDER)


def _ordered(data: Mapping[str, Any], order: tuple[str, ...]) -> dict[str, Any]:
    """`data` in `order`, and so each table of its sections (an account's aid too)."""
    ordered: dict[str, Any] = {}
    for key in [*order, *(k for k in data if k not in order)]:
        if key not in data:
            continue
        value = data[key]
        if key in SECTION_FIELD_ORDER and isinstance(value, list):
            value = [
                _ordered(item, SECTION_FIELD_ORDER[key]) if isinstance(item, Mapping) else item
                for item in value
            ]
        ordered[key] = value
    return ordered


_BIG_INT = re.compile(r"^(\s*amount = )(\d{5,})$", re.MULTILINE)
_TAGS = re.compile(r"^tags = \[\n((?:    .*,\n)+)\]$", re.MULTILINE)


def dumps_record(data: Mapping[str, Any], *, inline_tags: bool = True) -> str:
    """Canonical TOML for a record: documented key order, `[[...]]` tables, one item a line
    in arrays (tags on one line when they fit, unless `inline_tags` is false), and amounts
    written with digit separators (300_000_000) so they can be read at a glance."""
    text = tomlio.dumps(canonical_data(data))
    text = _BIG_INT.sub(lambda m: m[1] + f"{int(m[2]):_}", text)
    return _TAGS.sub(_inline_tags, text) if inline_tags else text


def _inline_tags(found: re.Match[str]) -> str:
    """Tags on one line, as people write them, when they fit in 100 columns."""
    items = [line.strip().removesuffix(",") for line in found[1].rstrip("\n").split("\n")]
    inline = f"tags = [{', '.join(items)}]"
    return inline if len(inline) <= 100 else found[0]


@dataclass
class Comments:
    """The comments of a file: at the top, above or beside a key, above or beside the `]` that
    closes a multi-line array, or at the very end."""

    header: list[tomlio.Comment] = field(default_factory=list)
    above: dict[Path_, list[tomlio.Comment]] = field(default_factory=dict)
    beside: dict[Path_, tomlio.Comment] = field(default_factory=dict)
    before_close: dict[Path_, list[tomlio.Comment]] = field(default_factory=dict)
    beside_close: dict[Path_, tomlio.Comment] = field(default_factory=dict)
    trailer: list[tomlio.Comment] = field(default_factory=list)

    def _every(self) -> list[tomlio.Comment]:
        blocks = [*self.above.values(), *self.before_close.values()]
        return [
            *self.header,
            *(c for block in blocks for c in block),
            *self.beside.values(),
            *self.beside_close.values(),
            *self.trailer,
        ]

    def all(self) -> list[str]:
        return sorted(c.text for c in self._every())

    def within(self, array: Path_) -> bool:
        """Whether a comment stands inside the array at `array`, so it must keep its lines."""
        tied = [*self.above, *self.beside]
        return (
            any(len(p) > len(array) and p[: len(array)] == array for p in tied)
            or array in self.before_close
            or array in self.beside_close
        )

    def __bool__(self) -> bool:
        return bool(self._every())


def _line_paths(masked: str) -> dict[int, Path_]:
    """The deepest key path written on each line (inverse of tomlio.key_lines)."""
    by_line: dict[int, Path_] = {}
    for path, line in tomlio.key_lines(masked).items():
        if line not in by_line or len(path) > len(by_line[line]):
            by_line[line] = path
    return by_line


def _closing_lines(lines: list[tomlio.ScannedLine], paths: Mapping[int, Path_]) -> dict[int, Path_]:
    """The lines that start with the `]` closing a multi-line array, and the array's path."""
    closing: dict[int, Path_] = {}
    array: Path_ | None = None
    depth = 0
    for number, line in enumerate(lines, start=1):
        if depth == 0:
            if line.brackets > 0:
                array, depth = paths.get(number), line.brackets
            continue
        depth += line.brackets
        if depth == 0 and array is not None and line.code.lstrip().startswith("]"):
            closing[number] = array
    return closing


def extract_comments(text: str) -> Comments:
    """Tie every comment in `text` to the key path it belongs to."""
    if "#" not in text:
        return Comments()
    lines = tomlio.scan(text)
    paths = _line_paths(tomlio.masked(lines))
    closing = _closing_lines(lines, paths)
    comments = Comments()
    pending: list[tomlio.Comment] = []
    paths_seen = False
    for number, line in enumerate(lines, start=1):
        if not line.code.strip():
            if line.comment is not None:
                pending.append(line.comment)
            elif pending and not paths_seen:
                # A comment block at the top, apart from the first key: the file's header.
                comments.header.extend(pending)
                pending = []
            continue
        paths_seen = True
        if number in paths:
            path = paths[number]
            if pending:
                comments.above.setdefault(path, []).extend(pending)
            if line.comment is not None:
                comments.beside[path] = line.comment
        elif number in closing:
            array = closing[number]
            if pending:
                comments.before_close.setdefault(array, []).extend(pending)
            if line.comment is not None:
                comments.beside_close[array] = line.comment
        else:
            stray = [c for c in (*pending, line.comment) if c is not None]
            if stray:
                raise NotLossless(f"line {stray[0].line}: a comment here has no key to stay with")
        pending = []
    comments.trailer = pending
    return comments


def insert_comments(text: str, comments: Comments) -> str:
    """Put `comments` back into canonical `text`, beside and above the same key paths."""
    if not comments:
        return text
    scanned = tomlio.scan(text)
    masked = tomlio.masked(scanned)
    at = tomlio.key_lines(masked)
    closing_at = {p: n for n, p in _closing_lines(scanned, _line_paths(masked)).items()}
    lines = text.removesuffix("\n").split("\n")
    # An empty array is written `key = []`; to hold comments inside it, it opens onto lines.
    opened = {
        at[p]: p
        for p in [*comments.before_close, *comments.beside_close]
        if p not in closing_at and p in at and lines[at[p] - 1].endswith(" = []")
    }
    closes = {*closing_at, *opened.values()}
    unplaced = [
        *(c for p, block in comments.above.items() if p not in at for c in block),
        *(c for p, c in comments.beside.items() if p not in at),
        *(c for p, block in comments.before_close.items() if p not in closes for c in block),
        *(c for p, c in comments.beside_close.items() if p not in closes),
    ]
    if unplaced:
        first = min(unplaced, key=lambda c: c.line)
        raise NotLossless(f"line {first.line}: the canonical form has no place for this comment")
    above = {at[p]: block for p, block in comments.above.items()}
    beside = {at[p]: c for p, c in comments.beside.items()}
    before_close = {closing_at[p]: b for p, b in comments.before_close.items() if p in closing_at}
    beside_close = {closing_at[p]: c for p, c in comments.beside_close.items() if p in closing_at}
    out: list[str] = [*(c.text for c in comments.header), ""] if comments.header else []
    for number, line in enumerate(lines, start=1):
        indent = line[: len(line) - len(line.lstrip())]
        out.extend(indent + c.text for c in above.get(number, []))
        if number in opened:
            array = opened[number]
            out.append(_beside(line.removesuffix("]"), beside.get(number)))
            out.extend(f"{indent}    {c.text}" for c in comments.before_close.get(array, []))
            out.append(_beside(f"{indent}]", comments.beside_close.get(array)))
            continue
        # Above the `]`, level with the elements (tomli_w indents them by four).
        out.extend(f"{indent}    {c.text}" for c in before_close.get(number, []))
        out.append(_beside(line, beside.get(number) or beside_close.get(number)))
    if comments.trailer:
        out.append("")
        out.extend(c.text for c in comments.trailer)
    return "\n".join(out) + "\n"


def _beside(line: str, comment: tomlio.Comment | None) -> str:
    return f"{line}  {comment.text}" if comment else line


def format_text(text: str) -> str:
    """The canonical text of a record file, comments kept; raises NotLossless if it cannot be.

    `text` must be valid TOML (the caller has validated the record).
    """
    data = tomllib.loads(text)
    comments = extract_comments(text)
    # Tags with comments among them keep one a line: there is nowhere else to put them.
    canonical = dumps_record(data, inline_tags=not comments.within(("tags",)))
    result = insert_comments(canonical, comments)
    if tomllib.loads(result) != data:
        raise NotLossless("the canonical form would change a value")
    # Compared slot by slot (texts, not lines): each comment stays with the same key.
    if extract_comments(result) != comments:
        raise NotLossless("the canonical form would move or drop a comment")
    return result
