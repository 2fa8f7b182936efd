"""The command line: everything that knows of Typer or Rich lives here, and only here.

- `app` the Typer application: global options, command registration, the one error path;
  `entry` the executable (answers --version before loading Typer).
- `context` what the global options chose, loading the corpus and people for a command,
  and reporting problems on stderr; `options` the options shared by several commands.
- `output` rendering one output value as a table, JSON or CSV, keeping record text inert;
  `cells` fitting text to the width; `pager` paging long output; `values` plain values
  derived from records for display (times, principals, citations).
- `commands/` one small module per command: parse options, call the core, render.

May import the core (`readouts_cli.*` outside cli/); the core never imports this package
(ruff's banned-api rule TID251 keeps typer and rich out of it).
"""
