"""The people registry: every spelling readouts use finds one person, and nothing is guessed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from readouts_cli.errors import DataError, NotFoundError, Problem
from readouts_cli.people.names import DROPPED_PHRASES, name_key
from readouts_cli.people.registry import Person, Registry
from readouts_cli.textfold import fold, fold_with_map

REGISTRY = """\
[zelenskyy-volodymyr]
name = "Volodymyr Zelenskyy"
native = "Володимир Зеленський"
country = "UA"
aliases = ["Zelensky", "Volodymyr ZELENSKYY"]
wikidata = "Q3874799"

[[zelenskyy-volodymyr.roles]]
title = "President of Ukraine"
from = 2019-05-20

[kamikawa-yoko]
name = "Yoko Kamikawa"
country = "JP"
aliases = ["KAMIKAWA Yoko"]

[[kamikawa-yoko.roles]]
title = "Minister for Foreign Affairs"
from = 2023-09-13
to = 2024-10-01

[kishida-fumio]
name = "Fumio Kishida"
country = "JP"
aliases = ["KISHIDA Fumio"]

[[kishida-fumio.roles]]
title = "Minister for Foreign Affairs"
from = 2012-12-26
to = 2017-08-03

[[kishida-fumio.roles]]
title = "Prime Minister"
from = 2021-10-04
to = 2024-10-01

[kishida-yuko]
name = "Yuko Kishida"
country = "JP"
"""


def load(tmp_path: Path, text: str) -> Registry:
    path = tmp_path / "people.toml"
    path.write_text(text, encoding="utf-8")
    return Registry.load(path)


def problems_of(tmp_path: Path, text: str) -> list[Problem]:
    with pytest.raises(DataError) as caught:
        load(tmp_path, text)
    return list(caught.value.problems)


@pytest.fixture
def registry(tmp_path: Path) -> Registry:
    return load(tmp_path, REGISTRY)


def ids(people: list[Person]) -> list[str]:
    return [p.id for p in people]


# -- resolving ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("mention", "person_id"),
    [
        ("H.E. Mr. Volodymyr ZELENSKYY", "zelenskyy-volodymyr"),
        ("H. E. Mr. Volodymyr Zelenskyy", "zelenskyy-volodymyr"),
        ("President Zelenskyy", "zelenskyy-volodymyr"),
        ("Zelensky", "zelenskyy-volodymyr"),
        ("President Zelensky", "zelenskyy-volodymyr"),
        ("ZELENSKYY Volodymyr", "zelenskyy-volodymyr"),
        ("Володимир Зеленський", "zelenskyy-volodymyr"),
        ("zelenskyy-volodymyr", "zelenskyy-volodymyr"),
        ("Ms. KAMIKAWA Yoko", "kamikawa-yoko"),
        ("Yoko Kamikawa", "kamikawa-yoko"),
        ("Minister Kamikawa", "kamikawa-yoko"),
        ("Minister of Foreign Affairs Kamikawa", "kamikawa-yoko"),
        ("Foreign Minister  Kamikawa", "kamikawa-yoko"),
        ("Mr. KISHIDA Fumio", "kishida-fumio"),
        ("Prime Minister Fumio Kishida", "kishida-fumio"),
        ("Yuko Kishida", "kishida-yuko"),
    ],
)
def test_every_spelling_of_a_person_resolves_to_that_person(
    registry: Registry, mention: str, person_id: str
) -> None:
    assert ids(registry.resolve(mention)) == [person_id]
    assert registry.find(mention).id == person_id


def test_a_spelling_the_registry_does_not_hold_is_not_merged_but_is_suggested(
    registry: Registry,
) -> None:
    assert registry.resolve("Zelenskiy") == []
    assert registry.resolve("President Zelenskiy") == []
    assert ids(registry.suggest("Zelenskiy")) == ["zelenskyy-volodymyr"]
    assert ids(registry.suggest("Volodymyr Zelenskiy")) == ["zelenskyy-volodymyr"]
    with pytest.raises(NotFoundError) as caught:
        registry.find("Zelenskiy")
    (problem,) = caught.value.problems
    assert problem.message == "no person called 'Zelenskiy' in the registry"
    assert problem.hint == "did you mean Volodymyr Zelenskyy (zelenskyy-volodymyr)?"


@pytest.mark.parametrize("nonsense", ["Smith", "Abe", "xyzzy", "President", "H.E.", "", "   "])
def test_names_nowhere_near_the_registry_get_no_suggestion(
    registry: Registry, nonsense: str
) -> None:
    assert registry.resolve(nonsense) == []
    assert registry.suggest(nonsense) == []


def test_a_word_of_a_name_is_not_matched_by_prefix_or_as_part_of_another_word(
    registry: Registry,
) -> None:
    assert registry.resolve("Zelen") == []
    assert registry.resolve("Kamikawa-san") == []
    assert registry.resolve("Volodymyr Zelenskyy Kamikawa") == []


def test_two_people_with_one_surname_stay_apart(registry: Registry) -> None:
    assert ids(registry.resolve("Kishida Fumio")) == ["kishida-fumio"]
    assert ids(registry.resolve("KISHIDA Yuko")) == ["kishida-yuko"]
    assert ids(registry.resolve("Prime Minister Kishida")) == ["kishida-fumio", "kishida-yuko"]
    assert registry.ambiguous_names() == {"kishida": ["kishida-fumio", "kishida-yuko"]}
    with pytest.raises(NotFoundError) as caught:
        registry.find("Kishida")
    assert caught.value.problems[0].message == "'Kishida' could be kishida-fumio and kishida-yuko"


def test_an_alias_claimed_by_two_people_is_reported_where_the_second_claims_it(
    tmp_path: Path,
) -> None:
    text = REGISTRY.replace(
        'aliases = ["KISHIDA Fumio"]', 'aliases = ["KISHIDA Fumio", "Kishida"]'
    ).replace('name = "Yuko Kishida"', 'name = "Yuko Kishida"\naliases = ["Kishida"]')
    (problem,) = problems_of(tmp_path, text)
    assert problem.message == "'Kishida' is claimed by kishida-fumio and kishida-yuko"
    assert problem.field == "kishida-yuko.aliases[0]"
    assert problem.line == text.splitlines().index('aliases = ["Kishida"]') + 1
    assert problem.file == tmp_path / "people.toml"


def test_an_alias_is_its_owners_even_when_another_person_shares_the_surname(
    tmp_path: Path,
) -> None:
    text = REGISTRY.replace('aliases = ["KISHIDA Fumio"]', 'aliases = ["KISHIDA Fumio", "Kishida"]')
    registry = load(tmp_path, text)
    assert ids(registry.resolve("Prime Minister Kishida")) == ["kishida-fumio"]


def test_a_missing_registry_is_empty(tmp_path: Path) -> None:
    registry = Registry.load(tmp_path / "people.toml")
    assert len(registry) == 0
    assert registry.resolve("Zelensky") == []
    assert registry.suggest("Zelensky") == []


def test_people_are_found_by_id(registry: Registry) -> None:
    assert registry.people["kamikawa-yoko"].name == "Yoko Kamikawa"
    assert registry.by_id("kamikawa-yoko").country == "JP"
    assert "kishida-yuko" in registry
    with pytest.raises(NotFoundError) as caught:
        registry.by_id("kamikawa-yoco")
    assert caught.value.problems[0].hint == "did you mean kamikawa-yoko?"


# -- roles -------------------------------------------------------------------------------


def test_role_on_picks_the_title_held_on_the_day(registry: Registry) -> None:
    kishida = registry.people["kishida-fumio"]
    assert kishida.title_on(dt.date(2015, 3, 2)) == "Minister for Foreign Affairs"
    assert kishida.title_on(dt.date(2022, 9, 30)) == "Prime Minister"
    assert kishida.role_on(dt.date(2019, 1, 1)) is None
    assert kishida.title_on(dt.date(2024, 10, 1)) == "Prime Minister"  # `to` is inclusive
    assert kishida.role_on(dt.date(2024, 10, 2)) is None
    assert kishida.latest_title() == "Prime Minister"
    zelenskyy = registry.people["zelenskyy-volodymyr"]
    assert zelenskyy.title_on(dt.date(2030, 1, 1)) == "President of Ukraine"  # no `to`: continues
    assert zelenskyy.role_on(dt.date(2019, 5, 19)) is None
    assert registry.people["kishida-yuko"].latest_title() is None


def test_on_a_handover_day_the_role_begun_later_wins(tmp_path: Path) -> None:
    registry = load(
        tmp_path,
        """\
[a]
name = "A B"

[[a.roles]]
title = "Minister"
from = 2020-01-01
to = 2021-06-01

[[a.roles]]
title = "Prime Minister"
from = 2021-06-01
""",
    )
    assert registry.people["a"].title_on(dt.date(2021, 6, 1)) == "Prime Minister"
    assert registry.people["a"].title_on(dt.date(2021, 5, 31)) == "Minister"


# -- bad files ---------------------------------------------------------------------------

BAD = """\
[zelenskyy-volodymyr]
name = "Volodymyr Zelenskyy"
nmae = "typo"
country = "ua"
aliases = "Zelensky"

[[zelenskyy-volodymyr.roles]]
title = "President of Ukraine"
from = "2019-05-20"

[[zelenskyy-volodymyr.roles]]
title = "Actor"
from = 2010-01-01
to = 2009-01-01
until = 2019-05-19

[kamikawa-yoko]
country = "JP"
wikidata = "Q12a"
"""


def test_a_bad_registry_reports_every_problem_with_its_line_and_field(tmp_path: Path) -> None:
    found = {(p.line, p.field, p.message) for p in problems_of(tmp_path, BAD)}
    assert found == {
        (3, "zelenskyy-volodymyr.nmae", "unknown key"),
        (4, "zelenskyy-volodymyr.country", "'ua' is not an ISO 3166-1 alpha-2 country code (codes are upper case)"),
        (5, "zelenskyy-volodymyr.aliases", "must be a list"),
        (9, "zelenskyy-volodymyr.roles[0].from", "must be a date, not a string in quotes"),
        (15, "zelenskyy-volodymyr.roles[1].until", "unknown key"),
        (17, "kamikawa-yoko.name", "required key is missing"),
        (19, "kamikawa-yoko.wikidata", "'Q12a' is not a Wikidata item id (Q and digits, e.g. 'Q3874799')"),
    }  # fmt: skip


def test_unknown_keys_come_with_the_key_meant(tmp_path: Path) -> None:
    hints = {p.field: p.hint for p in problems_of(tmp_path, BAD)}
    assert hints["zelenskyy-volodymyr.nmae"] == "did you mean `name`?"
    assert hints["zelenskyy-volodymyr.roles[1].until"] == "did you mean `to`?"
    assert hints["zelenskyy-volodymyr.roles[0].from"] == (
        "write a TOML date without quotes: from = 2024-01-07"
    )


def test_a_role_that_ends_before_it_begins_is_reported(tmp_path: Path) -> None:
    text = BAD.replace('from = "2019-05-20"', "from = 2019-05-20").replace(
        "until = 2019-05-19\n", ""
    )
    text = text.replace('nmae = "typo"\ncountry = "ua"\naliases = "Zelensky"', "")
    text = text.replace('country = "JP"\nwikidata = "Q12a"', 'name = "Yoko Kamikawa"')
    (problem,) = problems_of(tmp_path, text)
    assert problem.field == "zelenskyy-volodymyr.roles[1].to"
    assert problem.line == text.splitlines().index("to = 2009-01-01") + 1
    assert problem.message == "the role ends (2009-01-01) before it begins (2010-01-01)"


def test_an_impossible_date_is_a_located_data_error(tmp_path: Path) -> None:
    text = REGISTRY.replace("from = 2021-10-04", "from = 2021-02-30")
    (problem,) = problems_of(tmp_path, text)
    assert problem.line == text.splitlines().index("from = 2021-02-30") + 1
    assert problem.message.startswith("TOML syntax error")


@pytest.mark.parametrize(
    ("text", "field", "message"),
    [
        ('[Zelenskyy]\nname = "V Z"\n', "Zelenskyy", "'Zelenskyy' is not a valid person id"),
        ('[a]\nname = "A"\nid = "a"\n', "a.id", "unknown key"),
        ('[a]\nname = ""\n', "a.name", "must not be empty"),
        ('[a]\nname = "A"\naliases = ["President"]\n', "a.aliases[0]",
         "'President' has no name left once titles and honorifics are removed"),
        ('name = "Volodymyr Zelenskyy"\n', "name",
         "expected a table [name] with the person's name, not a plain value"),
        ('[a]\nname = 42\n', "a.name", "must be text in quotes"),
        ('[a]\nname = "A"\nroles = "President"\n', "a.roles", "must be a list"),
        ('[a]\nname = "A"\nroles = ["President"]\n', "a.roles[0]", "must be a table"),
        ('[a]\nname = "A"\n[[a.roles]]\ntitle = "P"\nfrom = 2019-05-20T10:00:00\n',
         "a.roles[0].from", "must be a date without a time of day"),
        ('[[a]]\nname = "A"\n', "a", "expected a table [a] with the person's name, not [[...]]"),
        ('[a]\nname = "A"\nwikidata = "Q1"\n[b]\nname = "B"\nwikidata = "Q1"\n', "b.wikidata",
         "Q1 is also the wikidata item of a"),
    ],
)  # fmt: skip
def test_each_kind_of_bad_entry_is_named(
    tmp_path: Path, text: str, field: str, message: str
) -> None:
    problems = problems_of(tmp_path, text)
    assert [(p.field, p.message) for p in problems] == [(field, message)]
    assert problems[0].line is not None


# -- folding -----------------------------------------------------------------------------


@example("⁻")  # superscript minus: its NFKD form is a dash variant, which must fold too
@example("ｰ－ŉ")
@given(st.text())
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


@given(st.text())
def test_fold_with_map_points_each_folded_character_at_its_source(text: str) -> None:
    folded, origin = fold_with_map(text)
    assert len(origin) == len(folded)
    assert origin == sorted(origin)
    assert all(0 <= i < len(text) for i in origin)
    assert folded.strip() == fold(text)


def test_fold_with_map_lets_a_match_be_highlighted_in_the_original() -> None:
    text = "President  ZELENSKYY’s visit"
    folded, origin = fold_with_map(text)
    start = folded.index("zelenskyy's")
    end = start + len("zelenskyy's")
    assert text[origin[start] : origin[end - 1] + 1] == "ZELENSKYY’s"


def test_fold_ignores_case_accents_quotes_dashes_and_spacing() -> None:
    assert fold("  Ministers’  Zelens’kyi —\n“Café” ") == "ministers' zelens'kyi - \"cafe\""


_TITLE_WORDS = {word for phrase in DROPPED_PHRASES for word in phrase}
name_word = st.text(st.characters(categories=("Lu", "Ll")), min_size=1, max_size=12).filter(
    lambda w: fold(w) not in _TITLE_WORDS and len(name_key(w)) == 1
)


@given(
    st.lists(name_word, min_size=1, max_size=4).flatmap(
        lambda ws: st.tuples(st.just(ws), st.permutations(ws))
    )
)
def test_name_key_ignores_word_order_and_case(words: tuple[list[str], list[str]]) -> None:
    original, shuffled = words
    key = name_key(" ".join(original))
    assert name_key(" ".join(shuffled)) == key
    assert name_key(" ".join(w.upper() for w in shuffled)) == key
    assert name_key("H.E. Mr. " + " ".join(w.lower() for w in original)) == key


def test_name_key_needs_every_word() -> None:
    assert name_key("Yoko Kamikawa") == name_key("KAMIKAWA Yoko") == ("kamikawa", "yoko")
    assert name_key("Kamikawa") != name_key("Yoko Kamikawa")
    assert name_key("Binali YILDIRIM") == name_key("Binali Yıldırım")


def test_a_spelling_that_is_another_persons_id_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "people.toml"
    path.write_text(
        '[abe]\nname = "Abe Shinzo"\n\n[abe-hiroshi]\nname = "Abe Hiroshi"\naliases = ["abe"]\n',
        encoding="utf-8",
    )
    with pytest.raises(DataError) as caught:
        Registry.load(path)
    messages = [str(p) for p in caught.value.problems]
    assert any(
        m.startswith(f"{path}:6: abe-hiroshi.aliases[0]: 'abe' is the id of [abe]")
        for m in messages
    ), messages
