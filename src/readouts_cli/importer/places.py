"""Countries and places: the tables of names, adjectives and IANA zones a readout's lead is read
against, and finding the venue a lead names.

Names match case-sensitively. A country stands for its capital's zone when a lead names no city.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from typing import Any

from ..vocab import Kind
from .draft import Notes
from .text import alternation, excerpt

# code: names (official forms too) | adjectives and demonyms. Names match case-sensitively.
COUNTRY_TABLE = """
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

JA_COUNTRIES = {
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
PLACE_TABLE = """
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

CAPITAL_ZONES = {
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
JA_PLACES = {
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


COUNTRY_NAMES: dict[str, str] = {}
COUNTRY_ADJECTIVES: dict[str, str] = {}
COUNTRY_DISPLAY: dict[str, str] = {}  # code -> the name a record uses for the place
for _code, _names, _adjectives in _parse_table(COUNTRY_TABLE):
    COUNTRY_DISPLAY[_code] = _names[0]
    for _name in _names:
        COUNTRY_NAMES[_name] = _code
        if _name[0].isupper() and not _name.isupper():
            COUNTRY_NAMES["the " + _name] = _code
    for _adjective in _adjectives:
        COUNTRY_ADJECTIVES[_adjective] = _code

PLACE_ZONES: dict[str, str] = {}
for _, _names, _zones in _parse_table(PLACE_TABLE):
    for _name in _names:
        PLACE_ZONES[_name] = _zones[0]


COUNTRY_RE = re.compile(rf"(?<![\w.])(?:{alternation(COUNTRY_NAMES)})(?![\w'’])")
ADJECTIVE_RE = re.compile(rf"(?<![\w.])(?:{alternation(COUNTRY_ADJECTIVES)})(?![\w'’])")
PLACE_RE = re.compile(
    rf"(?<![\w.])(?P<place>{alternation(PLACE_ZONES)})(?![\w])"
    rf"(?:,\s*(?P<country>{alternation(n for n in COUNTRY_NAMES if not n.startswith('the '))})"
    rf"(?![\w]))?"
)
JA_COUNTRY_RE = re.compile(alternation(JA_COUNTRIES))


def country_code(text: str) -> str | None:
    """The code of a country named by `text` as a whole ("the French Republic", "Ukraine")."""
    text = text.strip().rstrip(".")
    code = COUNTRY_NAMES.get(text) or COUNTRY_ADJECTIVES.get(text)
    if code is None and text[:4].lower() == "the ":
        code = COUNTRY_NAMES.get(text[4:])
    return code


def first_country(text: str) -> tuple[str, int] | None:
    """The first country named or described in `text`, with its position."""
    found = [m for m in (COUNTRY_RE.search(text), ADJECTIVE_RE.search(text)) if m]
    if not found:
        return None
    first = min(found, key=lambda m: m.start())
    return country_code(first.group()) or "", first.start()


def find_place(lead: str, *, japanese: bool = False) -> tuple[str | None, str | None]:
    """The venue a lead names and its zone ("in Warsaw" -> ("Warsaw", "Europe/Warsaw"));
    a country stands for its capital's zone. (None, None) when the lead names none."""
    text = unicodedata.normalize("NFC", lead)
    for m in PLACE_RE.finditer(text):
        before = text[max(0, m.start() - 40) : m.start()]
        if re.search(
            r"\b(?:in|at|to|visiting|visit\s+to|held\s+in|venue)\s+(?:the\s+)?$", before, re.I
        ):
            place = m.group().strip()
            return place, PLACE_ZONES[m["place"]]
    for m in COUNTRY_RE.finditer(text):
        before = text[max(0, m.start() - 40) : m.start()]
        if re.search(r"\b(?:in|visiting|visit\s+to|trip\s+to|while\s+in)\s+$", before, re.I):
            code = country_code(m.group())
            if code and code in CAPITAL_ZONES:
                return m.group(), CAPITAL_ZONES[code]
    if japanese:
        for name, english in JA_PLACES.items():
            if re.search(rf"{name}(?:を訪問|訪問中|で|において|に於いて)", text):
                return english, PLACE_ZONES[english]
        visited = re.search(rf"({JA_COUNTRY_RE.pattern})(?:を訪問|訪問中)", text)
        if visited:
            code = JA_COUNTRIES[visited[1]]
            return COUNTRY_DISPLAY.get(code, visited[1]), CAPITAL_ZONES.get(code)
    return None, None


def fill_place(
    data: dict[str, Any],
    lead: str,
    kind: Kind | None,
    japanese: bool,
    notes: Notes,
    headline: Sequence[str] = (),
) -> str | None:
    """`place` from the lead, else from the `headline` (the lines above the lead: "...と会談
    （ブリュッセルで）"), and its zone for the time; a call or a video conference has no
    place, and asks for none."""
    if kind in (Kind.TELEPHONE_TALK, Kind.VIDEO_CONFERENCE):
        return None
    place, zone = find_place(lead, japanese=japanese)
    for line in headline if place is None else ():
        place, zone = find_place(line, japanese=japanese)
        if place:
            notes.warn(f"place {place} taken from the line above the lead: {excerpt(line)}")
            break
    if place:
        data["place"] = place
    elif kind is not None:
        notes.gap("place not stated in the lead", "place")
    return zone
