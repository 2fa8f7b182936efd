"""Text rules shared by every module: folding for matching (case, accents, quote and dash
variants and spacing don't count), and the one set of characters that must never reach a
terminal or a draft as they are.

Search, the `--person` filter and the people registry all compare folded text, so that
"Ministers'" finds "Ministers’" and "zelenskyy" finds "ZELENSKYY".
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# C0 controls but tab and newline, DEL, C1 controls (the 8-bit CSI among them), the
# left-to-right and right-to-left marks, and the bidirectional embeddings, overrides and
# isolates: characters that can restyle a terminal or reorder what a reader sees.
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")

_QUOTES = {
    **dict.fromkeys("’‘‛′`´ʼ", "'"),
    **dict.fromkeys("“”„‟″«»", '"'),
    **dict.fromkeys("‐‑‒–—―−", "-"),
}


# Letters that NFKD does not decompose but that English texts write plainly: "Yıldırım" is
# printed "YILDIRIM" (and "I" folds to "i", not "ı"), "Støre" often "Store", and a reader
# types "lukasz" for "Łukasz".
_PLAIN_LETTERS = str.maketrans(
    {
        "ı": "i",
        "ø": "o",
        "đ": "d",
        "ð": "d",
        "ł": "l",
        "ħ": "h",
        "ŧ": "t",
        "æ": "ae",
        "œ": "oe",
        "þ": "th",
    }
)


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    if char in _QUOTES:
        return _QUOTES[char]
    if char.isspace():
        return " "
    decomposed = unicodedata.normalize("NFKD", char)
    kept = "".join(_QUOTES.get(c, c) for c in decomposed if not unicodedata.combining(c))
    folded = kept.casefold().translate(_PLAIN_LETTERS)
    return " " if folded.isspace() else folded


class _FoldTable(dict[int, str]):
    """`str.translate` table folding each character, filled in as characters are met."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = _fold_char(chr(code))
        return folded


_TABLE = _FoldTable()


def fold_with_map(text: str) -> tuple[str, list[int]]:
    """Fold `text`; also give, for each folded character, the index of its source character.

    Runs of whitespace fold to one space, so a phrase matches across line breaks.
    """
    out: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        folded = _fold_char(char)
        if folded == " " and out and out[-1] == " ":
            continue
        for piece in folded:
            out.append(piece)
            origin.append(index)
    return "".join(out), origin


def fold(text: str) -> str:
    if text.isascii():
        return " ".join(text.split()).casefold().replace("`", "'")
    # As fold_with_map(text)[0].strip(), without the map: whitespace folds to spaces, and
    # split() then collapses the runs.
    return " ".join(text.translate(_TABLE).split())
