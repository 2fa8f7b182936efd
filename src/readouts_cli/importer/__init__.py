"""Drafting a record from the text of a published readout (`readouts import`).

`draft_from_text` reads what a user copied from a readout page (MOFA, the Kantei, No.10, the
State Department, a Japanese-language MOFA page) and returns a `Draft`: the record fields it
could determine, in the canonical order, plus the gaps it could not fill and warnings about
what the text contradicts. `render_draft` turns a draft into the canonical TOML `fmt` writes,
with every gap as a `# TODO:` comment.

Everything here is heuristic, written against the variants listed in
`shared/reference/readout-formats.md`: a draft is a starting point for a person to check, never
a finished record.

What lives where, in the order `pipeline.draft_from_text` runs the steps:

- `page`: the page as paragraphs, its furniture, sentences, the lead, where the page stops
- `publishers`: who published the page, and so which side is home
- `participants` (with `honorifics`): the principals the lead names, their titles, countries
  and surnames
- `dates`: the meeting's date
- `titles` and `kinds`: the title (the page's own, or composed), the kind and the level
- `points`: the points after the lead
- `places`: the venue and its zone, with the tables of countries and places
- `times`: time, timezone and duration
- `condolences` and `aid`, with `mentions` (who a sentence names) and `amounts` (sums of money)
- `rendering`: the draft as canonical TOML

and the small shared ones: `draft` (the `Draft` and the `Notes` every step writes to),
`numbers` (number words), `text` (alternations, whitespace, trimming).

Each field module holds both its finders (`find_date`, `find_times`, `find_amounts`, ...: public
functions a test can call on a phrase) and the code that fills the field.

The package is pure: no terminal, no files; the only exception it raises is `ReadoutsError`,
for a text that is no readout at all. It imports only the core (model, vocab, codes, textfold,
tomlio, errors, ledger, writing, canonical, people.names), never typer, rich or the CLI.
"""

from __future__ import annotations

from .draft import Draft
from .pipeline import draft_from_text
from .rendering import render_draft

__all__ = ["Draft", "draft_from_text", "render_draft"]
