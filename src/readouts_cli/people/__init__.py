"""People: names and their keys (`names`), the registry in people.toml (`registry`), who a
participant is (`matching`), summaries across records (`summaries`) and the registry checked
against the records (`crosscheck`).

May import the core (model, corpus, search, textfold, tomlio, errors); never the CLI.
"""
