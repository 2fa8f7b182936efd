"""Page shapes met while drafting the corpus that tripped the importer, each as a sample
written in our own words: a "(PDF)" link line and a "(参考)" block after the last point, a
news agency's dateline before a plain "A met B, <title>" lead, a byline with a reading time."""

from __future__ import annotations

import datetime as dt

from readouts_cli.importer import draft_from_text

PDF_LINE = """\
日・ウクライナ外相電話会談

令和7年4月3日

4月3日午前10時から約30分間、岩屋毅外務大臣は、アンドリー・シビハ・ウクライナ外務大臣（H.E. Mr. Andrii SYBIHA, Minister for Foreign Affairs of Ukraine）との間で電話会談を行ったところ、概要は以下のとおりです。

1　岩屋大臣から、ウクライナへの支援を継続する旨述べました。

2　両大臣は、引き続き緊密に連携していくことで一致しました。
（PDF）
（参考）両大臣の会談は本年二度目。
"""

DATELINE = """\
Tokyo, Sept. 7 (Jiji Press)--Speaker of the House of Representatives Hosoda Hiroyuki met Ruslan Stefanchuk, Chairman of the Verkhovna Rada of Ukraine, in Tokyo on Thursday.

They agreed to deepen exchanges between the two parliaments.
"""

BYLINE = """\
Zelensky meets Japanese foreign minister
by Jane Doe
10:51 PM 2 min read

President Volodymyr Zelensky met Japanese Foreign Minister Yoko Kamikawa in Kyiv on Jan. 7, 2024, the Presidential Office reported.

Zelensky called Japan an important partner.
"""


def test_a_pdf_link_and_a_reference_block_stay_out_of_the_last_point() -> None:
    data = draft_from_text(PDF_LINE).data
    assert data["points"][-1] == "両大臣は、引き続き緊密に連携していくことで一致しました。"
    assert len(data["points"]) == 2
    assert (data["time"], data["duration_minutes"]) == (dt.time(10, 0), 30)


def test_a_dateline_is_read_off_a_plain_news_lead() -> None:
    draft = draft_from_text(DATELINE)
    people = [(p["name"], p.get("title"), p.get("country")) for p in draft.data["participants"]]
    assert people == [
        ("Ruslan Stefanchuk", "Chairman of the Verkhovna Rada", "UA"),
        ("Hosoda Hiroyuki", "Speaker of the House of Representatives", None),
    ]
    # The dateline gives the day; the year is nowhere on the page, so it is asked for.
    assert "date" not in draft.data
    assert "date: no year stated (the page gives September 7)" in draft.gaps


def test_a_byline_with_a_reading_time_is_no_title_and_no_time() -> None:
    data = draft_from_text(BYLINE).data
    assert data["title"] == "Zelensky meets Japanese foreign minister"
    assert data["date"] == dt.date(2024, 1, 7)
    assert "time" not in data and "duration_minutes" not in data
