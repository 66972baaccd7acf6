"""An optional online fallback: Nominatim (OpenStreetMap) or the GeoNames web service, through geopy.

Off by default: nothing in the gazetteer asks the network unless a caller builds an :class:`OnlineSource`.
Each query is rate-limited with geopy's ``RateLimiter`` (Nominatim's usage policy allows one request a
second) and its answer is kept in an SQLite cache, so a name is asked once per service and a cached
answer still works offline.  Answers become ordinary :class:`~gazetteer.model.Place` values: GeoNames
answers keep their geonameid; OpenStreetMap objects get a stable negative id of their own.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from geopy import exc as geopy_exc
from geopy.distance import great_circle
from geopy.extra.rate_limiter import RateLimiter

from gazetteer.base import PlaceSource
from gazetteer.errors import DownloadError
from gazetteer.fold import fold, is_indexable
from gazetteer.model import Place, PlaceRecord

__all__ = ["SERVICES", "OnlineSource", "place_from_geonames", "place_from_nominatim"]

_USER_AGENT = "geomap-gazetteer/0.1 (offline-first war-report mapper)"
#: answers asked per query; the cache key must not depend on a caller's ``limit``
_ASK = 10
#: OpenStreetMap ids become negative ids below this, far from postal rows and curated regions
_OSM_ID_BASE = 200_000_000_000
_OSM_TYPES = {"node": 0, "way": 1, "relation": 2, "N": 0, "W": 1, "R": 2}

# (OSM class or "*", OSM type or address type) → GeoNames feature class and code
_FEATURES = {
    ("*", "country"): ("A", "PCLI"),
    ("*", "state"): ("A", "ADM1"),
    ("*", "province"): ("A", "ADM1"),
    ("*", "region"): ("A", "ADM1"),
    ("*", "county"): ("A", "ADM2"),
    ("*", "district"): ("A", "ADM2"),
    ("*", "municipality"): ("A", "ADM3"),
    ("place", "city"): ("P", "PPL"),
    ("place", "town"): ("P", "PPL"),
    ("place", "village"): ("P", "PPL"),
    ("place", "hamlet"): ("P", "PPL"),
    ("place", "suburb"): ("P", "PPLX"),
    ("place", "quarter"): ("P", "PPLX"),
    ("place", "isolated_dwelling"): ("P", "PPL"),
    ("waterway", "*"): ("H", "STM"),
    ("natural", "water"): ("H", "LK"),
    ("natural", "*"): ("T", "HLL"),
}


def place_from_nominatim(raw: dict) -> Place:
    """Turn one Nominatim ``format=json`` hit (with address details and extra tags) into a place."""
    address = raw.get("address") or {}
    kind = raw.get("addresstype") or raw.get("type", "")
    fclass, fcode = (
        _FEATURES.get(("*", kind))
        or _FEATURES.get((raw.get("class", ""), raw.get("type", "")))
        or _FEATURES.get((raw.get("class", ""), "*"))
        or (("P", "PPL") if kind in {"city", "town", "village", "hamlet"} else ("S", "SPOT"))
    )
    lat, lon = float(raw["lat"]), float(raw["lon"])
    osm_type = _OSM_TYPES.get(str(raw.get("osm_type", "")), 3)
    population = str((raw.get("extratags") or {}).get("population", "")).replace(",", "").strip()
    return Place(
        geonameid=-(_OSM_ID_BASE + int(raw.get("osm_id", 0)) * 4 + osm_type),
        name=_english_name(raw),
        lat=lat,
        lon=lon,
        feature_class=fclass,
        feature_code=fcode,
        country=str(address.get("country_code", "")).upper(),
        source="nominatim",
        population=int(population) if population.isdigit() else 0,
        radius_km=_bbox_radius_km(raw.get("boundingbox"), lat, lon),
        admin1_name=address.get("state", ""),
    )


def _english_name(raw: dict) -> str:
    names = raw.get("namedetails") or {}
    return names.get("name:en") or raw.get("name") or names.get("name") or raw["display_name"].split(",")[0]


def _bbox_radius_km(bbox: list | None, lat: float, lon: float) -> float:
    """Half the box's diagonal: the uncertainty of a point that stands for a whole area."""
    try:
        south, north, west, east = (float(v) for v in bbox or ())
    except ValueError:
        return 0.0
    return round(great_circle((south, west), (north, east)).km / 2, 1)


def place_from_geonames(raw: dict) -> Place:
    """Turn one GeoNames ``searchJSON`` hit into a place, keeping its real geonameid."""
    return Place(
        geonameid=int(raw["geonameId"]),
        name=raw.get("name") or raw.get("toponymName", ""),
        lat=float(raw["lat"]),
        lon=float(raw["lng"]),
        feature_class=raw.get("fcl", ""),
        feature_code=raw.get("fcode", ""),
        country=raw.get("countryCode", ""),
        admin1=str(raw.get("adminCode1", "")),
        population=int(raw.get("population") or 0),
        source="geonames-ws",
        admin1_name=raw.get("adminName1", ""),
    )


def _nominatim(*, domain: str, scheme: str, timeout: float, username: str) -> tuple[object, dict]:
    from geopy.geocoders import Nominatim

    geocoder = Nominatim(user_agent=_USER_AGENT, domain=domain, scheme=scheme, timeout=timeout)
    options = {"limit": _ASK, "addressdetails": True, "extratags": True, "namedetails": True,
               "language": "en"}
    return geocoder, options


def _geonames(*, domain: str, scheme: str, timeout: float, username: str) -> tuple[object, dict]:
    from geopy.geocoders import GeoNames

    if not username:
        raise DownloadError("the GeoNames web service needs a username (free at geonames.org/login)")
    geocoder = GeoNames(username=username, user_agent=_USER_AGENT, domain=domain, scheme=scheme,
                        timeout=timeout)
    return geocoder, {}


#: service name → (geocoder factory, parser of one raw hit, default domain, country keyword)
SERVICES: dict[str, tuple[Callable, Callable[[dict], Place], str, str]] = {
    "nominatim": (_nominatim, place_from_nominatim, "nominatim.openstreetmap.org", "country_codes"),
    "geonames": (_geonames, place_from_geonames, "api.geonames.org", "country"),
}


class OnlineSource(PlaceSource):
    """Places asked of an online geocoder, one name at a time, remembered in an on-disk cache.

    Parameters
    ----------
    service
        ``"nominatim"`` or ``"geonames"`` (the GeoNames web service, which needs ``username``).
    cache_dir
        Folder of the answer cache (``online.sqlite``); the gazetteer's cache folder by default.
    domain, scheme
        Where the service lives; tests point them at a server on 127.0.0.1.
    min_delay_seconds, max_retries
        Passed to geopy's ``RateLimiter``: the pause between requests and the retries after an error.
    """

    def __init__(
        self,
        *,
        service: str = "nominatim",
        cache_dir: str | Path | None = None,
        domain: str | None = None,
        scheme: str = "https",
        username: str = "",
        timeout: float = 10.0,
        min_delay_seconds: float = 1.0,
        max_retries: int = 2,
    ) -> None:
        if service not in SERVICES:
            raise DownloadError(f"unknown online service {service!r}; choose from {', '.join(SERVICES)}")
        factory, self._parse, default_domain, self._country_kw = SERVICES[service]
        self.name = service
        self.domain = domain or default_domain
        self._geocoder, self._options = factory(domain=self.domain, scheme=scheme, timeout=timeout,
                                                username=username)
        self._ask = RateLimiter(self._geocoder.geocode, min_delay_seconds=min_delay_seconds,
                                max_retries=max_retries, error_wait_seconds=min(5.0, 2 * min_delay_seconds),
                                swallow_exceptions=False)
        self._cache = _AnswerCache(Path(cache_dir) if cache_dir else _default_cache_dir())
        self._key = f"{service}@{scheme}://{self.domain}"

    def label(self) -> str:
        """Name the service and where it lives, since the answers depend on both."""
        return f"online {self._key}"

    def lookup(self, name: str, *, country: str | None = None, limit: int = 10) -> list[Place]:
        """Ask the service (or its cache) for ``name``; raises :class:`DownloadError` when unreachable."""
        query = " ".join(name.split())
        if not fold(query):
            return []
        cc = country.upper() if country else ""
        raws = self._cache.get(self._key, query, cc)
        if raws is None:
            raws = self._fetch(query, cc)
            self._cache.put(self._key, query, cc, raws)
        places = [self._parse(raw) for raw in raws]
        return [p for p in places if not cc or p.country == cc][:limit]

    def _fetch(self, query: str, cc: str) -> list[dict]:
        options = dict(self._options, exactly_one=False)
        if cc:
            options[self._country_kw] = cc
        try:
            found = self._ask(query, **options)
        except (geopy_exc.GeocoderUnavailable, geopy_exc.GeocoderTimedOut) as exc:
            raise DownloadError(
                f"online gazetteer {self._key} is unreachable ({exc}); are you offline? "
                "Cached answers still work; everything else resolves from the local index."
            ) from None
        except geopy_exc.GeopyError as exc:
            raise DownloadError(f"online gazetteer {self._key} refused {query!r}: {exc}") from None
        return [loc.raw for loc in found or ()]

    def records(self) -> Iterator[PlaceRecord]:
        """Every place the service has answered so far, with its names, so an index can keep them."""
        seen: set[int] = set()
        for raw in self._cache.answers(self._key):
            place = self._parse(raw)
            if place.geonameid in seen:
                continue
            seen.add(place.geonameid)
            names = [place.name, raw.get("name", ""), *((raw.get("namedetails") or {}).values())]
            yield PlaceRecord(place, tuple(dict.fromkeys(n for n in names if n and is_indexable(n))))

    def fingerprint(self) -> str:
        """Return a hash of the cached answers, which changes whenever a new one is stored."""
        return self._cache.fingerprint(self._key)


def _default_cache_dir() -> Path:
    from gazetteer.index import default_index_path

    return default_index_path().parent


class _AnswerCache:
    """Raw answers by (service, query, country) in ``online.sqlite``; a broken file is started afresh."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / "online.sqlite"
        try:
            self._db = self._connect()
        except sqlite3.DatabaseError:
            self.path.unlink(missing_ok=True)
            self._db = self._connect()

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, check_same_thread=False, timeout=30)
        db.execute(
            "CREATE TABLE IF NOT EXISTS answers(service TEXT, query TEXT, country TEXT, fetched REAL, "
            "payload TEXT, PRIMARY KEY(service, query, country))"
        )
        return db

    def get(self, service: str, query: str, country: str) -> list[dict] | None:
        row = self._db.execute(
            "SELECT payload FROM answers WHERE service = ? AND query = ? AND country = ?",
            (service, fold(query), country),
        ).fetchone()
        return json.loads(row[0]) if row else None

    def put(self, service: str, query: str, country: str, raws: list[dict]) -> None:
        with self._db:
            self._db.execute(
                "INSERT OR REPLACE INTO answers VALUES (?, ?, ?, ?, ?)",
                (service, fold(query), country, time.time(), json.dumps(raws, ensure_ascii=False)),
            )

    def answers(self, service: str) -> Iterator[dict]:
        rows = self._db.execute("SELECT payload FROM answers WHERE service = ? ORDER BY query", (service,))
        for (payload,) in rows.fetchall():
            yield from json.loads(payload)

    def fingerprint(self, service: str) -> str:
        digest = hashlib.sha256()
        for query, country, fetched in self._db.execute(
            "SELECT query, country, fetched FROM answers WHERE service = ? ORDER BY query, country",
            (service,),
        ):
            digest.update(f"{query}\t{country}\t{fetched}\n".encode())
        return digest.hexdigest()[:32]
