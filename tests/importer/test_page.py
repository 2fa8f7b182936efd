"""Reading the page: lines, furniture, paragraphs, sentences and the lead; and what the page
itself says of its publisher and title."""

from __future__ import annotations

from readout_texts import sample, sample_text

from readouts_cli.importer import draft_from_text, render_draft
from readouts_cli.importer.page import (
    find_lead,
    is_furniture,
    paragraphs,
    read_page,
    sentences,
    strip_attribution,
)
from readouts_cli.importer.participants import Person
from readouts_cli.importer.publishers import find_publisher
from readouts_cli.importer.text import split_top
from readouts_cli.importer.titles import compose_title, page_title
from readouts_cli.vocab import Kind


def test_read_page_takes_the_source_line_and_every_kind_of_line_break() -> None:
    page = read_page(
        "source: https://example.org/a\r\nTitle\rMarch 2, 2015\u2028\n\nOn March 2, ..."
    )
    assert page.source == "https://example.org/a"
    assert [p.text for p in page.paras] == ["Title", "March 2, 2015", "On March 2, ..."]
    assert not page.japanese
    assert read_page("令和5年2月22日\n\n2月22日、山川一郎外務大臣は電話会談を行いました。").japanese


def test_read_page_drops_the_unsafe_characters_and_keeps_tabs() -> None:
    page = read_page("Prime \u202eMin\x07ister\u2066\tKishida\x1b[31m")
    assert page.text == "Prime Minister\tKishida[31m"


def test_direction_overrides_and_control_characters_never_reach_the_draft() -> None:
    text = sample_text("video-conference")
    poisoned = text.replace("Prime Minister", "Prime \u202eMin\x07ister\u2066", 1)
    assert poisoned != text
    assert render_draft(draft_from_text(poisoned)) == render_draft(draft_from_text(text))


def test_paragraphs_join_hard_wrapped_lines_and_read_list_markers() -> None:
    paras = paragraphs(
        [
            "On January 7, commencing at 3:10 p.m., the Minister for Foreign Affairs held",
            "a meeting with the President.",
            "1. First point.",
            "  (1) A sub-item.",
            "• A bullet.",
            "14 May 2024",
        ]
    )
    assert [(p.text, p.number, p.sub, p.bullet) for p in paras] == [
        (
            "On January 7, commencing at 3:10 p.m., the Minister for Foreign Affairs held "
            "a meeting with the President.",
            None,
            None,
            False,
        ),
        ("First point.", 1, None, False),
        ("A sub-item.", None, "1", False),
        ("A bullet.", None, None, True),
        ("14 May 2024", None, None, False),  # a date line, not item 14
    ]
    assert paras[2].indent == 2


def test_sentences_mind_honorifics_times_and_initials() -> None:
    assert sentences(
        "On May 14, at 3 p.m. JST, H.E. Mr. J. Smith met Dr. Ana Silva. They talked. 会談した。次"
    ) == [
        "On May 14, at 3 p.m. JST, H.E. Mr. J. Smith met Dr. Ana Silva.",
        "They talked.",
        "会談した。",
        "次",
    ]


def test_is_furniture() -> None:
    assert is_furniture("Back to Japan-Ukraine Relations")
    assert is_furniture("(Photo: Cabinet Public Relations Office)")
    assert is_furniture("Japan-Ukraine Relations")
    assert is_furniture("[Provisional translation]")
    assert not is_furniture("Bilateral relations")
    assert not is_furniture("1. Minister Tanaka said that Japan will provide assistance.")


def test_find_lead_skips_the_header_and_the_spokespersons_attribution() -> None:
    page = read_page(sample_text("us-readout"))
    found = find_lead(page)
    assert found.index is not None and found.para is page.paras[found.index]
    assert found.sentence == (
        "Secretary of State Dana Whitfield spoke today with Polish Foreign Minister Tomasz Kral "
        "about regional energy security."
    )
    assert [p.text for p in found.header] == [
        "Secretary Whitfield's Call with Polish Foreign Minister Kral",
        "READOUT",
        "OFFICE OF THE SPOKESPERSON",
        "November 3, 2024",
        "The below is attributable to Spokesperson Chris Mallory:",
    ]
    inline = find_lead(read_page("A No.10 spokesperson said: The Prime Minister spoke to X."))
    assert inline.text == "The Prime Minister spoke to X."
    assert find_lead(read_page("Nothing\n\nhere")).index is None


def test_strip_attribution() -> None:
    assert strip_attribution("A No.10 spokesperson said: “The Prime Minister spoke ...”") == (
        "The Prime Minister spoke ..."
    )
    assert strip_attribution("On May 14, ...") == "On May 14, ..."


def test_split_top_keeps_brackets_whole() -> None:
    assert split_top("Mr. A (Minister, Japan), and Mr. B") == [
        "Mr. A (Minister, Japan)",
        "and Mr. B",
    ]


def test_find_publisher_from_the_source_or_the_furniture() -> None:
    page = read_page("Readout\n\nOn May 14, the Secretary spoke with ...")
    assert find_publisher(page, "https://www.state.gov/x") == ("U.S. Department of State", "US")
    page = read_page("Japan-Ukraine Relations\n\nOn May 14, ...")
    assert find_publisher(page, None) == ("MOFA Japan", "JP")
    assert find_publisher(read_page("On May 14, ..."), None) == (None, None)


def test_page_title_is_the_line_above_the_date_line() -> None:
    page = read_page(
        "Japan-Ukraine Relations\n\nJapan-France Foreign Ministers’ Telephone Talk\n\n"
        "October 17, 2023\n\n(Photo: MOFA)\n\nOn October 17, ...\n"
    )
    assert page_title(page.paras) == "Japan-France Foreign Ministers’ Telephone Talk"
    assert page_title(read_page("Back to top\n\nMay 14, 2024").paras) is None


def test_compose_title_from_kind_and_principals() -> None:
    tanaka = Person("Tanaka Haruto", "Minister for Foreign Affairs", "JP", "Tanaka")
    silva = Person("Ana Silva", "President of the Portuguese Republic", "PT", "Silva")
    assert compose_title(Kind.TELEPHONE_TALK, "", [tanaka, silva]) == (
        "Foreign Minister Tanaka's telephone talk with President Silva"
    )
    assert compose_title(Kind.COURTESY_CALL, "received a courtesy call from", [tanaka, silva]) == (
        "President Silva's courtesy call on Foreign Minister Tanaka"
    )
    assert compose_title(None, "", [tanaka, silva]) is None
    assert compose_title(Kind.MEETING, "", [tanaka]) is None


def test_provisional_translation_notes_are_furniture() -> None:
    draft = sample("japan-time-pm")
    assert len(draft.data["points"]) == 2
    assert not any("provisional" in p.lower() for p in draft.data["points"])
