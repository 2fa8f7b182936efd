"""Participants: the people a lead names ("H.E. Mr. Volodymyr ZELENSKYY, President of Ukraine",
"Prime Minister Kishida", "山川一郎外務大臣"), their titles and countries, and the code that
fills `participants`: the principals, one per side unless the meeting is multilateral, with
surnames checked against how the body names them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz

from ..model import SECTION_FIELD_ORDER
from ..textfold import fold
from ..vocab import Kind
from .draft import Notes
from .honorifics import (
    HONORIFIC,
    PARTICLES,
    ROLE,
    TITLE_WORDS_RE,
    Name,
    clean_name,
    is_caps,
    is_name_token,
)
from .kinds import find_kind
from .page import Page
from .places import ADJECTIVE_RE, COUNTRY_ADJECTIVES, JA_COUNTRIES, JA_COUNTRY_RE, country_code
from .text import alternation, split_top, squash

# "<adjective> <title> <honorific> <Name> of <Country>", the parts but title and name optional:
# "Polish Foreign Minister Tomasz Kral", "President Volodymyr Zelenskyy of Ukraine".
_TITLED_NAME_RE = re.compile(
    rf"(?:(?P<adj>{alternation(COUNTRY_ADJECTIVES)})\s+)?(?P<title>{ROLE})\s+"
    rf"(?:{HONORIFIC}\s+)?(?P<name>(?:[A-Z]\.\s*)?[A-ZÀ-ÖØ-Þ][^\s,.;:()]*(?:\s+(?:[A-Z]\.|[A-ZÀ-ÖØ-Þ][^\s,.;:()]*|(?:{'|'.join(PARTICLES)})(?=\s+[A-Z]))){{0,4}})"
    rf"(?:\s+of\s+(?P<of>(?:the\s+)?[A-Z][^\s,.;:()]*(?:\s+(?:of\s+)?[A-Z][^\s,.;:()]*){{0,5}}))?"
)
# "<title> of <Country> <Name>", as Ukraine's presidency writes a lead: "President of Ukraine
# Volodymyr Zelenskyy", "Prime Minister of Japan Fumio Kishida", "Minister of Foreign Affairs
# of Ukraine Andrii Sybiha".
_TITLE_OF_NAME_RE = re.compile(
    rf"(?P<title>{ROLE})\s+of\s+(?:the\s+)?(?P<of>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+"
    rf"(?:{HONORIFIC}\s+)?(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{1,3}})"
)
# "his Japanese counterpart Takeshi Iwaya": the other side's holder of the same office.
_COUNTERPART_RE = re.compile(
    rf"\b(?:his|her|their)\s+(?P<adj>{alternation(COUNTRY_ADJECTIVES)})\s+(?:counterpart|colleague)"
    rf",?\s+(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{1,3}})"
)
# A news lead in plain words, the last fallback: "<title> <Name> met <Name>, <title>" ("Speaker
# of the House of Representatives Hosoda Hiroyuki met Ruslan Stefanchuk, Chairman of the
# Verkhovna Rada of Ukraine").
_NAME_WORD = r"[A-Z][a-z][\w'’-]*"
_PLAIN_LEAD_RE = re.compile(
    rf"^(?P<title_a>(?:[\w'’-]+\s+){{0,8}}?)(?P<a>{_NAME_WORD}\s+{_NAME_WORD})\s+"
    r"(?:met(?:\s+with)?|held\s+talks\s+with|spoke\s+(?:by\s+phone\s+)?with|"
    r"had\s+a\s+(?:phone|telephone)\s+(?:call|conversation|talk)\s+with)\s+"
    rf"(?P<b>{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,2}})(?:,\s+(?P<title_b>[^,;.]+?))?(?=[,;.]|\s+(?:in|on|at)\s|$)"
)
# A principal the lead names by office alone ("The Prime Minister spoke to ...").
_UNNAMED_RE = re.compile(
    r"\b[Tt]he\s+(?P<title>Prime\s+Minister|President|Foreign\s+Secretary|Secretary(?:\s+of\s+State)?|Chancellor)"
    r"\b(?!\s+(?:of\s+)?[A-Z])"
)


@dataclass
class Person:
    """A person the lead names: the name in the record's form, title and country as far as the
    lead gives them, the surname (for ids and for finding them again in the points), and the
    other names the page calls them by (`aliases`: surname, given name, katakana)."""

    name: str
    title: str | None = None
    country: str | None = None
    surname: str = ""
    aliases: set[str] = field(default_factory=set)
    resolved: bool = False
    surname_known: bool = False  # written in capitals, so no guess
    surname_first: bool = False  # "KAMIKAWA Yoko": how MOFA writes Japanese names
    written: str | None = None  # name and office as a Japanese lead writes them: "中谷防衛大臣"

    @classmethod
    def of(cls, name: Name, title: str | None = None, country: str | None = None) -> Person:
        """The person a cleaned name stands for."""
        return cls(
            name.name,
            title=title,
            country=country,
            surname=name.surname,
            surname_known=name.surname_known,
            surname_first=name.surname_first,
        )


def _looks_like_title(clause: str) -> bool:
    clause = clause.strip().rstrip(".")
    if not clause or len(clause.split()) > 16:
        return False
    if re.match(
        r"(?:during|while|when|held|paid|received|who|and|to|in|on|at|for|as|with)\b", clause
    ):
        return False
    return clause[0].isupper() and bool(TITLE_WORDS_RE.search(clause))


def split_title(title: str) -> tuple[str, str | None]:
    """("Minister for Foreign Affairs of Japan") -> ("Minister for Foreign Affairs", "JP")."""
    title = squash(title.strip().rstrip(".;:"))
    adjective = ADJECTIVE_RE.match(title)
    if adjective:
        rest = title[adjective.end() :].strip()
        if rest and TITLE_WORDS_RE.search(rest):
            return rest, country_code(adjective.group())
    for m in re.finditer(r"\s+(?:of|der|des|von|de)\s+", title):
        rest = title[m.end() :]
        code = country_code(rest)
        if code:
            return title[: m.start()].strip(), code
        posted = re.match(
            r"(?P<c>.+?)\s+(?P<post>(?:to|in|at)\s+.+)$", rest
        )  # "of Ukraine to Japan"
        if posted and country_code(posted["c"]):
            return f"{title[: m.start()].strip()} {posted['post']}", country_code(posted["c"])
    return title, None


def _name_at_end(clause: str) -> str | None:
    """The name closing a clause ("paid a courtesy call on H.E. Mr. Volodymyr ZELENSKYY")."""
    honorifics = list(re.finditer(rf"(?:(?<=\s)|^)(?:{HONORIFIC}\s*)+", clause))
    if honorifics:
        tail = clause[honorifics[-1].end() :].strip()
        if tail and len(tail.split()) <= 6 and clean_name(tail):
            return tail
    words = clause.split()
    tail_words: list[str] = []
    for word in reversed(words):
        if is_name_token(word.rstrip(".")) and not TITLE_WORDS_RE.search(word):
            tail_words.insert(0, word)
        else:
            break
    tail_words = tail_words[-5:]
    while tail_words and tail_words[0] in PARTICLES:
        tail_words.pop(0)
    if len(tail_words) >= 2 and any(is_caps(w) for w in tail_words):
        return " ".join(tail_words)
    return None


def find_people(sentence: str) -> list[Person]:
    """The people an English lead sentence names, in order, as "<honorific> <NAME>, <title>"
    ("H.E. Mr. Volodymyr ZELENSKYY, President of Ukraine") or "<title> <Name>" ("Secretary of
    State Dana Whitfield"), each with the title and country the sentence gives."""
    people = _title_of_country_people(sentence)
    if people:
        return people
    people = _found_people(sentence)
    return people or _plain_lead_people(sentence)


def _plain_lead_people(sentence: str) -> list[Person]:
    """The two people of a plain news lead ("A met B, <title>"), where nothing else found any."""
    m = _PLAIN_LEAD_RE.match(sentence.strip())
    if not m:
        return []
    people = []
    for name, title in ((m["a"], m["title_a"]), (m["b"], m["title_b"])):
        cleaned = clean_name(name)
        if cleaned is None:
            return []
        role, country = split_title(title) if title and title.strip() else (None, None)
        people.append(Person.of(cleaned, role or None, country))
    return people


def _found_people(sentence: str) -> list[Person]:
    people: list[Person] = []
    clauses = split_top(sentence)
    i = 0
    while i < len(clauses):
        clause = clauses[i]
        titled = [m for m in _TITLED_NAME_RE.finditer(clause) if clean_name(m["name"])]
        found = _name_at_end(clause)
        if found and not (titled and titled[-1].end() >= len(clause.rstrip(". "))):
            raw = found
            cleaned = clean_name(raw)
            title: str | None = None
            if i + 1 < len(clauses) and _looks_like_title(clauses[i + 1]):
                title = clauses[i + 1]
                i += 1
            before = clause[: clause.rfind(raw)]
            for m in titled:
                if m.end() <= len(before):
                    _add_titled(people, m)
            if cleaned:
                person = Person.of(cleaned)
                if title:
                    person.title, person.country = split_title(title)
                people.append(person)
        else:
            for m in titled:
                _add_titled(people, m)
        i += 1
    return people


def _title_of_country_people(sentence: str) -> list[Person]:
    """The people of a lead that names them "<title> of <Country> <Name>" (and the other side
    as "his Japanese counterpart <Name>"), in order; [] when the lead is not of that shape."""
    found: list[tuple[int, Person]] = []
    for m in _TITLE_OF_NAME_RE.finditer(sentence):
        country = country_code(m["of"])
        cleaned = clean_name(m["name"])
        if country and cleaned:
            title = squash(m["title"])
            found.append((m.start(), Person.of(cleaned, title, country)))
    if not found:
        return []
    for m in _COUNTERPART_RE.finditer(sentence):
        cleaned = clean_name(m["name"])
        if cleaned:
            same_office = found[0][1].title
            found.append((m.start(), Person.of(cleaned, same_office, country_code(m["adj"]))))
    return [person for _, person in sorted(found, key=lambda pair: pair[0])]


def _add_titled(people: list[Person], m: re.Match[str]) -> None:
    cleaned = clean_name(m["name"])
    if not cleaned:
        return
    title, country = split_title(m["title"])
    if m["adj"]:
        country = country_code(m["adj"])
    if m["of"]:
        country = country_code(m["of"]) or country
    people.append(Person.of(cleaned, title, country))


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
    # The short forms news pages use ("茂木外相", "木原防衛相", "岸田首相").
    "首相": "Prime Minister",
    "外相": "Minister for Foreign Affairs",
    "防衛相": "Minister of Defense",
}
# A Japanese official: name (or surname alone: "中谷防衛大臣", "岸防衛大臣") and title; or a
# surname and the bare "大臣" ("林大臣"), which must start a word, so that an office
# ("ウクライナ国防大臣") is not read as a name.
_JA_PERSON_RE = re.compile(
    rf"(?P<name>[\u4e00-\u9fff々]{{1,6}}?)\s*(?P<title>{alternation(_JA_TITLES)})"
    r"(?!会談|会合|電話|間)"  # "日宇外相会談" names a meeting, not a person
    r"|(?<![\u30a0-\u30ff\u4e00-\u9fff々])(?P<short>[\u4e00-\u9fff々]{1,3}?)大臣(?![\u4e00-\u9fff])"
)
# What stands before a title and is no name: "両外務大臣" (both), "前防衛大臣" (former).
# A country's one-kanji short form too: "英首相" is the British Prime Minister.
_NOT_JA_NAMES = frozenset(
    "同 両 各 前 元 新 現 副 国 本 日本 日本国 両国 当時 日 英 米 仏 独 露 中 韓 宇 伊 加 豪 印".split()
)
# Brackets, one level deep: "最高会議（国会）議長", "(H.E. Mr. ..., Chairperson of ... (Parliament))".
_BRACKETED = r"(?:[^（）()]|[（(][^（）()]*[）)])"
_JA_FOREIGN_RE = re.compile(
    rf"(?P<kana>[ァ-ヴー・=＝]+?)・?(?P<title>(?:駐日)?(?:{JA_COUNTRY_RE.pattern})?"
    r"(?:[\u4e00-\u9fff]|[（(][\u4e00-\u9fff]+[）)])*(?:大統領|首相|大臣|外相|長官|議長|大使))?"
    rf"\s*[（(](?P<english>{_BRACKETED}+)[）)]"
)
# A foreign official written only in katakana, with country and office: "ボンダレンコ・ウクライナ
# 国防大臣", "ウクライナのボンダレンコ国防大臣".
_JA_FOREIGN_TITLES = {
    "大統領": "President",
    "首相": "Prime Minister",
    "外務大臣": "Minister for Foreign Affairs",
    "外相": "Minister for Foreign Affairs",
    "国防大臣": "Minister of Defence",
    "国防相": "Minister of Defence",
    "大使": "Ambassador",
}
_KANA_NAME = r"[ァ-ヴー]{2,}(?:・[ァ-ヴー]{2,})*?"
_JA_KANA_PERSON_RE = re.compile(
    rf"(?P<kana>{_KANA_NAME})・(?P<country>{JA_COUNTRY_RE.pattern})"
    rf"(?P<title>{alternation(_JA_FOREIGN_TITLES)})(?!\s*[（(])"
    rf"|(?P<country2>{JA_COUNTRY_RE.pattern})の(?P<kana2>{_KANA_NAME})"
    rf"(?P<title2>{alternation(_JA_FOREIGN_TITLES)})(?!\s*[（(])"
)


def find_people_japanese(lead: str) -> list[Person]:
    """The people a Japanese lead names: Japanese officials by name and title (山川一郎外務大臣,
    or by surname and title alone, 山川防衛大臣; first), foreigners by the English name in
    brackets after their katakana name, else by the katakana name, country and office."""
    people: list[Person] = []
    for m in _JA_FOREIGN_RE.finditer(lead):
        english = find_people(m["english"])
        if english:
            person = english[0]
            kana = [k for k in m["kana"].split("・") if k and k not in JA_COUNTRIES]
            if kana:
                person.aliases.add(kana[-1])
            if person.country is None:
                country = JA_COUNTRY_RE.search(m["kana"] + (m["title"] or ""))
                person.country = JA_COUNTRIES[country.group()] if country else None
            people.append(person)
    for m in _JA_KANA_PERSON_RE.finditer(lead):
        written = m["kana"] or m["kana2"]
        surname = written.split("・")[-1]
        if any(surname in p.aliases for p in people):
            continue
        office = m["title"] or m["title2"]
        code = JA_COUNTRIES[m["country"] or m["country2"]]
        person = Person(
            written, _JA_FOREIGN_TITLES[office], code, surname, written=surname + office
        )
        person.aliases.add(surname)
        people.append(person)
    for m in _JA_PERSON_RE.finditer(lead):
        name = m["name"] or m["short"]
        if name in _NOT_JA_NAMES or any(name in p.aliases or name == p.name for p in people):
            continue
        title = _JA_TITLES[m["title"]] if m["title"] else "Minister"
        person = Person(name, title=title, country="JP", written=m.group())
        person.surname_known = True  # found in the body, if at all (refine_surnames)
        person.aliases.add(name)
        people.insert(0, person)
    return people


def find_principals(
    page: Page, lead: str, sentence: str, home: str | None, notes: Notes
) -> list[Person]:
    """The principals named in the lead's first sentence, one per country unless the meeting
    is multilateral; an unnamed "the Prime Minister" takes the name the page gives elsewhere
    ("The Rt Hon ... MP" on No.10 pages)."""
    if page.japanese and re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", lead):
        first = re.split(r"。", lead)[0]
        people = find_people_japanese(first)
    else:
        people = find_people(sentence)
        if not people and sentence != lead:
            people = find_people(lead)
        for m in _UNNAMED_RE.finditer(sentence):
            if len(people) >= 2:
                break
            title = squash(m["title"])
            named = _rt_hon_name(page.text)
            country = home if home in ("GB", "US") else None
            if named:
                notes.warn(f"the {title} is not named in the lead; took {named.name} from the page")
                people.insert(0, Person.of(named, title, country))
            else:
                notes.gap(f"participant: the {title} is not named; add the name", "participants")
    kept: list[Person] = []
    seen_countries: set[str] = set()
    multilateral = find_kind(sentence or lead) is Kind.MULTILATERAL
    for person in people:
        if any(_same_person(person, other) for other in kept):
            continue
        if not multilateral and person.country and person.country in seen_countries:
            continue
        if person.country:
            seen_countries.add(person.country)
        kept.append(person)
    return kept if multilateral else kept[:2]


def infer_countries(people: Sequence[Person], home: str | None, notes: Notes) -> None:
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


def _rt_hon_name(text: str) -> Name | None:
    m = re.search(r"\bRt\.?\s+Hon\.?\s+((?:[A-Z][\w'’-]+\s+){1,3}?[A-Z][\w'’-]+)\s+MP\b", text)
    return clean_name(m[1]) if m else None


def _same_person(a: Person, b: Person) -> bool:
    return fold(a.name) == fold(b.name) or (
        bool(a.surname) and fold(a.surname) == fold(b.surname) and a.country == b.country
    )


_TITLE_BEFORE_NAME = (
    r"\b(?:Minister|President|Secretary|Chancellor|Speaker|Representative|Ambassador|Chairman)\s+"
)


def refine_surnames(people: Sequence[Person], body: str, notes: Notes) -> None:
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


def resolve_names(
    people: Sequence[Person], resolve_name: Callable[[str], str | None] | None
) -> None:
    """Give each person the aliases the points may call them by, and the registry's name
    for them where `resolve_name` knows it: by their name, or, for a Japanese official the
    lead names by surname and title, by that ("中谷防衛大臣"), by surname and "大臣", by the
    surname alone."""
    for person in people:
        person.aliases |= {t for t in (person.surname, *person.name.split()) if len(t) > 2}
        if resolve_name is None:
            continue
        resolved = next(filter(None, map(resolve_name, _spellings(person))), None)
        if not resolved:
            continue
        written = person.surname or person.name
        person.name, person.resolved = resolved, True
        person.aliases |= {t for t in resolved.split() if len(t) > 2}
        japanese_unmarked = person.country == "JP" and not person.surname_known
        if resolved.isascii() and (not written.isascii() or japanese_unmarked):
            # A surname in Japanese script ("中谷", "ウメロフ"), or a Japanese name whose
            # order the page leaves open ("his Japanese counterpart Iwaya Takeshi"), takes
            # its surname from the registry's name, which keeps a Japanese name surname first
            # as kanji write it ("Nakatani Gen", id nakatani-gen) and others given name first
            # ("Rustem Umerov"): for the id and a composed title.
            words = resolved.split()
            person.surname = words[0] if person.country == "JP" else words[-1]
            person.surname_known = True


# The long form of a short title, as a registry may hold an official ("木原防衛大臣").
_JA_LONG_TITLES = {
    "外相": "外務大臣",
    "防衛相": "防衛大臣",
    "首相": "総理大臣",
    "国防相": "国防大臣",
}


def _spellings(person: Person) -> list[str]:
    spellings = [person.name]
    if person.written:
        surname = person.surname or person.name
        spellings.append(person.written)
        for short, long in _JA_LONG_TITLES.items():
            if person.written.endswith(short):
                spellings.append(person.written[: -len(short)] + long)
        if person.country == "JP":
            spellings.append(f"{surname}大臣")
        spellings.append(surname)
    return list(dict.fromkeys(spellings))


def settle_sides(
    people: list[Person], home: str | None, page_text: str, notes: Notes
) -> str | None:
    """Fill in the countries the page makes plain (`infer_countries`), put the home side
    first, and return it: the publisher's side, else Japan's, else the first principal's."""
    japan_page = bool(re.search(r"\bJapan(?:ese)?\b|日本", page_text))
    infer_countries(people, home or ("JP" if japan_page else None), notes)
    if home is None:
        home = "JP" if any(p.country == "JP" for p in people) else None
    if home is None:
        home = next((p.country for p in people if p.country), None)
    if home:
        people.sort(key=lambda p: p.country != home)
    return home


def fill_participants(data: dict[str, Any], people: Sequence[Person], notes: Notes) -> None:
    """`participants`: one table a person (`participant_tables`), and a gap when the lead
    names fewer than two."""
    tables = participant_tables(people, notes)
    if tables:
        data["participants"] = tables
    if not people:
        notes.gap("no participants found in the lead", "participants")
    elif len(people) == 1:
        notes.gap("only one participant found in the lead; add the other side", "participants")


def participant_tables(people: Sequence[Person], notes: Notes) -> list[dict[str, Any]]:
    """The `participants` field: one table a person, and a gap for each thing unknown."""
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


def id_surname(person: Person) -> str:
    """The surname for the id; a name resolved from kanji gives its surname by its capitals."""
    if person.surname.isascii() and person.surname:
        return person.surname
    cleaned = clean_name(person.name) if person.name.isascii() else None
    return cleaned.surname if cleaned else person.surname or person.name


def short_role(title: str | None) -> str:
    """A title as a composed title or a mention uses it: "Minister for Foreign Affairs" ->
    "Foreign Minister", "President of Ukraine" -> "President"."""
    if not title:
        return ""
    lowered = title.lower()
    if "prime minister" in lowered and not re.search(r"deputy|vice", lowered):
        return "Prime Minister"
    junior = re.match(
        r"(?:state|deputy|vice|first\s+deputy|parliamentary\s+vice)[-\s]+minister", lowered
    )
    if junior:
        return squash(title[: junior.end()]).title()
    if re.search(r"foreign\s+affairs|foreign\s+minister", lowered):
        return "Foreign Minister"
    if lowered.startswith("president"):
        return "President"
    return re.split(r"\s+(?:of|for|to)\s+", title)[0]
