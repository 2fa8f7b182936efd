"""The records in other tools' formats: `ics` (RFC 5545 calendars) and `plover` (PLOVER event
data, with CAMEO codes beside). Pure text out; the CLI decides where it goes. May import the
flat core modules (corpus, model, ledger, people.registry), never the CLI.
"""
