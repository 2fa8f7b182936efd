"""Kinds and levels: `find_kind` on the words of a lead, levels from titles, and both as a
draft gets them."""

from __future__ import annotations

import pytest
from readout_texts import JAPAN, OTHER, lead

from readouts_cli.importer import draft_from_text
from readouts_cli.importer.kinds import find_kind, meeting_level, title_level
from readouts_cli.vocab import Kind, Level


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("held a summit telephone meeting with", Kind.TELEPHONE_TALK),
        ("paid a courtesy call on", Kind.COURTESY_CALL),
        ("attended G7 Summit Session 2 on Ukraine", Kind.MULTILATERAL),
        ("signed the Exchange of Notes", Kind.SIGNING),
        ("held a video conference", Kind.VIDEO_CONFERENCE),
        ("電話会談を行いました", Kind.TELEPHONE_TALK),
        ("trafen sich", Kind.MEETING),
        ("visited Bucha", Kind.VISIT),
        ("thanked everyone", None),
    ],
)
def test_find_kind(text: str, kind: Kind | None) -> None:
    assert find_kind(text) is kind


@pytest.mark.parametrize(
    ("title", "level"),
    [
        ("Prime Minister", Level.SUMMIT),
        ("Minister for Foreign Affairs", Level.MINISTERIAL),
        ("Deputy Prime Minister", Level.MINISTERIAL),
        ("State Minister for Foreign Affairs", Level.VICE_MINISTERIAL),
        ("Vice President", None),
        ("Speaker of the House of Representatives", Level.PARLIAMENTARY),
        ("Ambassador Extraordinary and Plenipotentiary to Japan", Level.OFFICIAL),
        (None, None),
    ],
)
def test_title_level(title: str | None, level: Level | None) -> None:
    assert title_level(title) is level


def test_meeting_level_is_the_junior_principals() -> None:
    assert (
        meeting_level("paid a courtesy call on", ["Minister for Foreign Affairs", "President"])
        is Level.MINISTERIAL
    )
    assert meeting_level("held a summit meeting", ["Prime Minister", "President"]) is Level.SUMMIT
    # "summit" in a lead does not make a minister's meeting one
    assert (
        meeting_level("on the margins of the summit", ["Minister", "President"])
        is Level.MINISTERIAL
    )
    assert meeting_level("met", ["Ambassador", "Minister"]) is Level.MINISTERIAL
    assert meeting_level("met", [None, None]) is None


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("a meeting with", "meeting"),
        ("a Foreign Ministers' Meeting with", "meeting"),
        ("a summit telephone talk with", "telephone-talk"),
        ("a telephone conversation with", "telephone-talk"),
        ("talks by telephone with", "telephone-talk"),
        ("a video conference with", "video-conference"),
        ("a courtesy call on", "courtesy-call"),
        ("a signing ceremony with", "signing"),
        ("an exchange of notes with", "signing"),
    ],
)
def test_kinds(kind: str, expected: str) -> None:
    assert lead(kind=kind).data["kind"] == expected


def test_spoke_by_telephone_and_received_a_courtesy_call() -> None:
    spoke = draft_from_text(
        f"May 14, 2024\n\nOn May 14, {JAPAN}, spoke by telephone with {OTHER}.\n"
    )
    assert spoke.data["kind"] == "telephone-talk"
    received = draft_from_text(
        f"May 14, 2024\n\nOn May 14, {JAPAN}, received a courtesy call from {OTHER}.\n"
    )
    assert received.data["kind"] == "courtesy-call"
    assert (
        received.data["title"]
        == "Foreign Minister Silva's courtesy call on Foreign Minister Tanaka"
    )


@pytest.mark.parametrize(
    ("japan", "other", "level"),
    [
        ("Mr. SATO Kenji, Prime Minister of Japan", "H.E. Mr. Jan NOWAK, President of the Republic of Poland", "summit"),
        ("Mr. SATO Kenji, Prime Minister of Japan", OTHER, "ministerial"),
        ("Ms. MORI Akane, State Minister for Foreign Affairs of Japan", OTHER, "vice-ministerial"),
        ("Mr. ITO Jun, Parliamentary Vice-Minister for Foreign Affairs of Japan", "H.E. Mr. Jan NOWAK, Deputy Minister of Foreign Affairs of the Republic of Poland", "vice-ministerial"),
        ("Mr. OKADA Rin, Speaker of the House of Representatives of Japan", OTHER, "parliamentary"),
    ],
)  # fmt: skip
def test_levels_from_titles(japan: str, other: str, level: str) -> None:
    assert lead(japan=japan, other=other).data["level"] == level


def test_g7_session_is_multilateral_and_keeps_every_principal() -> None:
    text = (
        "June 14, 2024\n\nOn June 14, Prime Minister SATO Kenji attended G7 Summit Session 2 on "
        "Ukraine in Apulia, Italy, with President Volodymyr Zelenskyy of Ukraine and Chancellor "
        "Lukas Brandt of Germany.\n"
    )
    draft = draft_from_text(text)
    assert draft.data["kind"] == "multilateral"
    assert [p["name"] for p in draft.data["participants"]] == [
        "Sato Kenji",
        "Volodymyr Zelenskyy",
        "Lukas Brandt",
    ]
