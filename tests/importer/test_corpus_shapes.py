"""Page shapes met while drafting the corpus that tripped the importer, each as a short sample
written in our own words with the same shape: Japanese defence-ministry readouts reposted by
a news site, MOFA pages with photo captions above the lead, noon and a Japan time on the
next day, officials named by surname and title, a visiting ambassador's courtesy call, the
kinds Japanese pages use, aid said in general words, and a news story's own timestamp."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from readouts_cli.importer import draft_from_text
from readouts_cli.importer.aid import find_donor, find_status
from readouts_cli.importer.dates import is_date_line
from readouts_cli.importer.kinds import find_kind, page_kind
from readouts_cli.importer.page import find_lead, is_furniture, read_page
from readouts_cli.importer.participants import find_people, find_people_japanese
from readouts_cli.importer.times import find_times
from readouts_cli.vocab import Kind, Status

# A repost: the site's headline, its section, its posting time, the line saying what the
# ministry published, the ministry's heading, then the lead with an era date and a clock.
REPOST = """\
山川防衛大臣、ボンダレンコ・ウクライナ国防大臣と会談（3月5日）
- 防衛の話題
2025-03-07 09:15
防衛省は令和7(2025)年3月6日(木)10時00分、山川一郎防衛大臣の日ウクライナ防衛相会談について以下のとおり発表した。
日ウクライナ防衛相会談について
令和7年3月5日15時10分（現地時間）から約40分間、山川防衛大臣は、ボンダレンコ・ウクライナ国防大臣との間で会談を実施しました。
1 山川大臣から、ウクライナとの防衛協力を続けていく旨述べました。
2 両大臣は、今後も緊密に意思疎通していくことで一致しました。
"""

# A MOFA page whose photo captions, between the date line and the lead, name the meeting.
CAPTIONS = """\
外務省・新着情報

令和6年5月20日
会談の冒頭に握手を交わす山川外務大臣政務官とボンダレンコ駐日ウクライナ大使の様子
会談に臨む山川外務大臣政務官とボンダレンコ駐日ウクライナ大使の様子（会談形式）

 5月20日、午後3時から約20分間、山川一郎外務大臣政務官は、ボンダレンコ駐日ウクライナ大使（H.E. Mr. Ivan BONDARENKO, Ambassador Extraordinary and Plenipotentiary of Ukraine to Japan）による表敬を受けたところ、概要は以下のとおりです。

  1. 山川政務官から、大使の着任を歓迎する旨述べました。
  2. 両者は、二国間関係を一層深めていくことで一致しました。
"""


def test_the_lead_of_a_repost_is_the_paragraph_with_the_date_not_the_headline() -> None:
    page = read_page(REPOST)
    assert find_lead(page).text.startswith("令和7年3月5日15時10分")
    draft = draft_from_text(REPOST)
    assert draft.data["date"] == dt.date(2025, 3, 5)
    assert draft.data["duration_minutes"] == 40
    assert len(draft.data["points"]) == 2
    # Nothing above the lead is taken for an unnumbered paragraph before point 1.
    assert not [g for g in draft.gaps if "before point 1" in g]


def test_an_era_date_with_a_local_clock_takes_its_zone_from_the_headline() -> None:
    headline = "山川防衛大臣、ブリュッセルでボンダレンコ・ウクライナ国防大臣と会談（3月5日）"
    draft = draft_from_text(headline + REPOST[REPOST.index("\n") :])
    assert draft.data["date"] == dt.date(2025, 3, 5)
    assert draft.data["place"] == "Brussels"
    assert (draft.data["time"], draft.data["timezone"]) == (dt.time(15, 10), "Europe/Brussels")
    assert draft.data["duration_minutes"] == 40
    assert any("place Brussels taken from the line above the lead" in w for w in draft.warnings)


def test_an_era_date_with_a_local_clock_and_no_place_asks_for_the_zone() -> None:
    draft = draft_from_text(REPOST)
    assert "time" not in draft.data and "timezone" not in draft.data
    assert "time: 15時10分 local time, but the place is unknown" in draft.gaps


def test_photo_captions_above_the_lead_are_not_the_lead() -> None:
    draft = draft_from_text(CAPTIONS)
    assert draft.data["date"] == dt.date(2024, 5, 20)
    assert (draft.data["time"], draft.data["timezone"]) == (dt.time(15, 0), "Asia/Tokyo")
    assert draft.data["duration_minutes"] == 20
    assert draft.data["kind"] == "courtesy-call"


def test_an_undated_lead_stays_the_lead_above_a_dated_paragraph() -> None:
    text = """\
Zelenskyy spoke with the Prime Minister of Japan

12 March 2025 - 18:05

President of Ukraine Volodymyr Zelenskyy had a phone conversation with Prime Minister of Japan Hiro Tanaka.

On March 11, the two leaders had met in person at a conference on energy.
"""
    lead = find_lead(read_page(text))
    assert lead.text.startswith("President of Ukraine Volodymyr Zelenskyy had a phone")


def noon_lead(japan_time: str, where: str = "国連総会出席のためニューヨークを訪問中の") -> str:
    """A MOFA lead at noon local time, with the Japan time (on another day) in brackets."""
    return f"""\
令和6年9月24日
現地時間9月24日正午（日本時間{japan_time}）頃から約30分間、{where}山川一郎内閣総理大臣は、ボンダレンコ・ウクライナ首相（H.E. Mr. Ivan BONDARENKO, Prime Minister of Ukraine）と会談を行ったところ、概要は以下のとおりです。
"""


def test_noon_is_a_time_and_its_japan_time_names_its_own_day() -> None:
    local, jst = find_times("現地時間9月24日正午（日本時間25日午前1時）頃から")
    assert (local.value, local.tag) == (dt.time(12, 0), "local")
    assert (jst.value, jst.tag, jst.day) == (dt.time(1, 0), "jst", 25)


def test_noon_in_new_york_is_one_in_the_morning_of_the_next_day_in_tokyo() -> None:
    draft = draft_from_text(noon_lead("25日午前1時"))
    assert draft.data["date"] == dt.date(2024, 9, 24)
    assert (draft.data["time"], draft.data["timezone"]) == (dt.time(12, 0), "America/New_York")
    assert draft.warnings == []
    # A Japan time on the wrong day is said to be so.
    wrong = draft_from_text(noon_lead("24日午前1時"))
    assert any("stated JST 01:00 does not match" in w for w in wrong.warnings)


def test_a_japan_time_on_the_next_day_is_not_recorded_on_the_meeting_s_date() -> None:
    draft = draft_from_text(noon_lead("25日午前1時", where=""))
    assert "time" not in draft.data
    assert any("falls on day 25, not on the meeting's date" in g for g in draft.gaps)


REGISTRY = {
    "山川防衛大臣": "Yamakawa Ichiro",
    "山川一郎": "Yamakawa Ichiro",
    "ボンダレンコ": "Ivan Bondarenko",
    "ボンダレンコ・ウクライナ国防大臣": None,
    "Yamakawa Ichiro": "Yamakawa Ichiro",
    "Ivan Bondarenko": "Ivan Bondarenko",
}


def registry(asked: list[str]) -> Callable[[str], str | None]:
    """A resolver standing for people.toml, recording what it was asked."""

    def resolve(name: str) -> str | None:
        asked.append(name)
        return REGISTRY.get(name)

    return resolve


def who(people: list[dict[str, Any]]) -> list[tuple[str, str | None, str | None]]:
    return [(p["name"], p.get("title"), p.get("country")) for p in people]


def test_officials_named_by_surname_and_title_and_in_katakana_are_found() -> None:
    lead = "山川防衛大臣は、ボンダレンコ・ウクライナ国防大臣との間で会談を実施しました。"
    found = [(p.name, p.title, p.country) for p in find_people_japanese(lead)]
    assert found == [
        ("山川", "Minister of Defense", "JP"),
        ("ボンダレンコ", "Minister of Defence", "UA"),
    ]
    # A one-kanji surname, the bare title "大臣", and the "<country>の<name><title>" order.
    news = "林大臣は、ウクライナのボンダレンコ国防大臣とテレビ会談し、岸防衛大臣も同席した。"
    found = [(p.name, p.title, p.country) for p in find_people_japanese(news)]
    assert found == [
        ("岸", "Minister of Defense", "JP"),
        ("林", "Minister", "JP"),
        ("ボンダレンコ", "Minister of Defence", "UA"),
    ]
    # An office is no name: "国防" before "大臣" stays part of the Ukrainian title.
    assert [p.name for p in find_people_japanese("ボンダレンコ・ウクライナ国防大臣と会談")] == [
        "ボンダレンコ"
    ]


def test_a_surname_and_title_resolve_through_the_registry_to_the_latin_name() -> None:
    asked: list[str] = []
    draft = draft_from_text(REPOST, resolve_name=registry(asked))
    assert who(draft.data["participants"]) == [
        ("Yamakawa Ichiro", "Minister of Defense", "JP"),
        ("Ivan Bondarenko", "Minister of Defence", "UA"),
    ]
    # The name as the lead writes it first, then surname and title, then the surname alone.
    assert asked[:2] == ["山川", "山川防衛大臣"]
    assert draft.suggested_id() == "2025-03-05-yamakawa-bondarenko"
    assert not [g for g in draft.gaps if "Japanese script" in g]


def test_a_visiting_ambassador_s_courtesy_call_names_both_sides() -> None:
    draft = draft_from_text(CAPTIONS)
    assert who(draft.data["participants"]) == [
        ("山川一郎", "Parliamentary Vice-Minister for Foreign Affairs", "JP"),
        ("Ivan Bondarenko", "Ambassador Extraordinary and Plenipotentiary to Japan", "UA"),
    ]
    lead = find_lead(read_page(CAPTIONS)).text
    ambassador = find_people_japanese(lead)[1]
    assert "ボンダレンコ" in ambassador.aliases  # how the points call him


def test_a_composed_title_uses_latin_names_or_asks_for_one() -> None:
    lead = """\
令和7年6月2日
6月2日、午前10時から約30分間、山川防衛大臣は、ボンダレンコ・ウクライナ国防大臣との間でテレビ会談を実施しました。
"""
    resolved = draft_from_text(lead, resolve_name=registry([]))
    assert resolved.data["title"] == (
        "Minister Yamakawa's video conference with Minister Bondarenko"
    )
    assert resolved.suggested_id() == "2025-06-02-yamakawa-bondarenko"
    unknown = draft_from_text(lead)
    assert "title" not in unknown.data
    assert (
        "no title found, and none composed: 山川, ボンダレンコ named only in Japanese script"
        in unknown.gaps
    )


@pytest.mark.parametrize(
    ("lead", "kind"),
    [
        # Views exchanged over dinner, or simply exchanged: a meeting.
        ("山川外務副大臣は、訪日中の議長との間で、夕食を交え意見交換を行いました。", "meeting"),
        ("山川大使は、同大臣と地域情勢について意見交換を行った。", "meeting"),
        # Attending a conference is a multilateral engagement; a talk on its margins is not.
        (
            "山川政務官は、ワルシャワで開催された「復興に関する国際会議」に出席しました。",
            "multilateral",
        ),
        ("山川政務官は、国際会議に出席した際に、同国外相と会談を行いました。", "meeting"),
        (
            "山川防衛大臣は、ボンダレンコ国防大臣との間でテレビ会談を実施しました。",
            "video-conference",
        ),
        # A signing the principals witnessed before their meeting: the meeting is recorded.
        (
            "山川大使は、大統領府を訪れ、大統領令の署名式に立ち会うとともに、大統領と会談を行いました。",
            "meeting",
        ),
        ("The ambassador witnessed the signing of the decree and met the President.", "meeting"),
        ("The two ministers signed a memorandum on demining.", "signing"),
        ("The President held a teleconference with the Prime Minister.", "video-conference"),
    ],
)
def test_the_kinds_japanese_and_news_pages_use(lead: str, kind: str) -> None:
    assert find_kind(lead) is Kind(kind)


def test_a_video_call_in_the_headline_beats_the_lead_s_multilateral_framing() -> None:
    lead = "President of Ukraine Volodymyr Zelenskyy joined the G7 meeting by video conference."
    headline = "The President took part in a video call of the G7 leaders"
    assert page_kind(lead, headline) is Kind.VIDEO_CONFERENCE
    assert page_kind(lead, "The President at the G7 summit") is Kind.MULTILATERAL
    assert page_kind("They agreed to cooperate.", headline) is Kind.VIDEO_CONFERENCE


# Aid in a Japanese readout: support for Ukraine as a policy beside sanctions on Russia (no
# item), a decision to give more (announced), thanks for aid given (mentioned; the side
# thanked gave it), and readiness to lend said again (mentioned).
AID = """\
令和7年3月5日
令和7年3月5日10時00分から約30分間、山川外務大臣は、ボンダレンコ・ウクライナ外務大臣との間で電話会談を行いました。
1 山川大臣から、ロシアによる侵略は国際秩序を揺るがすものであり、我が国として、厳しい対露制裁とウクライナ支援を続けている旨述べました。
2 山川大臣から、ウクライナへの自衛隊車両の追加提供を行うことを決定した旨伝えました。ボンダレンコ大臣からは、我が国の人道支援及び自衛隊による装備品等の提供について、深い謝意が述べられました。
3 山川大臣から、少なくとも1億ドル規模の借款による支援を供与する用意がある旨を改めて伝達しました。
"""


def test_aid_in_general_words_is_no_item_and_thanks_name_the_side_that_gave() -> None:
    aid = draft_from_text(AID).data["aid"]
    found = [
        (a["donor"], a["recipient"], a["what"], a["category"], a.get("amount"), a["status"])
        for a in aid
    ]
    assert found == [
        ("JP", "UA", "自衛隊車両の追加提供", "military", None, "announced"),
        ("JP", "UA", "人道支援", "humanitarian", None, "mentioned"),
        ("JP", "UA", "装備品等の提供", "military", None, "mentioned"),
        ("JP", "UA", "借款", "financial", 100_000_000, "mentioned"),
    ]
    assert [a["point"] for a in aid] == [2, 2, 2, 3]


def test_who_gives_in_japanese() -> None:
    assert find_donor("我が国の人道支援について") == "JP"
    assert find_donor("日本からの支援に感謝") == "JP"
    # An invader and a country under sanctions give nothing.
    assert find_donor("ロシアによるウクライナ侵略は、ウクライナ支援を妨げる") is None
    assert find_donor("厳しい対露制裁とウクライナ支援") is None


def test_an_offer_said_again_is_mentioned() -> None:
    assert find_status("借款を供与する用意がある旨を改めて伝達しました。") is Status.MENTIONED
    assert find_status("He reiterated Japan's readiness to extend loans.") is Status.MENTIONED
    assert find_status("追加提供を行うことを決定した。") is Status.ANNOUNCED


def test_thanks_in_english_for_equipment_name_the_side_thanked_as_donor() -> None:
    text = """\
June 3, 2025

On June 3, Minister of Foreign Affairs Yamakawa Ichiro held a meeting with Ukrainian Foreign Minister Ivan Bondarenko.

1. Minister Bondarenko expressed his deep appreciation for the provision of equipment by the Self-Defense Forces.

2. Minister Yamakawa said Japan would keep its sanctions on Russia and its assistance to Ukraine.
"""
    aid = draft_from_text(text).data["aid"]
    assert [(a["donor"], a["recipient"], a["status"], a["point"]) for a in aid] == [
        ("JP", "UA", "mentioned", 1)
    ]


NEWS_STAMP = """\
Leaders discuss energy cooperation
08:15 JST, March 10, 2025
KYIV (Example Press) — Ukrainian President Volodymyr Zelenskyy has said he expects closer energy cooperation with Japan.
Speaking on Friday night, Zelenskyy said he had held a video call with Prime Minister Hiro Tanaka earlier that day.
"""


def test_a_news_story_s_timestamp_steps_back_to_the_weekday_the_text_names() -> None:
    assert is_date_line("08:15 JST, March 10, 2025")
    draft = draft_from_text(NEWS_STAMP)
    # March 10, 2025 is a Monday; the Friday before it is March 7.
    assert draft.data["date"] == dt.date(2025, 3, 7)
    assert "the page is dated 2025-03-10 (Monday); the text says Friday: took 2025-03-07" in (
        draft.warnings
    )
    assert draft.data["title"] == "Leaders discuss energy cooperation"
    # No weekday named: the story's own date stands, with no warning.
    plain = draft_from_text(NEWS_STAMP.replace("on Friday night", "last night"))
    assert plain.data["date"] == dt.date(2025, 3, 10)
    assert not [w for w in plain.warnings if "the text says" in w]


def test_a_repost_s_timestamp_and_attribution_lines_are_no_points() -> None:
    assert is_date_line("2025-03-07 09:15")
    assert is_furniture(
        "防衛省は令和7(2025)年3月6日(木)10時00分、会談について以下のとおり発表した。"
    )
    assert is_furniture("The Ministry of Defense published the following on March 6, 2025.")
    text = """\
令和7年3月5日15時10分（現地時間）から約40分間、山川防衛大臣は、ボンダレンコ・ウクライナ国防大臣との間で会談を実施しました。
山川大臣から、ウクライナとの防衛協力を続けていく旨述べました。
両大臣は、今後も緊密に意思疎通していくことで一致しました。
2025-03-07 09:15
防衛省は令和7(2025)年3月6日(木)10時00分、日ウクライナ防衛相会談について以下のとおり発表した。
"""
    points = draft_from_text(text).data["points"]
    assert points == [
        "山川大臣から、ウクライナとの防衛協力を続けていく旨述べました。",
        "両大臣は、今後も緊密に意思疎通していくことで一致しました。",
    ]


def test_a_japanese_name_in_either_order_takes_its_surname_from_the_registry() -> None:
    text = """\
3 May 2025 - 14:05

On May 3, Minister of Foreign Affairs of Ukraine Ivan Bondarenko welcomed his Japanese counterpart Yamakawa Ichiro in Kyiv.
"""
    draft = draft_from_text(text, resolve_name=registry([]))
    assert (
        draft.data["title"]
        == "Foreign Minister Yamakawa's meeting with Foreign Minister Bondarenko"
    )
    assert draft.suggested_id() == "2025-05-03-yamakawa-bondarenko"


def test_news_pages_short_titles_name_japanese_officials() -> None:
    lead = "日本の山川一郎外相は12日、ウクライナのボンダレンコ外相と会談した。"
    found = [(p.name, p.title, p.country) for p in find_people_japanese(lead)]
    assert found == [
        ("山川一郎", "Minister for Foreign Affairs", "JP"),
        ("ボンダレンコ", "Minister for Foreign Affairs", "UA"),
    ]
    # A meeting's name and another country's leader are no Japanese officials.
    assert find_people_japanese("日宇外相会談で、英首相の発言に触れた。") == []
    # "山川防衛相" resolves as the registry writes him, "山川防衛大臣".
    asked: list[str] = []
    text = """\
令和7年3月5日
令和7年3月5日、山川防衛相は、ボンダレンコ・ウクライナ国防相とテレビ会談を行った。
"""
    draft = draft_from_text(text, resolve_name=registry(asked))
    assert "山川防衛大臣" in asked
    assert who(draft.data["participants"])[0] == ("Yamakawa Ichiro", "Minister of Defense", "JP")


def test_a_ministry_of_defense_lead_names_its_minister_by_title_and_surname() -> None:
    lead = (
        "On May 8, 2025, for about 20 minutes from 9:30 a.m. (local time), Minister of Defense "
        "Yamakawa, visiting Warsaw, held a meeting with Ukrainian Defense Minister Bondarenko."
    )
    found = [(p.name, p.title, p.country) for p in find_people(lead)]
    assert found == [
        ("Yamakawa", "Minister of Defense", None),
        ("Bondarenko", "Defense Minister", "UA"),
    ]


def test_a_news_site_s_furniture_is_no_title_and_no_point() -> None:
    text = """\
Skip to content
menu closed
Zelensky meets Japan's foreign minister in Kyiv
President Volodymyr Zelensky and Japan's Foreign Minister Hana Sato in Kyiv on May 3. (President's Office)
This audio is created with AI assistance
President Volodymyr Zelensky met Japanese Foreign Minister Hana Sato in Kyiv on May 3, 2025, the President's Office said.
Zelensky thanked Japan for its energy equipment.
Also Read
Sato said Japan would keep helping Ukraine rebuild.
"""
    draft = draft_from_text(text)
    assert draft.data["title"] == "Zelensky meets Japan's foreign minister in Kyiv"
    assert draft.data["points"] == [
        "Zelensky thanked Japan for its energy equipment.",
        "Sato said Japan would keep helping Ukraine rebuild.",
    ]
    assert is_furniture(" date 2025-05-03 Skip to content")
    # A sentence that ends in a bracket of its own is no caption credit.
    assert not is_furniture("They met at 10:00 (local time).")
