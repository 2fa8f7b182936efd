"""The index: a derived copy of a data folder's records in SQLite, kept in step with the files.

The TOML files stay the only source of truth. The index lives in the user's cache folder, one
database per data folder, and holds for every file under meetings/ its path, modification
time and identity (size, change time, inode, device) and
what loading it gave: its problems, or the validated record as JSON with the columns filters
narrow on and its folded searchable text; and what `check` found in each record against
people.toml, and in the aid ledger, for as long as those hold. Each command walks meetings/
once; when anything differs from the index it parses only new and changed files and drops
deleted ones, in one write transaction, so two commands at once never see or leave half an
update.

SQL only narrows: the file store's own checks (`Filters.matches`, `search.search`) decide on
the candidate records, so an answer cannot drift from reading the files. Search narrows with a
scan of the folded text (`instr`), exact for any phrase: about 8 ms for 10,000 records and
80 ms for 100,000, where an FTS5 trigram index would add a fifth to the time of a first build
and two thirds to the database.

A corrupt, foreign or older index is rebuilt; an unusable cache folder, or any other trouble
with the database, falls back on reading the files: the index makes commands faster, never
different.

The modules, in the order a command meets them: `opening` (walk, build or refresh, answer),
`location` (the cache folder, the fingerprint, the lock, connections), `walking` (the folder
walk and parsing, in workers), `building` (a whole build, and refreshes), `queries` (the store
that answers), `schema` (tables and the shapes passed between them). May import the core
(corpus, model, search, store, filters, tomlio, errors); never the CLI.
"""

from .location import cache_dir, index_path
from .opening import open_indexed
from .queries import IndexedStore
from .schema import APPLICATION_ID, ENV_CACHE, SCHEMA_VERSION, Parsed
from .walking import _bounded_map, parse_file, walk

__all__ = [
    "APPLICATION_ID",
    "ENV_CACHE",
    "SCHEMA_VERSION",
    "IndexedStore",
    "Parsed",
    "_bounded_map",
    "cache_dir",
    "index_path",
    "open_indexed",
    "parse_file",
    "walk",
]
