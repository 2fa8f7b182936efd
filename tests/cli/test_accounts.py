"""Two accounts of one meeting: the format, `check`, and how list, search, show, aid and
compare read them (tests/fixtures/accounts: one telephone talk told by both sides)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES, corpus_with, lines, run

ACCOUNTS = FIXTURES / "accounts"
TALK = "2022-09-30-kishida-zelenskyy"

TWO = """\
date = 2024-01-07
title = "A call"
kind = "telephone-talk"
publisher = "MOFA Japan"
source = "https://www.mofa.go.jp/a.html"
points = ["One.", "Two."]

[[participants]]
name = "Kamikawa Yoko"
country = "JP"

[[aid]]
donor = "JP"
what = "loans"
category = "financial"
amount = 100
currency = "USD"
status = "announced"

[[accounts]]
publisher = "President of Ukraine"
source = "https://www.president.gov.ua/en/news/a"
points = ["Uno."]

[[accounts.aid]]
donor = "JP"
what = "a loan"
category = "financial"
amount = 100
currency = "USD"
status = "announced"
point = 1
"""


def view(monkeypatch: pytest.MonkeyPatch, width: int, *args: str) -> str:
    monkeypatch.setenv("COLUMNS", str(width))
    result = run("--data", str(ACCOUNTS), *args)
    assert result.code == 0, result.err
    return result.out


def test_check_finds_the_fixture_clean() -> None:
    result = run("--data", str(ACCOUNTS), "check", "--strict")
    assert result.code == 0, result.err
    assert result.out == "checked 2 records and 5 people: no problems\n"


def test_check_names_each_accounts_problem_at_its_line(tmp_path: Path) -> None:
    text = TWO.replace('points = ["Uno."]', 'points = ["Uno."]\nbogus = 1').replace(
        "point = 1\n", "point = 3\n"
    )
    text = text.replace('publisher = "MOFA Japan"\n', "", 1)
    root = corpus_with(tmp_path, text)
    result = run("--data", str(root), "check")
    assert result.code == 1
    path = root / "meetings/2024/2024-01-07-a-b.toml"
    assert lines(result.err) == [
        f"error: {path}:23: accounts[0].bogus: unknown key",
        "hint: known keys: publisher, source, title, summary, see_also, points, condolences, aid",
        f"error: {path}:32: accounts[0].aid[0].point: point 3 does not exist; the account has"
        " 1 point",
        f"error: {path}:1: publisher: a meeting with several accounts needs `publisher` for its"
        " first account",
        "hint: the top-level fields are the first account: say who published it, and where",
        "3 problem(s) in 1 file(s)",
    ]
    assert result.out == ""


def test_two_accounts_from_one_publisher_are_refused(tmp_path: Path) -> None:
    text = (
        TWO
        + '\n[[accounts]]\npublisher = "mofa  JAPAN"\nsource = "https://www.mofa.go.jp/b.html"\n'
    )
    root = corpus_with(tmp_path, text)
    result = run("--data", str(root), "check")
    assert result.code == 1
    assert (
        "accounts[1].publisher: 'mofa  JAPAN' already told this meeting, in the record's own"
        " account" in result.err
    )


def test_an_amount_told_by_both_accounts_without_a_package_is_double_counting(
    tmp_path: Path,
) -> None:
    root = corpus_with(tmp_path, TWO)
    result = run("--data", str(root), "check")
    assert result.code == 0
    path = root / "meetings/2024/2024-01-07-a-b.toml"
    assert lines(result.err)[:2] == [
        f"warning: {path}:29: accounts[0].aid[0].amount: US$100 from JP again, as in another"
        " account of this meeting, and no package in common: counted twice",
        "hint: if both speak of one commitment, give them the same `package`",
    ]
    shared = TWO.replace('status = "announced"\n', 'status = "announced"\npackage = "jp-loan"\n')
    root2 = corpus_with(tmp_path / "2", shared)
    assert run("--data", str(root2), "check").err == ""


def test_the_ledger_counts_a_commitment_both_accounts_tell_once(tmp_path: Path) -> None:
    shared = TWO.replace('status = "announced"\n', 'status = "announced"\npackage = "jp-loan"\n')
    root = corpus_with(tmp_path, shared)
    totals = json.loads(run("--data", str(root), "aid", "--totals", "-f", "json").out)
    assert [(g["items"], g["amount"]) for g in totals["groups"]] == [(1, 100)]
    items = json.loads(run("--data", str(root), "aid", "-f", "json").out)
    assert [(i["cite"], i["counted"]) for i in items] == [
        ("2024-01-07-a-b (MOFA Japan)", False),
        ("2024-01-07-a-b §1 (President of Ukraine)", True),
    ]


def test_list_marks_a_meeting_with_several_accounts(monkeypatch: pytest.MonkeyPatch) -> None:
    assert view(monkeypatch, 80, "list") == (
        "ID                            LOCAL  JST    ACC  TITLE\n"
        "2022-09-30-kishida-zelenskyy  18:50  18:50    2  Prime Minister Kishida's…\n"
        "2022-10-11-kishida-zelenskyy  21:00  21:00       G7 leaders' video conference\n"
    )
    rows = json.loads(view(monkeypatch, 80, "list", "-f", "json"))
    assert [len(r["accounts"]) for r in rows] == [1, 0]


def test_search_cites_the_account_of_each_hit(monkeypatch: pytest.MonkeyPatch) -> None:
    assert view(monkeypatch, 100, "search", "sovereignty") == (
        f"{TALK}  Prime Minister Kishida's telephone talk with President Zelenskyy\n"
        "  tags                       sovereignty, sanctions, G7, reconstruction\n"
        "  §2 (MOFA Japan)            …a violation of sovereignty that Japan will never recognise;…\n"
        "  §2 (President of Ukraine)  …for Ukraine's sovereignty and for condemning Russia's nuclear…\n"
    )
    hits = json.loads(view(monkeypatch, 80, "search", "sovereignty", "-f", "json"))
    assert [(h["account"], h["cite"]) for h in hits] == [
        (None, TALK),
        ("MOFA Japan", f"{TALK} §2 (MOFA Japan)"),
        ("President of Ukraine", f"{TALK} §2 (President of Ukraine)"),
    ]


def test_show_prints_every_account(monkeypatch: pytest.MonkeyPatch) -> None:
    out = view(monkeypatch, 80, "show", TALK)
    assert "\nPoints (MOFA Japan)\n1. Kishida said" in out
    assert "\nAccount 2: President of Ukraine (via UATV)\ntitle      Zelenskyy discusses" in out
    assert "\nPoints (President of Ukraine)\n1. The leaders spoke" in out
    assert "\nAid (President of Ukraine)\n§3 JP → UA: non-lethal military aid" in out
    rows = view(monkeypatch, 80, "show", TALK, "-f", "csv").splitlines()
    assert rows[0] == "id,date,section,n,text,account"
    assert (
        f"{TALK},2022-09-30,point,4,The leaders discussed macro-financial assistance to Ukraine.,2"
        in rows
    )


COMPARE_80 = """\
Prime Minister Kishida's telephone talk with President Zelenskyy
id         2022-09-30-kishida-zelenskyy
account 1  MOFA Japan
           https://www.mofa.go.jp/erp/c_see/ua/shin4e_000051.html
account 2  President of Ukraine (via UATV)
https://uatv.ua/en/president-zelensky-discusses-further-support-for-ukraine-with-prime-minister-of-japan/

Told by both (2)

  MOFA Japan §2
  Kishida called the so-called referendums a violation of sovereignty that Japan
  will never recognise; Zelenskyy thanked Japan, and Kishida said more sanctions
  would be considered with the G7.
  President of Ukraine §2
  Zelenskyy thanked Kishida for Japan's support for Ukraine's sovereignty and
  for condemning Russia's nuclear blackmail at the UN General Assembly.
  why   score 0.722: names Kishida Fumio, Volodymyr Zelenskyy; tags sovereignty;
        words sovereignty, thank

  MOFA Japan §3
  Kishida said Japan would keep up sanctions and aid and, as G7 chair in 2023,
  lead talks on reconstruction.
  President of Ukraine §5
  Zelenskyy hoped Japan would take part in reconstruction and invited Kishida to
  visit Ukraine during the 2023 G7 presidency.
  why   score 0.9: figures 2023; names Kishida Fumio; tags G7, reconstruction;
        words reconstruction

Only in MOFA Japan
  §1   Kishida said Japan would work with the G7 to stop the aggression and
       stood with Ukraine.
  topics   sanctions
  aid      continued assistance

Only in President of Ukraine
  §1   The leaders spoke mostly about how the world answered the illegal
       referendums Russia held in occupied territories.
  §3   Zelenskyy praised Japan's non-lethal military aid and its financial and
       humanitarian support since the invasion.
  §4   The leaders discussed macro-financial assistance to Ukraine.
  names    Russia, UN General Assembly
  aid      non-lethal military aid
"""


def test_compare_at_80_columns_is_one_account_after_the_other(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert view(monkeypatch, 80, "compare", TALK) == COMPARE_80


def test_compare_at_120_columns_sets_the_accounts_side_by_side(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    out = view(monkeypatch, 120, "compare", TALK).splitlines()
    assert "MOFA Japan §2" + " " * 48 + "President of Ukraine §2" in out
    assert "Only in MOFA Japan" + " " * 43 + "Only in President of Ukraine" in out
    assert all(len(line) <= 120 or line.lstrip().startswith("https://") for line in out)


def test_compare_json_carries_the_evidence_of_each_pairing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    [doc] = json.loads(view(monkeypatch, 80, "compare", TALK, "-f", "json"))
    assert [(p["a"]["point"], p["b"]["point"]) for p in doc["pairs"]] == [(2, 2), (3, 5)]
    assert doc["pairs"][1]["evidence"]["figures"] == ["2023"]
    assert doc["pairs"][1]["evidence"]["tags"] == ["G7", "reconstruction"]
    only = {o["publisher"]: o for o in doc["only"]}
    assert [p["point"] for p in only["President of Ukraine (via UATV)"]["points"]] == [1, 3, 4]
    assert [a["what"] for a in only["MOFA Japan"]["aid"]] == ["continued assistance"]


def test_compare_of_a_meeting_with_one_account_says_so() -> None:
    result = run("--data", str(ACCOUNTS), "compare", "2022-10-11-kishida-zelenskyy")
    assert result.code == 1
    assert result.out == ""
    assert result.err.startswith(
        "error: 2022-10-11-kishida-zelenskyy has one account: nothing to compare\n"
    )


def test_the_index_and_the_files_agree_on_accounts(tmp_path: Path) -> None:
    root = tmp_path / "data"
    shutil.copytree(ACCOUNTS, root)
    for args in (("aid", "-f", "json"), ("condolences", "-f", "json"), ("search", "aid")):
        cached = run("--data", str(root), *args)
        files = run("--data", str(root), "--no-cache", *args)
        assert cached.out == files.out, args


def test_fmt_keeps_an_accounts_comment_and_order(tmp_path: Path) -> None:
    root = tmp_path / "data"
    shutil.copytree(ACCOUNTS, root)
    path = root / "meetings/2022" / f"{TALK}.toml"
    before = path.read_text()
    assert run("--data", str(root), "fmt", str(path)).code == 0
    after = path.read_text()
    assert "[[accounts.aid]]  # the Ukrainian side names the kinds of aid" in after
    assert after.index("[[accounts]]") < after.index("[[accounts.aid]]")
    import tomllib

    assert tomllib.loads(after) == tomllib.loads(before)


def test_person_cites_what_each_account_says_of_them(monkeypatch: pytest.MonkeyPatch) -> None:
    summary = json.loads(view(monkeypatch, 100, "person", "Zelenskyy", "-f", "json"))
    assert [c["cite"] for c in summary["said"]] == [
        f"{TALK} §2 (President of Ukraine)",
        f"{TALK} §3 (President of Ukraine)",
        f"{TALK} §5 (President of Ukraine)",
        "2022-10-11-kishida-zelenskyy §1",
    ]
    assert [c["cite"] for c in summary["named"]] == [f"{TALK} §2 (MOFA Japan)"]


def test_a_meeting_without_participants_is_still_listed(tmp_path: Path) -> None:
    root = tmp_path / "data"
    shutil.copytree(ACCOUNTS, root)
    plain = 'date = 2022-10-01\ntitle = "Nobody listed"\nkind = "meeting"\n'
    (root / "meetings/2022/2022-10-01-plain.toml").write_text(plain)
    for args in (["list"], ["show", "2022"]):
        cached = run("--data", str(root), *args)
        assert cached.code == 0, cached.err
        assert "2022-10-01-plain" in cached.out
        assert cached.out == run("--data", str(root), "--no-cache", *args).out


def test_import_never_adds_an_account_to_the_shipped_corpus(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from readouts_cli.corpus import ENV_DATA

    monkeypatch.delenv(ENV_DATA)  # no --data, no ./data: only the shipped corpus is found
    page = tmp_path / "page.txt"
    page.write_text(
        "President of Ukraine Volodymyr Zelenskyy had a phone conversation with "
        "Prime Minister of Japan Fumio Kishida on 30 September 2022.\n\nThey talked.\n"
    )
    args = ["import", str(page), "--source", "https://www.president.gov.ua/en/x"]
    result = run(*args, "--account-of", "2024-01-07-kamikawa-shmyhal", "--write")
    assert result.code == 1
    assert "no data folder to write to" in result.err
    assert result.out == ""


def test_account_publishers_are_shown_as_text_not_markup(tmp_path: Path) -> None:
    root = tmp_path / "data"
    shutil.copytree(ACCOUNTS, root)
    path = root / "meetings/2022" / f"{TALK}.toml"
    text = path.read_text().replace(
        'publisher = "President of Ukraine (via UATV)"',
        'publisher = "[bold red]Evil[/] \\u001b[31mred"',
    )
    path.write_text(text)
    for args in (["search", "reconstruction"], ["person", "Kishida"], ["compare", TALK]):
        out = run("--data", str(root), *args).out
        assert "[bold red]Evil[/] \\x1b[31mred" in out, args
        assert "\x1b" not in out, args


def test_compare_csv_says_which_accounts_each_row_compares(tmp_path: Path) -> None:
    root = tmp_path / "data"
    shutil.copytree(ACCOUNTS, root)
    path = root / "meetings/2022" / f"{TALK}.toml"
    path.write_text(
        path.read_text()
        + '\n[[accounts]]\npublisher = "Ukrinform"\nsource = "https://www.ukrinform.net/x"\n'
        + 'points = ["Kishida promised help with reconstruction in 2023."]\n'
    )
    rows = run("--data", str(root), "compare", TALK, "-f", "csv").out.splitlines()
    assert rows[0] == "id,account,publisher,other_account,section,point,paired_with,text,evidence"
    against_third = [r.split(",")[1:4] for r in rows[1:] if r.split(",")[3] == "3"]
    assert against_third and all(r[0] == "1" for r in against_third)


def test_a_commitment_without_amount_told_by_two_accounts_is_double_counting(
    tmp_path: Path,
) -> None:
    item = (
        '\n[[{0}]]\ndonor = "JP"\nrecipient = "UA"\nwhat = "energy equipment"\n'
        'category = "energy"\nstatus = "announced"\n'
    )
    text = TWO.replace("\n[[accounts]]", item.format("aid") + "\n[[accounts]]") + item.format(
        "accounts.aid"
    )
    root = corpus_with(tmp_path, text)
    result = run("--data", str(root), "check")
    assert result.code == 0
    assert "energy aid from JP again, as in another account of this meeting" in result.err
