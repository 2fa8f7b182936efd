"""The people registry (`people.toml`): one table per person keyed by a stable id, with a
display name, other spellings (`aliases`) and the roles they held.

Resolution never guesses: a mention matches a spelling the registry holds, or a single word
that is unique to one person; near misses are offered as suggestions.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import re
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    field_validator,
)

from .. import tomlio
from ..codes import COUNTRIES
from ..errors import DataError, NotFoundError, Problem, ReadoutsError
from ..textfold import fold
from ..validation import describe, field_path
from .names import SUGGEST_CUTOFF, NameKey, name_key, name_words

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
WIKIDATA_PATTERN = re.compile(r"^Q[1-9][0-9]*$")

Loc = tuple[str | int, ...]


Text = Annotated[str, StringConstraints(min_length=1)]


class Role(BaseModel):
    """A position held, from one date to another; no `to` means it continues."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    title: Text
    start: dt.date | None = Field(default=None, alias="from")
    end: dt.date | None = Field(default=None, alias="to")

    @field_validator("start", "end", mode="before")
    @classmethod
    def _date_not_datetime(cls, value: Any) -> Any:
        if isinstance(value, dt.datetime):
            raise ValueError("must be a date without a time of day")
        return value

    def held_on(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


class Person(BaseModel):
    """One registered person. `id` is the table name in people.toml, not a key inside it."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    id: str
    name: Text
    native: Text | None = None
    country: str | None = None
    aliases: list[Text] = []
    wikidata: str | None = None
    roles: list[Role] = []

    @field_validator("country")
    @classmethod
    def _check_country(cls, value: str | None) -> str | None:
        if value is not None and value not in COUNTRIES:
            hint = " (codes are upper case)" if value.upper() in COUNTRIES else ""
            raise ValueError(f"{value!r} is not an ISO 3166-1 alpha-2 country code{hint}")
        return value

    @field_validator("wikidata")
    @classmethod
    def _check_wikidata(cls, value: str | None) -> str | None:
        if value is not None and not WIKIDATA_PATTERN.match(value):
            raise ValueError(f"{value!r} is not a Wikidata item id (Q and digits, e.g. 'Q3874799')")
        return value

    def spellings(self) -> list[tuple[str, str]]:
        """Every way the registry writes this person, as (field path, text) pairs."""
        out = [("name", self.name)]
        out += [(f"aliases[{i}]", alias) for i, alias in enumerate(self.aliases)]
        if self.native:
            out.append(("native", self.native))
        return out

    def role_on(self, day: dt.date) -> Role | None:
        """The role held on `day`; where two overlap (a handover day), the one begun later."""
        held = [r for r in self.roles if r.held_on(day)]
        if not held:
            return None
        return max(held, key=lambda r: r.start or dt.date.min)

    def title_on(self, day: dt.date) -> str | None:
        role = self.role_on(day)
        return role.title if role else None

    def latest_title(self) -> str | None:
        """The title of the current role, else of the role that ended last."""
        if not self.roles:
            return None
        return max(self.roles, key=lambda r: (r.end or dt.date.max, r.start or dt.date.min)).title


class Registry:
    """Every registered person by id, indexed by name key for `resolve` and `suggest`."""

    def __init__(
        self, people: Mapping[str, Person] | Sequence[Person] = (), path: Path | None = None
    ):
        listed = people.values() if isinstance(people, Mapping) else people
        self.people: dict[str, Person] = {p.id: p for p in listed}
        self.path = path
        # What `check` should point out without refusing the registry (see from_toml).
        self.warnings: list[Problem] = []
        self._exact: dict[NameKey, list[str]] = {}
        self._words: dict[str, list[str]] = {}
        # A corpus names the same few hundred people again and again: each spelling is
        # resolved once (the registry never changes once built).
        self._resolved: dict[str, tuple[Person, ...]] = {}
        for person in self.people.values():
            for _, text in person.spellings():
                words = name_words(text)
                _add(self._exact, tuple(sorted(words)), person.id)
                for word in words:
                    if len(word) > 1:
                        _add(self._words, word, person.id)

    # -- loading --------------------------------------------------------------------------

    @classmethod
    def load(cls, path: Path) -> Registry:
        """Read and validate `path`; a missing file is an empty registry.

        Raises DataError carrying every problem in the file, each with its line and field path.
        """
        if not path.exists():
            return cls(path=path)
        try:
            text = tomlio.read_text(path)
            data = tomlio.parse(text, path)
        except ReadoutsError as err:
            raise DataError(*err.problems) from err
        return cls.from_toml(data, path, text)

    @classmethod
    def from_toml(cls, data: Mapping[str, Any], path: Path, text: str = "") -> Registry:
        """Validate already-parsed TOML; `text` is the source, used to locate problems."""
        problems: list[Problem] = []

        @functools.cache
        def lines() -> dict[tuple[str | int, ...], int]:
            # Only a registry with problems needs its key lines.
            return tomlio.key_lines(text)

        def problem(loc: Loc, message: str, hint: str | None = None) -> None:
            line = tomlio.line_of(lines(), loc) or 1
            problems.append(
                Problem(message, file=path, line=line, field=field_path(loc), hint=hint)
            )

        people: list[Person] = []
        for person_id, table in data.items():
            if not isinstance(table, dict):
                kind = "[[...]]" if isinstance(table, list) else "a plain value"
                problem(
                    (person_id,),
                    f"expected a table [{person_id}] with the person's name, not {kind}",
                    hint=f'write [{person_id}] on its own line, then name = "..." under it',
                )
                continue
            if not ID_PATTERN.match(person_id):
                problem(
                    (person_id,),
                    f"{person_id!r} is not a valid person id",
                    hint="ids are lowercase letters, digits and single hyphens: [surname-given]",
                )
            if "id" in table:
                problem(
                    (person_id, "id"),
                    "unknown key",
                    hint=f"the id is the table name, [{person_id}]; delete this line",
                )
                table = {k: v for k, v in table.items() if k != "id"}
            try:
                person = Person.model_validate({**table, "id": person_id})
            except ValidationError as err:
                for error in err.errors():
                    loc = (person_id, *error["loc"])
                    problem(loc, *_describe(error, loc))
                continue
            for index, role in enumerate(person.roles):
                if role.start and role.end and role.end < role.start:
                    problem(
                        (person_id, "roles", index, "to"),
                        f"the role ends ({role.end}) before it begins ({role.start})",
                    )
            people.append(person)

        registry = cls(people, path=path)
        # A one-word spelling ("Kishida", "Prime Minister Kishida") that is also a word of
        # someone else's name would pick its owner for a name that could be either.
        shared = {
            key: others
            for key, ids in registry._exact.items()
            if len(key) == 1
            and (others := [i for i in registry._words.get(key[0], []) if i not in ids])
        }
        disputed = {key for key, ids in registry._exact.items() if not key or len(ids) > 1}
        claimed = _claims(registry, disputed | set(shared)) if disputed or shared else {}
        notes: list[Problem] = []
        for word, others in shared.items():
            for person_id, where, spelled in claimed[word]:
                names = _and([registry.people[i].name for i in others])
                loc = (person_id, *_split_field(where))
                notes.append(
                    Problem(
                        f"{spelled!r} comes down to {word[0]!r}, a name {names} shares, yet it "
                        f"always finds {registry.people[person_id].name}",
                        file=path,
                        line=tomlio.line_of(lines(), loc) or 1,
                        field=field_path(loc),
                        hint="use a fuller spelling, or remove it: a surname alone finds its "
                        "owner only while one person has it",
                    )
                )
        registry.warnings = notes
        for key, ids in registry._exact.items():
            if key not in disputed:
                continue
            claims = claimed[key]
            if not key:
                for person_id, where, spelled in claims:
                    problem(
                        (person_id, *_split_field(where)),
                        f"{spelled!r} has no name left once titles and honorifics are removed",
                        hint="spellings are names; titles belong in [[roles]]",
                    )
            elif len(ids) > 1:
                person_id, where, spelled = next(c for c in claims if c[0] != ids[0])
                problem(
                    (person_id, *_split_field(where)),
                    f"{spelled!r} is claimed by {_and(ids)}",
                    hint="a spelling names one person: keep it in one entry only (a surname "
                    "alone already finds its owner when only one person has it)",
                )
        for person in registry.people.values():
            for where, spelled in person.spellings():
                other = next(
                    (c for c in (spelled.strip(), fold(spelled.strip())) if c in registry.people),
                    None,
                )
                if other is not None and other != person.id:
                    problem(
                        (person.id, *_split_field(where)),
                        f"{spelled!r} is the id of [{other}], so it always finds {other}",
                        hint="ids are matched before spellings: remove this spelling or "
                        "rename one of the ids",
                    )
        wikidata: dict[str, str] = {}
        for person in registry.people.values():
            if person.wikidata is None:
                continue
            if person.wikidata in wikidata:
                problem(
                    (person.id, "wikidata"),
                    f"{person.wikidata} is also the wikidata item of {wikidata[person.wikidata]}",
                    hint="one person, one entry: merge the two, or correct the item id",
                )
            wikidata.setdefault(person.wikidata, person.id)
        if problems:
            raise DataError(*problems)
        return registry

    # -- lookup ---------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.people)

    def __iter__(self) -> Iterator[Person]:
        return iter(self.people.values())

    def __contains__(self, person_id: object) -> bool:
        return person_id in self.people

    def get(self, person_id: str) -> Person | None:
        return self.people.get(person_id)

    def by_id(self, person_id: str) -> Person:
        """The person with `person_id`; NotFoundError, with a suggestion, when there is none."""
        person = self.people.get(person_id)
        if person is None:
            close = difflib.get_close_matches(person_id, list(self.people), n=1)
            hint = (
                f"did you mean {close[0]}?" if close else "ids are the [table] names in people.toml"
            )
            raise NotFoundError.of(f"no person with id {person_id!r}", file=self.path, hint=hint)
        return person

    def resolve(self, name: str) -> list[Person]:
        """Everyone `name` can mean, without guessing.

        An id, or any spelling the registry holds (display name, alias, native name) through
        `name_key`. Failing that, a single word such as "Zelensky" or "Minister Kamikawa"
        matches every person with that exact word in one of their spellings. An empty list
        means unknown (see `suggest`); more than one person means the name is ambiguous.
        """
        found = self._resolved.get(name)
        if found is None:
            found = self._resolved[name] = tuple(self._resolve(name))
        return list(found)

    def _resolve(self, name: str) -> list[Person]:
        stripped = name.strip()
        for candidate in (stripped, fold(stripped)):
            if candidate in self.people:
                return [self.people[candidate]]
        key = name_key(name)
        if not key:
            return []
        ids = self._exact.get(key)
        if not ids and len(key) == 1 and len(key[0]) > 1:
            ids = self._words.get(key[0])
        return [self.people[i] for i in ids or ()]

    def find(self, name: str) -> Person:
        """The one person `name` means; NotFoundError naming the candidates or suggestions."""
        found = self.resolve(name)
        if len(found) == 1:
            return found[0]
        if found:
            raise NotFoundError.of(
                f"{name!r} could be {_and([p.id for p in found])}",
                file=self.path,
                hint="use the full name or the id",
            )
        close = self.suggest(name)
        hint = (
            f"did you mean {_or([f'{p.name} ({p.id})' for p in close])}?"
            if close
            else "add the person, or this spelling as an alias, to people.toml"
        )
        raise NotFoundError.of(
            f"no person called {name!r} in the registry", file=self.path, hint=hint
        )

    def suggest(self, name: str, limit: int = 3) -> list[Person]:
        """The registered people whose spellings are closest to `name`, best first.

        Scores are rapidfuzz ratios between name keys (sorted words, so word order does not
        count); a one-word name is also compared with each word of every spelling, so a
        misspelt surname finds its owner. Nothing scores under SUGGEST_CUTOFF.
        """
        from rapidfuzz.fuzz import ratio  # only suggestions need it

        query = name_key(name)
        if not query or limit <= 0:
            return []
        joined = " ".join(query)
        best: dict[str, float] = {}
        for person in self.people.values():
            for _, text in person.spellings():
                words = name_key(text)
                candidates = [" ".join(words)]
                if len(query) == 1:
                    candidates += [w for w in words if len(w) > 1]
                for candidate in candidates:
                    score = ratio(joined, candidate, score_cutoff=SUGGEST_CUTOFF)
                    if score > best.get(person.id, 0.0):
                        best[person.id] = score
        ranked = sorted(best, key=lambda i: (-best[i], i))
        return [self.people[i] for i in ranked[:limit]]

    def ambiguous_names(self) -> dict[str, list[str]]:
        """Spellings that would resolve to more than one person, with those people's ids.

        Covers whole spellings claimed by two people (which `load` refuses) and single words,
        such as a surname two people share, that `resolve` cannot settle on its own.
        """
        out: dict[str, list[str]] = {}
        for key, ids in self._exact.items():
            if key and len(ids) > 1:
                out[" ".join(key)] = list(ids)
        for word, ids in self._words.items():
            if len(ids) > 1 and (word,) not in self._exact:
                out.setdefault(word, list(ids))
        return dict(sorted(out.items()))


def _split_field(where: str) -> Loc:
    """`aliases[1]` -> ("aliases", 1); `name` -> ("name",)."""
    found = re.fullmatch(r"(\w+)\[(\d+)\]", where)
    return (found[1], int(found[2])) if found else (where,)


def _add(index: dict[Any, list[str]], key: Any, person_id: str) -> None:
    ids = index.setdefault(key, [])
    if person_id not in ids:
        ids.append(person_id)


def _claims(registry: Registry, keys: set[NameKey]) -> dict[NameKey, list[tuple[str, str, str]]]:
    """(id, field, text) for every spelling with one of `keys`, in file order, by key."""
    found: dict[NameKey, list[tuple[str, str, str]]] = {key: [] for key in keys}
    for person in registry.people.values():
        for where, text in person.spellings():
            key = name_key(text)
            if key in found:
                found[key].append((person.id, where, text))
    return found


def _and(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def _or(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} or {items[-1]}"


_PERSON_KEYS = ("name", "native", "country", "aliases", "wikidata", "roles")
_ROLE_KEYS = ("title", "from", "to")

# Keys people write for the ones the format has; spelling distance alone would offer `title`
# for `until`.
_MEANT = {
    "until": "to",
    "till": "to",
    "end": "to",
    "since": "from",
    "start": "from",
    "position": "title",
    "alias": "aliases",
    "qid": "wikidata",
}

_ROLES_HINT = "roles are tables: [[id.roles]] with title, from and to under it"


def _describe(error: Any, loc: Loc) -> tuple[str, str | None]:
    """A Pydantic error as (message, hint), through the one translator."""
    allowed = _ROLE_KEYS if "roles" in loc[:-1] else _PERSON_KEYS
    message, hint = describe(error, allowed=allowed, meant=_MEANT)
    if error["type"] == "model_type":
        hint = _ROLES_HINT
    return message, hint


def load_registry(root: Path) -> Registry:
    """The registry of a data folder (`people.toml`); empty when the file is absent."""
    from ..corpus import PEOPLE

    return Registry.load(root / PEOPLE)
