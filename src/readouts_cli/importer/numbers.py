"""Numbers as readouts write them: in digits or in English words ("forty-five", "an")."""

from __future__ import annotations

import re
from decimal import Decimal

from .text import alternation

SMALL_NUMBERS = {
    word: value
    for value, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen".split()
    )
}
TENS = {
    word: 10 * value
    for value, word in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)
}
NUMBER_WORD = (
    rf"(?:(?:{'|'.join(TENS)})(?:[-\s](?:{'|'.join(w for w in SMALL_NUMBERS if w != 'zero')}))?"
    rf"|{alternation(SMALL_NUMBERS)})"
)
# A count in a duration: up to six digits with up to three decimals, words, or "a"/"an".
NUMBER = rf"(?:\d{{1,6}}(?:\.\d{{1,3}})?|{NUMBER_WORD}|an?)"


def read_number(text: str) -> Decimal | None:
    """A number written in digits or English words ("12", "1.5", "forty-five", "an"); None if
    `text` is no number."""
    text = text.strip().lower().replace(",", "")
    if text in ("a", "an"):
        return Decimal(1)
    if re.fullmatch(r"\d{1,15}(?:\.\d{1,6})?", text):
        return Decimal(text)
    total = 0
    for word in re.split(r"[-\s]+", text):
        if word in SMALL_NUMBERS:
            total += SMALL_NUMBERS[word]
        elif word in TENS:
            total += TENS[word]
        else:
            return None
    return Decimal(total)
