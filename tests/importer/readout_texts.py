"""Texts for the importer's tests: the published readouts in ../shared, the samples written for
this project (one per format variant in readout-formats.md), and a lead template for phrasings,
with helpers that pick out of a draft what a reader checks."""

from __future__ import annotations

import pytest

from conftest import REPO
from readouts_cli.importer import Draft, draft_from_text
from readouts_cli.model import Meeting, consistency_problems

SHARED = REPO.parent / "shared"
# The samples stay in tests/samples/: the `new`/`fmt` tests import one of them too.
SAMPLES = REPO / "tests" / "samples"
SEED = "seeds/2024-01-07-kamikawa-courtesy-call-zelenskyy.txt"
ABE = "readouts/2015-03-02-abe-klimkin-courtesy-call.txt"
KISHIDA = "readouts/2022-09-30-kishida-zelenskyy-telephone.txt"
COLONNA = "readouts/2023-10-17-kamikawa-colonna-telephone.txt"
ALL_SAMPLES = sorted(p.stem for p in SAMPLES.glob("*.txt") if p.stem != "not-a-readout")


def shared(relative: str) -> str:
    path = SHARED / relative
    if not path.exists():
        pytest.skip(f"../shared/readouts not present: {path} is missing")
    return path.read_text(encoding="utf-8")


def sample_text(name: str) -> str:
    return (SAMPLES / f"{name}.txt").read_text(encoding="utf-8")


def sample(name: str) -> Draft:
    return draft_from_text(sample_text(name))


def people(draft: Draft) -> list[tuple[str, str | None, str | None]]:
    return [(p["name"], p.get("title"), p.get("country")) for p in draft.data["participants"]]


def condolences(draft: Draft) -> list[tuple[str | None, str | None, int | None]]:
    return [(c.get("by"), c.get("to"), c.get("point")) for c in draft.data.get("condolences", [])]


def amounts(draft: Draft) -> list[tuple[int | None, str | None, int | None]]:
    return [(a.get("amount"), a.get("currency"), a.get("point")) for a in draft.data.get("aid", [])]


def assert_valid(draft: Draft) -> None:
    Meeting.model_validate(draft.data)
    assert consistency_problems(draft.data) == []


LEAD = (
    "May 14, 2024\n\nOn May 14, {when}, {japan}, held {kind} {other}{where}. "
    "The overview is as follows.\n\n1. {point}\n"
)
JAPAN = "Mr. TANAKA Haruto, Minister for Foreign Affairs of Japan"
OTHER = "H.E. Ms. Ana SILVA, Minister of Foreign Affairs of the Portuguese Republic"


def lead(
    when: str = "commencing at 3:00 p.m. for approximately 30 minutes",
    kind: str = "a meeting with",
    other: str = OTHER,
    where: str = ", in Tokyo",
    point: str = "The ministers talked about the ocean.",
    japan: str = JAPAN,
) -> Draft:
    """The draft of a one-point readout, the lead's parts given as written."""
    text = LEAD.format(when=when, kind=kind, other=other, where=where, point=point, japan=japan)
    return draft_from_text(text)
