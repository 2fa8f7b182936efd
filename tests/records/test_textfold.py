"""Folding: the quick path and the path that keeps a map back to the source agree."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from conftest import run, write
from readouts_cli.textfold import fold, fold_with_map

ALPHABET = (
    st.sampled_from(list("aZé’‘“”–— \n\t\u00a0ﬁ½İıßǅ\u0301x'`ΣςΑΐ日本\x1c\u2028Ⅻ㎏"))
    | st.characters()
)


@given(st.text(ALPHABET, max_size=40))
def test_fold_is_the_mapped_fold_without_its_map(text: str) -> None:
    assert fold(text) == fold_with_map(text)[0].strip()


def test_case_accents_quotes_dashes_and_spacing_do_not_count() -> None:
    assert fold("Ministers’  “PEACE\nFormula” — Zelenskyy é") == (
        'ministers\' "peace formula" - zelenskyy e'
    )
    assert fold("Straße ﬁnal") == "strasse final"


def test_letters_without_a_decomposition_fold_as_they_are_typed() -> None:
    assert fold("Łukasz Radosław Støre Yıldırım Œuvre Đorđe") == (
        "lukasz radoslaw store yildirim oeuvre dorde"
    )


def test_search_and_person_filter_find_lukasz(tmp_path: Path) -> None:
    root = tmp_path / "d"
    write(
        root,
        "meetings/2024/2024-03-01-kamikawa-sikorski.toml",
        'date = 2024-03-01\ntitle = "Talks with Radosław Sikorski"\nkind = "meeting"\n\n'
        '[[participants]]\nname = "Łukasz Nowak"\n',
    )
    assert run("--data", str(root), "search", "radoslaw", "-f", "csv").out.count("\n") == 2
    assert run("--data", str(root), "list", "-p", "lukasz", "-f", "csv").out.count("\n") == 2
