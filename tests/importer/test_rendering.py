"""Rendering: a draft as the text of a record file, in the canonical form `fmt` writes, with its
gaps and warnings as comments; and `import --write` giving a file `fmt --check` accepts."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from readout_texts import (
    ABE,
    ALL_SAMPLES,
    COLONNA,
    KISHIDA,
    SAMPLES,
    SEED,
    assert_valid,
    lead,
    sample,
    shared,
)

from conftest import run
from readouts_cli.canonical import format_text
from readouts_cli.errors import ReadoutsError
from readouts_cli.importer import draft_from_text, render_draft
from readouts_cli.model import Meeting


@pytest.mark.parametrize("name", ALL_SAMPLES)
def test_rendered_draft_parses_back_to_its_data(name: str) -> None:
    draft = sample(name)
    text = render_draft(draft)
    assert tomllib.loads(text) == draft.data
    for gap in draft.gaps:
        assert f"# TODO: {gap}" in text
    if not draft.gaps:
        assert_valid(draft)


@pytest.mark.parametrize("relative", [SEED, ABE, KISHIDA, COLONNA])
def test_real_readouts_render_and_validate(relative: str) -> None:
    draft = draft_from_text(shared(relative))
    assert tomllib.loads(render_draft(draft)) == draft.data
    assert_valid(draft)


def test_gaps_stand_in_the_header_and_beside_their_field() -> None:
    draft = sample("uk-prose")
    text = render_draft(draft)
    header = text.split("\n\n", 1)[0]
    assert "# TODO: no duration found" in header
    assert "# TODO: no duration found\npublisher = " in text  # where time and duration belong
    japanese = render_draft(sample("japanese-page"))
    assert re.search(r"\[\[participants\]\]\n# TODO: participant 1: name given only", japanese)


def test_a_condolence_whose_speaker_is_unclear_renders_without_by_and_fails_validation() -> None:
    draft = lead(point="Condolences were offered for the floods in Porto.")
    [item] = draft.data["condolences"]
    assert "by" not in item
    text = render_draft(draft)
    assert "[[condolences]]\n# TODO: condolence 1 (point 1): who expressed it is unclear" in text
    with pytest.raises(ValueError, match="by"):
        Meeting.model_validate(draft.data)


def test_amounts_are_written_as_fmt_writes_them() -> None:
    text = render_draft(sample("aid-phrasings"))
    assert "amount = 300_000_000\n" in text
    assert "amount = 300000000" not in text


# --------------------------------------------------------------------------------------------
# Every draft is already in canonical form


def assert_canonical(text: str) -> None:
    try:
        draft = draft_from_text(text)
    except ReadoutsError:
        return
    rendered = render_draft(draft)
    assert format_text(rendered) == rendered


@pytest.mark.parametrize("name", ALL_SAMPLES)
def test_the_samples_drafts_are_canonical(name: str) -> None:
    assert_canonical((SAMPLES / f"{name}.txt").read_text(encoding="utf-8"))


@pytest.mark.parametrize("relative", [SEED, ABE, KISHIDA, COLONNA])
def test_the_real_readouts_drafts_are_canonical(relative: str) -> None:
    assert_canonical(shared(relative))


HOME = ["Mr. TANAKA Haruto, Minister for Foreign Affairs of Japan", "Prime Minister SATO Kenji"]
OTHERS = [
    "H.E. Ms. Ana SILVA, Minister of Foreign Affairs of the Portuguese Republic",
    "H.E. Mr. Volodymyr ZELENSKYY, President of Ukraine",
    "the Rt Hon Alex CARTER MP, Foreign Secretary of the United Kingdom",
    "Chancellor Lukas Brandt of Germany",
]
KINDS = [
    "held a meeting with",
    "held a telephone talk with",
    "paid a courtesy call on",
    "held a video conference with",
    "signed and exchanged notes with",
]
WHEN = [
    "commencing at {h}:{m:02d} p.m. for approximately {d} minutes",
    "at around {h} a.m.",
    "commencing at {h}:{m:02d} p.m. local time (same day, {h}:{m:02d} p.m. JST) for about {d} minutes",
    "for {d} minutes",
]
WHERE = [
    "",
    ", in Tokyo",
    ", who is visiting Kyiv",
    " during a visit to Poland",
    ", in Capri, Italy",
]


@st.composite
def points(draw: st.DrawFn) -> str:
    currency = draw(st.sampled_from(["US$", "$", "€", "¥", ""]))
    number = draw(st.integers(min_value=1, max_value=99_999_999))
    scale = draw(st.sampled_from([" million", " billion", "", " thousand"]))
    money = f"{currency}{number:,}{scale}" + ("" if currency else " yen")
    return draw(
        st.sampled_from(
            [
                f"Minister Tanaka said that Japan will provide {money} in humanitarian assistance.",
                f"Japan has handed over generators worth {money} through the UNDP.",
                "Minister Silva expressed her condolences for the floods in Porto.",
                "The ministers talked about the ocean.",
                f"Japan contributed {money} via the NATO CAP Trust Fund, raising its total to {money}.",
                "He expressed sympathy to the people of Japan for the earthquake.",
            ]
        )
    )


@st.composite
def readouts(draw: st.DrawFn) -> str:
    """A readout in MOFA's shape: title, date line, lead, numbered points."""
    day = draw(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2030, 12, 31)))
    when = draw(st.sampled_from(WHEN)).format(
        h=draw(st.integers(1, 12)), m=draw(st.integers(0, 59)), d=draw(st.integers(5, 150))
    )
    lead_sentence = (
        f"On {day:%B} {day.day}, {when}, {draw(st.sampled_from(HOME))}, "
        f"{draw(st.sampled_from(KINDS))} {draw(st.sampled_from(OTHERS))}"
        f"{draw(st.sampled_from(WHERE))}. The overview is as follows."
    )
    items = draw(st.lists(points(), max_size=5))
    body = "\n\n".join(f"{n}. {text}" for n, text in enumerate(items, start=1))
    title = draw(st.sampled_from(["", "Japan-Portugal Foreign Ministers' Meeting\n\n"]))
    return f"{title}{day:%B} {day.day}, {day.year}\n\n{lead_sentence}\n\n{body}\n"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(readouts())
def test_every_draft_is_unchanged_by_the_canonical_formatter(text: str) -> None:
    assert_canonical(text)


# --------------------------------------------------------------------------------------------
# The command


def test_import_write_gives_a_file_that_fmt_check_accepts(tmp_path: Path) -> None:
    root = tmp_path / "d"
    (root / "meetings").mkdir(parents=True)
    written = run("--data", str(root), "import", str(SAMPLES / "aid-phrasings.txt"), "--write")
    path = root / "meetings/2024/2024-12-05-tanaka-hordiienko.toml"
    assert (written.code, written.out) == (0, f"{path}\n")
    assert "amount = 37_000_000\n" in path.read_text(encoding="utf-8")
    checked = run("--data", str(root), "fmt", "--check")
    assert (checked.code, checked.out, checked.err) == (
        0,
        "",
        "0 file(s) would be reformatted, 1 unchanged, 0 invalid\n",
    )
