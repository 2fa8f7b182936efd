"""Who a participant is: names resolved through the registry, and the parties of condolences
and aid. A participant counts as a registered person when the registry resolves their name to
exactly that person; names it does not know stay people of their own, keyed by the name as
written, until an alias is added.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..codes import COUNTRIES
from ..errors import NotFoundError
from ..search import find_phrase
from ..textfold import fold
from .registry import Person, Registry


@dataclass(frozen=True)
class Who:
    """A person as the corpus knows them: registered (with `person`) or only a spelling."""

    key: str  # the registry id, or the name as written for someone unregistered
    name: str
    person: Person | None = None


class Roster:
    """Resolves participant names through a registry, remembering each answer."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        self._cache: dict[str, Who] = {}
        self._surnames: dict[str, str] = {}

    def who(self, name: str) -> Who:
        if name not in self._cache:
            found = self.registry.resolve(name)
            if len(found) == 1:
                self._cache[name] = Who(found[0].id, found[0].name, found[0])
            else:
                self._cache[name] = Who(name, name)
        return self._cache[name]

    def surname(self, name: str) -> str:
        """The family name of a registered person (the word of their display name that starts
        their registry id, "kishida-fumio" -> "Kishida"); anyone else's name as written."""
        if name not in self._surnames:
            self._surnames[name] = self._surname(name)
        return self._surnames[name]

    def _surname(self, name: str) -> str:
        who = self.who(name)
        if who.person is None:
            return name
        family = who.person.id.split("-", 1)[0]
        for word in who.person.name.split():
            if fold(word) == family:
                return word
        return who.person.name

    def _unambiguous(self, query: str) -> list[Person]:
        """The registered person `query` names (or none); NotFoundError if it could be two."""
        found = self.registry.resolve(query)
        if len(found) > 1:
            raise NotFoundError.of(
                f"{query!r} could be " + ", ".join(f"{p.name} ({p.id})" for p in found),
                hint="give the full name or the id",
            )
        return found

    def lookup(self, query: str, names: Iterable[str]) -> tuple[Who | None, frozenset[str]]:
        """The person `query` names and the participant names (as written) that are them.

        A query the registry resolves gives every spelling in `names` that resolves to the
        same person. Otherwise (None, the names containing the query, ignoring case and
        accents). A query that could be two registered people raises NotFoundError.
        """
        found = self._unambiguous(query)
        if found:
            target = found[0].id
            return Who(target, found[0].name, found[0]), frozenset(
                n for n in names if self.who(n).key == target
            )
        needle = fold(query)
        return None, frozenset(n for n in names if needle in fold(n))

    def party(self, query: str) -> Callable[[str], bool]:
        """A test for condolence and aid parties (`by`, `to`, `donor`, `recipient`): the same
        registered person, the same country code, or a name or group where `query` starts a
        word ("victims" finds "victims of the New Year attacks"). A country code also finds
        the registered people of that country ("JP" finds what Kamikawa said). A name that
        could be two registered people raises NotFoundError."""
        self._unambiguous(query)
        target = self.who(query).key
        needle = fold(query)
        country = query.strip().upper() if query.strip().upper() in COUNTRIES else None

        def matches(value: str) -> bool:
            who = self.who(value)
            if who.key == target or value == country:
                return True
            if country and who.person is not None and who.person.country == country:
                return True
            return find_phrase(fold(value), needle) != -1

        return matches
