"""Random bytes and random TOML-ish texts as record files: never a traceback (run() raises on
one), never a hang, and the answers for the good records beside them never change."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import FIXTURES, run

CORPUS = FIXTURES / "corpus"
GOOD_IDS = sorted(p.stem for p in (CORPUS / "meetings").rglob("*.toml"))

KEYS = ["date", "title", "kind", "time", "timezone", "points", "aid", "participants", "x"]
VALUES = [
    "2024-01-07",
    '"A meeting"',
    '"meeting"',
    "15:10:00",
    '"Europe/Kyiv"',
    '["One."]',
    "[]",
    "3",
    "true",
    '"\\u001b[31m"',
    "2024-13-45",
    "{ a = 1 }",
    '"""',
    "[[",
]
toml_ish = st.lists(
    st.one_of(
        st.builds(lambda k, v: f"{k} = {v}", st.sampled_from(KEYS), st.sampled_from(VALUES)),
        st.sampled_from(["[[aid]]", "[[participants]]", "donor = 5", "# note", "", "=", "]"]),
    ),
    max_size=12,
).map("\n".join)


def answers(root: Path, *extra: str) -> list[str]:
    result = run("--data", str(root), *extra, "--skip-invalid", "list", "-f", "json")
    assert result.code == 0, result.err
    return sorted(r["id"] for r in json.loads(result.out))


@pytest.fixture(scope="module")
def fuzz_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import shutil

    root = tmp_path_factory.mktemp("fuzz") / "data"
    shutil.copytree(CORPUS, root)
    return root


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(content=st.one_of(st.binary(max_size=300), toml_ish.map(str.encode)))
def test_a_bad_file_never_breaks_the_others(fuzz_root: Path, content: bytes) -> None:
    bad = fuzz_root / "meetings/2024/2024-02-02-fuzz.toml"
    bad.write_bytes(content)
    try:
        for extra in ([], ["--no-cache"]):
            found = answers(fuzz_root, *extra)
            assert [i for i in found if i != "2024-02-02-fuzz"] == GOOD_IDS
            check = run("--data", str(fuzz_root), *extra, "check")
            assert check.code in (0, 1)
            assert "Traceback" not in check.err
    finally:
        bad.unlink()
