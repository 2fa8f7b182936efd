"""Honorifics, role words and names as readouts write them.

The words themselves live once, in `people.names` (`HONORIFIC_PHRASES`, `ROLE_PHRASES`), folded
("h e", "prime minister"); this module writes each phrase as a readout spells it ("H.E.",
"H. E.", "the Rt Hon.", "Prime Minister", "Secretary-General") and cleans a written name into
the record's form ("H.E. Mr. Volodymyr ZELENSKYY" -> "Volodymyr Zelenskyy", surname
Zelenskyy).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ..people.names import HONORIFIC_PHRASES, ROLE_PHRASES, phrases

# Post-nominals follow a name ("Alex CARTER MP"): dropped from a name, never read as the
# honorific that opens one.
POST_NOMINALS = frozenset({"MP", "QC", "KC", "OBE", "CBE", "KBE", "MBE", "PC", "MEP"})

# What readouts write before names that the people vocabulary does not hold (yet): the
# importer drops these from a name too. Sir and Dame stay in a name for `name_key`.
_MORE_HONORIFICS = """
    his majesty | her majesty | his royal highness | her royal highness | mme | madam
    sir | dame | the rt honourable | the rt honorable
"""
# Titles that stand before a name in readouts that the vocabulary does not hold (yet).
_MORE_ROLES = """
    defence minister | defense minister | finance minister | deputy foreign minister
    foreign secretary | defence secretary | defense secretary | chief cabinet secretary
    king | queen | emperor | crown prince | director general | high representative
    commissioner | außenminister | premierminister | ministerpräsident | bundeskanzler
    bundeskanzlerin | präsident | präsidentin
"""
# Words written in lower case inside a title ("Minister of State").
_SMALL_WORDS = frozenset({"of", "for", "the", "and"})


def _honorific_pattern(phrase: str) -> str:
    """A folded honorific as readouts write it: "h e" as "H.E." or "H. E.", "the rt hon" as
    "The Rt. Hon." or "the Rt Hon": initials with their dots, words capitalised and maybe
    cut short with a dot; only "the" may open one in lower case."""
    pattern = ""
    previous = ""
    for word in phrase.split():
        if previous:
            pattern += r"\s?" if len(previous) == len(word) == 1 else r"\s+"
        if len(word) == 1:
            pattern += re.escape(word.upper()) + r"\."
        elif word == "the" and not previous:
            pattern += r"[Tt]he\b"
        else:
            pattern += re.escape(word[0].upper() + word[1:]) + r"\b\.?"
        previous = word
    return pattern


def _role_pattern(phrase: str) -> str:
    """A folded role as readouts write it: "secretary general" as "Secretary General" or
    "Secretary-General", "minister of state" as "Minister of State"."""
    words = phrase.split()
    written = [
        w if w in _SMALL_WORDS and i else re.escape(w[0].upper() + w[1:])
        for i, w in enumerate(words)
    ]
    return r"(?:\s+|-)".join(written)


# An honorific before a name: any phrase of the vocabulary, as written.
HONORIFIC = "(?:{})".format(
    "|".join(
        _honorific_pattern(p)
        for p in dict.fromkeys(phrases(HONORIFIC_PHRASES + "\n" + _MORE_HONORIFICS))
        if p.upper() not in POST_NOMINALS
    )
)
HONORIFICS_RE = re.compile(rf"(?:{HONORIFIC}\s*)+")
# A title before a name. "Minister for/of <Capitalised words>" comes first: it names the
# portfolios no list holds ("Minister for Europe and Foreign Affairs").
ROLE = "(?:{})".format(
    "|".join(
        [
            r"Minister\s+(?:for|of)\s+(?:(?:[A-Z][a-z]+\s+(?:and\s+)?)*(?:Affairs|Defen[cs]e)"
            r"|(?:[A-Z][a-z]+\s+(?:and\s+)?)+)",
            *(_role_pattern(p) for p in dict.fromkeys(phrases(ROLE_PHRASES + "\n" + _MORE_ROLES))),
        ]
    )
)

PARTICLES = frozenset(
    "von van der den de del della di da dos das du la le bin binti al el ter zu y".split()
)
_ACRONYMS = frozenset(
    "G7 G20 NATO JST EU UN USA UK US IAEA OSCE ASEAN MOFA TICAD ODA JICA CAP NHK PM MP "
    "QC KC BBC COVID UNGA UNSC WHO IMF AM UTC GMT CET EET CEST EEST JSDF SDF ICC II III IV".split()
)
# Words that make a clause a title ("Minister for Foreign Affairs of Japan", "Chair of ...").
TITLE_WORDS_RE = re.compile(
    r"minist|president|secretary|ambassador|speaker|chair|governor|director|envoy|\bking\b"
    r"|queen|emperor|chancellor|mayor|member|commissioner|representative|\bhead\b|chief"
    r"|premier|leader|senator|deputy|\bvice\b|advis[eo]r|spokesperson|professor|counsel+or"
    r"|prince|princess|sheikh|emir|sultan|general|admiral|mayor|kanzler|chargé|charge d",
    re.I,
)


class Name(NamedTuple):
    """A name in the record's form, and what its writing tells of the surname."""

    name: str
    surname: str
    surname_known: bool  # written in capitals ("KAMIKAWA Yoko"), so no guess
    surname_first: bool  # "KAMIKAWA Yoko": how MOFA writes Japanese names


def is_name_token(token: str) -> bool:
    """Whether a word can be part of a name: capitalised letters, an initial, a particle."""
    if token in PARTICLES:
        return True
    if re.fullmatch(r"[A-Z]\.", token):
        return True
    if not re.fullmatch(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*\.?", token):
        return False
    return token[0].isupper() and token.rstrip(".") not in _ACRONYMS


def is_caps(token: str) -> bool:
    """Whether a word is written in capitals, as MOFA writes surnames ("ZELENSKYY")."""
    letters = re.sub(r"[^\w]", "", token)
    return len(letters) >= 2 and letters.isupper() and letters not in _ACRONYMS


def clean_name(raw: str) -> Name | None:
    """A name in consistent case without honorifics, and its surname; None if no name:
    "H.E. Mr. Volodymyr ZELENSKYY" -> Volodymyr Zelenskyy, surname Zelenskyy (known)."""
    raw = HONORIFICS_RE.sub(" ", f" {raw} ").strip()
    raw = re.sub(r"['’]s$", "", raw.strip(" .,;:"))
    tokens = [t for t in raw.split() if t not in POST_NOMINALS]
    if not tokens or not all(is_name_token(t) for t in tokens):
        return None
    if all(t in PARTICLES or re.fullmatch(r"[A-Z]\.", t) for t in tokens):
        return None
    caps = [t for t in tokens if is_caps(t)]
    mixed = [t for t in tokens if not is_caps(t)]
    surname = caps[0] if caps and mixed else tokens[-1]
    name = " ".join(_recase(t) if is_caps(t) and mixed else t for t in tokens)
    if caps and not mixed:
        name = " ".join(_recase(t) for t in tokens)
    return Name(
        name,
        _recase(surname) if is_caps(surname) else surname,
        bool(caps and mixed),
        bool(caps and mixed and is_caps(tokens[0])),
    )


def _recase(token: str) -> str:
    return re.sub(
        r"[^\W\d_]+", lambda m: m.group()[0].upper() + m.group()[1:].lower(), token.lower()
    )
