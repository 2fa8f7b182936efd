"""The machine output contract (README, "Machine output"): every command's JSON parsed with a
model kept here, every CSV with the csv module, on the shipped corpus and a fixture corpus.

The models forbid unknown keys, so a field added or renamed in one command and not the
others (or not in the README) fails here first.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any, Literal

import pytest
from pydantic import BaseModel, ConfigDict, TypeAdapter, field_validator

from conftest import FIXTURES, REPO, run

HHMM = re.compile(r"^\d{2}:\d{2}$")
ISO_JST = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+09:00$")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Participant(Strict):
    name: str
    title: str | None
    country: str | None


class Condolence(Strict):
    by: str
    to: str
    about: str
    point: int | None


class AidItem(Strict):
    donor: str
    recipient: str | None
    what: str
    category: str
    amount: int | None
    currency: str | None
    status: str
    scope: str | None
    package: str | None
    channel: str | None
    point: int | None


class Account(Strict):
    """A further account of a meeting (`accounts` of `list` and `show`)."""

    publisher: str
    source: str
    title: str | None
    summary: str | None
    see_also: list[str]
    points: list[str]
    condolences: list[Condolence]
    aid: list[AidItem]


class Record(Strict):
    """`list` and `show`: the record's fields by their TOML names, plus id and jst."""

    id: str
    date: str
    title: str
    kind: str
    level: str | None
    place: str | None
    time: str | None
    timezone: str | None
    duration_minutes: int | None
    source: str | None
    see_also: list[str]
    publisher: str | None
    tags: list[str]
    summary: str | None
    points: list[str]
    participants: list[Participant]
    condolences: list[Condolence]
    aid: list[AidItem]
    accounts: list[Account]
    jst: str | None

    @field_validator("time")
    @classmethod
    def _hhmm(cls, value: str | None) -> str | None:
        assert value is None or HHMM.match(value), value
        return value

    @field_validator("jst")
    @classmethod
    def _iso(cls, value: str | None) -> str | None:
        assert value is None or ISO_JST.match(value), value
        return value


class Hit(Strict):
    id: str
    date: str
    meeting_title: str
    where: str
    point: int | None
    account: str | None
    cite: str
    text: str
    matches: list[list[int]]


class Counterpart(Strict):
    name: str
    meetings: int


class PersonRow(Strict):
    id: str | None
    name: str
    country: str | None
    title: str | None
    meetings: int
    first: str | None
    last: str | None
    counterparts: list[Counterpart]


class Meeting(Strict):
    id: str
    date: str
    kind: str
    meeting_title: str
    person_title: str | None
    counterparts: list[str]


class CitedCondolence(Condolence):
    cite: str


class CitedAid(AidItem):
    cite: str


class Cited(Strict):
    cite: str
    point: int | None
    text: str


class Person(Strict):
    id: str | None
    name: str
    native: str | None
    country: str | None
    aliases: list[str]
    wikidata: str | None
    roles: list[dict[str, str | None]]
    meetings: list[Meeting]
    condolences_expressed: list[CitedCondolence]
    condolences_received: list[CitedCondolence]
    aid: list[CitedAid]
    tags: dict[str, int]
    said: list[Cited]
    named: list[Cited]


class CondolenceRow(Condolence):
    id: str
    date: str
    account: str | None
    cite: str
    cameo: Literal["018"]


class LedgerItem(Strict):
    id: str
    date: str
    donor: str
    recipient: str | None
    what: str
    category: str
    amount: int | None
    currency: str | None
    status: str
    channel: str | None
    point: int | None
    cite: str
    cameo: str | None
    scope: Literal["item", "cumulative"]
    package: str | None
    counted: bool
    reason: Literal["mention", "running total", "repeat"] | None


class Group(Strict):
    group: str
    flow: Literal["committed", "delivered"]
    currency: str | None
    items: int
    amount: int | None


class StatedTotal(Strict):
    donor: str
    recipient: str | None
    currency: str
    amount: int
    date: str
    cite: str
    counted_commitments: int
    counted_packages: int


class Totals(Strict):
    by: str
    groups: list[Group]
    not_added: str | None
    stated_totals: list[StatedTotal]


class Tag(Strict):
    tag: str
    meetings: int


# command line -> (model of the JSON document, the CSV header of the README's contract)
CONTRACT: dict[tuple[str, ...], tuple[Any, tuple[str, ...]]] = {
    ("list",): (
        list[Record],
        (
            "id date time timezone jst duration_minutes kind level place participants title "
            "source see_also publisher tags summary accounts"
        ).split(),
    ),
    ("show", "2024-01-07"): (list[Record], ("id", "date", "section", "n", "text", "account")),
    ("search", "Zelenskyy"): (
        list[Hit],
        ("id", "date", "meeting_title", "where", "point", "cite", "text"),
    ),
    ("people",): (
        list[PersonRow],
        ("id", "name", "country", "title", "meetings", "first", "last", "counterparts"),
    ),
    ("person", "Zelenskyy"): (Person, ("id", "date", "section", "n", "text")),
    ("condolences",): (
        list[CondolenceRow],
        ("id", "date", "by", "to", "about", "point", "cite", "cameo"),
    ),
    ("aid",): (
        list[LedgerItem],
        (
            "id date donor recipient what category amount currency status channel point cite "
            "cameo scope package counted reason"
        ).split(),
    ),
    ("aid", "--totals"): (Totals, ("group", "flow", "currency", "items", "amount")),
    ("tags",): (list[Tag], ("tag", "meetings")),
}
CORPORA = {"shipped": REPO / "data", "views": FIXTURES / "views"}


class ComparedPoint(Strict):
    account: int
    point: int
    text: str


class PairEvidence(Strict):
    figures: list[str]
    names: list[str]
    tags: list[str]
    words: list[str]
    word_overlap: float


class Pair(Strict):
    a: ComparedPoint
    b: ComparedPoint
    score: float
    evidence: PairEvidence


class OnlyPoint(Strict):
    point: int
    text: str


class OnlyIn(Strict):
    account: int
    publisher: str | None
    points: list[OnlyPoint]
    names: list[str]
    figures: list[str]
    topics: list[str]
    condolences: list[Condolence]
    aid: list[AidItem]


class AccountRef(Strict):
    number: int
    publisher: str | None
    source: str | None


class Comparison(Strict):
    id: str
    date: str
    meeting_title: str
    accounts: list[AccountRef]
    pairs: list[Pair]
    only: list[OnlyIn]
    threshold: float


COMPARE_HEADER = (
    "id",
    "account",
    "publisher",
    "other_account",
    "section",
    "point",
    "paired_with",
    "text",
    "evidence",
)


def test_compare_follows_the_contract() -> None:
    """`compare` needs a meeting with two accounts: the fixture of tests/cli/test_accounts.py."""
    root, talk = FIXTURES / "accounts", "2022-09-30-kishida-zelenskyy"
    document = json.loads(out(root, ("compare", talk), "json"))
    assert document
    validate(list[Comparison], document)
    rows = list(csv.reader(io.StringIO(out(root, ("compare", talk), "csv"))))
    assert tuple(rows[0]) == COMPARE_HEADER
    assert len(rows) > 1 and all(len(row) == len(COMPARE_HEADER) for row in rows[1:])
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert ",".join(COMPARE_HEADER) in readme


def out(root: Path, args: tuple[str, ...], fmt: str) -> str:
    result = run("--data", str(root), *args, "--format", fmt)
    assert result.code == 0, result.err
    return result.out


def validate(model: Any, document: Any) -> None:
    if model is Person:
        for role in document["roles"]:
            assert set(role) == {"title", "from", "to"}
    TypeAdapter(model).validate_python(document)


@pytest.mark.parametrize("corpus", sorted(CORPORA))
@pytest.mark.parametrize("args", list(CONTRACT), ids=" ".join)
def test_json_follows_the_contract(corpus: str, args: tuple[str, ...]) -> None:
    model, _ = CONTRACT[args]
    document = json.loads(out(CORPORA[corpus], args, "json"))
    assert document, "the contract is tested on output that has something in it"
    validate(model, document)


@pytest.mark.parametrize("corpus", sorted(CORPORA))
@pytest.mark.parametrize("args", list(CONTRACT), ids=" ".join)
def test_csv_follows_the_contract(corpus: str, args: tuple[str, ...]) -> None:
    _, header = CONTRACT[args]
    rows = list(csv.reader(io.StringIO(out(CORPORA[corpus], args, "csv"))))
    assert tuple(rows[0]) == tuple(header)
    assert len(rows) > 1 and all(len(row) == len(header) for row in rows[1:])
    if "time" in header:
        times = [row[header.index("time")] for row in rows[1:]]
        assert all(not t or HHMM.match(t) for t in times)


def test_every_listing_command_is_in_the_contract_and_the_readme() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Machine output", 1)[1].split("\n## ", 1)[0]
    for args, (_, header) in CONTRACT.items():
        assert f"`readouts {' '.join(args)}" in section or f"`{args[0]}" in section, args
        assert ",".join(header) in section, args
