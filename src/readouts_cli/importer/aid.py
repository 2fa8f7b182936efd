"""Aid: the finder for aid the lead and points speak of ("Japan will provide US$10 million in
Emergency Humanitarian Assistance through international organizations"): every amount said in
an aid context, and aid named without one, each as an `aid` table: donor, recipient, what,
category, amount, status (pledged, delivered, announced, mentioned), channel."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..ledger import revises_a_commitment, running_total_words, suggested_package
from ..model import SECTION_FIELD_ORDER
from ..vocab import Category, Status
from .amounts import AMOUNT_RE, JA_AMOUNT_RE, Amount, find_amounts
from .draft import Notes
from .mentions import mentions
from .page import sentences
from .participants import Person
from .places import COUNTRY_NAMES, JA_COUNTRIES, country_code
from .text import alternation, squash, trim

AID_NOUN_RE = re.compile(
    r"""\b(?:assistance|aid|grants?|loans?|equipment|generators?|(?:auto)?transformers?|supplies|
    vehicles|donations?|ODA|package|financing|
    contributions?(?=\s+(?:to|from|through|via|of)\b)|
    support(?=\s+(?:extended|provided|given|delivered|package|of\s+(?:US\$|\$|¥|€)))|
    (?:financial|budget(?:ary)?|humanitarian|economic|energy|winteri[sz]ation|reconstruction|
    recovery|demining|military|defen[cs]e|fiscal)\s+support)\b|支援|供与|無償資金協力|円借款|
    (?<!情報)(?<!情報の)提供""",
    re.I | re.VERBOSE,
)
_AID_CONTEXT_RE = re.compile(
    r"assist|\baid\b|grant|loan|support|contribut|donat|fund|provid|provision|disburs|pledg|"
    r"equipment|package|humanitarian|financ|budget|支援|供与|拠出|提供",
    re.I,
)
_CATEGORY_RULES: list[tuple[Category, re.Pattern[str]]] = [
    (Category.DEMINING, re.compile(r"demin|\bmines?\b|landmine|unexploded|地雷", re.I)),
    (Category.ENERGY, re.compile(r"energy|\bpower\b|power-|electric|generator|transformer|winteri[sz]|heating|solar|電力|発電|越冬", re.I)),
    (Category.HUMANITARIAN, re.compile(r"humanitarian|emergency|\bfood\b|medical|medicine|refugee|shelter|人道|緊急", re.I)),
    (Category.RECONSTRUCTION, re.compile(r"reconstruct|recovery|rebuild|restoration|復興|復旧", re.I)),
    (Category.MILITARY, re.compile(r"military|defen[cs]e\s+equipment|weapon|ammunition|Self-Defense\s+Forces|\bSDF\b|bulletproof|helmet|防衛装備|自衛隊|装備品", re.I)),
    (Category.FINANCIAL, re.compile(r"\bloans?\b|budget|financial|fiscal|credit|guarantee|借款|財政|融資", re.I)),
]  # fmt: skip
_PLEDGED_RE = re.compile(
    r"\bwill\b[^.;]{0,60}?\b(?:provide|extend|contribute|deliver|disburse|give|donate|send|offer|"
    r"supply|continue|implement|allocate)\b|\bpledg|\bcommit(?:ted|s)?\s+to\b|intends?\s+to\s+"
    r"(?:provide|extend)|plans?\s+to\s+(?:provide|extend)|表明|予定",
    re.I,
)
_DELIVERED_RE = re.compile(
    r"(?<!will\s)(?<!to\s)(?<!be\s)\b(?:provided|delivered|handed\s+over|disbursed|donated|"
    r"supplied|arrived|extended|contributed)\b|供与した|引き渡",
    re.I,
)
_MENTIONED_RE = re.compile(r"gratitude|appreciat|thank|welcom|valued|praised|感謝|謝意", re.I)
# Thanks for aid: the side thanked gave it ("expressed appreciation for the provision of ...").
_THANKS_RE = re.compile(r"gratitude|appreciat|thank|grateful|感謝|謝意", re.I)
# An offer said again ("restated readiness to extend loans", "改めて伝達"): it refers to one
# made before, so it is mentioned, not announced anew.
_RESTATED_RE = re.compile(r"\b(?:reiterat|restat)|改めて[^。]{0,20}?(?:伝達|述べ|表明)", re.I)
# A Japanese page's "our country" is Japan.
_JA_SIDES = {**JA_COUNTRIES, "我が国": "JP", "わが国": "JP"}
_JA_SIDE = alternation(_JA_SIDES)
_JA_AID_WORD = r"(?:支援|供与|提供|協力|拠出|援助)"
# Aid named by its recipient alone, as a policy ("厳しい対露制裁とウクライナ支援を推進",
# "sanctions on Russia and support for Ukraine"): no thing given, unless a verb gives it.
_GENERAL_SUPPORT_RE = re.compile(
    rf"(?:対)?(?:{_JA_SIDE})?(?:への)?(?:包括的な?|継続的な?|多大な|さらなる|更なる|一層の)?"
    rf"(?:支援|協力|援助)"
    r"|(?:(?:continued|further|comprehensive|ongoing|steadfast|unwavering|strong)\s+)?"
    rf"(?:support|assistance|aid)(?:\s+(?:for|to)\s+(?:{alternation(COUNTRY_NAMES)}))?",
    re.I,
)
_GIVING_RE = re.compile(
    r"\b(?:provid|extend|give|giving|gave|deliver|disburs|donat|suppl|allocat|send|sent)"
    r"|提供|供与|拠出|実施",
    re.I,
)
_CHANNEL_RE = re.compile(
    r"\b(?:through|via|by\s+way\s+of|channell?ed\s+through)\s+(?:the\s+)?(?P<channel>[^,.;()]+?)"
    r"(?=\s+(?:to|for|and|in\s+order|so\s+that|which|that)\b|[,.;()]|$)",
    re.I,
)
_FUND_RE = re.compile(
    r"(?:the\s+)?(?P<fund>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*\s+(?:Trust\s+)?Fund)\s+of\s+(?:the\s+)?"
    r"(?P<owner>[A-Z][A-Z]+)\b|(?:the\s+)?(?P<named>(?:[A-Z][\w-]*\s+)+(?:Trust\s+)?Fund)\b"
)
_WHAT_STOP = frozenset(
    """the a an to and with of for provide provides provided providing extend extended explained
    will has have had is are was were be been also further continue continued to its their his
    her our this that these those including such as by from in on at which who japan's its
    announced decided stated conveyed expressed additional new further handed over delivered
    contributed raised increased""".split()
)


def find_aid(
    points: Sequence[str],
    lead: str,
    people: Sequence[Person],
    notes: Notes | None = None,
    year: int | None = None,
) -> list[dict[str, Any]]:
    """The `aid` field: every amount said in an aid context, and aid named without an amount,
    one table each; the donor is the country the sentence names as giving, else the side of
    the participant speaking. `year` (the meeting's) dates a suggested package.

    The lead counts for amounts only (a signing's loan); its items have no point.
    """
    if notes is None:
        notes = Notes()
    items: list[dict[str, Any]] = []
    sources: list[tuple[int | None, str]] = [(None, lead), *enumerate(points, start=1)]
    for number, text in sources:
        previous: Person | None = None
        for sentence in sentences(text):
            named = [p for _, p in mentions(sentence, people) if p is not None]
            pronoun = re.match(r"\W*(?:He|She)\b", sentence)
            speaker = named[0] if named else (previous if pronoun else None)
            previous = speaker
            norm = unicodedata.normalize("NFKC", sentence)
            amounts = find_amounts(norm, notes)
            if amounts and _AID_CONTEXT_RE.search(norm):
                for i, amount in enumerate(amounts):
                    lo = amounts[i - 1].end if i else 0
                    hi = amounts[i + 1].start if i + 1 < len(amounts) else len(norm)
                    found = _Found(norm, norm[lo:hi], amount.start - lo, amount, len(amounts) == 1)
                    items.extend(_aid_item(found, speaker, people, number, year))
                continue
            if number is None or not AID_NOUN_RE.search(sentence):
                continue
            parts = _including_parts(sentence)
            listed = [] if parts else _japanese_parts(sentence)
            for part in parts or listed or [sentence]:
                noun = AID_NOUN_RE.search(part) or _CATEGORY_HINT_RE.search(part)
                if noun:
                    alone = not (parts or listed)
                    found = _Found(sentence, part, noun.start(), None, alone, whole=bool(parts))
                    items.extend(_aid_item(found, speaker, people, number, year))
    for index, item in enumerate(items, start=1):
        where = f"aid {index}" + (f" (point {item['point']})" if "point" in item else " (lead)")
        if "recipient" not in item:
            notes.gap(f"{where}: recipient unknown", f"aid.{index}")
        if item.get("scope") == "cumulative":
            notes.warn(f'{where}: a stated running total (scope = "cumulative"): never added')
        elif "package" in item:
            notes.warn(
                f"{where}: it changes an earlier commitment; package {item['package']!r} is a "
                "suggestion: give it the key that commitment's other statements use"
            )
    return items


_CATEGORY_HINT_RE = re.compile(r"provision|contribution|equipment|winteri[sz]ation|demining", re.I)


@dataclass
class _Found:
    """Where an aid item was found: its sentence, the part of it that is about this item, the
    position in that part of its amount or noun, and the amount."""

    sentence: str
    part: str
    at: int
    amount: Amount | None
    alone: bool  # the only item the sentence gives
    whole: bool = False  # the part is one item of an "including ..." list: all of it is `what`


def _including_parts(sentence: str) -> list[str]:
    """'... assistance, including A and the B' -> [A, B]."""
    m = re.search(r"\bincluding\s+(?P<list>[^.;]+)", sentence)
    if not m:
        return []
    parts = re.split(
        r",\s+(?:and\s+)?(?=the\s|an?\s)|\s+and\s+(?=the\s)|,\s+and\s+|;\s+", m["list"]
    )
    return [p.strip() for p in parts if p.strip()] if len(parts) > 1 else []


def _japanese_parts(sentence: str) -> list[str]:
    """'...人道支援及び...装備品等の提供について...' -> the two, each naming aid; [] unless
    every part joined by 及び/並びに names aid."""
    parts = re.split(r"及び|並びに", sentence)
    if len(parts) > 1 and all(AID_NOUN_RE.search(p) for p in parts):
        return parts
    return []


def _aid_item(
    found: _Found,
    speaker: Person | None,
    people: Sequence[Person],
    number: int | None,
    year: int | None = None,
) -> list[dict[str, Any]]:
    """The aid item `found` describes, as a table (none when no donor can be told)."""
    sentence, part = found.sentence, found.part
    donor = find_donor(sentence)
    if donor is None and speaker is not None:
        donor = speaker.country
        if _THANKS_RE.search(sentence):
            # The speaker thanks for it: the other side gave it.
            others = [p.country for p in people if p.country and p.country != speaker.country]
            donor = others[0] if others else None
    if donor is None:
        return []
    recipient = find_recipient(sentence, donor, people)
    category = find_category(part, found.at)
    if category is None and found.alone:
        category = find_category(sentence, sentence.find(part) + found.at)
    category = category or Category.OTHER
    what: str | None
    if found.whole:
        what = trim(re.sub(r"^(?:the|a|an)\s+", "", squash(part)), 120)
    else:
        what = find_what(part, found.amount)
    if not what:
        what = "contribution" if re.search(r"contribut|拠出", part, re.I) else "assistance"
        if category is not Category.OTHER and what == "assistance":
            what = f"{category.value} assistance"
    if found.amount is None and is_general_support(what, sentence):
        return []
    status = find_status(part) or find_status(sentence) or Status.ANNOUNCED
    if speaker and speaker.country and speaker.country != donor and _MENTIONED_RE.search(sentence):
        status = Status.MENTIONED  # the recipient thanking for aid refers to it, no more
    channel = find_channel(part) or (
        find_channel(sentence) if found.alone and not found.whole else None
    )
    item: dict[str, Any] = {"donor": donor, "recipient": recipient, "what": what}
    item["category"] = category.value
    if found.amount:
        item["amount"], item["currency"] = found.amount.amount, found.amount.currency
    item["status"] = status.value
    # A stated running total is never added to the items it sums up; a raise or top-up is a
    # new statement of an earlier commitment, so it gets a package to share with that one.
    where = found.part if found.amount else sentence
    if found.amount and running_total_words(where):
        item["scope"] = "cumulative"
        item["package"] = suggested_package(donor, recipient, "total-support")
    elif revises_a_commitment(where):
        item["package"] = suggested_package(donor, recipient, category.value, year)
    item["channel"] = channel
    item["point"] = number
    return [{k: item[k] for k in SECTION_FIELD_ORDER["aid"] if item.get(k) is not None}]


def is_general_support(what: str, sentence: str) -> bool:
    """Whether aid named without an amount is support in general, no item: "ウクライナ支援",
    "対ウクライナ支援", "support for Ukraine", in a `sentence` with no verb of giving."""
    return bool(_GENERAL_SUPPORT_RE.fullmatch(squash(what))) and not _GIVING_RE.search(sentence)


def find_category(text: str, at: int = 0) -> Category | None:
    """The category of aid whose keyword stands nearest to position `at` ("generators" ->
    energy, "demining" -> demining); None when `text` has no such keyword."""
    best: tuple[int, Category] | None = None
    for category, pattern in _CATEGORY_RULES:
        for m in pattern.finditer(text):
            distance = min(abs(m.start() - at), abs(m.end() - at))
            if best is None or distance < best[0]:
                best = (distance, category)
    return best[1] if best else None


def find_status(text: str) -> Status | None:
    """What `text` says became of aid: pledged ("will provide"), delivered ("handed over"),
    announced ("decided"), or only mentioned ("expressed gratitude for")."""
    if _RESTATED_RE.search(text):
        return Status.MENTIONED
    if _PLEDGED_RE.search(text):
        return Status.PLEDGED
    if _DELIVERED_RE.search(text):
        return Status.DELIVERED
    if re.search(r"announc|decid|explain|inform|表明|決定", text, re.I):
        return Status.ANNOUNCED
    if _MENTIONED_RE.search(text):
        return Status.MENTIONED
    return None


def find_donor(sentence: str) -> str | None:
    """The country a sentence names as giving ("Japan will provide", "Japan's assistance",
    "from the Government of Japan"); None when it names none."""
    names = alternation(n for n in COUNTRY_NAMES if not n.startswith("the "))
    patterns = [
        # "Sybiha thanked Japan for ...": the side thanked is the one that gave.
        rf"\b(?:thank(?:ed|s|ing)?|grateful\s+to|gratitude\s+to)\s+(?:the\s+(?:people|government)\s+of\s+)?(?P<c>{names})\b",
        rf"(?P<c>{names})['’]s\s+(?:[\w-]+\s+){{0,3}}(?:assistance|aid|support|contributions?|grants?|loans?|provision)",
        rf"(?P<c>{names})\s+(?:(?:will|would|has|have|had|is|also|further|already|decided\s+to|intends\s+to|continues?\s+to|continue\s+to|plans\s+to)\s+)*"
        r"(?:provide|provided|extend|extended|contribute|contributed|deliver|delivered|disburse|disbursed|pledge|pledged|give|donate|donated|send|supply|allocate|handed)",
        rf"\b(?:by|from)\s+(?:the\s+)?(?:Government\s+of\s+|people\s+of\s+)?(?P<c>{names})\b",
        rf"(?:assistance|aid|support)\s+(?:that\s+)?(?P<c>{names})\s+(?:has|had|will|is)",
    ]
    for pattern in patterns:
        m = re.search(pattern, sentence)
        if m:
            return country_code(m["c"])
    # Japanese: "日本からの", "我が国の人道支援", "日本による支援": a country that gives, not
    # one that invades ("ロシアによる侵略") or is sanctioned ("対露制裁").
    ja = re.search(
        rf"(?<!対)({_JA_SIDE})(?:から|より|(?:による|の|は|として)[^、。]{{0,12}}?{_JA_AID_WORD})",
        sentence,
    )
    if ja:
        return _JA_SIDES[ja[1]]
    return None


def find_recipient(sentence: str, donor: str, people: Sequence[Person]) -> str | None:
    """The country aid goes to: the one the sentence names ("to Ukraine", "in Ukraine")
    other than the donor, else the other side's principal's."""
    names = alternation(COUNTRY_NAMES)
    for pattern in (
        rf"\b(?:to|for|provide|provided|providing)\s+(?:the\s+(?:people|government)\s+of\s+)?(?P<c>{names})\b",
        rf"\bin\s+(?P<c>{names})\b",
        rf"\b(?P<c>{names})\s+with\b",
    ):
        for m in re.finditer(pattern, sentence):
            code = country_code(m["c"])
            if code and code != donor:
                return code
    ja = re.search(rf"({_JA_SIDE})(?:への|に対し|に対する|向け)", sentence)
    if ja and _JA_SIDES[ja[1]] != donor:
        return _JA_SIDES[ja[1]]
    others = [p.country for p in people if p.country and p.country != donor]
    return others[0] if others else None


def find_channel(text: str) -> str | None:
    """What aid goes through: a fund ("the CAP Trust Fund of the NATO" -> "NATO CAP Trust
    Fund") or what follows "through"/"via" ("international organizations")."""
    fund = _FUND_RE.search(text)
    if fund and fund["fund"]:
        return f"{fund['owner']} {squash(fund['fund'])}"
    m = _CHANNEL_RE.search(text)
    if m:
        channel = squash(m["channel"])
        if AMOUNT_RE.search(channel) or len(channel.split()) > 8:
            return None
        return channel
    if fund and fund["named"]:
        return squash(fund["named"])
    return None


_AMOUNT_LEAD_IN = (
    r"(?:\s+(?:of|from|to|worth|totall?ing|amounting\s+to|in\s+the\s+amount\s+of|"
    r"(?:a\s+)?total\s+(?:amount\s+)?of|(?:of\s+)?(?:a\s+)?total\s+(?:amount\s+)?of))*"
    r"(?:\s+(?:approximately|about|around|up\s+to|some|over|more\s+than|nearly|almost))?"
)


def find_what(part: str, amount: Amount | None) -> str | None:
    """What is given: the phrase after the amount ("$37 million for the repair of ..."), or the
    aid noun with its modifiers ("Emergency Humanitarian Assistance")."""
    text = squash(part)
    if amount is not None:
        text = JA_AMOUNT_RE.sub("@AMOUNT@", AMOUNT_RE.sub("@AMOUNT@", text))
        japanese = re.search(
            r"@AMOUNT@(?:規模|相当)?の?(?P<x>[\u30a0-\u30ff\u4e00-\u9fff]*?(?:支援|協力|借款|供与|拠出))",
            text,
        )
        if japanese:
            return japanese["x"]
        after = re.search(
            r"@AMOUNT@\s+(?P<prep>in|for|towards?|to\s+support)\s+(?:the\s+)?(?P<x>[^,;.]+?)"
            r"(?=\s+(?:through|via|by\s+way\s+of|so\s+far|in\s+total)\b|[,;.]|$)",
            text,
        )
        if after and (after["prep"] != "in" or AID_NOUN_RE.search(after["x"])):
            return trim(after["x"], 120)
        text = re.sub(_AMOUNT_LEAD_IN + r"\s*@AMOUNT@", " ", f" {text}").strip()
    noun = AID_NOUN_RE.search(text) or _CATEGORY_HINT_RE.search(text)
    if noun is None:
        return None
    if not noun.group().isascii():
        # "自衛隊車両の追加提供": one "Xの" before the noun's own words, but no country
        # ("我が国の人道支援" is 人道支援).
        phrase = re.search(
            r"(?:[\u30a0-\u30ff\u4e00-\u9fff・]+の)?[\u30a0-\u30ff\u4e00-\u9fff]*$",
            text[: noun.start()],
        )
        words = re.sub(rf"^(?:{_JA_SIDE}|国)の", "", phrase.group() if phrase else "")
        return words + noun.group()
    kept: list[str] = []
    for word in reversed(text[: noun.start()].split()[-4:]):
        if word.lower() in _WHAT_STOP or word.endswith(("'s", "’s")) or country_code(word):
            break
        kept.insert(0, word)
    rest = re.split(
        r"\s+(?:through|via|by\s+way\s+of|which|that|as\s+well\s+as|in\s+order|so\s+far)\s+"
        r"|[,;.]\s|\.$|\s+and\s+(?=\w+ed\b|stated|said|will\b)",
        text[noun.start() :],
    )[0]
    what = squash(" ".join([*kept, rest])).strip(" ,;.")
    what = re.sub(r"\s+(?:of|in|to|for|with|and|from)$", "", what)
    what = re.sub(r"^(?:the|a|an)\s+", "", what, flags=re.I)
    return trim(what, 120) or None
