"""Page shapes met while drafting the corpus that tripped the importer, each as a short sample
written in our own words with the same shape: Japanese defence-ministry readouts reposted by
a news site, MOFA pages with photo captions above the lead, noon and a Japan time on the
next day, officials named by surname and title, a visiting ambassador's courtesy call, the
kinds Japanese pages use, aid said in general words, and a news story's own timestamp."""

from __future__ import annotations

import datetime as dt

from readouts_cli.importer import draft_from_text
from readouts_cli.importer.page import find_lead, read_page

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
