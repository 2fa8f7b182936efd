"""The record format (v1): one meeting per TOML file, validated strictly with Pydantic.

Field names here are the public format: the README documents them, the importer writes them and
scripts read them. Japan time and UTC are derived from `time` + `timezone`, never stored.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Annotated, Any, Literal, TypeGuard
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
)

from .codes import COUNTRIES, CURRENCIES
from .textfold import fold
from .vocab import Category as Category
from .vocab import Kind as Kind
from .vocab import Level as Level
from .vocab import Scope as Scope
from .vocab import Status as Status

JST = "Asia/Tokyo"
ID_PATTERN = re.compile(r"^\d{4}-\d{2}-\d{2}(?:-[a-z0-9]+)*$")


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("is blank: write the text, or leave the key out")
    return value


Text = Annotated[
    str, StringConstraints(strip_whitespace=False, min_length=1), AfterValidator(_not_blank)
]


def _web_address(value: str) -> str:
    if not re.match(r"https?://[^\s/]+\.[^\s]*$", value):
        raise HintedValueError(
            f"{value!r} is not a web address",
            "give the readout's URL (https://...); name a printed source in `summary`",
        )
    return value


Url = Annotated[str, AfterValidator(_web_address)]


def _package_key(value: str) -> str:
    if not PACKAGE_PATTERN.fullmatch(value):
        raise HintedValueError(
            f"{value!r} is not a package key",
            'use lower-case words joined by hyphens, e.g. package = "jp-ua-g7-era-loans"',
        )
    return value


PACKAGE_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
PackageKey = Annotated[str, AfterValidator(_package_key)]

# A rule broken across fields: (where, message, hint).
Located = tuple[tuple[str | int, ...], str, str | None]


# TOML gives real dates, times and integers; strict mode keeps `"60"` from passing as 60 and a
# quoted "2024-01-07" from passing as a date. Enums are matched by value, hence strict=False there.
STRICT = ConfigDict(extra="forbid", strict=True, frozen=True)


class HintedValueError(ValueError):
    """A validation failure whose fix is shown on its own `hint:` line.

    Pydantic keeps the exception in the error's context, where the loader finds the hint.
    """

    def __init__(self, message: str, hint: str) -> None:
        super().__init__(message)
        self.hint = hint


def _country_code(value: str | None) -> str | None:
    if value is not None and value not in COUNTRIES:
        message = f"{value!r} is not an ISO 3166-1 alpha-2 country code"
        if value.upper() in COUNTRIES:
            # The message keeps the reason for callers that show no hint (`new`'s options).
            raise HintedValueError(f"{message} (codes are upper case)", f"write {value.upper()}")
        raise ValueError(message)
    return value


_LOWER_COUNTRY = re.compile(r"[a-z]{2}")


def _party(value: str | None) -> str | None:
    """A person's name or a country code; a code in lower case would make a party of its own
    (the aid totals by donor would count "jp" apart from "JP"), so it is refused."""
    if value is not None and _LOWER_COUNTRY.fullmatch(value) and value.upper() in COUNTRIES:
        raise HintedValueError(
            f"{value!r} is a country code in lower case (codes are upper case)",
            f"write {value.upper()}",
        )
    return value


class Participant(BaseModel):
    model_config = STRICT

    name: Text
    title: Text | None = None
    country: str | None = None

    _check_country = field_validator("country")(_country_code)


class Condolence(BaseModel):
    model_config = STRICT

    by: Text
    to: Text
    about: Text
    point: int | None = None

    _check_parties = field_validator("by", "to")(_party)


class Aid(BaseModel):
    model_config = STRICT

    donor: Text
    recipient: Text | None = None
    what: Text
    category: Category = Field(strict=False)
    amount: int | None = Field(default=None, gt=0)
    currency: str | None = None
    status: Status = Field(strict=False)
    # Absent means "item": the figure is one commitment or delivery, not a running total.
    scope: Scope | None = Field(default=None, strict=False)
    # Items sharing a package are statements about one commitment, counted once.
    package: PackageKey | None = None
    channel: Text | None = None
    point: int | None = None

    _check_parties = field_validator("donor", "recipient")(_party)

    @field_validator("currency")
    @classmethod
    def _check_currency(cls, value: str | None) -> str | None:
        if value is not None and value not in CURRENCIES:
            message = f"{value!r} is not an ISO 4217 currency code"
            if value.upper() in CURRENCIES:
                raise HintedValueError(
                    f"{message} (codes are upper case)", f"write {value.upper()}"
                )
            raise ValueError(message)
        return value


class Account(BaseModel):
    """A further account of a meeting: another publisher's readout of it (the other
    government's, as a rule). The meeting's own top-level fields are its first account; date,
    time, place, participants and tags belong to the meeting and are shared by every account.
    """

    model_config = STRICT

    publisher: Text
    source: Url
    title: Text | None = None
    summary: Text | None = None
    see_also: list[Url] = Field(default_factory=list)
    points: list[Text] = Field(default_factory=list)
    condolences: list[Condolence] = Field(default_factory=list)
    aid: list[Aid] = Field(default_factory=list)


@dataclass(frozen=True)
class Told:
    """One account of a meeting as views read it: the first (`number` 1) is the record's own
    top-level fields, the others its `[[accounts]]` in order."""

    number: int
    publisher: str | None
    source: str | None
    title: str
    summary: str | None
    see_also: Sequence[str]
    points: Sequence[str]
    condolences: Sequence[Condolence]
    aid: Sequence[Aid]
    several: bool = False  # whether the meeting has other accounts

    @property
    def cite(self) -> str | None:
        """The account as a citation names it, where the meeting has several (`label`); None
        where it has one, whose citations need no account."""
        return self.label if self.several else None

    @property
    def label(self) -> str:
        """How a citation names the account: its publisher, without what the publisher
        field says in brackets about the copy ("President of Ukraine (via UATV)" ->
        "President of Ukraine"), else its place in the record."""
        return publisher_label(self.publisher) if self.publisher else f"account {self.number}"


def publisher_label(publisher: str) -> str:
    """A publisher as citations name it: the words before its first bracket."""
    head = publisher.split(" (", 1)[0].strip().rstrip(",;:")
    return head or publisher


class Meeting(BaseModel):
    """One meeting as written in its file. The id comes from the file name, not the file."""

    model_config = STRICT

    date: dt.date
    title: Text
    kind: Kind = Field(strict=False)
    level: Level | None = Field(default=None, strict=False)
    place: Text | None = None
    time: dt.time | None = None
    timezone: str | None = None
    # A week: longer is a typo (a visit of several days still fits).
    duration_minutes: int | None = Field(default=None, gt=0, le=7 * 24 * 60)
    source: Url | None = None
    see_also: list[Url] = Field(default_factory=list)
    publisher: Text | None = None
    tags: list[Text] = Field(default_factory=list)
    summary: Text | None = None
    points: list[Text] = Field(default_factory=list)
    participants: list[Participant] = Field(default_factory=list)
    condolences: list[Condolence] = Field(default_factory=list)
    aid: list[Aid] = Field(default_factory=list)
    accounts: list[Account] = Field(default_factory=list)

    @field_validator("date", mode="before")
    @classmethod
    def _date_not_datetime(cls, value: Any) -> Any:
        if isinstance(value, dt.datetime):
            raise ValueError("must be a date without a time of day (put the time in `time`)")
        return value

    @field_validator("timezone")
    @classmethod
    def _check_timezone(cls, value: str | None) -> str | None:
        if value is not None and not is_zone_key(value):
            message = f"{value!r} is not an IANA time zone (e.g. 'Europe/Kyiv')"
            if close := _closest_zone(value):
                raise HintedValueError(message, f"did you mean {close!r}?")
            raise ValueError(message)
        return value

    def told(self) -> list[Told]:
        """Every account of the meeting, the record's own first."""
        several = bool(self.accounts)
        first = Told(
            1,
            self.publisher,
            self.source,
            self.title,
            self.summary,
            self.see_also,
            self.points,
            self.condolences,
            self.aid,
            several,
        )
        return [first] + [
            Told(
                n,
                a.publisher,
                a.source,
                a.title or self.title,
                a.summary,
                a.see_also,
                a.points,
                a.condolences,
                a.aid,
                several,
            )
            for n, a in enumerate(self.accounts, start=2)
        ]

    def has(self, section: Literal["aid", "condolences"]) -> bool:
        """Whether any account has items in `section`."""
        return bool(getattr(self, section)) or any(getattr(a, section) for a in self.accounts)

    def start(self) -> dt.datetime | None:
        """The aware start time, when the record gives a time and zone."""
        return local_start(self.date, self.time, self.timezone)

    def start_in(self, key: str) -> dt.datetime | None:
        return start_in(self.date, self.time, self.timezone, key)


def local_start(day: dt.date, time: dt.time | None, key: str | None) -> dt.datetime | None:
    """The aware start of a meeting on `day` at local `time` in zone `key`, when both are
    given and the zone exists."""
    if time is None or key is None:
        return None
    tz = zone(key)
    return dt.datetime.combine(day, time, tzinfo=tz) if tz else None


def start_in(day: dt.date, time: dt.time | None, local: str | None, key: str) -> dt.datetime | None:
    """That start (`local_start`) as the clocks of zone `key` show it."""
    start = local_start(day, time, local)
    tz = zone(key)
    return start.astimezone(tz) if start and tz else None


@lru_cache(maxsize=256)
def zone(key: str) -> ZoneInfo | None:
    """The IANA zone `key`, or None when no such zone exists."""
    try:
        return ZoneInfo(key)
    except (ZoneInfoNotFoundError, ValueError):
        return None


# Names zoneinfo lists or opens that are no IANA zone: "localtime" is the system's own setting
# (a link in /usr/share/zoneinfo on Debian), "Factory" a placeholder that shows "-00".
_NOT_ZONES = frozenset({"localtime", "Factory", "posixrules"})


@cache
def iana_zones() -> frozenset[str]:
    """Every IANA zone key the time zone database holds ("UTC" and "Etc/..." among them).

    Listing them reads the whole database (some 20 ms), hence once per process. A key outside
    the list, such as a file path or "localtime", may open as a zone on one machine and not on
    another, so records may not use it.
    """
    return frozenset(available_timezones() - _NOT_ZONES)


# The shape of an IANA key: "UTC", "Europe/Kyiv", "America/Argentina/Buenos_Aires", "Etc/GMT+9".
_ZONE_KEY = re.compile(r"[A-Za-z][A-Za-z0-9_+\-]*(?:/[A-Za-z0-9_+\-]+)*")


@lru_cache(maxsize=256)
def is_zone_key(value: str) -> bool:
    """Whether `value` is an IANA zone key, as `iana_zones` would say, without listing them all:
    the key's shape, none of the database's own non-zones, and a zone that opens."""
    if not _ZONE_KEY.fullmatch(value) or value in _NOT_ZONES:
        return False
    if value.split("/", 1)[0] in ("posix", "right"):
        return False
    return zone(value) is not None


def _closest_zone(value: str) -> str | None:
    """The zone `value` probably means: a zone its path ends in ("/usr/share/zoneinfo/UTC",
    "posix/Asia/Tokyo"), else a near spelling."""
    parts = value.split("/")
    for start in range(1, len(parts)):
        if (key := "/".join(parts[start:])) in iana_zones():
            return key
    close = difflib.get_close_matches(value, iana_zones(), n=1, cutoff=0.8)
    return close[0] if close else None


def _skipped_hour(day: Any, time: dt.time, key: Any) -> str | None:
    """Why `time` on `day` does not exist in zone `key` (the clocks went forward over it)."""
    if not isinstance(day, dt.date) or isinstance(day, dt.datetime) or not isinstance(key, str):
        return None
    tz = zone(key) if is_zone_key(key) else None
    if tz is None:
        return None
    local = dt.datetime.combine(day, time, tzinfo=tz)
    if local.astimezone(dt.UTC).astimezone(tz).replace(tzinfo=None) == local.replace(tzinfo=None):
        return None
    return f"{time.isoformat()} does not exist in {key} on {day}: the clocks went forward"


def _is_int(value: Any) -> TypeGuard[int]:
    # TOML's true and false are Python ints too; they are no number here.
    return isinstance(value, int) and not isinstance(value, bool)


def consistency_problems(data: Mapping[str, Any]) -> list[Located]:
    """Rules that span fields, on a record's data as read, valid or not.

    A value of the wrong type is field validation's to report, so the rules pass over it: a
    record with a field error elsewhere still gets these problems reported in the same run.
    """
    problems: list[Located] = []
    time = data.get("time")
    if isinstance(time, dt.time):
        if data.get("timezone") is None:
            problems.append(
                (("time",), "`time` needs a `timezone`", 'add e.g. timezone = "Asia/Tokyo"')
            )
        if time.tzinfo is not None:
            problems.append((("time",), "must be a local time without an offset", None))
        elif (gap := _skipped_hour(data.get("date"), time, data.get("timezone"))) is not None:
            problems.append((("time",), gap, "check the readout's time, or its date and zone"))
    problems.extend(_item_problems(data, ()))
    accounts = _tables(data, "accounts")
    for i, account in enumerate(accounts):
        problems.extend(_item_problems(account, ("accounts", i)))
    if accounts:
        problems.extend(_account_problems(data, accounts))
    tags = data.get("tags", [])
    seen: dict[str, str] = {}
    for i, tag in enumerate(tags if isinstance(tags, list) else []):
        if isinstance(tag, str):
            first = seen.setdefault(fold(tag), tag)
            if first == tag and i and tag in tags[:i]:
                problems.append((("tags", i), f"tag {tag!r} is listed twice", None))
            elif first != tag:
                # --tag ignores case and accents: "g7" and "G7" are one tag written two ways.
                problems.append(
                    (("tags", i), f"tag {tag!r} repeats {first!r}, written another way", None)
                )
    return problems


def _item_problems(data: Mapping[str, Any], where: tuple[str | int, ...]) -> list[Located]:
    """The rules on one account's items (the record's own, or one of its `[[accounts]]`):
    a `point` names one of the account's points, an amount has a currency."""
    problems: list[Located] = []
    points = data.get("points", [])
    if isinstance(points, list):
        n = len(points)
        have = f"the {'account' if where else 'record'} has {n} point{'s' * (n != 1)}"
        for section in ("condolences", "aid"):
            for i, item in enumerate(_tables(data, section)):
                point = item.get("point")
                if _is_int(point) and not 1 <= point <= n:
                    problems.append(
                        (
                            (*where, section, i, "point"),
                            f"point {point} does not exist; {have}",
                            None,
                        )
                    )
    for i, item in enumerate(_tables(data, "aid")):
        if _is_int(item.get("amount")) and item.get("currency") is None:
            problems.append(
                (
                    (*where, "aid", i, "amount"),
                    "`amount` needs a `currency`",
                    'add e.g. currency = "USD"',
                )
            )
    return problems


def _account_problems(data: Mapping[str, Any], accounts: list[Mapping[str, Any]]) -> list[Located]:
    """A meeting told by several publishers names each, the first (the record's own) too, and
    no publisher twice: a second account from one publisher is a correction or a repeat.
    Publishers are compared as citations name them (`publisher_label`), so that every
    account of a meeting is cited apart: "Ukrinform (citing the MFA)" and "Ukrinform (citing
    the President)" are one publisher."""
    problems: list[Located] = []
    for key in ("publisher", "source"):
        if data.get(key) is None:
            problems.append(
                (
                    (key,),
                    f"a meeting with several accounts needs `{key}` for its first account",
                    "the top-level fields are the first account: say who published it, and where",
                )
            )
    seen: dict[str, str] = {}
    first = data.get("publisher")
    if isinstance(first, str):
        seen[fold(publisher_label(first))] = "the record's own account"
    for i, account in enumerate(accounts):
        publisher = account.get("publisher")
        if not isinstance(publisher, str):
            continue
        if (earlier := seen.get(fold(publisher_label(publisher)))) is not None:
            problems.append(
                (
                    ("accounts", i, "publisher"),
                    f"{publisher!r} already told this meeting, in {earlier}",
                    "one account per publisher: merge them, or name the other publisher",
                )
            )
        else:
            seen[fold(publisher_label(publisher))] = f"account {i + 2}"
    return problems


def _tables(data: Mapping[str, Any], section: str) -> list[Mapping[str, Any]]:
    """The items of an array of tables; anything else in it is left to field validation."""
    items = data.get(section, [])
    if not isinstance(items, list):
        return []
    # Keep the positions: item i is still `section[i]` when an earlier item is not a table.
    return [item if isinstance(item, Mapping) else {} for item in items]


# The canonical key order: the README's documentation, `fmt` and the importer all follow it.
FIELD_ORDER = tuple(Meeting.model_fields)
SECTION_FIELD_ORDER = {
    "participants": tuple(Participant.model_fields),
    "condolences": tuple(Condolence.model_fields),
    "aid": tuple(Aid.model_fields),
    "accounts": tuple(Account.model_fields),
}
