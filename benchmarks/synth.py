"""Synthetic corpora for the benchmark: valid records with the variety of real readouts.

Every record follows the format of README.md ("The record format"): dates from 2000 to 2025,
about 300 people from thirty countries (some with accented names), 2 to 8 numbered points,
condolences on about one record in twenty, aid on about one in eight, and the "Peace Formula"
tag on a small fraction of the records from late 2022 on, as in a corpus of every ministry's
readouts. The output is the same for the same size and seed.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

# (code, capital, IANA zone, given names, surnames); names are invented from common ones.
COUNTRIES = [
    (
        "JP",
        "Tokyo",
        "Asia/Tokyo",
        ["Yoko", "Fumio", "Taro", "Shinzō", "Yōhei", "Kenji", "Aiko"],
        ["Kamikawa", "Kishida", "Kōno", "Motegi", "Hayashi", "Iwaya", "Suzuki", "Ōta"],
    ),
    (
        "UA",
        "Kyiv",
        "Europe/Kyiv",
        ["Volodymyr", "Dmytro", "Andrii", "Olha", "Pavlo", "Iryna"],
        ["Zelenskyy", "Kuleba", "Sybiha", "Klimkin", "Stefanishyna", "Shmyhal", "Yermak"],
    ),
    (
        "US",
        "Washington",
        "America/New_York",
        ["Antony", "Hillary", "John", "Condoleezza", "Mike"],
        ["Blinken", "Clinton", "Kerry", "Rice", "Pompeo", "Powell", "Rubio"],
    ),
    (
        "GB",
        "London",
        "Europe/London",
        ["David", "James", "Liz", "Boris", "Dominic", "Grant"],
        ["Lammy", "Cleverly", "Truss", "Raab", "Hague", "Straw", "Miliband"],
    ),
    (
        "FR",
        "Paris",
        "Europe/Paris",
        ["Jean-Yves", "Stéphane", "Catherine", "Laurent", "Hélène"],
        ["Le Drian", "Séjourné", "Colonna", "Fabius", "Barrot", "Kouchner"],
    ),
    (
        "DE",
        "Berlin",
        "Europe/Berlin",
        ["Annalena", "Heiko", "Frank-Walter", "Sigmar", "Jürgen"],
        ["Baerbock", "Maas", "Steinmeier", "Gabriel", "Wadephul", "Müller"],
    ),
    (
        "IT",
        "Rome",
        "Europe/Rome",
        ["Antonio", "Luigi", "Paolo", "Federica", "Enzo"],
        ["Tajani", "Di Maio", "Gentiloni", "Mogherini", "Moavero"],
    ),
    (
        "PL",
        "Warsaw",
        "Europe/Warsaw",
        ["Radosław", "Zbigniew", "Jacek", "Witold", "Anna"],
        ["Sikorski", "Rau", "Czaputowicz", "Waszczykowski", "Fotyga"],
    ),
    (
        "TR",
        "Ankara",
        "Europe/Istanbul",
        ["Hakan", "Mevlüt", "Ahmet", "Ali", "Şule"],
        ["Fidan", "Çavuşoğlu", "Davutoğlu", "Babacan", "Yılmaz"],
    ),
    (
        "IN",
        "New Delhi",
        "Asia/Kolkata",
        ["Subrahmanyam", "Sushma", "Salman", "Pranab"],
        ["Jaishankar", "Swaraj", "Khurshid", "Mukherjee", "Krishna"],
    ),
    (
        "AU",
        "Canberra",
        "Australia/Sydney",
        ["Penny", "Marise", "Julie", "Bob", "Stephen"],
        ["Wong", "Payne", "Bishop", "Carr", "Smith"],
    ),
    (
        "CA",
        "Ottawa",
        "America/Toronto",
        ["Mélanie", "Chrystia", "François-Philippe", "Marc"],
        ["Joly", "Freeland", "Champagne", "Garneau", "Dion"],
    ),
    (
        "KR",
        "Seoul",
        "Asia/Seoul",
        ["Jin", "Eui-yong", "Kyung-wha", "Byung-se", "Tae-yul"],
        ["Park", "Chung", "Kang", "Yun", "Cho"],
    ),
    (
        "BR",
        "Brasília",
        "America/Sao_Paulo",
        ["Mauro", "Carlos", "Ernesto", "Aloysio", "Celso"],
        ["Vieira", "França", "Araújo", "Nunes", "Amorim"],
    ),
    (
        "ZA",
        "Pretoria",
        "Africa/Johannesburg",
        ["Naledi", "Lindiwe", "Maite", "Ronald"],
        ["Pandor", "Sisulu", "Nkoana-Mashabane", "Lamola", "Dlamini"],
    ),
    (
        "EG",
        "Cairo",
        "Africa/Cairo",
        ["Sameh", "Badr", "Nabil", "Ahmed", "Mohamed"],
        ["Shoukry", "Abdelatty", "Fahmy", "Aboul Gheit", "Kamel"],
    ),
    (
        "SA",
        "Riyadh",
        "Asia/Riyadh",
        ["Faisal", "Adel", "Saud", "Ibrahim"],
        ["bin Farhan", "al-Jubeir", "al-Faisal", "al-Assaf"],
    ),
    (
        "ID",
        "Jakarta",
        "Asia/Jakarta",
        ["Retno", "Sugiono", "Marty", "Hassan"],
        ["Marsudi", "Natalegawa", "Wirajuda", "Sugiono"],
    ),
    (
        "VN",
        "Hanoi",
        "Asia/Ho_Chi_Minh",
        ["Thanh Sơn", "Bình Minh", "Xuân Phúc", "Đức Hải"],
        ["Bùi", "Phạm", "Nguyễn", "Trần"],
    ),
    (
        "PH",
        "Manila",
        "Asia/Manila",
        ["Enrique", "Teodoro", "Alan Peter", "Albert"],
        ["Manalo", "Locsin", "Cayetano", "del Rosario"],
    ),
    (
        "MX",
        "Mexico City",
        "America/Mexico_City",
        ["Marcelo", "Alicia", "Luis", "Juan Ramón"],
        ["Ebrard", "Bárcena", "Videgaray", "de la Fuente"],
    ),
    (
        "NO",
        "Oslo",
        "Europe/Oslo",
        ["Espen", "Anniken", "Ine", "Jonas Gahr"],
        ["Barth Eide", "Huitfeldt", "Søreide", "Støre"],
    ),
    (
        "SE",
        "Stockholm",
        "Europe/Stockholm",
        ["Tobias", "Ann", "Margot", "Carl"],
        ["Billström", "Linde", "Wallström", "Bildt"],
    ),
    (
        "FI",
        "Helsinki",
        "Europe/Helsinki",
        ["Elina", "Pekka", "Timo", "Erkki"],
        ["Valtonen", "Haavisto", "Soini", "Tuomioja"],
    ),
    (
        "EE",
        "Tallinn",
        "Europe/Tallinn",
        ["Margus", "Urmas", "Eva-Maria", "Sven"],
        ["Tsahkna", "Reinsalu", "Liimets", "Mikser"],
    ),
    (
        "LT",
        "Vilnius",
        "Europe/Vilnius",
        ["Gabrielius", "Linas", "Kęstutis"],
        ["Landsbergis", "Linkevičius", "Budrys"],
    ),
    (
        "MD",
        "Chișinău",
        "Europe/Chisinau",
        ["Mihai", "Nicu", "Aureliu"],
        ["Popșoi", "Popescu", "Ciocoi"],
    ),
    (
        "GE",
        "Tbilisi",
        "Asia/Tbilisi",
        ["Ilia", "David", "Maka"],
        ["Darchiashvili", "Zalkaliani", "Botchorishvili"],
    ),
    (
        "KZ",
        "Astana",
        "Asia/Almaty",
        ["Murat", "Mukhtar", "Beibut"],
        ["Nurtleu", "Tileuberdi", "Atamkulov"],
    ),
    ("NG", "Abuja", "Africa/Lagos", ["Yusuf", "Geoffrey", "Ahmed"], ["Tuggar", "Onyeama", "Bello"]),
]
TITLES = [
    "Minister for Foreign Affairs",
    "Prime Minister",
    "President",
    "State Minister for Foreign Affairs",
    "Deputy Minister for Foreign Affairs",
    "Ambassador",
    "Minister of Defence",
    "Minister of Economy",
]
KINDS = [
    ("meeting", 40),
    ("telephone-talk", 20),
    ("courtesy-call", 15),
    ("video-conference", 8),
    ("multilateral", 7),
    ("visit", 5),
    ("signing", 3),
    ("other", 2),
]
LEVELS = ["summit", "ministerial", "ministerial", "vice-ministerial", "official", "parliamentary"]
TAGS = [
    "trade",
    "investment",
    "energy security",
    "nuclear safety",
    "climate change",
    "food security",
    "reconstruction",
    "humanitarian aid",
    "sanctions",
    "maritime security",
    "cyber security",
    "people-to-people exchange",
    "United Nations reform",
    "G7",
    "G20",
    "winterization",
    "demining",
    "North Korea",
    "Indo-Pacific",
    "health",
]
TOPICS = [
    "the situation in the region",
    "economic cooperation and trade",
    "energy security and the stable supply of LNG",
    "reform of the United Nations Security Council",
    "maritime security and the rule of law at sea",
    "the nuclear and missile development of North Korea",
    "climate change and the energy transition",
    "food security and grain exports",
    "reconstruction and recovery",
    "cyber security and hybrid threats",
    "people-to-people exchanges and tourism",
    "the free and open Indo-Pacific",
    "global health and pandemic preparedness",
    "demining and the removal of unexploded ordnance",
    "sanctions and their effective implementation",
    "the protection of critical infrastructure",
]
VERBS = [
    "exchanged views on",
    "confirmed close cooperation on",
    "agreed to strengthen cooperation on",
    "expressed concern about",
    "welcomed progress on",
    "discussed",
    "underlined the importance of",
    "reaffirmed their commitment to",
]
OPENERS = [
    "{a} congratulated {b} on taking office and hoped to deepen the relationship.",
    "{a} thanked {b} for the warm welcome and the opportunity to meet.",
    "At the outset, {a} stated that the partnership had entered a new stage.",
    "{a} recalled the anniversary of diplomatic relations and proposed events to mark it.",
    "{b} expressed gratitude for the support extended over many years.",
]
CLOSERS = [
    "The two sides agreed to remain in close communication.",
    "Both ministers confirmed they would work together towards the next summit.",
    "{a} invited {b} to visit at a mutually convenient time, and {b} accepted.",
    "The meeting ended with the signing of a memorandum on cooperation.",
]
PEACE_POINTS = [
    "{b} explained the Peace Formula and asked for support in its working groups.",
    "{a} expressed support for the peace formula and for a just and lasting peace.",
    "Both sides discussed the next meeting on the Peace Formula at the level of advisers.",
]
CONDOLENCE_ABOUT = [
    "the victims of the earthquake",
    "the loss of life in the floods",
    "the victims of the terrorist attack",
    "the passing of the former head of state",
    "the victims of the missile strikes",
    "the damage caused by the typhoon",
]
AID_WHAT = [
    ("emergency grant aid for humanitarian assistance", "humanitarian"),
    ("power generators and transformers for winterization", "energy"),
    ("budget support through the World Bank", "financial"),
    ("equipment for the removal of landmines", "demining"),
    ("support for the reconstruction of schools and hospitals", "reconstruction"),
    ("non-lethal defence equipment", "military"),
    ("technical cooperation in agriculture", "other"),
]
AID_CHANNELS = ["UNDP", "UNICEF", "World Bank", "WFP", "JICA", "NATO CAP Trust Fund"]
AID_STATUS = ["announced", "pledged", "delivered", "mentioned"]
CURRENCIES = ["USD", "USD", "JPY", "EUR"]


@dataclass(frozen=True)
class Person:
    key: str
    name: str
    country: str
    roles: tuple[tuple[str, dt.date | None, dt.date | None], ...]  # (title, from, to)

    def title_on(self, day: dt.date) -> str:
        for title, start, end in self.roles:
            if (start is None or start <= day) and (end is None or day <= end):
                return title
        return self.roles[-1][0]


def _ascii(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.translate(str.maketrans("ıłøđ", "ilod")))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")


def make_people(rng: random.Random, count: int = 300) -> list[Person]:
    people: list[Person] = []
    seen: set[str] = set()
    per_country = -(-count // len(COUNTRIES))
    for code, _city, _zone, given, family in COUNTRIES:
        combos = [(g, f) for g in given for f in family]
        rng.shuffle(combos)
        for first, last in combos[:per_country]:
            name = f"{last} {first}" if code in ("JP", "KR", "VN") else f"{first} {last}"
            key = _ascii(name)
            if key in seen:
                continue
            seen.add(key)
            first_title, second_title = rng.sample(TITLES, k=2)
            if rng.random() < 0.5:
                roles: tuple[tuple[str, dt.date | None, dt.date | None], ...] = (
                    (first_title, None, None),
                )
            else:
                change = dt.date(rng.randint(2005, 2020), rng.randint(1, 12), rng.randint(1, 28))
                roles = (
                    (first_title, None, change - dt.timedelta(days=1)),
                    (second_title, change, None),
                )
            people.append(Person(key, name, code, roles))
    return people[:count]


def _toml_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _surname(person: Person) -> str:
    parts = person.name.split()
    return parts[0] if person.country in ("JP", "KR", "VN") else parts[-1]


def record(rng: random.Random, people: list[Person], day: dt.date) -> tuple[str, str, list[Person]]:
    """(id before any uniqueness suffix, TOML text, participants) of one meeting on `day`."""
    host = rng.choice([p for p in people if p.country == "JP"] if rng.random() < 0.4 else people)
    guest = rng.choice(people)
    while guest.country == host.country:
        guest = rng.choice(people)
    others = [rng.choice(people) for _ in range(rng.choice((0, 0, 0, 1, 2)))]
    participants = list(dict.fromkeys([host, guest, *others]))
    kind = rng.choices([k for k, _ in KINDS], weights=[w for _, w in KINDS])[0]
    city, zone = next((c, z) for code, c, z, _, _ in COUNTRIES if code == guest.country)
    a, b = _surname(host), _surname(guest)
    host_title, guest_title = host.title_on(day), guest.title_on(day)
    tags = rng.sample(TAGS, k=rng.choice((0, 1, 1, 2, 3)))
    peace = day >= dt.date(2022, 11, 15) and rng.random() < 0.12
    if peace:
        tags.insert(0, "Peace Formula")
    points = [rng.choice(OPENERS).format(a=a, b=b)]
    for _ in range(rng.randint(0, 6)):
        points.append(
            f"{rng.choice((a, b, 'The two ministers', 'Both sides'))} "
            f"{rng.choice(VERBS)} {rng.choice(TOPICS)}."
        )
    if peace and rng.random() < 0.6:
        points.insert(rng.randint(1, len(points)), rng.choice(PEACE_POINTS).format(a=a, b=b))
    points.append(rng.choice(CLOSERS).format(a=a, b=b))
    title = {
        "telephone-talk": f"{host_title} {a}'s telephone talk with {guest_title} {b}",
        "courtesy-call": f"Courtesy call on {host_title} {a} by {guest_title} {b}",
        "video-conference": f"Video conference between {a} and {b}",
        "multilateral": f"{a} attends the ministerial meeting in {city}",
    }.get(kind, f"Meeting between {host_title} {a} and {guest_title} {b}")

    lines = [f"date = {day.isoformat()}", f"title = {_toml_string(title)}", f'kind = "{kind}"']
    if rng.random() < 0.8:
        lines.append(f'level = "{rng.choice(LEVELS)}"')
    if kind != "telephone-talk" and rng.random() < 0.8:
        lines.append(f"place = {_toml_string(f'{city}')}")
    if rng.random() < 0.7:
        lines.append(f"time = {rng.randint(7, 21):02d}:{rng.choice((0, 5, 10, 30, 45)):02d}:00")
        lines.append(f'timezone = "{zone}"')
    if rng.random() < 0.6:
        lines.append(f"duration_minutes = {rng.choice((15, 20, 30, 45, 60, 75, 90))}")
    if rng.random() < 0.85:
        page = rng.randint(1, 999_999)
        lines.append(f'source = "https://www.mofa.go.jp/press/release/pageite_{page:06d}.html"')
        lines.append('publisher = "MOFA Japan"')
    if tags:
        lines.append("tags = [" + ", ".join(_toml_string(t) for t in tags) + "]")
    if rng.random() < 0.5:
        summary = f"{a} and {b} {rng.choice(VERBS)} {rng.choice(TOPICS)}."
        lines.append(f"summary = {_toml_string(summary)}")
    lines.append("points = [")
    lines.extend(f"    {_toml_string(p)}," for p in points)
    lines.append("]")
    for person in participants:
        lines += ["", "[[participants]]", f"name = {_toml_string(person.name)}"]
        if rng.random() < 0.9:
            lines.append(f"title = {_toml_string(person.title_on(day))}")
        lines.append(f'country = "{person.country}"')
    if rng.random() < 0.05:
        lines += [
            "",
            "[[condolences]]",
            f"by = {_toml_string(host.name)}",
            f'to = "{guest.country}"',
            f"about = {_toml_string(rng.choice(CONDOLENCE_ABOUT))}",
            f"point = {rng.randint(1, len(points))}",
        ]
    if rng.random() < 0.12:
        for _ in range(rng.randint(1, 3)):
            what, category = rng.choice(AID_WHAT)
            lines += ["", "[[aid]]", f'donor = "{host.country}"']
            lines.append(f'recipient = "{guest.country}"')
            lines += [f"what = {_toml_string(what)}", f'category = "{category}"']
            if rng.random() < 0.6:
                amount = rng.choice((5, 10, 30, 100, 250, 500, 1_000)) * 1_000_000
                lines.append(f"amount = {amount:_}")
                lines.append(f'currency = "{rng.choice(CURRENCIES)}"')
            lines.append(f'status = "{rng.choice(AID_STATUS)}"')
            if rng.random() < 0.4:
                lines.append(f'channel = "{rng.choice(AID_CHANNELS)}"')
            if rng.random() < 0.7:
                lines.append(f"point = {rng.randint(1, len(points))}")
    record_id = f"{day.isoformat()}-{_ascii(a)}-{_ascii(b)}"
    return record_id, "\n".join(lines) + "\n", participants


def people_toml(people: list[Person]) -> str:
    """A people.toml registering everyone, in the registry's format (see people.py)."""
    chunks = []
    for person in people:
        lines = [
            f"[{person.key}]",
            f"name = {_toml_string(person.name)}",
            f'country = "{person.country}"',
        ]
        for title, start, end in person.roles:
            lines += ["", f"[[{person.key}.roles]]", f"title = {_toml_string(title)}"]
            if start:
                lines.append(f"from = {start.isoformat()}")
            if end:
                lines.append(f"to = {end.isoformat()}")
        chunks.append("\n".join(lines) + "\n")
    return "\n".join(chunks)


@dataclass
class Generated:
    paths: list[Path]
    busiest: str  # the name of the person in the most meetings
    day: dt.date  # a day with meetings


def generate(root: Path, size: int, seed: int = 2024) -> Generated:
    """Write `size` records under `root/meetings/<year>/` and a people.toml."""
    rng = random.Random(seed)
    people = make_people(rng)
    first, last = dt.date(2000, 1, 1).toordinal(), dt.date(2025, 12, 31).toordinal()
    used: set[str] = set()
    paths: list[Path] = []
    meetings: Counter[str] = Counter()
    days: list[dt.date] = []
    for _ in range(size):
        day = dt.date.fromordinal(rng.randint(first, last))
        record_id, text, participants = record(rng, people, day)
        unique, n = record_id, 2
        while unique in used:
            unique, n = f"{record_id}-{n}", n + 1
        used.add(unique)
        path = root / "meetings" / str(day.year) / f"{unique}.toml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        paths.append(path)
        meetings.update(p.name for p in participants)
        days.append(day)
    (root / "people.toml").write_text(people_toml(people), encoding="utf-8")
    return Generated(paths, meetings.most_common(1)[0][0], sorted(days)[len(days) // 2])
