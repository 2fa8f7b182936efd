"""The README cannot drift: every command is documented, has help, and the Quick start is CI's."""

from __future__ import annotations

import re

import pytest

from conftest import REPO, run
from readouts_cli.cli.app import app

README = (REPO / "README.md").read_text(encoding="utf-8")
COMMANDS = sorted(c.name for c in app.registered_commands if c.name)


def test_the_commands_are_the_ones_expected() -> None:
    assert COMMANDS == sorted(
        [
            "aid",
            "check",
            "compare",
            "condolences",
            "export",
            "fmt",
            "import",
            "list",
            "new",
            "people",
            "person",
            "search",
            "show",
            "tags",
            "timeline",
        ]
    )


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_and_is_in_the_readme(command: str) -> None:
    result = run(command, "--help")
    assert result.code == 0
    assert "Example: readouts" in result.out
    assert f"`readouts {command}" in README


def test_quick_start_is_two_commands_and_ci_runs_the_second() -> None:
    quick = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```sh\n(.*?)```", quick, re.S)
    assert len(blocks) == 2
    assert blocks[0].strip().endswith("readouts list")
    assert "pytest" in blocks[1]
    assert blocks[1].strip() in (REPO / ".ci" / "run").read_text()


def test_readme_documents_every_record_field() -> None:
    from readouts_cli.model import FIELD_ORDER, SECTION_FIELD_ORDER

    fmt = README.split("## The record format (v1)", 1)[1]
    for field in [*FIELD_ORDER, *(f for fs in SECTION_FIELD_ORDER.values() for f in fs)]:
        written = f"[[{field}]]" if field in SECTION_FIELD_ORDER else f"{field} = "
        assert re.search(rf"^{re.escape(written)}", fmt, re.M), field


SAMPLE = re.compile(r"(```console\n\$ readouts (?P<args>[^\n]*)\n)(?P<out>.*?)(```)", re.S)


def sample_outputs(readme: str) -> str:
    """The README with every `$ readouts ...` sample replaced by what the command prints now,
    at 80 columns, on the shipped corpus (stdout only)."""
    import os
    import shlex

    saved = {k: os.environ.get(k) for k in ("COLUMNS", "READOUTS_DATA")}
    os.environ["COLUMNS"] = "80"
    os.environ["READOUTS_DATA"] = str(REPO / "data")
    try:
        return SAMPLE.sub(lambda m: m[1] + run(*shlex.split(m["args"])).out + m[4], readme)
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def test_readme_samples_are_what_the_commands_print_at_80_columns() -> None:
    """Rewrite them with: cd tests && python -m cli.test_docs"""
    assert SAMPLE.search(README)
    assert sample_outputs(README) == README


if __name__ == "__main__":
    (REPO / "README.md").write_text(sample_outputs(README), encoding="utf-8")
