"""Drafting a record from the text of a published readout (`readouts import`).

`draft_from_text` reads what a user copied from a readout page (MOFA, the Kantei, No.10, the
State Department, a Japanese-language MOFA page) and returns a `Draft`: the record fields it could
determine, in the canonical order, plus the gaps it could not fill and warnings about what the
text contradicts. `render_draft` turns a draft into TOML with every gap as a `# TODO:` comment.

Everything here is heuristic, written against the variants listed in
`shared/reference/readout-formats.md`: a draft is a starting point for a person to check, never a
finished record. The module is pure: no terminal, no files; the only exception it raises is
`ReadoutsError`, for a text that is no readout at all.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any, NamedTuple

from rapidfuzz import fuzz

from . import tomlio
from .errors import ReadoutsError
from .model import FIELD_ORDER, JST, SECTION_FIELD_ORDER, Category, Kind, Level, Status, zone

# --------------------------------------------------------------------------------------------
# The draft


@dataclass
class Draft:
    """A record as far as the text tells it.

    `data` holds the record fields in FIELD_ORDER, ready for `tomlio.dumps` (dates, times and
    integers as such). `gaps` says what could not be determined, `warnings` what the text
    contradicts or what was inferred. `gap_fields` maps a gap to the key it concerns ("time",
    "participants.1", ...) so that `render_draft` can put it beside that key; `surnames` are the
    principals' surnames, home side first, for `suggested_id`.
    """

    data: dict[str, Any]
    gaps: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    gap_fields: dict[str, str] = field(default_factory=dict)
    surnames: list[str] = field(default_factory=list)

    def suggested_id(self) -> str:
        """`2024-01-07-kamikawa-zelenskyy`: the date, then the principals' surnames in ASCII."""
        date = self.data.get("date")
        parts = [date.isoformat() if isinstance(date, dt.date) else "undated"]
        names = self.surnames or [p["name"].split()[-1] for p in self.data.get("participants", [])]
        for name in names:
            slug = _slug(name)
            if slug and slug not in parts:
                parts.append(slug)
        return "-".join(parts)


def _slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")


class _Notes:
    """Gaps and warnings collected while drafting."""

    def __init__(self) -> None:
        self.gaps: list[str] = []
        self.warnings: list[str] = []
        self.gap_fields: dict[str, str] = {}

    def gap(self, message: str, key: str | None = None) -> None:
        if message not in self.gaps:
            self.gaps.append(message)
        if key is not None:
            self.gap_fields.setdefault(message, key)

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)


# --------------------------------------------------------------------------------------------
# Tables: countries, places and their zones, months, eras, number words

# code: names (official forms too) | adjectives and demonyms. Names match case-sensitively.
_COUNTRY_TABLE = """
JP: Japan; State of Japan | Japanese
UA: Ukraine | Ukrainian; Ukrainians
FR: France; French Republic | French
US: United States; United States of America; USA; U.S.; U.S.A.; America | American; Americans
GB: United Kingdom; United Kingdom of Great Britain and Northern Ireland; UK; U.K.; Britain; Great Britain | British
DE: Germany; Federal Republic of Germany; Deutschland | German; Germans
IT: Italy; Italian Republic | Italian; Italians
CA: Canada | Canadian; Canadians
PL: Poland; Republic of Poland | Polish; Poles
BE: Belgium; Kingdom of Belgium | Belgian
NL: Netherlands; Kingdom of the Netherlands | Dutch
ES: Spain; Kingdom of Spain | Spanish
PT: Portugal; Portuguese Republic | Portuguese
AT: Austria; Republic of Austria | Austrian
CH: Switzerland; Swiss Confederation | Swiss
CZ: Czech Republic; Czechia | Czech
SK: Slovakia; Slovak Republic | Slovak
HU: Hungary | Hungarian
RO: Romania | Romanian
MD: Moldova; Republic of Moldova | Moldovan
BG: Bulgaria; Republic of Bulgaria | Bulgarian
GR: Greece; Hellenic Republic | Greek
TR: Turkey; Türkiye; Turkiye; Republic of Türkiye; Republic of Turkey | Turkish
FI: Finland; Republic of Finland | Finnish
SE: Sweden; Kingdom of Sweden | Swedish
NO: Norway; Kingdom of Norway | Norwegian
DK: Denmark; Kingdom of Denmark | Danish
EE: Estonia; Republic of Estonia | Estonian
LV: Latvia; Republic of Latvia | Latvian
LT: Lithuania; Republic of Lithuania | Lithuanian
IE: Ireland | Irish
LU: Luxembourg; Grand Duchy of Luxembourg | Luxembourgish
IS: Iceland | Icelandic
HR: Croatia; Republic of Croatia | Croatian
SI: Slovenia; Republic of Slovenia | Slovenian
RS: Serbia; Republic of Serbia | Serbian
GE: Georgia | Georgian
AM: Armenia; Republic of Armenia | Armenian
AZ: Azerbaijan; Republic of Azerbaijan | Azerbaijani
RU: Russia; Russian Federation | Russian; Russians
BY: Belarus; Republic of Belarus | Belarusian
KZ: Kazakhstan; Republic of Kazakhstan | Kazakh
UZ: Uzbekistan; Republic of Uzbekistan | Uzbek
MN: Mongolia | Mongolian
CN: China; People's Republic of China | Chinese
KR: Republic of Korea; South Korea; ROK | Korean; South Korean
KP: North Korea; Democratic People's Republic of Korea; DPRK | North Korean
TW: Taiwan | Taiwanese
IN: India; Republic of India | Indian
ID: Indonesia; Republic of Indonesia | Indonesian
PH: Philippines; Republic of the Philippines | Philippine; Filipino
VN: Viet Nam; Vietnam; Socialist Republic of Viet Nam | Vietnamese
TH: Thailand; Kingdom of Thailand | Thai
SG: Singapore; Republic of Singapore | Singaporean
MY: Malaysia | Malaysian
AU: Australia; Commonwealth of Australia | Australian
NZ: New Zealand | New Zealander
SA: Saudi Arabia; Kingdom of Saudi Arabia | Saudi
QA: Qatar; State of Qatar | Qatari
AE: United Arab Emirates; UAE | Emirati
EG: Egypt; Arab Republic of Egypt | Egyptian
IL: Israel; State of Israel | Israeli
PS: Palestine; State of Palestine; Gaza; Gaza Strip; West Bank | Palestinian
JO: Jordan; Hashemite Kingdom of Jordan | Jordanian
IR: Iran; Islamic Republic of Iran | Iranian
KE: Kenya; Republic of Kenya | Kenyan
ET: Ethiopia | Ethiopian
ZA: South Africa; Republic of South Africa | South African
NG: Nigeria | Nigerian
BR: Brazil; Federative Republic of Brazil | Brazilian
AR: Argentina; Argentine Republic | Argentine; Argentinian
MX: Mexico; United Mexican States | Mexican
CL: Chile; Republic of Chile | Chilean
PE: Peru; Republic of Peru | Peruvian
EU: European Union; EU
"""

_JA_COUNTRIES = {
    "日本": "JP",
    "ウクライナ": "UA",
    "フランス": "FR",
    "米国": "US",
    "アメリカ": "US",
    "英国": "GB",
    "イギリス": "GB",
    "ドイツ": "DE",
    "イタリア": "IT",
    "カナダ": "CA",
    "ポーランド": "PL",
    "ロシア": "RU",
    "中国": "CN",
    "韓国": "KR",
    "インド": "IN",
    "豪州": "AU",
    "オーストラリア": "AU",
    "ベルギー": "BE",
    "モルドバ": "MD",
    "欧州連合": "EU",
}

# Places a readout names as venues, with their IANA zones. Countries use their capital's zone.
_PLACE_TABLE = """
Tokyo; Prime Minister's Office; Kantei; Iikura Guest House; Akasaka Palace; Hiroshima; Osaka; Kyoto; Nagoya; Yokohama; Kobe; Sapporo; Fukuoka; Nagasaki; Niigata; Karuizawa; Ise-Shima | Asia/Tokyo
Kyiv; Kiev; Bucha; Irpin; Lviv; Odesa; Odessa; Kharkiv; Dnipro | Europe/Kyiv
Warsaw; Rzeszow; Rzeszów; Krakow; Kraków | Europe/Warsaw
Brussels | Europe/Brussels
Paris; Biarritz; Deauville | Europe/Paris
London; Chequers; Cornwall; Carbis Bay | Europe/London
Washington, D.C.; Washington D.C.; Washington; New York; Camp David | America/New_York
Berlin; Munich; Weissenhaus; Schloss Elmau; Elmau; Bonn; Hamburg; Ramstein | Europe/Berlin
Rome; Capri; Milan; Apulia; Borgo Egnazia; Fasano; Taormina; Naples; Florence | Europe/Rome
Madrid | Europe/Madrid
Lisbon | Europe/Lisbon
Vienna | Europe/Vienna
Prague | Europe/Prague
Bratislava | Europe/Bratislava
Budapest | Europe/Budapest
Bucharest | Europe/Bucharest
Chisinau; Chișinău | Europe/Chisinau
Sofia | Europe/Sofia
Athens | Europe/Athens
Helsinki | Europe/Helsinki
Stockholm | Europe/Stockholm
Oslo | Europe/Oslo
Copenhagen | Europe/Copenhagen
Tallinn | Europe/Tallinn
Riga | Europe/Riga
Vilnius | Europe/Vilnius
Dublin | Europe/Dublin
Amsterdam; The Hague | Europe/Amsterdam
Luxembourg | Europe/Luxembourg
Geneva; Bern; Davos; Zurich; Bürgenstock; Lucerne | Europe/Zurich
Ankara; Istanbul | Europe/Istanbul
Moscow | Europe/Moscow
Minsk | Europe/Minsk
Tbilisi | Asia/Tbilisi
Baku | Asia/Baku
Yerevan | Asia/Yerevan
Ottawa; Toronto; Montreal | America/Toronto
Canberra; Sydney; Melbourne | Australia/Sydney
Wellington; Auckland | Pacific/Auckland
Beijing; Shanghai | Asia/Shanghai
Seoul | Asia/Seoul
Manila | Asia/Manila
Jakarta | Asia/Jakarta
Bali | Asia/Makassar
Bangkok | Asia/Bangkok
Hanoi | Asia/Ho_Chi_Minh
Singapore | Asia/Singapore
Kuala Lumpur | Asia/Kuala_Lumpur
New Delhi; Delhi; Mumbai | Asia/Kolkata
Riyadh; Jeddah | Asia/Riyadh
Doha | Asia/Qatar
Abu Dhabi; Dubai | Asia/Dubai
Cairo | Africa/Cairo
Tel Aviv; Jerusalem | Asia/Jerusalem
Amman | Asia/Amman
Nairobi | Africa/Nairobi
Addis Ababa | Africa/Addis_Ababa
Pretoria; Johannesburg; Cape Town | Africa/Johannesburg
Brasilia; Brasília; Rio de Janeiro; Sao Paulo; São Paulo | America/Sao_Paulo
Buenos Aires | America/Argentina/Buenos_Aires
Mexico City | America/Mexico_City
Santiago | America/Santiago
Lima | America/Lima
Astana | Asia/Almaty
Tashkent; Samarkand | Asia/Tashkent
Ulaanbaatar | Asia/Ulaanbaatar
"""

_CAPITAL_ZONES = {
    "JP": "Asia/Tokyo", "UA": "Europe/Kyiv", "FR": "Europe/Paris", "US": "America/New_York",
    "GB": "Europe/London", "DE": "Europe/Berlin", "IT": "Europe/Rome", "CA": "America/Toronto",
    "PL": "Europe/Warsaw", "BE": "Europe/Brussels", "NL": "Europe/Amsterdam",
    "ES": "Europe/Madrid", "PT": "Europe/Lisbon", "AT": "Europe/Vienna", "CH": "Europe/Zurich",
    "CZ": "Europe/Prague", "SK": "Europe/Bratislava", "HU": "Europe/Budapest",
    "RO": "Europe/Bucharest", "MD": "Europe/Chisinau", "BG": "Europe/Sofia",
    "GR": "Europe/Athens", "TR": "Europe/Istanbul", "FI": "Europe/Helsinki",
    "SE": "Europe/Stockholm", "NO": "Europe/Oslo", "DK": "Europe/Copenhagen",
    "EE": "Europe/Tallinn", "LV": "Europe/Riga", "LT": "Europe/Vilnius", "IE": "Europe/Dublin",
    "LU": "Europe/Luxembourg", "IS": "Atlantic/Reykjavik", "HR": "Europe/Zagreb",
    "SI": "Europe/Ljubljana", "RS": "Europe/Belgrade", "GE": "Asia/Tbilisi",
    "AM": "Asia/Yerevan", "AZ": "Asia/Baku", "RU": "Europe/Moscow", "BY": "Europe/Minsk",
    "KZ": "Asia/Almaty", "UZ": "Asia/Tashkent", "MN": "Asia/Ulaanbaatar",
    "CN": "Asia/Shanghai", "KR": "Asia/Seoul", "KP": "Asia/Pyongyang", "TW": "Asia/Taipei",
    "IN": "Asia/Kolkata", "ID": "Asia/Jakarta", "PH": "Asia/Manila", "VN": "Asia/Ho_Chi_Minh",
    "TH": "Asia/Bangkok", "SG": "Asia/Singapore", "MY": "Asia/Kuala_Lumpur",
    "AU": "Australia/Sydney", "NZ": "Pacific/Auckland", "SA": "Asia/Riyadh", "QA": "Asia/Qatar",
    "AE": "Asia/Dubai", "EG": "Africa/Cairo", "IL": "Asia/Jerusalem", "PS": "Asia/Gaza",
    "JO": "Asia/Amman", "IR": "Asia/Tehran", "KE": "Africa/Nairobi", "ET": "Africa/Addis_Ababa",
    "ZA": "Africa/Johannesburg", "NG": "Africa/Lagos", "BR": "America/Sao_Paulo",
    "AR": "America/Argentina/Buenos_Aires", "MX": "America/Mexico_City",
    "CL": "America/Santiago", "PE": "America/Lima", "EU": "Europe/Brussels",
}  # fmt: skip

# Japanese place names, with the English name the record uses.
_JA_PLACES = {
    "東京": "Tokyo", "広島": "Hiroshima", "キーウ": "Kyiv", "キエフ": "Kyiv", "ワルシャワ": "Warsaw",
    "ブリュッセル": "Brussels", "パリ": "Paris", "ロンドン": "London", "ワシントン": "Washington",
    "ニューヨーク": "New York", "ベルリン": "Berlin", "ローマ": "Rome",
}  # fmt: skip


def _parse_table(table: str) -> Iterator[tuple[str, list[str], list[str]]]:
    for row in table.strip().splitlines():
        head, _, rest = row.partition(":") if row[2:3] == ":" else ("", "", row)
        names, _, extra = rest.partition("|")
        yield (
            head.strip(),
            [n.strip() for n in names.split(";") if n.strip()],
            [e.strip() for e in extra.split(";") if e.strip()],
        )


_COUNTRY_NAMES: dict[str, str] = {}
_COUNTRY_ADJECTIVES: dict[str, str] = {}
_COUNTRY_DISPLAY: dict[str, str] = {}  # code -> the name a record uses for the place
for _code, _names, _adjectives in _parse_table(_COUNTRY_TABLE):
    _COUNTRY_DISPLAY[_code] = _names[0]
    for _name in _names:
        _COUNTRY_NAMES[_name] = _code
        if _name[0].isupper() and not _name.isupper():
            _COUNTRY_NAMES["the " + _name] = _code
    for _adjective in _adjectives:
        _COUNTRY_ADJECTIVES[_adjective] = _code

_PLACE_ZONES: dict[str, str] = {}
for _, _names, _zones in _parse_table(_PLACE_TABLE):
    for _name in _names:
        _PLACE_ZONES[_name] = _zones[0]


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_COUNTRY_RE = re.compile(rf"(?<![\w.])(?:{_alternation(_COUNTRY_NAMES)})(?![\w'’])")
_ADJECTIVE_RE = re.compile(rf"(?<![\w.])(?:{_alternation(_COUNTRY_ADJECTIVES)})(?![\w'’])")
_PLACE_RE = re.compile(
    rf"(?<![\w.])(?P<place>{_alternation(_PLACE_ZONES)})(?![\w])"
    rf"(?:,\s*(?P<country>{_alternation(n for n in _COUNTRY_NAMES if not n.startswith('the '))})"
    rf"(?![\w]))?"
)
_JA_COUNTRY_RE = re.compile(_alternation(_JA_COUNTRIES))


def _country_code(text: str) -> str | None:
    """The code of a country named by `text` as a whole ("the French Republic", "Ukraine")."""
    text = text.strip().rstrip(".")
    code = _COUNTRY_NAMES.get(text) or _COUNTRY_ADJECTIVES.get(text)
    if code is None and text[:4].lower() == "the ":
        code = _COUNTRY_NAMES.get(text[4:])
    return code


def _first_country(text: str) -> tuple[str, int] | None:
    """The first country named or described in `text`, with its position."""
    found = [m for m in (_COUNTRY_RE.search(text), _ADJECTIVE_RE.search(text)) if m]
    if not found:
        return None
    first = min(found, key=lambda m: m.start())
    return _country_code(first.group()) or "", first.start()


_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            "january jan januar janvier",
            "february feb februar fevrier février",
            "march mar märz maerz mars",
            "april apr avril",
            "may mai",
            "june jun juni juin",
            "july jul juli juillet",
            "august aug août aout",
            "september sep sept septembre",
            "october oct oktober octobre",
            "november nov novembre",
            "december dec dezember décembre decembre",
        ],
        start=1,
    )
    for name in names.split()
}
_MONTH = rf"(?:{_alternation(m.capitalize() for m in _MONTHS)}|{_alternation(_MONTHS)})\.?"
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)"
_DATE_MDY = (
    rf"(?P<mon>{_MONTH})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s*(?P<year>\d{{4}})\b)?"
)
_DATE_DMY = (
    rf"(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\.?\s+(?:of\s+)?(?P<mon2>{_MONTH})"
    rf"(?:,?\s*(?P<year2>\d{{4}})\b)?"
)
_DATE_RE = re.compile(rf"(?<![\w])(?:{_DATE_MDY}|{_DATE_DMY})")
_ERA_RE = re.compile(
    r"(?P<era>令和|平成|昭和)\s*(?P<eyear>\d{1,2}|元)\s*年\s*(?P<mon>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日"
)
_JA_DATE_RE = re.compile(
    r"(?:(?P<year>\d{4})\s*年\s*)?(?P<mon>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日"
)
_ISO_DATE_RE = re.compile(r"\b(?P<year>\d{4})-(?P<mon>\d{2})-(?P<day>\d{2})\b")
_ERA_START = {"令和": 2018, "平成": 1988, "昭和": 1925}

_SMALL_NUMBERS = {
    word: value
    for value, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen".split()
    )
}
_TENS = {
    word: 10 * value
    for value, word in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)
}
_NUMBER_WORD = (
    rf"(?:(?:{'|'.join(_TENS)})(?:[-\s](?:{'|'.join(w for w in _SMALL_NUMBERS if w != 'zero')}))?"
    rf"|{_alternation(_SMALL_NUMBERS)})"
)
_NUMBER = rf"(?:\d{{1,6}}(?:\.\d{{1,3}})?|{_NUMBER_WORD}|an?)"


def _number(text: str) -> Decimal | None:
    """A number written in digits or English words ("12", "1.5", "forty-five", "an")."""
    text = text.strip().lower().replace(",", "")
    if text in ("a", "an"):
        return Decimal(1)
    if re.fullmatch(r"\d{1,15}(?:\.\d{1,6})?", text):
        return Decimal(text)
    total = 0
    for word in re.split(r"[-\s]+", text):
        if word in _SMALL_NUMBERS:
            total += _SMALL_NUMBERS[word]
        elif word in _TENS:
            total += _TENS[word]
        else:
            return None
    return Decimal(total)


# --------------------------------------------------------------------------------------------
# Reading the page: lines, furniture, paragraphs, sentences

_FURNITURE_RE = re.compile(
    r"""^(?:
        back\s+to\b.* | page\s+top | back\s+to\s+top | top\s+of\s+page | ページのトップへ戻る.* | .*へ戻る
      | \[?\s*provisional\s+translation\s*\]? | \[?\s*tentative\s+translation\s*\]? | 仮訳
      | \(?\s*photo\b.* | （写真.* | \(写真.* | 写真提供.*
      | \(?\s*\*?\s*the\s+date\b.*japanese\s+(?:original|version).* | .*\bjapanese\s+original\b.*
      | press\s+releases? | press\s+conferences? | statements? | news\s+story
      | readout | office\s+of\s+the\s+spokesperson | the\s+below\s+is\s+attributable\s+to\b.*
      | a\s+no\.?\s*10\s+spokesperson\s+said:? | from:.* | share\s+this\s+page | print\s+this\s+page
      | is\s+this\s+page\s+useful\??.* | contents | related\s+(?:links|content|information|articles)
      | explore\s+the\s+topic.* | report\s+a\s+problem.* | yes\s+no | home | print | english | japanese
      | 日本語 | english\s+page | 関連リンク | related\s+link | tags?:.* | topics?:.* | categories?:.*
      | (?:diplomatic\s+bluebook|foreign\s+policy|countries\s+&\s+regions|top\s+page)
      | speeches\s+and\s+statements\s+by\s+the\s+prime\s+minister
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
# Section names: "Japan-Ukraine Relations" (capitalised; "Bilateral relations" is a heading).
_SECTION_RE = re.compile(r"^(?:[A-Z][\w’'&-]*\s+){1,4}Relations$")


def _is_furniture(text: str) -> bool:
    return bool(_FURNITURE_RE.match(text) or _SECTION_RE.match(text))


# Where a page stops: a line like these ends the body even when more text follows.
_END_RE = re.compile(
    r"^(?:back\s+to\b|page\s+top|back\s+to\s+top|ページのトップへ戻る|share\s+this\s+page"
    r"|is\s+this\s+page\s+useful|related\s+(?:links|content|information|articles)"
    r"|explore\s+the\s+topic|関連リンク)",
    re.IGNORECASE,
)
_OVERVIEW_RE = re.compile(
    r"^(?:the\s+|an\s+)?(?:overview|outline|summary|gist)\b.*\b(?:as\s+follows|below)\s*[.:]?$"
    r"|^概要(?:は以下|以下).*$",
    re.IGNORECASE,
)
_MARKER_RE = re.compile(
    r"""^(?P<bullet>[•·・●○◆◇■□▪▫‣◦*\-–—]\s+|[•·・●○◆◇■□▪▫‣◦])?\s*
    (?:
        (?P<num>\d{1,2})(?:[.．](?!\d)|[)）])\s*
      | (?P<bare>\d{1,2})[ \t\u3000]+(?=[^\W\d_]|[“"'(（])
      | [(（](?P<sub>\d{1,2}|[a-z]|[ivx]{1,4})[)）]\s*
    )?""",
    re.VERBOSE,
)


@dataclass
class _Para:
    """One paragraph of the page: a line, or lines joined when the text was hard-wrapped."""

    text: str  # whitespace-normalised, without its list marker
    whole: str  # whitespace-normalised, with its marker
    number: int | None = None  # "1." / "1 " / "1)"
    sub: str | None = None  # "(1)" / "(a)"
    bullet: bool = False
    indent: int = 0


def _squash(text: str) -> str:
    return " ".join(text.split())


def _ends_sentence(line: str) -> bool:
    return bool(re.search(r"[.!?:;。」）)\"”’]\s*$", line))


def _paragraphs(lines: Sequence[str]) -> list[_Para]:
    paras: list[_Para] = []
    for line in lines:
        if not line.strip():
            continue
        indent = len(line) - len(line.lstrip())
        marker = _MARKER_RE.match(line.strip())
        has_marker = bool(marker and marker.end() > 0)
        previous = paras[-1] if paras else None
        if (
            previous is not None
            and not has_marker
            and len(previous.whole) >= 50
            and not _ends_sentence(previous.whole)
            and not _is_furniture(line.strip())
            and line.strip()[:1].islower()
        ):
            previous.text = _squash(previous.text + " " + line)
            previous.whole = _squash(previous.whole + " " + line)
            continue
        para = _Para(text=_squash(line), whole=_squash(line), indent=indent)
        if marker and has_marker:
            rest = _squash(line.strip()[marker.end() :])
            number = marker["num"] or marker["bare"]
            if number and rest and not _DATE_LINE_RE.match(line.strip()):
                para.number, para.text = int(number), rest
            elif marker["sub"] and rest:
                para.sub, para.text = marker["sub"], rest
            elif marker["bullet"] and rest:
                para.bullet, para.text = True, rest
        paras.append(para)
    return paras


_ABBREVIATIONS = frozenset(
    "mr ms mrs mx dr prof st no nos hon rt jr sr gen lt col sen rep amb gov h.e s.e u.s u.k u.n "
    "e.u a.m p.m e.g i.e approx vs inc co ltd mt jan feb mar apr jun jul aug sep sept oct nov dec "
    "fig cf op art para paras vol ca bzw".split()
)
_LONGEST = 3000
_SENTENCE_END_RE = re.compile(r"[.!?]+[\"”’)\]]*\s+|。[」）)]*\s*")


def _sentences(text: str) -> list[str]:
    """Split prose into sentences, minding "H.E. Mr.", "p.m." and initials.

    A sentence is cut at _LONGEST characters: nothing a readout says takes longer, and the
    pattern matching downstream need not face pasted junk at full length."""
    out: list[str] = []
    start = 0
    for m in _SENTENCE_END_RE.finditer(text):
        end = m.end()
        if end >= len(text):
            break
        if not m.group().startswith("。"):
            tail = text[max(start, end - 40) : end]
            word = re.search(r"([A-Za-z0-9][A-Za-z0-9.]*?)?[.!?]+[\"”’)\]]*\s*$", tail)
            token = (word.group(1) or "").lower().rstrip(".") if word else ""
            nxt = text[end : end + 1]
            if token in _ABBREVIATIONS or re.fullmatch(r"[a-z]", token) or nxt.islower():
                continue
            if token.isdigit() and re.match(_MONTH + r"(?!\w)", text[end:]):
                continue  # "14. Mai"
        out.append(text[start:end].strip()[:_LONGEST])
        start = end
    if text[start:].strip():
        out.append(text[start:].strip()[:_LONGEST])
    return out


def _split_top(text: str, separator: str = ",") -> list[str]:
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


# --------------------------------------------------------------------------------------------
# Dates

_DATE_LINE_RE = re.compile(
    rf"""^\W*(?:(?:published|updated|posted|originally\s+published|last\s+updated|date|
    released)\s*:?\s*)?{_WEEKDAY}?(?:{_DATE_MDY}|{_DATE_DMY})\W*$""",
    re.IGNORECASE | re.VERBOSE,
)
_JA_DATE_LINE_RE = re.compile(
    r"^\s*(?:(?:令和|平成|昭和)\s*(?:\d{1,2}|元)|\d{4})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$"
)


def _make_date(year: int, month: int, day: int) -> dt.date | None:
    if not 1900 <= year <= 2100:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month_number(name: str) -> int:
    return _MONTHS.get(name.lower().rstrip("."), 0)


@dataclass
class _DateFound:
    month: int
    day: int
    year: int | None


def _find_date(text: str, *, at_start: bool = False) -> _DateFound | None:
    """The first date in `text` (at its start only, with `at_start`), in any language here."""
    text = unicodedata.normalize("NFKC", text)
    era = _ERA_RE.search(text)
    if era and (not at_start or era.start() < 4):
        eyear = 1 if era["eyear"] == "元" else int(era["eyear"])
        return _DateFound(int(era["mon"]), int(era["day"]), _ERA_START[era["era"]] + eyear)
    ja = _JA_DATE_RE.search(text)
    if ja and (not at_start or ja.start() < 4):
        return _DateFound(int(ja["mon"]), int(ja["day"]), int(ja["year"]) if ja["year"] else None)
    iso = _ISO_DATE_RE.search(text)
    if iso and not at_start:
        return _DateFound(int(iso["mon"]), int(iso["day"]), int(iso["year"]))
    if at_start:
        start = re.match(rf"^\W*(?:On|Am|Le|Today,?)?\s*(?:the\s+)?{_WEEKDAY}?", text)
        m = _DATE_RE.match(text, start.end() if start else 0)
    else:
        m = _DATE_RE.search(text)
    if not m:
        return None
    month = _month_number(m["mon"] or m["mon2"] or "")
    day = int(m["day"] or m["day2"] or 0)
    year = m["year"] or m["year2"]
    if not month:
        return None
    return _DateFound(month, day, int(year) if year else None)


# --------------------------------------------------------------------------------------------
# Times and durations

_TIME_RE = re.compile(
    r"""(?<![\d:.,])(?P<h>\d{1,2})(?:(?P<sep>[:.])(?P<m>\d{2}))?(?![\d])\s*
    (?P<mer>[ap]\.\s?m\.?|[AP]\.\s?M\.?|[ap]m\b|[AP]M\b|Uhr\b|hrs\b|h(?=\s|$|\))|noon\b)?""",
    re.VERBOSE,
)
_JA_TIME_RE = re.compile(
    r"(?P<ampm>午前|午後)?\s*(?P<h>\d{1,2})\s*時(?!間)(?:\s*(?P<m>\d{1,2})\s*分|(?P<half>半))?"
)
_JST_AFTER_RE = re.compile(
    r"^\s*[(（]?\s*(?:JST|J\.S\.T\.|Japan(?:ese)?\s+(?:Standard\s+)?[Tt]ime|Tokyo\s+time"
    r"|japanische[rn]?\s+Zeit|日本時間)",
    re.IGNORECASE,
)
_LOCAL_AFTER_RE = re.compile(
    r"^\s*[(（]?\s*(?:local\s+time|local|Ortszeit|現地時間)", re.IGNORECASE
)
_JST_BEFORE_RE = re.compile(r"(?:JST|Japan\s+time|日本時間)[^()（）]{0,14}$", re.IGNORECASE)
_LOCAL_BEFORE_RE = re.compile(r"(?:local\s+time|現地時間)[^()（）]{0,14}$", re.IGNORECASE)


@dataclass
class _TimeFound:
    value: dt.time
    start: int
    end: int
    tag: str  # "jst", "local" or ""
    text: str
    date_hint: _DateFound | None = None  # "on September 21, 7:05 a.m. JST"
    same_day: bool = False


def _find_times(text: str, notes: _Notes) -> list[_TimeFound]:
    text = unicodedata.normalize("NFKC", text)
    found: list[_TimeFound] = []
    for m in _TIME_RE.finditer(text):
        mer = (m["mer"] or "").lower().replace(" ", "")
        if m["sep"] == "." and not mer:
            continue
        if not m["sep"] and mer not in ("a.m.", "p.m.", "am", "pm", "a.m", "p.m", "noon"):
            continue
        if mer in ("h", "hrs") and not m["sep"]:
            continue
        hour, minute = int(m["h"]), int(m["m"] or 0)
        if hour > 23 or minute > 59:
            continue
        if mer.startswith("p") and hour < 12:
            hour += 12
        elif mer.startswith("p") and hour > 12:
            notes.warn(f"{m.group().strip()!r} read as {hour:02d}:{minute:02d}")
        elif mer.startswith("a") and hour == 12:
            hour = 0
        found.append(_classify_time(text, m.start(), m.end(), dt.time(hour, minute), False))
    for m in _JA_TIME_RE.finditer(text):
        hour = int(m["h"])
        minute = 30 if m["half"] else int(m["m"] or 0)
        if m["ampm"] == "午後" and hour < 12:
            hour += 12
        if hour > 23 or minute > 59:
            continue
        found.append(_classify_time(text, m.start(), m.end(), dt.time(hour, minute), True))
    found.sort(key=lambda t: t.start)
    return found


def _classify_time(text: str, start: int, end: int, value: dt.time, japanese: bool) -> _TimeFound:
    """Tag a time as JST or local from the words beside it: English puts them after the time
    ("3:10 p.m. local time"), Japanese before it (現地時間午前8時40分)."""
    after, before = text[end : end + 40], text[max(0, start - 40) : start]
    marks = [
        ("jst", bool(_JST_AFTER_RE.match(after))),
        ("local", bool(_LOCAL_AFTER_RE.match(after))),
        ("jst", bool(_JST_BEFORE_RE.search(before))),
        ("local", bool(_LOCAL_BEFORE_RE.search(before))),
    ]
    if japanese:
        marks = marks[2:] + marks[:2]
    tag = next((name for name, marked in marks if marked), "")
    found = _TimeFound(value, start, end, tag, text[start:end].strip())
    if tag == "jst":
        bracket = before.rsplit("(", 1)[-1].rsplit("（", 1)[-1]
        found.same_day = bool(re.search(r"same\s+day|同日", bracket, re.IGNORECASE))
        found.date_hint = _find_date(bracket) if re.search(r"\d", bracket) else None
    return found


_DURATION_RE = re.compile(
    rf"""(?<![\w-])(?:
        (?P<half_hour>half\s+an\s+hour)
      | (?P<hour_half>an?|one)\s+hour\s+and\s+a\s+half
      | (?P<h>{_NUMBER})(?P<and_half>\s+and\s+a\s+half)?\s*[-\s]?hours?\b
        (?:\s*(?:and\s+)?(?P<hm>{_NUMBER})\s*[-\s]?min(?:ute)?s?\b)?
      | (?P<hde>\d{{1,2}})\s+Stunden?(?:\s+und\s+(?P<hmde>\d{{1,3}})\s+Minuten)?
      | (?P<mde>\d{{1,4}})\s+Minuten\b
      | (?P<hour_long>hour)-long
      | (?P<m>{_NUMBER})\s*[-\s]?min(?:ute)?s?\b
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_JA_DURATION_RE = re.compile(
    r"(?:約\s*(?P<h1>\d{1,3})\s*時間(?:\s*(?P<m1>\d{1,3})\s*分|(?P<half>半))?"
    r"|(?P<h2>\d{1,3})\s*時間(?:\s*(?P<m2>\d{1,3})\s*分)?"
    r"|約\s*(?P<m3>\d{1,4})\s*分間?|(?P<m4>\d{1,4})\s*分間)"
)
_TOTAL_BEFORE_RE = re.compile(
    r"(?:a\s+total\s+of|in\s+total|total\s+of|altogether|合計|計)\s*\S*\s*$", re.I
)


def _duration_minutes(m: re.Match[str]) -> int | None:
    if m["half_hour"]:
        return 30
    if m["hour_half"]:
        return 90
    if m["hour_long"]:
        return 60
    if m["hde"] or m["mde"]:
        total = Decimal(int(m["hde"] or 0) * 60 + int(m["hmde"] or m["mde"] or 0))
        return int(total) if 0 < total <= 24 * 60 * 3 else None
    if m["h"]:
        hours = _number(m["h"])
        minutes = _number(m["hm"]) if m["hm"] else Decimal(0)
        if hours is None or minutes is None:
            return None
        total = hours * 60 + minutes + (30 if m["and_half"] else 0)
    else:
        value = _number(m["m"])
        if value is None:
            return None
        total = value
    if total != total.to_integral_value() or not 0 < total <= 24 * 60 * 3:
        return None
    return int(total)


def _find_durations(text: str) -> list[tuple[int, int, bool]]:
    """Durations in `text` as (start, minutes, stated as a total)."""
    text = unicodedata.normalize("NFKC", text)
    found: list[tuple[int, int, bool]] = []
    for m in _DURATION_RE.finditer(text):
        minutes = _duration_minutes(m)
        if minutes is not None:
            total = bool(_TOTAL_BEFORE_RE.search(text[max(0, m.start() - 20) : m.start()]))
            found.append((m.start(), minutes, total))
    for m in _JA_DURATION_RE.finditer(text):
        hours = m["h1"] or m["h2"]
        minutes = int(hours) * 60 if hours else 0
        minutes += 30 if m["half"] else int(m["m1"] or m["m2"] or m["m3"] or m["m4"] or 0)
        if 0 < minutes <= 24 * 60 * 3:
            total = bool(_TOTAL_BEFORE_RE.search(text[max(0, m.start() - 6) : m.start()]))
            found.append((m.start(), minutes, total))
    found.sort()
    return found


# --------------------------------------------------------------------------------------------
# Kind and level

_KIND_RULES: list[tuple[Kind, re.Pattern[str]]] = [
    (Kind.SIGNING, re.compile(r"\bsign(?:ing|ed)\b|exchange\s+of\s+notes|exchanged\s+(?:the\s+)?notes|署名|交換公文", re.I)),
    (Kind.MULTILATERAL, re.compile(r"\bG\s?7\b|\bG\s?20\b|summit\s+session|\bsession\s+\d|\bsession\b.*\bsummit\b|leaders'?\s+(?:meeting|video)|\bNATO\s+summit|首脳会合|Ｇ７|G7", re.I)),
    (Kind.TELEPHONE_TALK, re.compile(r"telephone|\bby\s+phone\b|phone\s+call|\bcall\s+with\b|\bspoke\s+(?:\w+\s+)?(?:to|with)\b|\btelefonat|telefonierte|電話会談|電話", re.I)),
    (Kind.VIDEO_CONFERENCE, re.compile(r"video\s*(?:-\s*)?(?:conference|call|meeting|talk)|videoconferenc|online\s+(?:meeting|talk)|virtual\s+meeting|テレビ会議|テレビ会談|オンライン", re.I)),
    (Kind.COURTESY_CALL, re.compile(r"courtesy\s+call|表敬", re.I)),
    (Kind.MEETING, re.compile(r"\bmeeting\b|\bmet\s+(?:with\b)?|\bheld\s+talks\b|\btalks\b|\btalk\b|\bsummit\b|working\s+(?:lunch|dinner|breakfast)|\btrafen\b|\btraf\b|\bTreffen\b|Gespräch|会談|会合|懇談", re.I)),
    (Kind.VISIT, re.compile(r"\bvisited\b|\bvisit\b|訪問", re.I)),
]  # fmt: skip

_LEVEL_PHRASES: list[tuple[Level, re.Pattern[str]]] = [
    (Level.SUMMIT, re.compile(r"\bsummit\b|首脳", re.I)),
    (
        Level.MINISTERIAL,
        re.compile(r"foreign\s+ministers['’]?|ministerial\s+meeting|外相|外務大臣会談", re.I),
    ),
    (Level.VICE_MINISTERIAL, re.compile(r"vice[-\s]ministerial|副大臣会談", re.I)),
]

_TITLE_LEVELS: list[tuple[Level, re.Pattern[str]]] = [
    (Level.PARLIAMENTARY, re.compile(r"\bspeaker\b|\bchair(?:man|woman|person)?\s+of\s+the\s+(?:verkhovna|house|diet|senate|parliament|national\s+assembly|council\s+of|assembly)|\bpresident\s+of\s+the\s+(?:house|senate|verkhovna|national\s+assembly|diet)|member\s+of\s+(?:the\s+)?(?:parliament|house|diet|verkhovna)|parliamentarian|\bMP\b|議長|議員", re.I)),
    (Level.VICE_MINISTERIAL, re.compile(r"state\s+minister|vice[-\s]minister|deputy\s+(?:foreign\s+)?minister(?!\s+of\s+state)|first\s+deputy|under[-\s]secretary|deputy\s+secretary|parliamentary\s+vice|minister\s+of\s+state|副大臣|政務官", re.I)),
    (Level.MINISTERIAL, re.compile(r"(?:deputy|vice)\s+prime\s+minister|deputy\s+chancellor", re.I)),
    (Level.SUMMIT, re.compile(r"prime\s+minister|(?<!vice\s)(?<!vice-)\bpresident\b|chancellor|\bking\b|\bqueen\b|emperor|head\s+of\s+state|\bpremier\b|首相|総理|大統領", re.I)),
    (Level.MINISTERIAL, re.compile(r"minister|secretary\s+of\s+state|foreign\s+secretary|\bsecretary\b(?!-general)|high\s+representative|commissioner|大臣|長官", re.I)),
    (Level.OFFICIAL, re.compile(r"ambassador|director|envoy|secretary[-\s]general|governor|mayor|advis[eo]r|official|大使|局長", re.I)),
]  # fmt: skip
_LEVEL_RANK = {
    Level.SUMMIT: 4,
    Level.MINISTERIAL: 3,
    Level.VICE_MINISTERIAL: 2,
    Level.OFFICIAL: 1,
}


def _title_level(title: str | None) -> Level | None:
    if not title:
        return None
    for level, pattern in _TITLE_LEVELS:
        if pattern.search(title):
            return level
    return None


def _kind(text: str) -> Kind | None:
    return next((kind for kind, pattern in _KIND_RULES if pattern.search(text)), None)


# --------------------------------------------------------------------------------------------
# People

_HONORIFIC = (
    r"(?:H\.\s?E\.|S\.\s?E\.|[Tt]he\s+Rt\.?\s+Hon(?:ou?rable|\.)?|Rt\.?\s+Hon\.?"
    r"|[Tt]he\s+Right\s+Honou?rable|[Tt]he\s+Hon(?:ou?rable\b|\.)|Hon(?:ou?rable\b|\.)"
    r"|(?:His|Her)\s+(?:Excellency|Majesty|Royal\s+Highness)|Excellency|Mr\b\.?|Ms\b\.?"
    r"|Mrs\b\.?|Mx\b\.?|Dr\b\.?|Prof\b\.?|Professor\b|Mme\b\.?|Madam\b|Sir\b|Dame\b)"
)
_HONORIFICS_RE = re.compile(rf"(?:{_HONORIFIC}\s*)+")
_POST_NOMINALS = frozenset({"MP", "QC", "KC", "OBE", "CBE", "KBE", "MBE", "PC", "MEP"})
_PARTICLES = frozenset(
    "von van der den de del della di da dos das du la le bin binti al el ter zu y".split()
)
_ACRONYMS = frozenset(
    "G7 G20 NATO JST EU UN USA UK US IAEA OSCE ASEAN MOFA TICAD ODA JICA CAP NHK PM MP "
    "QC KC BBC COVID UNGA UNSC WHO IMF AM UTC GMT CET EET CEST EEST JSDF SDF ICC II III IV".split()
)
_TITLE_WORDS_RE = re.compile(
    r"minist|president|secretary|ambassador|speaker|chair|governor|director|envoy|\bking\b"
    r"|queen|emperor|chancellor|mayor|member|commissioner|representative|\bhead\b|chief"
    r"|premier|leader|senator|deputy|\bvice\b|advis[eo]r|spokesperson|professor|counsel+or"
    r"|prince|princess|sheikh|emir|sultan|general|admiral|mayor|kanzler|chargé|charge d",
    re.I,
)
_ROLE = (
    r"(?:(?:First\s+)?Deputy\s+Prime\s+Minister|Prime\s+Minister|Vice\s+President|President"
    r"|(?:Foreign|Defen[cs]e|Finance|State|Deputy\s+Foreign|Deputy)\s+Minister"
    r"|Minister\s+(?:for|of)\s+(?:[A-Z][a-z]+\s+(?:and\s+)?)+(?:Affairs|Defen[cs]e)?"
    r"|Foreign\s+Secretary|Defen[cs]e\s+Secretary|Secretary\s+of\s+State|Secretary"
    r"|Chief\s+Cabinet\s+Secretary|Chancellor|Speaker|Ambassador|Minister|King|Queen|Emperor"
    r"|Crown\s+Prince|Director[-\s]General|Secretary[-\s]General|High\s+Representative"
    r"|Commissioner|Governor|Mayor|Außenminister|Premierminister|Ministerpräsident"
    r"|Bundeskanzler(?:in)?|Präsident(?:in)?)"
)
_TITLED_NAME_RE = re.compile(
    rf"(?:(?P<adj>{_alternation(_COUNTRY_ADJECTIVES)})\s+)?(?P<title>{_ROLE})\s+"
    rf"(?:{_HONORIFIC}\s+)?(?P<name>(?:[A-Z]\.\s*)?[A-ZÀ-ÖØ-Þ][^\s,.;:()]*(?:\s+(?:[A-Z]\.|[A-ZÀ-ÖØ-Þ][^\s,.;:()]*|(?:{'|'.join(_PARTICLES)})(?=\s+[A-Z]))){{0,4}})"
    rf"(?:\s+of\s+(?P<of>(?:the\s+)?[A-Z][^\s,.;:()]*(?:\s+(?:of\s+)?[A-Z][^\s,.;:()]*){{0,5}}))?"
)
_UNNAMED_RE = re.compile(
    r"\b[Tt]he\s+(?P<title>Prime\s+Minister|President|Foreign\s+Secretary|Secretary(?:\s+of\s+State)?|Chancellor)"
    r"\b(?!\s+(?:of\s+)?[A-Z])"
)
_LEAD_VERB_RE = re.compile(
    r"\b(?:held|hold|paid|pays|received|receives|spoke|speaks|met|meets|had|has|attended|hosted|"
    r"visited|signed|exchanged|talked|welcomed|joined|called|conducted|participated|took\s+part)\b"
    r"|会談|表敬|会合|電話|行った|行いました|受けた",
    re.I,
)


@dataclass
class _Person:
    name: str
    title: str | None = None
    country: str | None = None
    surname: str = ""
    aliases: set[str] = field(default_factory=set)
    resolved: bool = False
    surname_known: bool = False  # written in capitals, so no guess
    surname_first: bool = False  # "KAMIKAWA Yoko": how MOFA writes Japanese names

    @classmethod
    def of(cls, name: _Name, title: str | None = None, country: str | None = None) -> _Person:
        return cls(
            name.name,
            title=title,
            country=country,
            surname=name.surname,
            surname_known=name.surname_known,
            surname_first=name.surname_first,
        )

    def level(self) -> Level | None:
        return _title_level(self.title)


def _is_name_token(token: str) -> bool:
    if token in _PARTICLES:
        return True
    if re.fullmatch(r"[A-Z]\.", token):
        return True
    if not re.fullmatch(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*\.?", token):
        return False
    return token[0].isupper() and token.rstrip(".") not in _ACRONYMS


def _is_caps(token: str) -> bool:
    letters = re.sub(r"[^\w]", "", token)
    return len(letters) >= 2 and letters.isupper() and letters not in _ACRONYMS


class _Name(NamedTuple):
    name: str
    surname: str
    surname_known: bool
    surname_first: bool


def _clean_name(raw: str) -> _Name | None:
    """A name in consistent case without honorifics, and its surname; None if no name."""
    raw = _HONORIFICS_RE.sub(" ", f" {raw} ").strip()
    raw = re.sub(r"['’]s$", "", raw.strip(" .,;:"))
    tokens = [t for t in raw.split() if t not in _POST_NOMINALS]
    if not tokens or not all(_is_name_token(t) for t in tokens):
        return None
    if all(t in _PARTICLES or re.fullmatch(r"[A-Z]\.", t) for t in tokens):
        return None
    caps = [t for t in tokens if _is_caps(t)]
    mixed = [t for t in tokens if not _is_caps(t)]
    surname = caps[0] if caps and mixed else tokens[-1]
    name = " ".join(_recase(t) if _is_caps(t) and mixed else t for t in tokens)
    if caps and not mixed:
        name = " ".join(_recase(t) for t in tokens)
    return _Name(
        name,
        _recase(surname) if _is_caps(surname) else surname,
        bool(caps and mixed),
        bool(caps and mixed and _is_caps(tokens[0])),
    )


def _recase(token: str) -> str:
    return re.sub(
        r"[^\W\d_]+", lambda m: m.group()[0].upper() + m.group()[1:].lower(), token.lower()
    )


def _looks_like_title(clause: str) -> bool:
    clause = clause.strip().rstrip(".")
    if not clause or len(clause.split()) > 16:
        return False
    if re.match(
        r"(?:during|while|when|held|paid|received|who|and|to|in|on|at|for|as|with)\b", clause
    ):
        return False
    return clause[0].isupper() and bool(_TITLE_WORDS_RE.search(clause))


def _split_title(title: str) -> tuple[str, str | None]:
    """("Minister for Foreign Affairs of Japan") -> ("Minister for Foreign Affairs", "JP")."""
    title = _squash(title.strip().rstrip(".;:"))
    adjective = _ADJECTIVE_RE.match(title)
    if adjective:
        rest = title[adjective.end() :].strip()
        if rest and _TITLE_WORDS_RE.search(rest):
            return rest, _country_code(adjective.group())
    for m in re.finditer(r"\s+(?:of|der|des|von|de)\s+", title):
        rest = title[m.end() :]
        code = _country_code(rest)
        if code:
            return title[: m.start()].strip(), code
        posted = re.match(
            r"(?P<c>.+?)\s+(?P<post>(?:to|in|at)\s+.+)$", rest
        )  # "of Ukraine to Japan"
        if posted and _country_code(posted["c"]):
            return f"{title[: m.start()].strip()} {posted['post']}", _country_code(posted["c"])
    return title, None


def _name_at_end(clause: str) -> str | None:
    """The name closing a clause ("paid a courtesy call on H.E. Mr. Volodymyr ZELENSKYY")."""
    honorifics = list(re.finditer(rf"(?:(?<=\s)|^)(?:{_HONORIFIC}\s*)+", clause))
    if honorifics:
        tail = clause[honorifics[-1].end() :].strip()
        if tail and len(tail.split()) <= 6 and _clean_name(tail):
            return tail
    words = clause.split()
    tail_words: list[str] = []
    for word in reversed(words):
        if _is_name_token(word.rstrip(".")) and not _TITLE_WORDS_RE.search(word):
            tail_words.insert(0, word)
        else:
            break
    tail_words = tail_words[-5:]
    while tail_words and tail_words[0] in _PARTICLES:
        tail_words.pop(0)
    if len(tail_words) >= 2 and any(_is_caps(w) for w in tail_words):
        return " ".join(tail_words)
    return None


def _people_in_lead(sentence: str) -> list[_Person]:
    """People in an English lead, as "<honorific> <NAME>, <title>" or "<title> <Name>"."""
    people: list[_Person] = []
    clauses = _split_top(sentence)
    i = 0
    while i < len(clauses):
        clause = clauses[i]
        titled = [m for m in _TITLED_NAME_RE.finditer(clause) if _clean_name(m["name"])]
        found = _name_at_end(clause)
        if found and not (titled and titled[-1].end() >= len(clause.rstrip(". "))):
            raw = found
            cleaned = _clean_name(raw)
            title: str | None = None
            if i + 1 < len(clauses) and _looks_like_title(clauses[i + 1]):
                title = clauses[i + 1]
                i += 1
            before = clause[: clause.rfind(raw)]
            for m in titled:
                if m.end() <= len(before):
                    _add_titled(people, m)
            if cleaned:
                person = _Person.of(cleaned)
                if title:
                    person.title, person.country = _split_title(title)
                people.append(person)
        else:
            for m in titled:
                _add_titled(people, m)
        i += 1
    return people


def _add_titled(people: list[_Person], m: re.Match[str]) -> None:
    cleaned = _clean_name(m["name"])
    if not cleaned:
        return
    title, country = _split_title(m["title"])
    if m["adj"]:
        country = _country_code(m["adj"])
    if m["of"]:
        country = _country_code(m["of"]) or country
    people.append(_Person.of(cleaned, title, country))


_JA_TITLES = {
    "内閣総理大臣": "Prime Minister",
    "総理大臣": "Prime Minister",
    "外務大臣政務官": "Parliamentary Vice-Minister for Foreign Affairs",
    "外務副大臣": "State Minister for Foreign Affairs",
    "外務大臣": "Minister for Foreign Affairs",
    "防衛大臣": "Minister of Defense",
    "内閣官房長官": "Chief Cabinet Secretary",
    "官房長官": "Chief Cabinet Secretary",
    "衆議院議長": "Speaker of the House of Representatives",
    "参議院議長": "President of the House of Councillors",
}
_JA_PERSON_RE = re.compile(
    rf"(?P<name>[\u4e00-\u9fff々]{{2,6}}?)\s*(?P<title>{_alternation(_JA_TITLES)})"
)
_JA_FOREIGN_RE = re.compile(
    r"(?P<kana>[ァ-ヴー・=＝]+?)・?(?P<title>[\u4e00-\u9fff]*(?:大統領|首相|大臣|外相|長官|議長|大使))?"
    r"\s*[（(](?P<english>[^）)]+)[）)]"
)


def _people_in_japanese_lead(lead: str) -> list[_Person]:
    people: list[_Person] = []
    for m in _JA_FOREIGN_RE.finditer(lead):
        english = _people_in_lead(m["english"])
        if english:
            person = english[0]
            kana = [k for k in m["kana"].split("・") if k and k not in _JA_COUNTRIES]
            if kana:
                person.aliases.add(kana[-1])
            if person.country is None:
                country = _JA_COUNTRY_RE.search(m["kana"] + (m["title"] or ""))
                person.country = _JA_COUNTRIES[country.group()] if country else None
            people.append(person)
    for m in _JA_PERSON_RE.finditer(lead):
        name = m["name"]
        if any(name in p.aliases or name == p.name for p in people):
            continue
        person = _Person(name, title=_JA_TITLES[m["title"]], country="JP")
        person.surname_known = True  # found in the body, if at all (_refine_surnames)
        person.aliases.add(name)
        people.insert(0, person)
    return people


# --------------------------------------------------------------------------------------------
# Money

_SCALE = {
    "thousand": 10**3,
    "million": 10**6,
    "mn": 10**6,
    "m": 10**6,
    "billion": 10**9,
    "bn": 10**9,
    "trillion": 10**12,
    "tn": 10**12,
}
_CURRENCY_WORDS = {
    "us dollars": "USD",
    "u.s. dollars": "USD",
    "united states dollars": "USD",
    "dollars": "USD",
    "dollar": "USD",
    "usd": "USD",
    "yen": "JPY",
    "jpy": "JPY",
    "euros": "EUR",
    "euro": "EUR",
    "eur": "EUR",
    "pounds sterling": "GBP",
    "pounds": "GBP",
    "pound": "GBP",
    "gbp": "GBP",
    "hryvnias": "UAH",
    "hryvnia": "UAH",
    "uah": "UAH",
    "swiss francs": "CHF",
    "canadian dollars": "CAD",
    "australian dollars": "AUD",
}
_CURRENCY_SIGNS = {
    "US$": "USD",
    "U.S.$": "USD",
    "USD": "USD",
    "$": "USD",
    "€": "EUR",
    "EUR": "EUR",
    "£": "GBP",
    "GBP": "GBP",
    "¥": "JPY",
    "JPY": "JPY",
    "UAH": "UAH",
    "CA$": "CAD",
    "C$": "CAD",
    "A$": "AUD",
}
_AMOUNT_NUMBER = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d{{1,15}})(?:\.\d{{1,6}})?|{_NUMBER_WORD}"
_AMOUNT_RE = re.compile(
    rf"""(?:
        (?P<sign>{_alternation(_CURRENCY_SIGNS)})\s?(?P<n1>{_AMOUNT_NUMBER})
        (?:\s*(?P<s1>thousand|million|billion|trillion|mn|bn|tn|m)\b)?
        (?:\s+(?P<w1>{_alternation(_CURRENCY_WORDS)})\b)?
      | (?<![\w$€£¥.])(?P<n2>{_AMOUNT_NUMBER})\s*(?:(?P<s2>thousand|million|billion|trillion)\s+)?
        (?P<w2>{_alternation(_CURRENCY_WORDS)})\b
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_JA_AMOUNT_RE = re.compile(
    r"(?P<n>(?:\d[\d,]{0,18}(?:\.\d{1,6})?\s*[兆億万千]\s*){1,4}|\d[\d,]{0,18}(?:\.\d{1,6})?)"
    r"\s*(?P<cur>円|ドル|米ドル|ユーロ)"
)
_JA_UNITS = {"兆": 10**12, "億": 10**8, "万": 10**4, "千": 10**3}


@dataclass
class _Amount:
    start: int
    end: int
    amount: int
    currency: str


def _find_amounts(text: str, notes: _Notes) -> list[_Amount]:
    found: list[_Amount] = []
    for m in _AMOUNT_RE.finditer(text):
        number = _number(m["n1"] or m["n2"] or "")
        if number is None:
            continue
        scale = (m["s1"] or m["s2"] or "").lower()
        if m["sign"]:
            currency = _CURRENCY_SIGNS[m["sign"].upper()]
            word = (m["w1"] or "").lower()
            if word and _CURRENCY_WORDS[word] != "USD":
                currency = _CURRENCY_WORDS[word]
        else:
            currency = _CURRENCY_WORDS[(m["w2"] or "").lower()]
        value = number * _SCALE.get(scale, 1)
        if value <= 0:
            continue
        if value != value.to_integral_value():
            notes.warn(f"amount {m.group().strip()!r} is not a whole number; rounded")
        found.append(_Amount(m.start(), m.end(), int(value.to_integral_value()), currency))
    for m in _JA_AMOUNT_RE.finditer(text):
        value = Decimal(0)
        for part in re.finditer(r"(\d[\d,]{0,18}(?:\.\d{1,6})?)\s*([兆億万千]?)", m["n"]):
            try:
                number = Decimal(part[1].replace(",", ""))
            except InvalidOperation:
                continue
            value += number * _JA_UNITS.get(part[2], 1)
        currency = {"円": "JPY", "ドル": "USD", "米ドル": "USD", "ユーロ": "EUR"}[m["cur"]]
        if value > 0:
            found.append(_Amount(m.start(), m.end(), int(value.to_integral_value()), currency))
    found.sort(key=lambda a: a.start)
    kept: list[_Amount] = []
    for amount in found:
        if kept and amount.start < kept[-1].end:
            continue
        if kept:
            between = text[kept[-1].end : amount.start]
            before = text[max(0, kept[-1].start - 12) : kept[-1].start]
            if re.fullmatch(r"\s*to\s*", between) and re.search(r"\b(?:from|by)\s*$", before):
                kept.pop()  # "from US$100 million to US$300 million": the new total counts
        kept.append(amount)
    return kept


# --------------------------------------------------------------------------------------------
# Publishers

_PUBLISHERS: list[tuple[re.Pattern[str], str, str]] = [
    (re.compile(r"mofa\.go\.jp|^Japan-[\w\s]+Relations$|^Back to (?:Press Releases|Japan-)|外務省", re.I | re.M), "Ministry of Foreign Affairs of Japan", "JP"),
    (re.compile(r"kantei\.go\.jp|Prime Minister's Office of Japan|首相官邸", re.I), "Prime Minister's Office of Japan", "JP"),
    (re.compile(r"emb-japan\.go\.jp|Embassy of Japan", re.I), "Embassy of Japan", "JP"),
    (re.compile(r"gov\.uk|10 Downing Street|No\.?\s?10 spokesperson", re.I), "Prime Minister's Office, 10 Downing Street", "GB"),
    (re.compile(r"state\.gov|Office of the Spokesperson|attributable to (?:State Department )?Spokesperson", re.I), "U.S. Department of State", "US"),
    (re.compile(r"whitehouse\.gov|The White House", re.I), "The White House", "US"),
]  # fmt: skip


# --------------------------------------------------------------------------------------------
# Condolences and aid

_CONDOLENCE_RE = re.compile(
    r"condolence|sympath(?:y|ies|ize|ise)|saddened|\bmourn|\bgrief\b|heartbroken|"
    r"prayers?\s+for\s+the\s+(?:victims|repose)|お見舞い|哀悼|お悔やみ|弔意",
    re.I,
)
_SEGMENT_SPLIT_RE = re.compile(
    r";\s+|,\s+(?:and|while|whereas)\s+(?=[A-Z]|he\b|she\b)|\s+and\s+(?=(?:Prime\s+Minister|"
    r"President|Minister|Secretary|Foreign|Mr\.|Ms\.)\s)"
)
_GROUP_RE = re.compile(
    r"\b(?:victims?|famil(?:y|ies)|bereaved|those|people\s+(?:affected|who)|survivors|injured)\b",
    re.I,
)
_EVENT_RE = re.compile(
    r"(?:\b(?:the\s+)?(?:[\w'’-]+\s+){0,6}?(?:earthquake|attacks?|explosion|crash|disaster|floods?|"
    r"fire|shooting|typhoon|tsunami|bombing|strikes?|shelling|tragedy|accident|assassination|"
    r"death|passing)\b(?:\s+(?:on|in|at|of)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)?)"
)

_AID_NOUN_RE = re.compile(
    r"""\b(?:assistance|aid|grants?|loans?|equipment|generators?|(?:auto)?transformers?|supplies|
    vehicles|donations?|ODA|package|financing|
    contributions?(?=\s+(?:to|from|through|via|of)\b)|
    support(?=\s+(?:extended|provided|given|delivered|package|of\s+(?:US\$|\$|¥|€)))|
    (?:financial|budget(?:ary)?|humanitarian|economic|energy|winteri[sz]ation|reconstruction|
    recovery|demining|military|defen[cs]e|fiscal)\s+support)\b|支援|供与|無償資金協力|円借款""",
    re.I | re.VERBOSE,
)
_AID_CONTEXT_RE = re.compile(
    r"assist|\baid\b|grant|loan|support|contribut|donat|fund|provid|provision|disburs|pledg|"
    r"equipment|package|humanitarian|financ|budget|支援|供与|拠出",
    re.I,
)
_CATEGORY_RULES: list[tuple[Category, re.Pattern[str]]] = [
    (Category.DEMINING, re.compile(r"demin|\bmines?\b|landmine|unexploded|地雷", re.I)),
    (Category.ENERGY, re.compile(r"energy|\bpower\b|power-|electric|generator|transformer|winteri[sz]|heating|solar|電力|発電|越冬", re.I)),
    (Category.HUMANITARIAN, re.compile(r"humanitarian|emergency|\bfood\b|medical|medicine|refugee|shelter|人道|緊急", re.I)),
    (Category.RECONSTRUCTION, re.compile(r"reconstruct|recovery|rebuild|restoration|復興|復旧", re.I)),
    (Category.MILITARY, re.compile(r"military|defen[cs]e\s+equipment|weapon|ammunition|Self-Defense\s+Forces|\bSDF\b|bulletproof|helmet|防衛装備", re.I)),
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


# --------------------------------------------------------------------------------------------
# Assembling the page


@dataclass
class _Page:
    source: str | None
    text: str
    paras: list[_Para]
    japanese: bool


def _read_page(text: str) -> _Page:
    text = text.replace("\ufeff", "").replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u00a0", " ").replace("\u2028", "\n").replace("\u2029", "\n")
    lines = text.split("\n")
    source = None
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        m = re.match(r"^\s*source:\s*(\S+)\s*$", line, re.IGNORECASE)
        if m:
            source = m[1]
            lines = lines[i + 1 :]
        break
    kana = len(re.findall(r"[\u3040-\u30ff\u4e00-\u9fff]", text))
    japanese = kana > 20 and kana > len(re.findall(r"[A-Za-z]", text)) / 4
    return _Page(source, "\n".join(lines), _paragraphs(lines), japanese)


def _is_date_line(text: str) -> bool:
    return bool(
        _DATE_LINE_RE.match(text) or _JA_DATE_LINE_RE.match(unicodedata.normalize("NFKC", text))
    )


def _is_lead(para: _Para) -> bool:
    text = para.text
    if _is_date_line(text) or _is_furniture(text):
        return False
    if _find_date(text, at_start=True) and len(text) > 40:
        return True
    words = len(text.split())
    sentence_like = _ends_sentence(text) or words >= 12 or (len(text) > 30 and not text.isascii())
    return sentence_like and bool(_LEAD_VERB_RE.search(text)) and (words >= 6 or not text.isascii())


_NEXT_EVENT_RE = re.compile(
    rf"^(?:On\s+(?:{_WEEKDAY})?(?:{_MONTH}\s+\d|\d{{1,2}}\s+{_MONTH})|On\s+the\s+(?:same|following|next)\s+day"
    rf"|On\s+the\s+(?:morning|afternoon|evening)\s+of|Following\s+the\s+(?:meeting|talk|call)"
    rf"|Subsequently|After\s+the\s+(?:meeting|talk)|Prior\s+to\s+the|(?:同日|翌日)|\d{{1,2}}\s*月\s*\d{{1,2}}\s*日、)",
)


_INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)


def draft_from_text(
    text: str,
    *,
    source: str | None = None,
    resolve_name: Callable[[str], str | None] | None = None,
) -> Draft:
    """Draft a record from the text of a published readout.

    Raises ReadoutsError when the text has neither a date nor participants; anything short of
    that becomes a draft whose gaps say what is missing.
    """
    notes = _Notes()
    # Invisible direction overrides and control characters copied with a page's text would
    # travel into the record and reorder how it reads: they are dropped.
    page = _read_page(_INVISIBLE.sub("", text))
    source = source or page.source
    publisher, home = _publisher(page, source)

    lead_index = next((i for i, p in enumerate(page.paras) if _is_lead(p)), None)
    lead_para = page.paras[lead_index] if lead_index is not None else None
    header = page.paras[: lead_index if lead_index is not None else len(page.paras)]
    lead = _strip_attribution(lead_para.text) if lead_para else ""
    lead_sentence = (_sentences(lead) or [""])[0] if lead else ""

    people = _participants(page, lead, lead_sentence, home, notes)
    date = _date(page, header, lead, notes)
    if date is None and not people:
        raise ReadoutsError.of(
            "not a readout: found neither a date nor the people who met",
            hint="paste the text of a meeting readout: its date line and the lead sentence "
            "('On January 7, ... held a meeting with ...') at least",
        )

    lead_at = page.text.find(lead[:40]) if lead else -1
    body = page.text[lead_at + len(lead) :] if lead_at >= 0 else page.text
    _refine_surnames(people, body, notes)
    lead_subject = people[0] if people else None
    for person in people:
        person.aliases |= {t for t in (person.surname, *person.name.split()) if len(t) > 2}
        if resolve_name is not None:
            resolved = resolve_name(person.name)
            if resolved:
                person.name, person.resolved = resolved, True
                person.aliases |= {t for t in resolved.split() if len(t) > 2}
    japan_page = bool(re.search(r"\bJapan(?:ese)?\b|日本", page.text))
    _infer_countries(people, home or ("JP" if japan_page else None), notes)
    if home is None:
        home = "JP" if any(p.country == "JP" for p in people) else None
    if home is None:
        home = next((p.country for p in people if p.country), None)
    if home:
        people.sort(key=lambda p: p.country != home)

    title = _page_title(header)
    kind = _kind(lead_sentence or lead) or (_kind(title) if title else None)
    points = _points(page, lead_index, lead, notes)
    data: dict[str, Any] = {}
    if date:
        data["date"] = date
    elif "date" not in notes.gap_fields.values():
        notes.gap("no date found: give date = YYYY-MM-DD", "date")
    if title and not title.isascii() and re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", title):
        notes.gap(f"title is in Japanese ({title}); translate it", "title")
    if title is None:
        title = _compose_title(kind, lead_sentence, people)
    if title:
        data["title"] = title
    else:
        notes.gap("no title found and none could be composed", "title")
    if kind:
        data["kind"] = kind.value
    else:
        notes.gap("kind not recognised: one of " + ", ".join(k.value for k in Kind), "kind")
    level = _level(lead_sentence or lead, people)
    if level:
        data["level"] = level.value
    else:
        notes.gap("level unknown: one of " + ", ".join(lv.value for lv in Level), "level")

    place, place_zone = _place(lead_sentence or lead, kind, page.japanese)
    if place:
        data["place"] = place
    elif kind not in (Kind.TELEPHONE_TALK, Kind.VIDEO_CONFERENCE, None):
        notes.gap("place not stated in the lead", "place")
    _time(data, lead, date, place_zone, home, page.japanese, notes)
    _duration(data, lead, notes)
    if source:
        data["source"] = source
    if publisher:
        data["publisher"] = publisher
    if points:
        data["points"] = points
    data["participants"] = _participant_tables(people, notes)
    if not people:
        notes.gap("no participants found in the lead", "participants")
    elif len(people) == 1:
        notes.gap("only one participant found in the lead; add the other side", "participants")
    condolences = _condolences(points, people, lead_subject, notes)
    if condolences:
        data["condolences"] = condolences
    lead_numbered = lead_para is not None and lead_para.number is not None
    year = date.year if date else None
    aid = _aid(points, "" if lead_numbered else lead_sentence, people, notes, year)
    if aid:
        data["aid"] = aid
    if not data["participants"]:
        del data["participants"]
    ordered = {key: data[key] for key in FIELD_ORDER if key in data}
    return Draft(
        ordered,
        notes.gaps,
        notes.warnings,
        notes.gap_fields,
        [_ascii_surname(p) for p in people],
    )


def _ascii_surname(person: _Person) -> str:
    """The surname for the id; a name resolved from kanji gives its surname by its capitals."""
    if person.surname.isascii() and person.surname:
        return person.surname
    cleaned = _clean_name(person.name) if person.name.isascii() else None
    return cleaned.surname if cleaned else person.surname or person.name


def _strip_attribution(lead: str) -> str:
    """Drop "The below is attributable to Spokesperson X:" and "A No.10 spokesperson said:"."""
    m = re.match(
        r"^(?:the\s+below\s+is\s+attributable\s+to\b[^:]*:|a\s+no\.?\s*10\s+spokesperson\s+said:)\s*",
        lead,
        re.IGNORECASE,
    )
    lead = lead[m.end() :] if m else lead
    return lead.strip('“”" ')


def _publisher(page: _Page, source: str | None) -> tuple[str | None, str | None]:
    haystack = "\n".join(filter(None, [source, *(p.text for p in page.paras[:8])]))
    haystack += "\n" + "\n".join(p.text for p in page.paras[-6:])
    for pattern, name, country in _PUBLISHERS:
        if pattern.search(haystack):
            return name, country
    if page.japanese:
        return None, "JP"
    return None, None


def _date(page: _Page, header: Sequence[_Para], lead: str, notes: _Notes) -> dt.date | None:
    page_date: _DateFound | None = None
    for para in [*header, *page.paras]:
        if _is_date_line(para.whole):
            page_date = _find_date(para.whole)
            if page_date and page_date.year:
                break
    if page_date is None or page_date.year is None:
        for para in header:
            found = _find_date(para.whole)
            if found and found.year:
                page_date = found
                break
    lead_date = _find_date(lead, at_start=True) if lead else None
    if lead_date is None and lead:
        m = re.match(r"^[^.。]{0,120}?\bon\s+", lead)
        lead_date = _find_date(lead[m.end() :], at_start=True) if m else None
    if lead_date is None:
        if page_date and page_date.year:
            return _make_date(page_date.year, page_date.month, page_date.day)
        if page_date:
            notes.gap(f"date: no year stated (the page gives {_month_day(page_date)})", "date")
        return None
    year = lead_date.year
    if year is None and page_date and page_date.year:
        year = page_date.year
        if lead_date.month == 12 and page_date.month == 1:
            year -= 1
        elif lead_date.month == 1 and page_date.month == 12:
            year += 1
    if year is None:
        notes.gap(f"date: no year stated (the lead gives {_month_day(lead_date)})", "date")
        return None
    date = _make_date(year, lead_date.month, lead_date.day)
    if date and page_date and page_date.year:
        published = _make_date(page_date.year, page_date.month, page_date.day)
        if published and published != date:
            notes.warn(f"the page is dated {published}; the lead gives the meeting as {date}")
    return date


def _month_day(found: _DateFound) -> str:
    names = "January February March April May June July August September October November December"
    month = names.split()[found.month - 1] if 1 <= found.month <= 12 else f"month {found.month}"
    return f"{month} {found.day}"


def _page_title(header: Sequence[_Para]) -> str | None:
    """The page's own title: a non-furniture line before the date line (captions follow it)."""
    candidates: list[str] = []
    for para in header:
        if _is_date_line(para.whole):
            break
        text = para.whole
        if _is_furniture(text) or _OVERVIEW_RE.match(text) or len(text) > 200:
            continue
        candidates.append(text)
    for text in reversed(candidates):
        words = len(text.split())
        meeting_word = re.search(
            r"meeting|talk|call|conference|visit|summit|dinner|lunch|breakfast|signing|exchange"
            r"|readout|session|dialogue|consultation|telephone|courtesy|会談|表敬|会議|訪問|会合",
            text,
            re.I,
        )
        if meeting_word or words >= 4:
            return text
    return None


def _short_role(title: str | None) -> str:
    if not title:
        return ""
    lowered = title.lower()
    if "prime minister" in lowered and not re.search(r"deputy|vice", lowered):
        return "Prime Minister"
    junior = re.match(
        r"(?:state|deputy|vice|first\s+deputy|parliamentary\s+vice)[-\s]+minister", lowered
    )
    if junior:
        return _squash(title[: junior.end()]).title()
    if re.search(r"foreign\s+affairs|foreign\s+minister", lowered):
        return "Foreign Minister"
    if lowered.startswith("president"):
        return "President"
    return re.split(r"\s+(?:of|for|to)\s+", title)[0]


def _compose_title(kind: Kind | None, lead: str, people: Sequence[_Person]) -> str | None:
    if kind is None or len(people) < 2:
        return None

    def label(person: _Person) -> str:
        role = _short_role(person.title)
        return f"{role} {person.surname or person.name}".strip()

    first, second = people[0], people[1]
    if kind is Kind.COURTESY_CALL:
        if re.search(r"received\s+(?:a\s+)?courtesy\s+call|表敬を受け", lead, re.I):
            return f"{label(second)}'s courtesy call on {label(first)}"
        return f"{label(first)}'s courtesy call on {label(second)}"
    words = {
        Kind.TELEPHONE_TALK: "telephone talk with",
        Kind.VIDEO_CONFERENCE: "video conference with",
        Kind.MEETING: "meeting with",
        Kind.SIGNING: "signing with",
        Kind.MULTILATERAL: "meeting with",
        Kind.VISIT: "visit with",
        Kind.OTHER: "meeting with",
    }[kind]
    return f"{label(first)}'s {words} {label(second)}"


def _level(lead: str, people: Sequence[_Person]) -> Level | None:
    for level, pattern in _LEVEL_PHRASES:
        if pattern.search(lead):
            if level is Level.SUMMIT and not all(
                p.level() in (Level.SUMMIT, None) for p in people[:2]
            ):
                continue
            return level
    levels = [p.level() for p in people]
    if Level.PARLIAMENTARY in levels:
        return Level.PARLIAMENTARY
    ranked: list[Level] = [lv for lv in levels if lv in _LEVEL_RANK and lv is not Level.OFFICIAL]
    ranked = ranked or [lv for lv in levels if lv is Level.OFFICIAL]
    if not ranked:
        return None
    # A meeting sits at the level of its junior principal: a foreign minister's courtesy call on
    # a president is a ministerial engagement, a summit needs leaders on both sides. An
    # ambassador speaks for a government, so does not lower a minister's meeting.
    return min(ranked, key=lambda lv: _LEVEL_RANK[lv])


def _participants(
    page: _Page, lead: str, sentence: str, home: str | None, notes: _Notes
) -> list[_Person]:
    """The principals named in the lead's first sentence, one per country unless the meeting
    is multilateral; an unnamed "the Prime Minister" takes the name the page gives elsewhere
    ("The Rt Hon ... MP" on No.10 pages)."""
    if page.japanese and re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", lead):
        first = re.split(r"。", lead)[0]
        people = _people_in_japanese_lead(first)
    else:
        people = _people_in_lead(sentence)
        if not people and sentence != lead:
            people = _people_in_lead(lead)
        for m in _UNNAMED_RE.finditer(sentence):
            if len(people) >= 2:
                break
            title = _squash(m["title"])
            named = _rt_hon_name(page.text)
            country = home if home in ("GB", "US") else None
            if named:
                notes.warn(f"the {title} is not named in the lead; took {named.name} from the page")
                people.insert(0, _Person.of(named, title, country))
            else:
                notes.gap(f"participant: the {title} is not named; add the name", "participants")
    kept: list[_Person] = []
    seen_countries: set[str] = set()
    multilateral = _kind(sentence or lead) is Kind.MULTILATERAL
    for person in people:
        if any(_same_person(person, other) for other in kept):
            continue
        if not multilateral and person.country and person.country in seen_countries:
            continue
        if person.country:
            seen_countries.add(person.country)
        kept.append(person)
    return kept if multilateral else kept[:2]


def _infer_countries(people: Sequence[_Person], home: str | None, notes: _Notes) -> None:
    """Give a country to a principal whose title names none, where the page makes it plain:
    a name written SURNAME-first is MOFA's way of writing a Japanese name; otherwise one
    unplaced principal on a page from one side is that side's."""
    taken = {p.country for p in people if p.country}
    for person in people:
        if person.country:
            continue
        guess = None
        why = ""
        if person.surname_first and home in (None, "JP") and "JP" not in taken:
            guess, why = "JP", "the name is written surname first, MOFA's style for Japanese names"
        elif home and home not in taken and sum(p.country is None for p in people) == 1:
            guess, why = home, "the page is published by that side"
        if guess:
            person.country = guess
            taken.add(guess)
            notes.warn(f"participant {person.name}: country taken as {guess} ({why})")


def _rt_hon_name(text: str) -> _Name | None:
    m = re.search(r"\bRt\.?\s+Hon\.?\s+((?:[A-Z][\w'’-]+\s+){1,3}?[A-Z][\w'’-]+)\s+MP\b", text)
    return _clean_name(m[1]) if m else None


def _same_person(a: _Person, b: _Person) -> bool:
    return _fold(a.name) == _fold(b.name) or (
        bool(a.surname) and _fold(a.surname) == _fold(b.surname) and a.country == b.country
    )


def _fold(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode() or text
    return plain.casefold().strip()


_TITLE_BEFORE_NAME = (
    r"\b(?:Minister|President|Secretary|Chancellor|Speaker|Representative|Ambassador|Chairman)\s+"
)


def _refine_surnames(people: Sequence[_Person], body: str, notes: _Notes) -> None:
    """Check each surname against how the body names the person after a title.

    Where capitals do not mark the surname, the word the body puts after a title is the surname
    ("Minister Klimkin"). Where the lead's spelling never recurs in the body but one close to it
    does, repeatedly, the lead is taken to be misspelt and the body's spelling wins.
    """
    for person in people:
        if re.fullmatch(r"[\u4e00-\u9fff々]+", person.name):
            # A name in kanji has no spaces; the body's "林大臣" shows where the surname ends.
            for size in (3, 2, 1):
                prefix = person.name[:size]
                if re.search(
                    rf"{prefix}(?:内閣総理大臣|総理大臣|総理|大臣|外相|副大臣|政務官|議長)", body
                ):
                    person.surname = prefix
                    break
        elif not person.surname_known:
            for token in [t for t in person.name.split() if len(t) > 1]:
                if re.search(rf"{_TITLE_BEFORE_NAME}{re.escape(token)}\b(?!\s+[A-Z])", body):
                    person.surname = token
                    break
        elif person.surname.isascii() and not re.search(rf"\b{re.escape(person.surname)}\b", body):
            spellings = re.findall(rf"{_TITLE_BEFORE_NAME}([A-Z][a-z-]+)", body)
            close = [
                w for w in spellings if w != person.surname and fuzz.ratio(w, person.surname) >= 80
            ]
            if close and close.count(close[0]) >= 2:
                notes.warn(
                    f"the lead spells {person.surname}, the body {close[0]}; used {close[0]}"
                )
                person.name = re.sub(rf"\b{re.escape(person.surname)}\b", close[0], person.name)
                person.surname = close[0]
        if person.surname:
            person.aliases.add(person.surname)


def _participant_tables(people: Sequence[_Person], notes: _Notes) -> list[dict[str, Any]]:
    tables: list[dict[str, Any]] = []
    for number, person in enumerate(people, start=1):
        table: dict[str, Any] = {"name": person.name}
        if person.title:
            table["title"] = person.title
        else:
            notes.gap(f"participant {number}: title unknown", f"participants.{number}")
        if person.country:
            table["country"] = person.country
        else:
            notes.gap(f"participant {number}: country unknown", f"participants.{number}")
        if re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", person.name) and not person.resolved:
            notes.gap(
                f"participant {number}: name given only in Japanese script ({person.name}); "
                "write it in Latin letters",
                f"participants.{number}",
            )
        tables.append({k: table[k] for k in SECTION_FIELD_ORDER["participants"] if k in table})
    return tables


def _place(lead: str, kind: Kind | None, japanese: bool) -> tuple[str | None, str | None]:
    """The venue named in the lead and its zone (a country stands for its capital's zone)."""
    if kind in (Kind.TELEPHONE_TALK, Kind.VIDEO_CONFERENCE):
        return None, None
    text = unicodedata.normalize("NFC", lead)
    for m in _PLACE_RE.finditer(text):
        before = text[max(0, m.start() - 40) : m.start()]
        if re.search(
            r"\b(?:in|at|to|visiting|visit\s+to|held\s+in|venue)\s+(?:the\s+)?$", before, re.I
        ):
            place = m.group().strip()
            return place, _PLACE_ZONES[m["place"]]
    for m in _COUNTRY_RE.finditer(text):
        before = text[max(0, m.start() - 40) : m.start()]
        if re.search(r"\b(?:in|visiting|visit\s+to|trip\s+to|while\s+in)\s+$", before, re.I):
            code = _country_code(m.group())
            if code and code in _CAPITAL_ZONES:
                return m.group(), _CAPITAL_ZONES[code]
    if japanese:
        for name, english in _JA_PLACES.items():
            if re.search(rf"{name}(?:を訪問|訪問中|で|において|に於いて)", text):
                return english, _PLACE_ZONES[english]
        visited = re.search(rf"({_JA_COUNTRY_RE.pattern})(?:を訪問|訪問中)", text)
        if visited:
            code = _JA_COUNTRIES[visited[1]]
            return _COUNTRY_DISPLAY.get(code, visited[1]), _CAPITAL_ZONES.get(code)
    return None, None


def _time(
    data: dict[str, Any],
    lead: str,
    date: dt.date | None,
    place_zone: str | None,
    home: str | None,
    japanese: bool,
    notes: _Notes,
) -> None:
    """`time` and `timezone` from the lead: local time in the zone of the place, a time marked
    JST (or a bare time on a Japanese page) in Asia/Tokyo; a stated JST is checked."""
    times = _find_times(lead, notes)
    if not times:
        relative = re.search(
            r"\b(?:this|that|yesterday|tomorrow)\s+(?:morning|afternoon|evening)|\btoday\b|\btonight\b",
            lead,
            re.I,
        )
        said = f" (the text says only {relative.group()!r})" if relative else ""
        notes.gap(f"no time found{said}", "time")
        return
    main = next((t for t in times if t.tag != "jst"), times[0])
    stated_jst = next((t for t in times if t.tag == "jst" and t is not main), None)
    if main.tag == "jst":
        data["time"], data["timezone"] = main.value, JST
    elif main.tag == "local":
        if place_zone:
            data["time"], data["timezone"] = main.value, place_zone
        elif stated_jst:
            data["time"], data["timezone"] = stated_jst.value, JST
            notes.gap(
                f"time: {main.text} local time, but the place is not named; "
                f"recorded the stated Japan time {stated_jst.text}",
                "time",
            )
            stated_jst = None
        else:
            notes.gap(f"time: {main.text} local time, but the place is unknown", "time")
            return
    else:
        publishers_zone = {"GB": "Europe/London", "US": "America/New_York"}
        tz = JST if japanese else publishers_zone.get(home or "", JST)
        data["time"], data["timezone"] = main.value, tz
    starts = [t for t in times if t.tag != "jst"]
    if len(starts) > 1:
        notes.gap(
            f"the lead gives a second start time ({starts[1].text}); `time` is the first", "time"
        )
    if stated_jst and date:
        _check_jst(data, date, stated_jst, notes)


def _check_jst(data: dict[str, Any], date: dt.date, stated: _TimeFound, notes: _Notes) -> None:
    tz, tokyo = zone(data["timezone"]), zone(JST)
    if tz is None or tokyo is None:
        return
    local = dt.datetime.combine(date, data["time"], tzinfo=tz)
    computed = local.astimezone(tokyo)
    mismatch = computed.time().replace(second=0) != stated.value
    if stated.date_hint and stated.date_hint.day != computed.day:
        mismatch = True
    elif stated.same_day and computed.date() != date:
        mismatch = True
    if mismatch:
        notes.warn(
            f"stated JST {stated.value:%H:%M} does not match {data['time']:%H:%M} "
            f"{data['timezone']} (= {computed:%H:%M} JST)"
        )


def _duration(data: dict[str, Any], lead: str, notes: _Notes) -> None:
    durations = _find_durations(lead)
    if not durations:
        notes.gap("no duration found", "duration_minutes")
        return
    totals = [d for d in durations if d[2]]
    data["duration_minutes"] = (totals or durations)[0][1]
    if not totals and len({d[1] for d in durations}) > 1:
        said = ", ".join(str(d[1]) for d in durations)
        notes.gap(
            f"the lead gives several durations ({said} minutes); `duration_minutes` is the first",
            "duration_minutes",
        )


# --------------------------------------------------------------------------------------------
# Points


def _points(page: _Page, lead_index: int | None, lead: str, notes: _Notes) -> list[str]:
    """The numbered items after the lead, sub-items folded in; prose paragraphs otherwise."""
    if lead_index is None:
        notes.gap("no lead paragraph found, so no points were taken", "points")
        return []
    lead_para = page.paras[lead_index]
    body: list[_Para] = []
    start = lead_index if lead_para.number == 1 else lead_index + 1
    rest = page.paras[start:]
    for index, para in enumerate(rest):
        if _END_RE.match(para.whole):
            break
        is_item = para.number is not None or para.sub is not None
        if not is_item and (_is_furniture(para.whole) or _OVERVIEW_RE.match(para.whole)):
            continue
        if _is_date_line(para.whole) or (para is not lead_para and para.text == lead_para.text):
            continue
        if body and _is_next_event(para):
            more = sum(_is_next_event(p) for p in rest[index + 1 :])
            notes.gap(
                "the page holds more than one event; only the first was imported "
                f"(next: {_excerpt(para.text)}" + (f", and {more} more)" if more else ")"),
                None,
            )
            break
        body.append(para)
    numbered = [p for p in body if p.number is not None]
    if numbered:
        return _numbered_points(body, notes)
    subs = [p for p in body if p.sub is not None or p.bullet]
    if subs:
        points = [p.text for p in body if p.sub is not None or p.bullet]
        loose = [p for p in body if p.sub is None and not p.bullet]
        if loose:
            notes.gap(
                f"{len(loose)} unnumbered paragraph(s) beside the list were left out of points",
                "points",
            )
        return points
    prose = [p.text for p in body]
    if prose:
        notes.gap(
            "the page does not number its points: each paragraph after the lead became one "
            "point; check them",
            "points",
        )
        return prose
    sentences = _sentences(lead)
    if len(sentences) > 1:
        notes.gap(
            "the readout is one paragraph: everything after its first sentence became point 1",
            "points",
        )
        return [" ".join(sentences[1:])]
    notes.gap("no points found", "points")
    return []


def _is_next_event(para: _Para) -> bool:
    """An unnumbered paragraph that opens another event ("On the same day, ... hosted ...")."""
    return (
        para.number is None
        and para.sub is None
        and bool(_NEXT_EVENT_RE.match(para.text) and _LEAD_VERB_RE.search(para.text))
    )


def _numbered_points(body: Sequence[_Para], notes: _Notes) -> list[str]:
    """Top-level items in order; sub-items, nested lists that restart at 1 (deeper indented,
    or out of the top-level sequence) and continuation paragraphs fold into their parent."""
    points: list[list[str]] = []
    top_indent: int | None = None
    expected = 1
    child_expected: int | None = None
    skipped: list[str] = []
    for para in body:
        if para.number is not None:
            if top_indent is None:
                top_indent = para.indent
            deeper = para.indent > (top_indent or 0)
            is_child_next = child_expected is not None and para.number == child_expected
            is_top_next = para.number == expected or (not points and para.number == 1)
            if points and (
                (para.number == 1 and para.number != expected)
                or (is_child_next and (deeper or not is_top_next))
            ):
                points[-1].append(para.whole)
                child_expected = para.number + 1
                continue
            if is_top_next or not points:
                points.append([para.text])
                expected = para.number + 1
                child_expected = None
                continue
            points[-1].append(para.whole)
            continue
        if points:
            points[-1].append(para.whole)
        else:
            skipped.append(para.text)
    for text in skipped:
        notes.gap(
            f"an unnumbered paragraph before point 1 is not in points: {_excerpt(text)}", "points"
        )
    return [_squash(" ".join(parts)) for parts in points]


def _excerpt(text: str, size: int = 70) -> str:
    text = _squash(text)
    return f"'{text[:size]}…'" if len(text) > size else f"'{text}'"


# --------------------------------------------------------------------------------------------
# Condolences


_ROLE_MENTION_RE = re.compile(
    r"\b[Tt]he\s+(?P<role>Prime\s+Minister|President|Secretary(?:\s+of\s+State)?|Foreign\s+Minister"
    r"|Foreign\s+Secretary|Chancellor|Minister|Speaker)\b(?!\s+(?:of\s+)?[A-Z])"
)


def _mentions(text: str, people: Sequence[_Person]) -> list[tuple[int, _Person | None]]:
    """Who is named where in `text`: participants by any alias or by their role ("the
    Secretary": the first principal holding it, the publisher's side coming first), and
    he/she pronouns (None)."""
    found: list[tuple[int, _Person | None]] = []
    for m in _ROLE_MENTION_RE.finditer(text):
        role = _squash(m["role"]).lower()
        holder = next(
            (
                p
                for p in people
                if role in (p.title or "").lower() or role == _short_role(p.title).lower()
            ),
            None,
        )
        if holder is not None:
            found.append((m.start(), holder))
    for m in re.finditer(r"[^\W\d_][\w'’-]*|[\u30a0-\u30ff\u4e00-\u9fff]+", text):
        word = re.sub(r"['’]s$", "", m.group())
        if word in ("he", "He", "she", "She"):
            found.append((m.start(), None))
            continue
        for person in people:
            if _alias_match(word, person):
                found.append((m.start(), person))
                break
    return sorted(found, key=lambda mention: mention[0])


def _alias_match(word: str, person: _Person) -> bool:
    if not word[:1].isupper() and word.isascii():
        return False
    folded = _fold(word)
    for alias in person.aliases:
        target = _fold(alias)
        if not target:
            continue
        if folded == target:
            return True
        if word.isascii() and len(target) >= 4 and len(folded) >= 4:
            if (folded.startswith(target) or target.startswith(folded)) and abs(
                len(folded) - len(target)
            ) <= 2:
                return True
        if not word.isascii() and target in folded:
            return True
    return False


def _country_subject(text: str, people: Sequence[_Person]) -> _Person | None:
    """'Japan expressed...' stands for that side's principal."""
    found = _first_country(text)
    if found:
        for person in people:
            if person.country == found[0]:
                return person
    return None


def _condolences(
    points: Sequence[str], people: Sequence[_Person], lead_subject: _Person | None, notes: _Notes
) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    for number, point in enumerate(points, start=1):
        previous = lead_subject  # whom a "he" or "she" opening the point refers to
        for sentence in _sentences(point):
            mentions = _mentions(sentence, people)
            offset = 0
            for segment in (
                _SEGMENT_SPLIT_RE.split(sentence) if _CONDOLENCE_RE.search(sentence) else []
            ):
                seg_start = sentence.find(segment, offset)
                offset = seg_start + len(segment)
                keyword = _CONDOLENCE_RE.search(segment)
                if not keyword:
                    continue
                position = seg_start + keyword.start()
                speaker = _speaker(mentions, position, sentence, people, previous)
                item = _condolence(segment, keyword, speaker, people, number)
                index = len(items) + 1
                where = f"condolence {index} (point {number})"
                if speaker is None:
                    notes.gap(f"{where}: who expressed it is unclear", f"condolences.{index}")
                if item.pop("_to_unclear", False):
                    notes.gap(f"{where}: to whom is unclear", f"condolences.{index}")
                if item.pop("_about_unclear", False):
                    notes.gap(f"{where}: shorten `about` to the event", f"condolences.{index}")
                items.append(item)
            named = [p for _, p in mentions if p is not None]
            if named:
                previous = named[0]
    return items


def _speaker(
    mentions: Sequence[tuple[int, _Person | None]],
    position: int,
    sentence: str,
    people: Sequence[_Person],
    previous: _Person | None,
) -> _Person | None:
    """Who says what stands at `position`: the nearest person named before it; a pronoun
    stands for the person named before the pronoun, or for `previous`."""
    before = [person for at, person in mentions if at < position]
    if before:
        if before[-1] is not None:
            return before[-1]
        named = [p for p in before if p is not None]
        return named[-1] if named else previous
    return _country_subject(sentence[:position], people)


def _condolence(
    segment: str,
    keyword: re.Match[str],
    speaker: _Person | None,
    people: Sequence[_Person],
    number: int,
) -> dict[str, Any]:
    """One condolence: `by` the speaker, `to` a country or the group named (else the other
    side), `about` the event, short. Keys it cannot fill are left out."""
    after = segment[keyword.end() :]
    item: dict[str, Any] = {"by": speaker.name} if speaker else {}
    to: str | None = None
    group_about: str | None = None
    addressed = re.search(
        r"\b(?:to|with)\s+(?P<x>[^,;.]+?)(?=\s+(?:for|over|on|who|which|that|in\s+connection|"
        r"regarding|concerning|caused|affected|after|following)\b|[,;.]|$)",
        after,
    )
    reason = re.search(
        r"\b(?:for|over|on|regarding|concerning|about|in\s+connection\s+with|by|after|following)\s+"
        r"(?P<x>[^;.]+?)(?=\s*(?:[,;]|\.(?:\s|$)|$)|\s+and\s+(?:[A-Z]|he\b|she\b|expressed|"
        r"stated|condemned|conveyed))",
        after,
    )
    direct = re.match(
        r"\w*\s+(?P<x>(?:all\s+)?(?:the\s+)?(?:victims?|famil(?:y|ies)|bereaved)\b[^,;.]*)", after
    )  # "mourns the victims of ..."
    for found in (direct, addressed, reason):
        if found is None or to is not None:
            continue
        text = found["x"].strip()
        code = _to_country(text) if found is addressed else None
        if code and not _GROUP_RE.search(text.split(" of ")[0]):
            to = code
        elif _GROUP_RE.match(re.sub(r"^(?:all\s+)?the\s+", "", text)) or (
            found is not reason and _GROUP_RE.search(text)
        ):
            to = _group(text)
            inner = re.search(r"\bof\s+([^,;.]+)", after[found.start("x") :])
            group_about = inner[1] if inner else None
    about_text = group_about
    if about_text is None:
        victim = re.search(r"\b(?:fell\s+victim\s+to|caused\s+by)\s+(?P<x>[^,;.]+)", segment)
        about_text = victim["x"] if victim else None
    if about_text is None and reason and not _GROUP_RE.match(re.sub(r"^the\s+", "", reason["x"])):
        about_text = reason["x"]
    if about_text is None:
        condemned = re.search(
            r"\bcondemned\s+(?P<x>.+?)\s+and\s+(?:expressed|offered|conveyed)", segment
        )
        about_text = condemned["x"] if condemned else None
    if about_text is None:
        japanese = re.search(
            r"(?P<x>[^、。]{2,40}?)(?:に対する|に対し|への)[^、。]{0,6}?(?:お見舞い|哀悼|お悔やみ|弔意)",
            segment,
        )
        event = _EVENT_RE.search(segment)
        about_text = japanese["x"] if japanese else event.group() if event else None
    if to is None and speaker is not None:
        others = [p for p in people if p.country and p.country != speaker.country]
        to = others[0].country if others else None
    if to is None:
        item["_to_unclear"] = True
    else:
        item["to"] = to
    if about_text:
        item["about"] = _short_about(about_text)
    else:
        item["about"] = _trim(segment, 120)
        item["_about_unclear"] = True
    item["point"] = number
    return item


def _to_country(text: str) -> str | None:
    m = re.search(
        r"\bpeople\s+of\s+(?:the\s+)?(.+)$|\bgovernment\s+(?:and\s+people\s+)?of\s+(.+)$",
        text,
        re.I,
    )
    if m:
        return _country_code(m[1] or m[2] or "")
    code = _country_code(text)
    if code:
        return code
    found = _first_country(text)
    if found and re.search(r"\bpeople\b|\bnation\b|\bcitizens\b|\bgovernment\b", text, re.I):
        return found[0] or None
    return None


def _group(text: str) -> str:
    text = re.sub(r"^(?:all\s+)?(?:the\s+)?", "", text.strip(), flags=re.I)
    text = re.split(r"\s+(?:who|that|which)\s+", text)[0]
    return _trim(text, 80)


def _short_about(text: str) -> str:
    text = _squash(text).strip(" ,;.")
    previous = None
    while previous != text:
        previous = text
        text = re.sub(
            r"^(?:the\s+)?(?:damage|loss\s+of\s+(?:life|lives)|losses|casualties|victims|lives\s+lost|"
            r"human\s+and\s+material\s+damage)\s+(?:caused\s+by|from|of|in|due\s+to)\s+",
            "",
            text,
            flags=re.I,
        )
        text = re.sub(r"^(?:the|a|an|recent|latest)\s+", "", text, flags=re.I)
    for cut in (" during ", " that ", " which ", " who ", " as well as "):
        head = text.split(cut)[0]
        if len(head.split()) >= 3:
            text = head
    return _trim(text, 100) or "?"


def _trim(text: str, size: int) -> str:
    text = _squash(text)
    if len(text) <= size:
        return text
    return text[:size].rsplit(" ", 1)[0]


# --------------------------------------------------------------------------------------------
# Aid


def _aid(
    points: Sequence[str],
    lead: str,
    people: Sequence[_Person],
    notes: _Notes,
    year: int | None = None,
) -> list[dict[str, Any]]:
    """Aid items: every amount said in an aid context, and aid named without an amount.

    The lead counts for amounts only (a signing's loan); its items have no point.
    """
    items: list[dict[str, Any]] = []
    sources: list[tuple[int | None, str]] = [(None, lead), *enumerate(points, start=1)]
    for number, text in sources:
        previous: _Person | None = None
        for sentence in _sentences(text):
            named = [p for _, p in _mentions(sentence, people) if p is not None]
            pronoun = re.match(r"\W*(?:He|She)\b", sentence)
            speaker = named[0] if named else (previous if pronoun else None)
            previous = speaker
            norm = unicodedata.normalize("NFKC", sentence)
            amounts = _find_amounts(norm, notes)
            if amounts and _AID_CONTEXT_RE.search(norm):
                for i, amount in enumerate(amounts):
                    lo = amounts[i - 1].end if i else 0
                    hi = amounts[i + 1].start if i + 1 < len(amounts) else len(norm)
                    found = _Found(norm, norm[lo:hi], amount.start - lo, amount, len(amounts) == 1)
                    items.extend(_aid_item(found, speaker, people, number, year))
                continue
            if number is None or not _AID_NOUN_RE.search(sentence):
                continue
            parts = _including_parts(sentence)
            for part in parts or [sentence]:
                noun = _AID_NOUN_RE.search(part) or _CATEGORY_HINT_RE.search(part)
                if noun:
                    found = _Found(sentence, part, noun.start(), None, not parts, whole=bool(parts))
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
    amount: _Amount | None
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


def _aid_item(
    found: _Found,
    speaker: _Person | None,
    people: Sequence[_Person],
    number: int | None,
    year: int | None = None,
) -> list[dict[str, Any]]:
    """The aid item `found` describes, as a table (none when no donor can be told)."""
    sentence, part = found.sentence, found.part
    donor = _donor(sentence, people) or (speaker.country if speaker else None)
    if donor is None:
        return []
    recipient = _recipient(sentence, donor, people)
    category = _nearest_category(part, found.at)
    if category is None and found.alone:
        category = _nearest_category(sentence, sentence.find(part) + found.at)
    category = category or Category.OTHER
    what: str | None
    if found.whole:
        what = _trim(re.sub(r"^(?:the|a|an)\s+", "", _squash(part)), 120)
    else:
        what = _what(part, found.amount)
    if not what:
        what = "contribution" if re.search(r"contribut|拠出", part, re.I) else "assistance"
        if category is not Category.OTHER and what == "assistance":
            what = f"{category.value} assistance"
    status = _status(part) or _status(sentence) or Status.ANNOUNCED
    if speaker and speaker.country and speaker.country != donor and _MENTIONED_RE.search(sentence):
        status = Status.MENTIONED  # the recipient thanking for aid refers to it, no more
    channel = _channel(part) or (_channel(sentence) if found.alone and not found.whole else None)
    item: dict[str, Any] = {"donor": donor, "recipient": recipient, "what": what}
    item["category"] = category.value
    if found.amount:
        item["amount"], item["currency"] = found.amount.amount, found.amount.currency
    item["status"] = status.value
    # A stated running total is never added to the items it sums up; a raise or top-up is a
    # new statement of an earlier commitment, so it gets a package to share with that one.
    from .ledger import revises_a_commitment, running_total_words, suggested_package

    where = found.part if found.amount else sentence
    if found.amount and running_total_words(where):
        item["scope"] = "cumulative"
        item["package"] = suggested_package(donor, recipient, "total-support")
    elif revises_a_commitment(where):
        item["package"] = suggested_package(donor, recipient, category.value, year)
    item["channel"] = channel
    item["point"] = number
    return [{k: item[k] for k in SECTION_FIELD_ORDER["aid"] if item.get(k) is not None}]


def _nearest_category(text: str, at: int) -> Category | None:
    """The category whose keyword stands nearest to position `at`."""
    best: tuple[int, Category] | None = None
    for category, pattern in _CATEGORY_RULES:
        for m in pattern.finditer(text):
            distance = min(abs(m.start() - at), abs(m.end() - at))
            if best is None or distance < best[0]:
                best = (distance, category)
    return best[1] if best else None


def _status(text: str) -> Status | None:
    if _PLEDGED_RE.search(text):
        return Status.PLEDGED
    if _DELIVERED_RE.search(text):
        return Status.DELIVERED
    if re.search(r"announc|decid|explain|inform|表明", text, re.I):
        return Status.ANNOUNCED
    if _MENTIONED_RE.search(text):
        return Status.MENTIONED
    return None


def _donor(sentence: str, people: Sequence[_Person]) -> str | None:
    names = _alternation(n for n in _COUNTRY_NAMES if not n.startswith("the "))
    patterns = [
        rf"(?P<c>{names})['’]s\s+(?:[\w-]+\s+){{0,3}}(?:assistance|aid|support|contributions?|grants?|loans?|provision)",
        rf"(?P<c>{names})\s+(?:(?:will|would|has|have|had|is|also|further|already|decided\s+to|intends\s+to|continues?\s+to|continue\s+to|plans\s+to)\s+)*"
        r"(?:provide|provided|extend|extended|contribute|contributed|deliver|delivered|disburse|disbursed|pledge|pledged|give|donate|donated|send|supply|allocate|handed)",
        rf"\b(?:by|from)\s+(?:the\s+)?(?:Government\s+of\s+|people\s+of\s+)?(?P<c>{names})\b",
        rf"(?:assistance|aid|support)\s+(?:that\s+)?(?P<c>{names})\s+(?:has|had|will|is)",
    ]
    for pattern in patterns:
        m = re.search(pattern, sentence)
        if m:
            return _country_code(m["c"])
    ja = re.search(rf"({_JA_COUNTRY_RE.pattern})(?:から|は|による)", sentence)
    if ja:
        return _JA_COUNTRIES[ja[1]]
    return None


def _recipient(sentence: str, donor: str, people: Sequence[_Person]) -> str | None:
    names = _alternation(_COUNTRY_NAMES)
    for pattern in (
        rf"\b(?:to|for|provide|provided|providing)\s+(?:the\s+(?:people|government)\s+of\s+)?(?P<c>{names})\b",
        rf"\bin\s+(?P<c>{names})\b",
        rf"\b(?P<c>{names})\s+with\b",
    ):
        for m in re.finditer(pattern, sentence):
            code = _country_code(m["c"])
            if code and code != donor:
                return code
    ja = re.search(rf"({_JA_COUNTRY_RE.pattern})(?:への|に対し|に対する|向け)", sentence)
    if ja and _JA_COUNTRIES[ja[1]] != donor:
        return _JA_COUNTRIES[ja[1]]
    others = [p.country for p in people if p.country and p.country != donor]
    return others[0] if others else None


def _channel(text: str) -> str | None:
    fund = _FUND_RE.search(text)
    if fund and fund["fund"]:
        return f"{fund['owner']} {_squash(fund['fund'])}"
    m = _CHANNEL_RE.search(text)
    if m:
        channel = _squash(m["channel"])
        if _AMOUNT_RE.search(channel) or len(channel.split()) > 8:
            return None
        return channel
    if fund and fund["named"]:
        return _squash(fund["named"])
    return None


_AMOUNT_LEAD_IN = (
    r"(?:\s+(?:of|from|to|worth|totall?ing|amounting\s+to|in\s+the\s+amount\s+of|"
    r"(?:a\s+)?total\s+(?:amount\s+)?of|(?:of\s+)?(?:a\s+)?total\s+(?:amount\s+)?of))*"
    r"(?:\s+(?:approximately|about|around|up\s+to|some|over|more\s+than|nearly|almost))?"
)


def _what(part: str, amount: _Amount | None) -> str | None:
    """What is given: the phrase after the amount ("$37 million for the repair of ..."), or the
    aid noun with its modifiers ("Emergency Humanitarian Assistance")."""
    text = _squash(part)
    if amount is not None:
        text = _JA_AMOUNT_RE.sub("@AMOUNT@", _AMOUNT_RE.sub("@AMOUNT@", text))
        japanese = re.search(
            r"@AMOUNT@の?(?P<x>[\u30a0-\u30ff\u4e00-\u9fff]*?(?:支援|協力|借款|供与|拠出))", text
        )
        if japanese:
            return japanese["x"]
        after = re.search(
            r"@AMOUNT@\s+(?P<prep>in|for|towards?|to\s+support)\s+(?:the\s+)?(?P<x>[^,;.]+?)"
            r"(?=\s+(?:through|via|by\s+way\s+of|so\s+far|in\s+total)\b|[,;.]|$)",
            text,
        )
        if after and (after["prep"] != "in" or _AID_NOUN_RE.search(after["x"])):
            return _trim(after["x"], 120)
        text = re.sub(_AMOUNT_LEAD_IN + r"\s*@AMOUNT@", " ", f" {text}").strip()
    noun = _AID_NOUN_RE.search(text) or _CATEGORY_HINT_RE.search(text)
    if noun is None:
        return None
    if not noun.group().isascii():
        phrase = re.search(r"[\u30a0-\u30ff\u4e00-\u9fff]*$", text[: noun.start()])
        return (phrase.group() if phrase else "") + noun.group()
    kept: list[str] = []
    for word in reversed(text[: noun.start()].split()[-4:]):
        if word.lower() in _WHAT_STOP or word.endswith(("'s", "’s")) or _country_code(word):
            break
        kept.insert(0, word)
    rest = re.split(
        r"\s+(?:through|via|by\s+way\s+of|which|that|as\s+well\s+as|in\s+order|so\s+far)\s+"
        r"|[,;.]\s|\.$|\s+and\s+(?=\w+ed\b|stated|said|will\b)",
        text[noun.start() :],
    )[0]
    what = _squash(" ".join([*kept, rest])).strip(" ,;.")
    what = re.sub(r"\s+(?:of|in|to|for|with|and|from)$", "", what)
    what = re.sub(r"^(?:the|a|an)\s+", "", what, flags=re.I)
    return _trim(what, 120) or None


# --------------------------------------------------------------------------------------------
# Rendering


def render_draft(draft: Draft) -> str:
    """TOML text for a draft: a header listing every gap and warning, then the fields, with each
    gap again beside its field (above a key, or under its table's header). It always parses;
    a draft without gaps is a valid record."""
    header = ["# Draft made by `readouts import`: check every field against the source."]
    if draft.data.get("source"):
        header.append(f"# Source: {_comment_text(str(draft.data['source']))}")
    header += [f"# TODO: {_comment_text(gap)}" for gap in draft.gaps]
    header += [f"# WARNING: {_comment_text(warning)}" for warning in draft.warnings]
    body = tomlio.dumps(draft.data) if draft.data else ""
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
    return "".join(
        c if c == "\t" or unicodedata.category(c)[0] != "C" else " " for c in _squash(text)
    )
