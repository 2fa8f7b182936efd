"""Points: `find_points` on pages, and the list shapes readouts use (sub-items, nested lists,
a lead numbered as point 1, a page of two events)."""

from __future__ import annotations

import datetime as dt

from readout_texts import sample

from readouts_cli.importer.draft import Notes
from readouts_cli.importer.page import find_lead, read_page
from readouts_cli.importer.points import find_points

LEAD = "May 14, 2024\n\nOn May 14, Mr. TANAKA Haruto met H.E. Ms. Ana SILVA. The overview is as follows.\n\n"


def points(body: str) -> tuple[list[str], list[str]]:
    notes = Notes()
    page = read_page(LEAD + body)
    return find_points(page, find_lead(page), notes), notes.gaps


def test_find_points_takes_the_numbered_items_and_stops_at_the_page_end() -> None:
    assert points("1. First.\n\n2. Second.\n\nBack to Japan-Portugal Relations\n\n3. Not.") == (
        ["First.", "Second."],
        [],
    )


def test_find_points_folds_a_continuation_paragraph_into_its_item() -> None:
    assert points("1. First.\n\nMore on the first.\n\n2. Second.")[0] == [
        "First. More on the first.",
        "Second.",
    ]


def test_unnumbered_paragraphs_become_points_with_a_gap() -> None:
    found, gaps = points("The ministers met.\n\nThey agreed.")
    assert found == ["The ministers met.", "They agreed."]
    assert gaps == [
        "the page does not number its points: each paragraph after the lead became one point; "
        "check them"
    ]


def test_a_one_paragraph_readout_gives_what_follows_the_first_sentence() -> None:
    notes = Notes()
    page = read_page("On May 14, Mr. TANAKA Haruto met Ms. Ana SILVA. They agreed. All good.")
    assert find_points(page, find_lead(page), notes) == ["They agreed. All good."]
    assert notes.gaps == [
        "the readout is one paragraph: everything after its first sentence became point 1"
    ]


def test_a_page_without_a_lead_has_no_points() -> None:
    page = read_page("Nothing here")
    notes = Notes()
    assert find_points(page, find_lead(page), notes) == []
    assert notes.gaps == ["no lead paragraph found, so no points were taken"]


def test_sub_items_fold_into_their_heading() -> None:
    draft = sample("sub-items")
    found = draft.data["points"]
    assert len(found) == 2
    assert found[0].startswith("Bilateral relations (1) Minister Tanaka said")
    assert "(2) Minister Kral agreed" in found[0]
    assert found[1].startswith("Regional affairs (1)")
    assert draft.gaps == []


def test_nested_lists_that_restart_at_one() -> None:
    found = sample("nested-restart").data["points"]
    assert len(found) == 2
    assert found[0].startswith("Bilateral relations 1. The ministers welcomed")
    assert "2. They agreed to deepen exchanges" in found[0]
    assert found[1].startswith("International affairs 1.")


def test_lead_numbered_as_point_one() -> None:
    draft = sample("lead-as-point")
    found = draft.data["points"]
    assert len(found) == 3
    assert found[0].startswith("On January 22, commencing approximately at 14:10 p.m.")
    assert draft.data["time"] == dt.time(14, 10)
    assert draft.warnings == ["'14:10 p.m.' read as 14:10"]
    assert draft.data["participants"][1] == {
        "name": "Kadri Tamm",
        "title": "Deputy Minister of Foreign Affairs",
        "country": "EE",
    }


def test_a_page_of_two_events_takes_the_first() -> None:
    draft = sample("two-events")
    assert draft.data["duration_minutes"] == 40
    assert draft.data["time"] == dt.time(9, 0)
    assert draft.data["timezone"] == "Europe/Vilnius"
    assert len(draft.data["points"]) == 2
    assert any("more than one event" in g and "On the same day" in g for g in draft.gaps)
