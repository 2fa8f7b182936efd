"""Small text helpers the finders share: alternations of literal words, whitespace, trimming,
and splitting a clause at commas outside brackets."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of the literal `words`, longest first so that the longest wins."""
    return _alternation(tuple(words))


@functools.lru_cache(maxsize=512)
def _alternation(words: tuple[str, ...]) -> str:
    # Built once per set of words: the importer asks for the same ones for every sentence.
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def squash(text: str) -> str:
    """`text` with every run of whitespace made one space, and none at either end."""
    return " ".join(text.split())


def trim(text: str, size: int) -> str:
    """`text` squashed and cut to at most `size` characters at a word boundary."""
    text = squash(text)
    if len(text) <= size:
        return text
    return text[:size].rsplit(" ", 1)[0]


def excerpt(text: str, size: int = 70) -> str:
    """`text` quoted for a message, cut with an ellipsis after `size` characters."""
    text = squash(text)
    return f"'{text[:size]}…'" if len(text) > size else f"'{text}'"


def split_top(text: str, separator: str = ",") -> list[str]:
    """Split at `separator` outside brackets and quotes."""
    parts: list[str] = []
    depth = 0
    current: list[str] = []
    for char in text:
        if char in "(（[":
            depth += 1
        elif char in ")）]" and depth:
            depth -= 1
        if char == separator and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return [p.strip() for p in parts if p.strip()]
