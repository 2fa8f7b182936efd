"""Names and their keys: the one vocabulary of honorifics and role words, and how a name is
compared.

Names are compared through `name_key`, which folds case and accents, drops honorifics and the
role words that stand before names in readouts ("H.E. Mr.", "Prime Minister") and ignores word
order, so "Ms. KAMIKAWA Yoko" and "Yoko Kamikawa" are one key. The importer reads names with
the same vocabulary (`HONORIFIC_PHRASES`, `ROLE_PHRASES`, through `phrases`).
"""

from __future__ import annotations

import re

from ..textfold import fold

NameKey = tuple[str, ...]
"""A name as a sorted bag of folded words: word order does not count, every word does."""

Loc = tuple[str | int, ...]

# Word sequences dropped from names wherever they stand (after folding and splitting at
# punctuation, so "H.E." and "H. E." are both ("h", "e")). "Sir", "Dame", "King" and the like
# stay: they are part of how those people are named, not a courtesy added by the writer.
HONORIFIC_PHRASES = """
    h e | s e | his excellency | her excellency | excellency
    mr | ms | mrs | mx | dr | prof | professor
    the hon | hon | the honorable | the honourable | honorable | honourable
    rt hon | the rt hon | right hon | right honorable | right honourable
    the right honorable | the right honourable | mp
"""
ROLE_PHRASES = """
    president | vice president | prime minister | deputy prime minister
    first deputy prime minister | minister | foreign minister | state minister
    minister of state | deputy minister | vice minister | parliamentary vice minister
    minister for foreign affairs | minister of foreign affairs | ambassador | chairman
    chairperson | speaker | chancellor | secretary | secretary general | secretary of state
    mayor | governor
"""
DROPPED_PHRASES: frozenset[NameKey] = frozenset(
    tuple(phrase.split())
    for phrase in re.split(r"[|\n]", HONORIFIC_PHRASES + ROLE_PHRASES)
    if phrase.strip()
)
_LONGEST_PHRASE = max(len(p) for p in DROPPED_PHRASES)
# Folding leaves some apostrophes from compatibility characters ("ŉ" is "ʼn"); in a name an
# apostrophe joins ("O'Brien" is "OBrien"), it never separates.
_NO_APOSTROPHES = str.maketrans(dict.fromkeys("'’‘‛′`´ʼ"))
_POSSESSIVE = re.compile(r"'s\b")
_WORD = re.compile(r"[^\W_]+")

# Suggestions below this rapidfuzz score (0-100) are noise: "Zelenskiy" against "zelensky"
# scores 94, "Selenskyj" 82 and "Yuko" against "yoko" 75, while different surnames of the
# corpus ("Kishida", "Kamikawa", "Klimkin", "Kuleba") score under 50 against each other.
SUGGEST_CUTOFF = 75.0


def name_words(name: str) -> list[str]:
    """The folded words of `name` without honorifics and role words, in their original order."""
    # Casefold before folding too: "ᾲ".upper() is "ᾺΙ", and only casefolding first turns the
    # subscript iota into the letter that the capital spelling has.
    folded = fold(name.casefold())  # fold writes ı, ø, ł, æ... plainly
    text = _POSSESSIVE.sub("", folded).translate(_NO_APOSTROPHES)
    words = _WORD.findall(text)
    kept: list[str] = []
    i = 0
    while i < len(words):
        for size in range(min(_LONGEST_PHRASE, len(words) - i), 0, -1):
            if tuple(words[i : i + size]) in DROPPED_PHRASES:
                i += size
                break
        else:
            kept.append(words[i])
            i += 1
    return kept


def name_key(name: str) -> NameKey:
    """The key two spellings of one name share: "H.E. Mr. Volodymyr ZELENSKYY", "Zelenskyy
    Volodymyr" and "President Volodymyr Zelenskyy" all give ("volodymyr", "zelenskyy").

    Empty when nothing but titles is left ("Prime Minister").
    """
    return tuple(sorted(name_words(name)))


def phrases(vocabulary: str) -> list[str]:
    """The phrases of a vocabulary above ("h e", "prime minister"), longest first."""
    found = [" ".join(p.split()) for p in re.split(r"[|\n]", vocabulary) if p.strip()]
    return sorted(found, key=lambda p: (-len(p), p))
