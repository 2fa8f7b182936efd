"""The shipped records whose published readout is in ../shared number their points as the
readout numbers its paragraphs, and `import` of that text numbers them the same way."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from conftest import REPO
from readouts_cli.importer import draft_from_text

SHARED = REPO.parent / "shared"
SEED = "seeds/2024-01-07-kamikawa-courtesy-call-zelenskyy.txt"
# The founding readout has no source line; it is the record the brief names.
SEED_RECORD = "2024-01-07-kamikawa-zelenskyy"
NUMBERED = re.compile(r"^\s*\(?(\d+)[.)]\s", re.MULTILINE)


def shipped_by_source() -> dict[str, Path]:
    found = {}
    for path in (REPO / "data" / "meetings").rglob("*.toml"):
        source = tomllib.loads(path.read_text(encoding="utf-8")).get("source")
        if source:
            found[source] = path
    return found


def readouts() -> list[tuple[str, Path]]:
    """(shared text, shipped record) for every shared readout the corpus has a record of."""
    if not (SHARED / "readouts").is_dir():
        return []
    by_source = shipped_by_source()
    pairs = []
    for text in sorted((SHARED / "readouts").glob("*.txt")):
        first = text.read_text(encoding="utf-8").splitlines()[0]
        if first.startswith("source: ") and first[len("source: ") :] in by_source:
            pairs.append((str(text.relative_to(SHARED)), by_source[first[len("source: ") :]]))
    [seed_record] = (REPO / "data" / "meetings").rglob(f"{SEED_RECORD}.toml")
    return [(SEED, seed_record), *pairs]


PAIRS = readouts()


@pytest.mark.skipif(not PAIRS, reason="../shared/readouts is not present")
@pytest.mark.parametrize(("relative", "record"), PAIRS, ids=[r.stem for _, r in PAIRS])
def test_points_follow_the_numbered_paragraphs_of_the_source(relative: str, record: Path) -> None:
    text = (SHARED / relative).read_text(encoding="utf-8")
    numbers = [int(n) for n in NUMBERED.findall(text)]
    assert numbers == list(range(1, len(numbers) + 1)), "the source numbers 1, 2, 3, ..."
    points = tomllib.loads(record.read_text(encoding="utf-8"))["points"]
    assert len(points) == len(numbers), f"{record.name}: {len(points)} points"
    assert len(draft_from_text(text).data["points"]) == len(numbers)


def test_the_pairs_cover_the_seed_and_the_shared_readouts_of_the_corpus() -> None:
    if not (SHARED / "readouts").is_dir():
        pytest.skip("../shared/readouts is not present")
    assert len(PAIRS) >= 3
