"""Every view as a person reads it, whole, at 80 and at 120 columns, on a fixture corpus with
the long ids, long titles and whole delegations of the real one (tests/fixtures/views)."""

from __future__ import annotations

import functools
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from conftest import FIXTURES, run
from readouts_cli.cli.values import SHORT_KINDS

VIEWS = FIXTURES / "views"


def view(monkeypatch: pytest.MonkeyPatch, width: int, *args: str) -> str:
    monkeypatch.setenv("COLUMNS", str(width))
    result = run("--data", str(VIEWS), *args)
    assert result.code == 0, result.err
    return result.out


LIST_80 = """\
ID                             LOCAL  JST        TITLE
2015-03-02-abe-klimkin         14:55  14:55      Courtesy call on Prime…
2019-10-21-abe-zelenskyy       14:10  14:10      Japan-Ukraine Summit Meeting…
2022-04-26-kishida-zelenskyy   19:35  19:35      Japan-Ukraine summit telephone…
2023-05-21-kishida-zelenskyy-multilateral  10:45  10:45      G7 Hiroshima…
2023-09-20-kamikawa-kuleba     18:05  07:05 +1d  Japan-Ukraine Foreign…
2024-01-07-kamikawa-zelenskyy  15:10  22:10      Foreign Minister Kamikawa's…
"""

SEARCH_80 = """\
2019-10-21-abe-zelenskyy  Japan-Ukraine Summit Meeting on the occasion of the…
  §1            Abe welcomed Zelenskyy's first visit and said Japan backed his…
  §2            Zelenskyy thanked Japan for its help in modernising a sewage…
  participants  Volodymyr Zelenskyy, President, UA

2022-04-26-kishida-zelenskyy  Japan-Ukraine summit telephone talk
  §2            Zelenskyy briefed on the situation and thanked Japan.
  participants  Volodymyr Zelenskyy, President, UA

2023-05-21-kishida-zelenskyy-multilateral  G7 Hiroshima Summit Session 8 on…
  title         …Ukraine, with President Zelenskyy as a guest of the presidency
  §2            The leaders and Zelenskyy confirmed they would keep supporting…
  participants  Volodymyr Zelenskyy, President, UA

2024-01-07-kamikawa-zelenskyy  Foreign Minister Kamikawa's courtesy call on…
  title           …Minister Kamikawa's courtesy call on President Zelenskyy
  summary         Kamikawa called on Zelenskyy in Kyiv after visiting Bucha.
  §1              Zelenskyy offered sympathy over the Noto Peninsula earthquake…
  §4              Kamikawa outlined Japan's aid; Zelenskyy thanked her.
  participants    Volodymyr Zelenskyy, President, UA
  condolences §1  Volodymyr Zelenskyy → JP: damage from the 2024 Noto Peninsula…
"""

PERSON_80 = """\
Volodymyr Zelenskyy
  id        zelenskyy-volodymyr
  native    Володимир Зеленський
  country   UA
  aliases   Volodymyr ZELENSKYY, Zelensky, President Zelenskyy
  role      President of Ukraine (2019-05-20 – now)

Meetings (4)
per year  2019 █1  2020 ·0  2021 ·0  2022 █1  2023 █1  2024 █1
ID                             KIND            WITH      TITLE
2019-10-21-abe-zelenskyy       meeting         Abe       Japan-Ukraine Summit…
2022-04-26-kishida-zelenskyy   telephone-talk  Kishida   Japan-Ukraine summit…
2023-05-21-kishida-zelenskyy-multilateral  multilateral    Kishida   G7…
2024-01-07-kamikawa-zelenskyy  courtesy-call   Kamikawa  Foreign Minister…

Condolences expressed (1)
2024-01-07-kamikawa-zelenskyy §1
    Volodymyr Zelenskyy → JP: damage from the 2024 Noto Peninsula earthquake

Tags
Peace Formula (2), reforms (1), financial support (1), G7 (1), nuclear safety
(1), winterization (1)

What they said (3)
2019-10-21-abe-zelenskyy §2
    Zelenskyy thanked Japan for its help in modernising a sewage plant in Kyiv.
2022-04-26-kishida-zelenskyy §2
    Zelenskyy briefed on the situation and thanked Japan.
2024-01-07-kamikawa-zelenskyy §1
    Zelenskyy offered sympathy over the Noto Peninsula earthquake and thanked
    Japan.

Points naming them (3)
2019-10-21-abe-zelenskyy §1
    Abe welcomed Zelenskyy's first visit and said Japan backed his reform drive.
2023-05-21-kishida-zelenskyy-multilateral §2
    The leaders and Zelenskyy confirmed they would keep supporting Ukraine for
    as long as it takes.
2024-01-07-kamikawa-zelenskyy §4
    Kamikawa outlined Japan's aid; Zelenskyy thanked her.
"""

AID_80 = """\
CITE                              FROM → TO  AMOUNT
2019-10-21-abe-zelenskyy §2       JP → UA
    modernisation of a sewage aeration station in Kyiv (reconstruction;
    mentioned; package jp-ua-bortnychi; not added: mention)
2022-04-26-kishida-zelenskyy §1   JP → UA    US$300 million
    financial assistance, raised to US$300 million (financial; pledged; package
    jp-ua-financial-2022; not added: repeat)
2023-05-21-kishida-zelenskyy-multilateral §1  JP → UA    US$7.6 billion
    total support pledged to date (other; mentioned; running total; package
    jp-ua-total-support; not added: running total)
2024-01-07-kamikawa-zelenskyy §4  JP → UA
    contribution to the NATO CAP Trust Fund (military; mentioned; via NATO CAP
    Trust Fund; not added: mention)
2024-01-07-kamikawa-zelenskyy §4  JP → UA
    large power equipment for winterization (energy; mentioned; not added:
    mention)
2024-01-07-kamikawa-zelenskyy §4  JP → UA    US$300 million
    the financial assistance of 2022, restated (financial; pledged; package
    jp-ua-financial-2022; counted)

Totals: each commitment counted once, at its latest figure
YEAR  FLOW       CURRENCY  ITEMS  TOTAL
2022  committed  USD           1  US$300 million
not added: 3 mentions, 1 stated running total, 1 repeat of a counted package

Stated running total, JP → UA
US$7.6 billion as stated on 2023-05-21
(2023-05-21-kishida-zelenskyy-multilateral §1): total support pledged to date
counted here: US$300 million in 1 USD commitment of JP → UA (3% of the stated
total)
"""

CONDOLENCES_80 = """\
2024-01-07-kamikawa-zelenskyy §1  Volodymyr Zelenskyy → JP
    damage from the 2024 Noto Peninsula earthquake
2024-01-07-kamikawa-zelenskyy §2
  Kamikawa Yoko → victims of the New Year attacks
    Russian missile and drone attacks over the New Year
"""

SHOW_80 = """\
Foreign Minister Kamikawa's courtesy call on President Zelenskyy
id         2024-01-07-kamikawa-zelenskyy
date       2024-01-07
time       15:10 Europe/Kyiv · 22:10 JST
duration   1 h
place      Kyiv, Ukraine
kind       courtesy-call (ministerial)
source     https://www.mofa.go.jp/erp/c_see/ua/pageite_000001_00136.html
publisher  MOFA Japan
tags       Peace Formula, nuclear safety, winterization

Kamikawa called on Zelenskyy in Kyiv after visiting Bucha.

Participants
• Kamikawa Yoko, Minister for Foreign Affairs (JP)
• Volodymyr Zelenskyy, President (UA)

Points
1. Zelenskyy offered sympathy over the Noto Peninsula earthquake and thanked
   Japan.
2. Kamikawa condemned the New Year strikes and offered condolences to the
   victims.
3. Japan will co-chair the Peace Formula working group on nuclear safety.
4. Kamikawa outlined Japan's aid; Zelenskyy thanked her.

Condolences
§1 Volodymyr Zelenskyy → JP: damage from the 2024 Noto Peninsula earthquake
§2 Kamikawa Yoko → victims of the New Year attacks: Russian missile and drone
   attacks over the New Year

Aid
§4 JP → UA: contribution to the NATO CAP Trust Fund; military, mentioned; via
   NATO CAP Trust Fund
§4 JP → UA: large power equipment for winterization; energy, mentioned
§4 JP → UA: the financial assistance of 2022, restated; US$300 million;
   financial, pledged
"""

SHOW_MONTH_80 = """\
ID                        LOCAL  JST    KIND     TITLE
2019-10-21-abe-zelenskyy  14:10  14:10  meeting  Japan-Ukraine Summit Meeting…
"""

LIST_120 = """\
ID                             LOCAL  JST        KIND            WITH                 TITLE
2015-03-02-abe-klimkin         14:55  14:55      courtesy-call   Abe, Pavlo Klimkin   Courtesy call on Prime Minister…
2019-10-21-abe-zelenskyy       14:10  14:10      meeting         Abe, Zelenskyy       Japan-Ukraine Summit Meeting on…
2022-04-26-kishida-zelenskyy   19:35  19:35      telephone-talk  Kishida, Zelenskyy   Japan-Ukraine summit telephone…
2023-05-21-kishida-zelenskyy-multilateral  10:45  10:45      multilateral    Kishida, Zelenskyy   G7 Hiroshima Summit…
2023-09-20-kamikawa-kuleba     18:05  07:05 +1d  meeting         Kamikawa, Kuleba     Japan-Ukraine Foreign Ministers’…
2024-01-07-kamikawa-zelenskyy  15:10  22:10      courtesy-call   Kamikawa, Zelenskyy  Foreign Minister Kamikawa's…
"""

SEARCH_120 = """\
2019-10-21-abe-zelenskyy  Japan-Ukraine Summit Meeting on the occasion of the Ceremony of the Enthronement
  §1            Abe welcomed Zelenskyy's first visit and said Japan backed his reform drive.
  §2            Zelenskyy thanked Japan for its help in modernising a sewage plant in Kyiv.
  participants  Volodymyr Zelenskyy, President, UA

2022-04-26-kishida-zelenskyy  Japan-Ukraine summit telephone talk
  §2            Zelenskyy briefed on the situation and thanked Japan.
  participants  Volodymyr Zelenskyy, President, UA

2023-05-21-kishida-zelenskyy-multilateral  G7 Hiroshima Summit Session 8 on Ukraine, with President Zelenskyy as a…
  title         G7 Hiroshima Summit Session 8 on Ukraine, with President Zelenskyy as a guest of the presidency
  §2            The leaders and Zelenskyy confirmed they would keep supporting Ukraine for as long as it takes.
  participants  Volodymyr Zelenskyy, President, UA

2024-01-07-kamikawa-zelenskyy  Foreign Minister Kamikawa's courtesy call on President Zelenskyy
  title           Foreign Minister Kamikawa's courtesy call on President Zelenskyy
  summary         Kamikawa called on Zelenskyy in Kyiv after visiting Bucha.
  §1              Zelenskyy offered sympathy over the Noto Peninsula earthquake and thanked Japan.
  §4              Kamikawa outlined Japan's aid; Zelenskyy thanked her.
  participants    Volodymyr Zelenskyy, President, UA
  condolences §1  Volodymyr Zelenskyy → JP: damage from the 2024 Noto Peninsula earthquake
"""

PERSON_120 = """\
Volodymyr Zelenskyy
  id        zelenskyy-volodymyr
  native    Володимир Зеленський
  country   UA
  aliases   Volodymyr ZELENSKYY, Zelensky, President Zelenskyy
  role      President of Ukraine (2019-05-20 – now)

Meetings (4)
per year  2019 █1  2020 ·0  2021 ·0  2022 █1  2023 █1  2024 █1
ID                             KIND            WITH      TITLE
2019-10-21-abe-zelenskyy       meeting         Abe       Japan-Ukraine Summit Meeting on the occasion of the Ceremony…
2022-04-26-kishida-zelenskyy   telephone-talk  Kishida   Japan-Ukraine summit telephone talk
2023-05-21-kishida-zelenskyy-multilateral  multilateral    Kishida   G7 Hiroshima Summit Session 8 on Ukraine, with…
2024-01-07-kamikawa-zelenskyy  courtesy-call   Kamikawa  Foreign Minister Kamikawa's courtesy call on President…

Condolences expressed (1)
2024-01-07-kamikawa-zelenskyy §1
    Volodymyr Zelenskyy → JP: damage from the 2024 Noto Peninsula earthquake

Tags
Peace Formula (2), reforms (1), financial support (1), G7 (1), nuclear safety (1), winterization (1)

What they said (3)
2019-10-21-abe-zelenskyy §2
    Zelenskyy thanked Japan for its help in modernising a sewage plant in Kyiv.
2022-04-26-kishida-zelenskyy §2
    Zelenskyy briefed on the situation and thanked Japan.
2024-01-07-kamikawa-zelenskyy §1
    Zelenskyy offered sympathy over the Noto Peninsula earthquake and thanked Japan.

Points naming them (3)
2019-10-21-abe-zelenskyy §1
    Abe welcomed Zelenskyy's first visit and said Japan backed his reform drive.
2023-05-21-kishida-zelenskyy-multilateral §2
    The leaders and Zelenskyy confirmed they would keep supporting Ukraine for as long as it takes.
2024-01-07-kamikawa-zelenskyy §4
    Kamikawa outlined Japan's aid; Zelenskyy thanked her.
"""

AID_120 = """\
CITE                              FROM → TO  AMOUNT
2019-10-21-abe-zelenskyy §2       JP → UA
    modernisation of a sewage aeration station in Kyiv (reconstruction; mentioned; package
    jp-ua-bortnychi; not added: mention)
2022-04-26-kishida-zelenskyy §1   JP → UA    US$300 million
    financial assistance, raised to US$300 million (financial; pledged; package
    jp-ua-financial-2022; not added: repeat)
2023-05-21-kishida-zelenskyy-multilateral §1  JP → UA    US$7.6 billion
    total support pledged to date (other; mentioned; running total; package jp-ua-total-support; not
    added: running total)
2024-01-07-kamikawa-zelenskyy §4  JP → UA
    contribution to the NATO CAP Trust Fund (military; mentioned; via NATO CAP Trust Fund; not
    added: mention)
2024-01-07-kamikawa-zelenskyy §4  JP → UA
    large power equipment for winterization (energy; mentioned; not added: mention)
2024-01-07-kamikawa-zelenskyy §4  JP → UA    US$300 million
    the financial assistance of 2022, restated (financial; pledged; package jp-ua-financial-2022;
    counted)

Totals: each commitment counted once, at its latest figure
YEAR  FLOW       CURRENCY  ITEMS  TOTAL
2022  committed  USD           1  US$300 million
not added: 3 mentions, 1 stated running total, 1 repeat of a counted package

Stated running total, JP → UA
US$7.6 billion as stated on 2023-05-21 (2023-05-21-kishida-zelenskyy-multilateral §1): total support
pledged to date
counted here: US$300 million in 1 USD commitment of JP → UA (3% of the stated total)
"""

CONDOLENCES_120 = """\
2024-01-07-kamikawa-zelenskyy §1  Volodymyr Zelenskyy → JP
    damage from the 2024 Noto Peninsula earthquake
2024-01-07-kamikawa-zelenskyy §2  Kamikawa Yoko → victims of the New Year attacks
    Russian missile and drone attacks over the New Year
"""

SHOW_120 = """\
Foreign Minister Kamikawa's courtesy call on President Zelenskyy
id         2024-01-07-kamikawa-zelenskyy
date       2024-01-07
time       15:10 Europe/Kyiv · 22:10 JST
duration   1 h
place      Kyiv, Ukraine
kind       courtesy-call (ministerial)
source     https://www.mofa.go.jp/erp/c_see/ua/pageite_000001_00136.html
publisher  MOFA Japan
tags       Peace Formula, nuclear safety, winterization

Kamikawa called on Zelenskyy in Kyiv after visiting Bucha.

Participants
• Kamikawa Yoko, Minister for Foreign Affairs (JP)
• Volodymyr Zelenskyy, President (UA)

Points
1. Zelenskyy offered sympathy over the Noto Peninsula earthquake and thanked Japan.
2. Kamikawa condemned the New Year strikes and offered condolences to the victims.
3. Japan will co-chair the Peace Formula working group on nuclear safety.
4. Kamikawa outlined Japan's aid; Zelenskyy thanked her.

Condolences
§1 Volodymyr Zelenskyy → JP: damage from the 2024 Noto Peninsula earthquake
§2 Kamikawa Yoko → victims of the New Year attacks: Russian missile and drone attacks over the New
   Year

Aid
§4 JP → UA: contribution to the NATO CAP Trust Fund; military, mentioned; via NATO CAP Trust Fund
§4 JP → UA: large power equipment for winterization; energy, mentioned
§4 JP → UA: the financial assistance of 2022, restated; US$300 million; financial, pledged
"""

SHOW_MONTH_120 = """\
ID                        LOCAL  JST    KIND     WITH            TITLE
2019-10-21-abe-zelenskyy  14:10  14:10  meeting  Abe, Zelenskyy  Japan-Ukraine Summit Meeting on the occasion of the…
"""


@pytest.mark.parametrize(
    ("width", "args", "expected"),
    [
        (80, ["list"], LIST_80),
        (80, ["search", "Zelenskyy"], SEARCH_80),
        (80, ["person", "Zelenskyy"], PERSON_80),
        (80, ["aid"], AID_80),
        (80, ["condolences"], CONDOLENCES_80),
        (80, ["show", "2024-01-07"], SHOW_80),
        (80, ["show", "2019-10"], SHOW_MONTH_80),
        (120, ["list"], LIST_120),
        (120, ["search", "Zelenskyy"], SEARCH_120),
        (120, ["person", "Zelenskyy"], PERSON_120),
        (120, ["aid"], AID_120),
        (120, ["condolences"], CONDOLENCES_120),
        (120, ["show", "2024-01-07"], SHOW_120),
        (120, ["show", "2019-10"], SHOW_MONTH_120),
    ],
)
def test_view_at_width(
    monkeypatch: pytest.MonkeyPatch, width: int, args: list[str], expected: str
) -> None:
    assert view(monkeypatch, width, *args) == expected


COMMANDS = [
    ["list"],
    ["search", "Zelenskyy"],
    ["search", "Japan"],
    ["person", "Zelenskyy"],
    ["person", "Kishida"],
    ["people"],
    ["aid"],
    ["condolences"],
    ["show", "2024-01-07"],
    ["show", "2023-05-21-kishida-zelenskyy-multilateral"],
    ["show", "2019"],
]
WORD = re.compile(r"[\w'’§]+")


def words(text: str) -> set[str]:
    return set(WORD.findall(text))


@functools.cache
def unwrapped_words(args: tuple[str, ...]) -> set[str]:
    """The words of a view laid out so wide that nothing is cut or wrapped."""
    import os

    saved = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = "2000"
    try:
        return words(run("--data", str(VIEWS), *args).out)
    finally:
        if saved is not None:
            os.environ["COLUMNS"] = saved


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(width=st.integers(60, 200), args=st.sampled_from(COMMANDS))
def test_no_view_is_wider_than_the_width_or_splits_a_word(
    monkeypatch: pytest.MonkeyPatch, width: int, args: list[str]
) -> None:
    out = view(monkeypatch, width, *args)
    for line in out.splitlines():
        assert line == line.rstrip(), f"trailing space: {line!r}"
        # A web address is never cut: it may stand alone on a line wider than the width.
        if "://" not in line:
            assert cell_len(line) <= width, f"{cell_len(line)} > {width}: {line!r}"
    # A word split across lines leaves fragments that the unwrapped view does not have.
    # (The short forms of kinds are the view's own words, used where the full ones do not fit.)
    fragments = words(out) - unwrapped_words(tuple(args)) - set(SHORT_KINDS.values())
    assert not fragments, fragments


def test_at_60_columns_the_ledger_keeps_its_amounts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "60")
    shipped = str(FIXTURES.parents[1] / "data")
    out = run("--data", shipped, "aid").out
    assert "AMOUNT" in out.splitlines()[0]  # the parties give way before the amounts do
    line = next(x for x in out.splitlines() if x.startswith("2016-09-20-abe-poroshenko §3"))
    assert line.endswith("US$1.85 billion")
    totals = run("--data", shipped, "aid", "--totals").out
    assert "US$7,100,400,000" in totals


def test_a_web_address_too_long_beside_its_label_has_a_line_of_its_own(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    out = view(monkeypatch, 60, "show", "2024-01-07").splitlines()
    at = out.index("source")
    assert out[at + 1] == "https://www.mofa.go.jp/erp/c_see/ua/pageite_000001_00136.html"
