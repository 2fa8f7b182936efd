"""Shell completion's candidates: tags, registered people and meeting ids from the data folder
the command line names (or the default one), answered from the index.

Completion runs inside the user's shell at every Tab: it never prints, never fails (a problem
gives no candidates), and reads only what the candidates need.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import typer

from ..store import Store
from ..textfold import fold


def _store(ctx: typer.Context) -> Store:
    from ..corpus import find_data_dir
    from ..index import open_indexed

    data = ctx.find_root().params.get("data")
    return open_indexed(find_data_dir(Path(data) if data else None))


def _quietly(find: Callable[[], list[str]]) -> list[str]:
    try:
        return find()
    except Exception:  # completion must never break the shell: no candidates instead
        return []


def _starting(candidates: list[str], incomplete: str) -> list[str]:
    """The candidates that start with what was typed, ignoring case and accents, one per
    spelling: the one that starts with it exactly where there is one, else the candidate with
    the typed prefix as it was typed (the shell, and Typer, keep only candidates that start
    with it exactly; every option that takes them ignores case anyway)."""
    typed = fold(incomplete)
    chosen: dict[str, str] = {}
    for candidate in candidates:
        folded = fold(candidate)
        if not folded.startswith(typed):
            continue
        if candidate.startswith(incomplete):
            chosen[folded] = candidate
        elif folded not in chosen and len(fold(candidate[: len(incomplete)])) == len(typed):
            chosen[folded] = incomplete + candidate[len(incomplete) :]
    return sorted(chosen.values(), key=fold)


def tags(ctx: typer.Context, incomplete: str) -> list[str]:
    def find() -> list[str]:
        from ..filters import Filters

        return _starting([t for t, _ in _store(ctx).tag_counts(Filters())], incomplete)

    return _quietly(find)


def people(ctx: typer.Context, incomplete: str) -> list[str]:
    """Registered people by display name and alias, and the participants the registry does
    not know."""

    def find() -> list[str]:
        from ..corpus import find_data_dir
        from ..people.registry import load_registry

        data = ctx.find_root().params.get("data")
        registry = load_registry(find_data_dir(Path(data) if data else None))
        # Aliases too: "zel" completes to "Zelenskyy", which --person resolves like the name.
        names = [n for p in registry for n in (p.name, *p.aliases)]
        known = {fold(n) for n in names}
        names += [n for n in _store(ctx).participant_names() if fold(n) not in known]
        return _starting(names, incomplete)

    return _quietly(find)


def ids(ctx: typer.Context, incomplete: str) -> list[str]:
    return _quietly(lambda: [r.id for r in _store(ctx).with_id_prefix(incomplete)])
