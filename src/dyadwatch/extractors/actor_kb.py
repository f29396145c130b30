"""Actor knowledge: countries, organisations, people with date-bounded roles, agent nouns.

Loads the data files under ``dyadwatch/knowledge`` (and any the dyad names) into one index that
the resolver in :mod:`dyadwatch.extract.actors` queries. Nothing here looks at text.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import yaml

from ..config import Dyad, knowledge_path
from ..errors import KnowledgeError

# Officials of international organisations: loaded for every dyad, like the world TSV files.
IGO_OFFICIALS = "actors/igo.yaml"
# Heads of state and government, and non-state groups, of every country: loaded for every dyad,
# after its own files, as background knowledge.
WORLD_FILES = ("actors/world.yaml", "actors/world_groups.yaml", "actors/companies.yaml")

EntityKind = Literal["country", "igo", "person", "institution", "agent", "role", "place"]
# How an alias names its entity: the kind decides how much the resolver trusts a match.
AliasKind = Literal["name", "alias", "surname", "demonym", "capital", "seat", "agent", "role",
                    "shared"]


@dataclass(frozen=True, slots=True)
class Role:
    role: str
    start: dt.date | None = None
    end: dt.date | None = None
    org: str | None = None
    to: str | None = None
    portfolio: str | None = None

    def active(self, when: dt.date | None) -> bool:
        if when is None:
            return False
        return (self.start is None or self.start <= when) and (self.end is None or when <= self.end)


@dataclass(frozen=True, slots=True)
class Entity:
    key: str
    kind: EntityKind
    name: str
    country: str | None = None
    sector: str | None = None
    surname: str | None = None
    roles: tuple[Role, ...] = ()
    start: dt.date | None = None
    end: dt.date | None = None
    members: tuple[str, ...] = ()
    # Parties: the spans (start, end; None is open) in which the party was out of government.
    # None means the file says nothing about it, () that the party never was in opposition.
    opposition: tuple[tuple[dt.date | None, dt.date | None], ...] | None = None
    # Common nouns that name this institution once its country is known ("top court").
    descriptors: tuple[str, ...] = ()

    def roles_at(self, when: dt.date | None) -> tuple[Role, ...]:
        return tuple(r for r in self.roles if r.active(when))

    def exists_at(self, when: dt.date | None) -> bool:
        if when is None:
            return True
        return (self.start is None or self.start <= when) and (self.end is None or when <= self.end)

    def in_opposition(self, when: dt.date | None) -> bool | None:
        """Whether a party was out of government on ``when`` (None: not known)."""
        if self.opposition is None or when is None:
            return None
        return any((start is None or start <= when) and (end is None or when <= end)
                   for start, end in self.opposition)


@dataclass(frozen=True, slots=True)
class Alias:
    text: str
    entity: str  # Entity.key
    kind: AliasKind
    case_sensitive: bool


@dataclass(slots=True)
class ActorKnowledge:
    """All actor facts for one dyad, indexed for lookup."""

    entities: dict[str, Entity] = field(default_factory=dict)
    aliases: list[Alias] = field(default_factory=list)
    honorifics: frozenset[str] = frozenset()
    # role id -> countries where the noun applies (empty: everywhere)
    role_countries: dict[str, frozenset[str]] = field(default_factory=dict)
    # role id -> the sector its holder acts in while in office ("defence_minister": MIL)
    role_sectors: dict[str, str] = field(default_factory=dict)
    # nouns that name the person holding the same office in another country ("counterpart")
    counterpart_nouns: frozenset[str] = frozenset()
    # country -> the office that leads it at summits (JPN: prime_minister, KOR: president)
    leader_roles: dict[str, str] = field(default_factory=dict)
    descriptors: dict[tuple[str, str], list[Entity]] = field(
        default_factory=lambda: defaultdict(list)
    )
    holders: dict[tuple[str, str], list[tuple[Entity, Role]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    surnames: dict[str, list[Entity]] = field(default_factory=lambda: defaultdict(list))
    country_names: dict[str, str] = field(default_factory=dict)
    # Entities of the world-coverage files (leaders and groups of every country): a bare surname
    # they share with someone in the dyad's own files means the dyad's person.
    background: set[str] = field(default_factory=set)

    def add(self, entity: Entity, aliases: Iterable[tuple[str, AliasKind]],
            exact_case: bool = False) -> None:
        if entity.key in self.entities:
            raise KnowledgeError(f"entity {entity.key!r} is defined twice")
        self.entities[entity.key] = entity
        for text, kind in aliases:
            text = text.strip()
            if text:
                self.aliases.append(Alias(text, entity.key, kind,
                                          exact_case or _case_sensitive(text, kind)))
        for role in entity.roles:
            if entity.country:
                self.holders[(entity.country, role.role)].append((entity, role))
        if entity.surname:
            self.surnames[entity.surname].append(entity)
        for noun in entity.descriptors:
            if entity.country:
                self.descriptors[(entity.country, noun.lower())].append(entity)

    def holder(self, country: str, role: str, when: dt.date | None, to: str | None = None,
               posts: tuple[str, ...] = ()) -> Entity | None:
        """Who held ``role`` in ``country`` on ``when`` (None when unknown or ambiguous).
        ``to`` picks the post of an envoy sent to that country; otherwise, among several
        envoys, ``posts`` (the countries of the dyad) narrows the choice."""
        if when is None:
            return None
        active = [(e, r) for e, r in self.holders.get((country, role), ()) if r.active(when)]
        if to is not None and any(r.to for _, r in active):
            active = [(e, r) for e, r in active if r.to == to]
        found = {e.key: e for e, _ in active}
        if len(found) > 1 and posts:
            found = {e.key: e for e, r in active if r.to in posts}
        return next(iter(found.values())) if len(found) == 1 else None

    def sole_holder(self, role: str, when: dt.date | None) -> Entity | None:
        """The holder of ``role`` on ``when`` when only one country has that office at all
        ("the emperor")."""
        if when is None:
            return None
        countries = {c for (c, r), pairs in self.holders.items()
                     if r == role and any(ro.active(when) for _, ro in pairs)}
        return self.holder(next(iter(countries)), role, when) if len(countries) == 1 else None

    def sector_at(self, entity: Entity, when: dt.date | None) -> str | None:
        """The sector an entity acts in on ``when``: the office held then (a defence minister
        acts for the military), a party out of government (OPP), else the default."""
        if entity.kind == "institution":
            out = entity.in_opposition(when)
            if out is not None and entity.sector in {"LEG", "OPP"}:
                return "OPP" if out else "LEG"
            return entity.sector
        if entity.kind != "person":
            return entity.sector
        roles = entity.roles_at(when)
        for role in roles:
            if role.role in self.role_sectors:
                return self.role_sectors[role.role]
        parties = [self.entities.get(f"org:{r.org}") for r in roles if r.role == "party_leader"]
        if parties and len(parties) == len(roles):
            # A party leader holding no state office leads the opposition while the party is
            # out of government (Lee Jae-myung in 2023), and not while it governs.
            status = {p.in_opposition(when) for p in parties if p is not None}
            if status == {True}:
                return "OPP"
            if status == {False} and entity.sector == "OPP":
                return "LEG"
        return entity.sector or "GOV"

    def country_at(self, entity: Entity, when: dt.date | None) -> str | None:
        """An official of an international organisation acts for no country while in office."""
        if entity.kind == "person" and any(
            self.role_sectors.get(r.role) == "IGO" for r in entity.roles_at(when)
        ):
            return None
        return entity.country

    def descriptor(self, country: str, noun: str, when: dt.date | None) -> Entity | None:
        """The one institution of ``country`` that ``noun`` names on ``when`` ("top court")."""
        found = [e for e in self.descriptors.get((country, noun.lower()), ()) if e.exists_at(when)]
        return found[0] if len(found) == 1 else None

    def holders_at(
        self, when: dt.date, country: str | None = None
    ) -> Iterator[tuple[Entity, Role]]:
        for (c, _), pairs in sorted(self.holders.items()):
            if country and c != country:
                continue
            for entity, role in pairs:
                if role.active(when):
                    yield entity, role

    def country_name(self, iso3: str | None) -> str | None:
        return self.country_names.get(iso3 or "")


def _case_sensitive(text: str, kind: AliasKind) -> bool:
    """Single-word proper names match only as written (or in capitals): "US", "Moon", "Turkey"
    and "Amnesty" are also ordinary words. Lower-case nouns (agents, roles) and multi-word
    names match in any case."""
    if kind in ("agent", "role"):
        return False
    if text.startswith("the ") and text[4:5].isupper():
        return True  # "the North" is North Korea; "the north of Japan" is not
    return len(text.split()) == 1 and any(c.isupper() for c in text)


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


def _date(value: Any, where: str) -> dt.date | None:
    if value in (None, "", "null"):
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as exc:
        raise KnowledgeError(f"{where}: {value!r} is not a YYYY-MM-DD date") from exc


def _read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            {k: (v or "") for k, v in row.items()}
            for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        ]


def _load_countries(kb: ActorKnowledge, path: Path) -> None:
    for row in _read_tsv(path):
        iso3 = row["iso3"].strip().upper()
        name = row["name"].strip()
        kb.country_names[iso3] = name
        aliases: list[tuple[str, AliasKind]] = [(name, "name")]
        aliases += [(a, "alias") for a in _split(row.get("aliases", ""))]
        aliases += [(a, "demonym") for a in _split(row.get("demonyms", ""))]
        aliases += [(a, "capital") for a in _split(row.get("capitals", ""))]
        aliases += [(a, "seat") for a in _split(row.get("seats", ""))]
        kb.add(Entity(f"country:{iso3}", "country", name, country=iso3, sector="GOV"), aliases)


def _load_igos(kb: ActorKnowledge, path: Path) -> None:
    for row in _read_tsv(path):
        code = row["code"].strip()
        sector = row.get("sector", "IGO").strip() or "IGO"
        entity = Entity(
            f"igo:{code}",
            "igo",
            row["name"].strip(),
            sector=sector,
            members=tuple(_split(row.get("members", ""))),
        )
        names = [(row["name"], "name"), (code, "alias")] + [
            (a, "alias") for a in _split(row.get("aliases", ""))
        ]
        kb.add(entity, names)


def _load_agents(kb: ActorKnowledge, path: Path) -> None:
    for row in _read_tsv(path):
        noun = row["noun"].strip().lower()
        key = f"agent:{noun}"
        if noun and key not in kb.entities:
            kb.add(Entity(key, "agent", noun, sector=row["sector"].strip()), [(noun, "agent")])


def _load_places(kb: ActorKnowledge, path: Path) -> None:
    """Cities, regions, islands and bases: where something happens, never who acts."""
    for row in _read_tsv(path):
        name = row["name"].strip()
        key = f"place:{name}"
        if not name or key in kb.entities:
            continue
        country = row.get("country", "").strip().upper() or None
        names = [(name, "place")] + [(a, "place") for a in _split(row.get("aliases", ""))]
        kb.add(Entity(key, "place", name, country=country), names)  # type: ignore[arg-type]


def _load_roles(kb: ActorKnowledge, path: Path) -> None:
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    nouns: dict[str, set[str]] = defaultdict(set)
    for entry in raw.get("titles", []):
        role = entry["role"]
        countries = frozenset(entry.get("countries") or ())
        kb.role_countries[role] = kb.role_countries.get(role, frozenset()) | countries
        if entry.get("sector"):
            kb.role_sectors[role] = entry["sector"]
        for noun in entry.get("nouns", []):
            nouns[noun.lower()].add(role)
    for noun, roles in nouns.items():
        # One entity per noun; its roles are tried in order by the resolver.
        kb.add(
            Entity(f"role:{noun}", "role", noun, roles=tuple(Role(r) for r in sorted(roles))),
            [(noun, "role")],
        )
    kb.honorifics = frozenset(h.lower() for h in raw.get("honorifics", []))
    kb.counterpart_nouns = frozenset(n.lower() for n in raw.get("counterparts", []))
    kb.leader_roles = {str(c).upper(): r for c, r in (raw.get("leaders") or {}).items()}


def name_variants(name: str, surname: str | None) -> list[str]:
    """Spellings of a personal name that news text uses without the knowledge files listing them:
    hyphenated given names written apart, joined or with a capital ("Moon Jae-in", "Moon Jae In",
    "Moon Jaein", "Moon Jae-In"), and the name in the other order ("Kishida Fumio")."""
    parts = name.split()
    variants: list[str] = []
    for i, part in enumerate(parts):
        if "-" in part and part.count("-") == 1:
            left, right = part.split("-")
            for form in (f"{left} {right.capitalize()}", f"{left}{right.lower()}",
                         f"{left}-{right.capitalize()}"):
                variants.append(" ".join(parts[:i] + [form] + parts[i + 1:]))
    if surname and len(parts) == 2 and parts[-1] == surname:
        variants.append(f"{parts[1]} {parts[0]}")
    return [v for v in dict.fromkeys(variants) if v != name]


def _load_actor_file(kb: ActorKnowledge, path: Path) -> None:
    where = str(path)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise KnowledgeError(f"{where}: not valid YAML ({exc})") from exc
    default_country = raw.get("country")
    # `exact_case: true`: names match only as written ("Islamic State", not "an Islamic state")
    exact_case = bool(raw.get("exact_case"))
    for person in raw.get("people", []) or []:
        name = person["name"]
        roles = tuple(
            Role(
                role=r["role"],
                start=_date(r.get("start"), f"{where}: {name}"),
                end=_date(r.get("end"), f"{where}: {name}"),
                org=r.get("org"),
                to=r.get("to"),
                portfolio=r.get("portfolio"),
            )
            for r in person.get("roles", []) or []
        )
        key = f"person:{name}"
        if key in kb.entities:
            continue  # the same person in two files (e.g. an envoy): the first file wins
        entity = Entity(
            key,
            "person",
            name,
            country=person.get("country", default_country),
            sector=person.get("sector", "GOV"),
            surname=person.get("surname"),
            roles=roles,
        )
        aliases: list[tuple[str, AliasKind]] = [(name, "name")]
        aliases += [(a, "alias") for a in person.get("aliases", []) or []]
        aliases += [(v, "alias") for v in name_variants(name, entity.surname)
                    if v not in {a for a, _ in aliases}]
        if entity.surname:
            aliases.append((entity.surname, "surname"))
        kb.add(entity, aliases)
    for inst in raw.get("institutions", []) or []:
        name = inst["name"]
        key = f"org:{name}"
        if key in kb.entities:
            continue
        entity = Entity(
            key,
            "institution",
            name,
            country=inst.get("country", default_country),
            sector=inst.get("sector", "GOV"),
            start=_date(inst.get("start"), f"{where}: {name}"),
            end=_date(inst.get("end"), f"{where}: {name}"),
            opposition=_spans(inst.get("opposition"), f"{where}: {name}"),
            descriptors=tuple(inst.get("descriptors", []) or ()),
        )
        names = [name, *(inst.get("aliases", []) or [])]
        inst_aliases: list[tuple[str, AliasKind]] = [(name, "name")]
        inst_aliases += [(a, "alias") for a in names[1:]]
        # Names other countries' bodies carry too ("National Assembly", "Democratic Party"):
        # they name this one unless the sentence places itself in another country
        # (ActorResolver._shared_name_holds).
        inst_aliases += [(a, "shared") for a in inst.get("shared_aliases", []) or []]
        inst_aliases += [(v, "alias") for v in dict.fromkeys(
            v for a in names for v in abbreviation_variants(a)) if v not in names]
        kb.add(entity, inst_aliases, exact_case)


def _spans(value: Any, where: str) -> tuple[tuple[dt.date | None, dt.date | None], ...] | None:
    if value is None:
        return None
    try:
        return tuple((_date(start, where), _date(end, where)) for start, end in value)
    except (TypeError, ValueError) as exc:
        raise KnowledgeError(f"{where}: opposition spans are [start, end] pairs ({exc})") from exc


def abbreviation_variants(name: str) -> list[str]:
    """"U.S. Forces Korea" and "US Forces Korea", "U.N. Command" and "UN Command": news text
    writes a leading country abbreviation with or without stops."""
    first, _, rest = name.partition(" ")
    if not rest:
        return []
    swaps = {"US": "U.S.", "U.S.": "US", "UN": "U.N.", "U.N.": "UN", "UK": "U.K.", "U.K.": "UK"}
    return [f"{swaps[first]} {rest}"] if first in swaps else []


def load_knowledge(actor_files: Iterable[Path]) -> ActorKnowledge:
    """Build the knowledge index from the world-coverage files and the given actor files."""
    kb = ActorKnowledge()
    loaders = (
        ("countries.tsv", _load_countries),
        ("igos.tsv", _load_igos),
        ("agents.tsv", _load_agents),
        ("roles.yaml", _load_roles),
    )
    for name, loader in loaders:
        path = knowledge_path(name)
        if not path.exists():
            raise KnowledgeError(f"knowledge file {path} is missing; reinstall dyadwatch")
        _guarded(loader, kb, path)
    igo_people = knowledge_path(IGO_OFFICIALS)
    if igo_people.exists():  # officials of international organisations, for every dyad; last,
        # so that a dyad file describing the same person (a former minister) wins
        actor_files = [*actor_files, igo_people]
    places = knowledge_path("places.tsv")
    if places.exists():  # optional: without it, places simply give no country
        _guarded(_load_places, kb, places)
    for path in actor_files:
        _guarded(_load_actor_file, kb, Path(path))
    for name in WORLD_FILES:
        path = knowledge_path(name)
        if not path.exists():  # optional: without them, foreign leaders get no country
            continue
        before = set(kb.entities)
        _guarded(_load_actor_file, kb, path)
        kb.background |= set(kb.entities) - before
    return kb


@lru_cache(maxsize=8)
def _cached(files: tuple[Path, ...]) -> ActorKnowledge:
    return load_knowledge(files)


def knowledge_for(dyad: Dyad) -> ActorKnowledge:
    """The knowledge index of a dyad (loaded once per process)."""
    return _cached(dyad.actor_files)


def _guarded(loader: Callable[[ActorKnowledge, Path], None], kb: ActorKnowledge,
             path: Path) -> None:
    """Load one knowledge file; a malformed entry is a named error that says which file."""
    try:
        loader(kb, path)
    except (KeyError, TypeError) as exc:
        raise KnowledgeError(f"{path}: malformed entry ({exc})") from exc
