"""Resolve each mention to one gazetteer place, using the whole report as context.

A name alone is ambiguous (Pokrovsk in Donetsk oblast, in Yakutia, and the old name of Engels; two
Opytne in Donetsk oblast; Donetsk the city and the oblast).  Reports are not: their places cluster.  The
resolver therefore works in two passes.  The first takes the names the gazetteer reads one way and
finds the report's focus (the countries it is about, the points it is near).  The second scores every
candidate of every name by

- how the name matched (the place's own name beats an alternate or historic one),
- population (a weak prior: big places are named more often),
- the report's country focus,
- distance to the places already settled, nearest first (the "Opytne near Bakhmut" rule),
- region cues: "… region/oblast", "X in Y" where X lies in Y, and one sense per report.

The second pass runs twice: a name early in a report ("Georgia") is read again once the places named
after it ("Athens", "Atlanta") are settled.  A country's own name is the country unless a state or an
oblast shares it.

Names the gazetteer does not know are matched only near the places they stand beside, with a
similarity threshold (``Opiten`` → Opytne, 4 km from Bakhmut), never against the whole world.
"""

from __future__ import annotations

import bisect
import logging
import math
import re
from collections import Counter
from collections.abc import Sequence

from gazetteer import Gazetteer, GazetteerError, Place
from gazetteer.base import PlaceSource
from geomap.mentions import own_name
from geomap.model import Mention, RelativePosition, ResolvedPlace, Sentence, Unresolved
from geomap.proximity import km_to, within_km
from geomap.relative import find_relative_positions, relative_point
from geomap.spelling import match_misspelling

__all__ = ["resolve"]

log = logging.getLogger("geomap")

#: geomap reads reports about the war in Ukraine: before any evidence, a name is likelier there
_DOMAIN_PRIOR = {"UA": 1, "RU": 1}
#: what a place's own name is worth over another place's alternate name of the same population
_OWN_NAME = 0.8
#: a reading this sure after the first pass is not read again
_SURE = 0.9
_FAR_KM = 150.0  # a village farther than this from all the report's places is a namesake
_FAR_HINT = (
    "only namesakes far from the report's other places are in the gazetteer; add GeoNames data for "
    "the country (`geomap gazetteer download UA`) to find the one meant"
)
#: beyond this distance a settled place adds less than 0.02 to a candidate's score: not measured
_PROXIMITY_KM = 450.0
_NEAR_WEIGHT = 2.0  # what a settled place next door adds to a candidate's score
_AREA_WEIGHT = 0.6  # what lying inside an area the report named adds to a candidate's score
_ADM1_AREA_WEIGHT = 0.3  # an oblast or a state: its towns already share its admin1 code
_AREA_MAX_KM = 800.0  # areas wider than this say little about where a name lies: the focus weighs them
_AREA_SLACK_KM = 25.0  # an area's radius is a circle's: a place just outside it may well be inside
#: areas whose every name is curated (countries, continents): any of their names is their own
_CURATED_CODES = frozenset({"PCLI", "CONT"})
#: curated areas that are not oblasts: a name of theirs means them, whatever towns share it
_CURATED_AREAS = frozenset({"RGN", "OCN", "SEA", "GULF", "STRT"})
#: a city of this size is what its bare name means, more often than a region or a town
_WORLD_CITY = 500_000
_WORLD_CITY_WEIGHT = 0.5
#: mentions that name a place without placing anything there: "Russian troops", "The Washington Post"
_ASSOCIATIVE_HINTS = frozenset({"modifier", "embedded"})
_LOCAL_HINT = "a street or a venue, and the report names no town to put it in"
_TOWN_KM = 10.0  # how far a street or a venue may lie from its town's point
_CAPITAL_POPULATION = 100_000  # a bare region name reads as a city of its name this big inside it
_OBLAST_CENTRE = 20_000  # ... or this big, inside an oblast named after it
_MAX_SETTLED = 8  # settled places a candidate is compared with: the nearest in the text
_MAX_CANDIDATES = 25  # namesakes scored per name: own names, then regions, then the most populous
_UNRESOLVED_HINT = (
    "not in the gazetteer; small villages are in the GeoNames country dump or postal codes: "
    "run `geomap gazetteer download UA` or `geomap gazetteer add UA.txt`"
)


def resolve(
    text: str,
    mentions: Sequence[Mention],
    gazetteer: Gazetteer,
    *,
    sentences: Sequence[Sentence],
    online: PlaceSource | None = None,
) -> tuple[list[ResolvedPlace], list[Unresolved]]:
    """Resolve ``mentions`` of ``text``; returns the resolved places (in text order) and the rest.

    Nationality adjectives come back as places in the ``modifier`` role ("Russian" → Russia), which
    :func:`geomap.report.parse` lists apart from the located places.

    ``online`` (an :class:`gazetteer.sources.online.OnlineSource`, off by default) is asked about the
    names the local gazetteer does not know; when it is unreachable the report resolves offline and a
    warning says so.
    """
    state = _Context(text, list(mentions), gazetteer, sentences, online)
    return state.run()


class _Context:
    def __init__(
        self,
        text: str,
        mentions: list[Mention],
        gazetteer: Gazetteer,
        sentences: Sequence[Sentence],
        online: PlaceSource | None,
    ):
        self.online = online
        self.text = text
        self.mentions = mentions
        self.gazetteer = gazetteer
        self.sentences = sentences
        self.starts = [s.start for s in sentences]
        self.variants: set[tuple[str, int]] = set()  # (key, place) pairs matched by skeleton only
        self.candidates = [self._candidates(m) for m in mentions]
        self.chosen: dict[int, tuple[Place, float, str]] = {}
        self.priors: dict[tuple[str, int], float] = {}  # (key, geonameid) -> _prior, once focus is known
        self.readings: dict[tuple, tuple[Place, float, str]] = {}  # a name in a context -> _score's answer
        self.relatives = find_relative_positions(text, self.mentions)  # "north of X": X is an anchor

    # -- driving -------------------------------------------------------------------------------------

    def run(self) -> tuple[list[ResolvedPlace], list[Unresolved]]:
        self.focus = self._country_focus()
        # a place an institution is named after ("The Washington Post") is no context for the others
        embedded = [k for k, m in enumerate(self.mentions) if m.hint == "embedded" and self.candidates[k]]
        for k, cands in enumerate(self.candidates):  # pass 1: names with one reading
            if len(cands) == 1 and self.mentions[k].hint not in ("unknown", "embedded"):
                self.chosen[k] = (cands[0], 0.9, "exact")
        ambiguous = [
            k
            for k, cands in enumerate(self.candidates)
            if cands and k not in self.chosen and self.mentions[k].hint != "embedded"
        ]
        for k in ambiguous:  # pass 2: context decides the rest, in text order
            self.chosen[k] = self._choose(k, self.candidates[k])
        for k in ambiguous:  # and again, now that the places named later are settled too
            if self.chosen[k][1] < _SURE:
                self.chosen[k] = self._choose(k, self.candidates[k])
        for k in [k for k in self.chosen if self._is_outlier(k) or self._is_unsupported(k)]:
            del self.chosen[k]
        unresolved = []
        for k in [k for k in self.chosen if self._is_far_namesake(k)]:
            del self.chosen[k]
            mention = self.mentions[k]
            unresolved.append(Unresolved(mention, self._sentence(mention.start), _FAR_HINT))
        for k, mention in enumerate(self.mentions):  # pass 3: unknown names near settled places
            if k in self.chosen or self.candidates[k]:
                continue
            found = self._local_match(k) if mention.hint == "local" else None
            found = found or self._near_match(k) or self._online_match(k)
            if found:
                self.chosen[k] = found
            elif mention.hint != "weak":
                hint = _LOCAL_HINT if mention.hint == "local" else _UNRESOLVED_HINT
                unresolved.append(Unresolved(mention, self._sentence(mention.start), hint))
        for k in embedded:  # read last, in the light of the report's settled places
            self.chosen[k] = self._choose(k, self.candidates[k])
        return self._places(), unresolved

    def _is_unsupported(self, k: int) -> bool:
        """Weak evidence (a small place's alternate name, no cue) stands only beside the report's places."""
        if self.mentions[k].hint != "weak":
            return False
        place = self.chosen[k][0]
        others = [
            p for j, (p, _, _) in self.chosen.items() if self.mentions[j].hint != "weak" and not p.is_region
        ]
        return not others or km_to(place, others) > 150

    def _is_far_namesake(self, k: int) -> bool:
        """A village whose only known namesake lies far from every other place of the report.

        Front-line villages share names with villages across the country (there are dozens of
        Ivanivka).  When the gazetteer lacks the one meant, the nearest it has may be 700 km away:
        reporting the name as unresolved is honest, mapping the namesake is not.
        """
        place = self.chosen[k][0]
        if place.feature_class != "P" or place.population >= 10_000 or self.chosen[k][2] != "exact":
            return False  # an area or a landmark has no namesakes
        chosen = [
            p
            for j, (p, _, _) in self.chosen.items()
            if j != k and self.mentions[j].key != self.mentions[k].key
        ]
        # judged against towns and named oblasts only, so that wrong villages cannot vouch for each other
        towns = [p for p in chosen if not p.is_region and p.population >= 10_000]
        oblasts = {(p.country, p.admin1) for p in chosen if p.is_region and p.admin1}  # oblasts, counties
        if len(towns) < 2 or (place.country, place.admin1) in oblasts | {
            (t.country, t.admin1) for t in towns
        }:
            return False
        return km_to(place, towns, beyond_km=_FAR_KM + 1) > _FAR_KM

    def _is_outlier(self, k: int) -> bool:
        """A lone word read as a small town in a country nothing else in the report is about.

        "Wagner", "War", "Tass": words that GeoNames happens to have, not places the report names.
        """
        mention = self.mentions[k]
        place = self.chosen[k][0]
        if " " in mention.surface or mention.hint or place.is_region or place.population >= 200_000:
            return False
        if place.country in _DOMAIN_PRIOR:
            return False
        if _CUE_BEFORE.search(self.text[max(0, mention.start - 12) : mention.start]):
            return False
        return not any(
            other.country == place.country
            for j, (other, _, _) in self.chosen.items()
            if self.mentions[j].key != mention.key
        )

    def _candidates(self, mention: Mention) -> list[Place]:
        """Places of the exact name, then of the same skeleton (other romanisations), never others."""
        if not mention.key:
            return []
        places = list(self.gazetteer.lookup_key(mention.key))
        for reading in mention.alternatives if mention.hint != "unknown" else ():
            places.extend(p for p in self.gazetteer.lookup_key(reading) if p not in places)
        if mention.hint == "modifier":  # "Russian": the country, never a town called Russia
            regions = [p for p in places if p.is_region]
            return [_named_area(regions) or regions[0]] if regions else []  # "Kurdish": not Iran's province
        if mention.hint == "region":
            regions = [p for p in places if p.is_region and p.feature_code != "PCLI"]
            return regions or places
        if len(mention.key) < 6 or any(own_name(p, mention.key) for p in places):
            return places  # a place of this very name exists, or the word is too short for a loose key
        seen = {p.geonameid for p in places}
        self.variants.update(
            (mention.key, p.geonameid)
            for p in self.gazetteer.lookup_variant(mention.key)
            if p.geonameid not in seen and not p.is_region
        )
        places.extend(
            p
            for p in self.gazetteer.lookup_variant(mention.key)
            if (mention.key, p.geonameid) in self.variants
        )
        if len(places) > _MAX_CANDIDATES:
            places.sort(key=lambda p: (not own_name(p, mention.key), not p.is_region, -p.population))
            del places[_MAX_CANDIDATES:]
        return places

    def _country_focus(self) -> Counter[str]:
        """Countries the report is about: unambiguous towns and regions vote twice, countries once."""
        votes: Counter[str] = Counter(_DOMAIN_PRIOR)
        for mention, cands in zip(self.mentions, self.candidates, strict=True):
            if mention.hint == "embedded":
                continue  # the Washington Post's news is not about Washington
            countries = {p.country for p in cands}
            if len(countries) == 1:  # countries are often metonyms ("Moscow said"); towns and regions are not
                votes[cands[0].country] += 1 if cands[0].feature_code == "PCLI" else 2
            else:
                named = [p for p in cands if p.feature_code == "PCLI"]
                if len(named) == 1 and not any(p.feature_code == "ADM1" for p in cands):
                    votes[named[0].country] += 1  # "Britain", though a hamlet in Ohio is called so too
        return votes

    # -- choosing among candidates ---------------------------------------------------------------

    def _choose(self, k: int, cands: list[Place]) -> tuple[Place, float, str]:
        mention = self.mentions[k]
        region = self._region_reading(k, cands)
        if region is not None:
            return region, 0.85, "exact"
        country = self._named_country(mention, cands) or _named_area(cands)
        if country is not None:
            return country, 0.9, "exact"
        settled, areas, admin1s = self._settled(k)
        self._add_next_region(k, admin1s)
        # a name met again in the same context scores the same: repeats and second readings are free
        context = (
            mention.key,
            mention.hint,
            mention.alternatives,
            frozenset(p.geonameid for p in settled),
            frozenset(admin1s.items()),
            frozenset(p.geonameid for p in areas),
        )
        reading = self.readings.get(context)
        if reading is None:
            reading = self.readings[context] = self._score(mention, cands, settled, admin1s, areas)
        return reading

    def _score(
        self,
        mention: Mention,
        cands: list[Place],
        settled: list[Place],
        admin1s: dict[tuple[str, str], float],
        areas: list[Place],
    ) -> tuple[Place, float, str]:
        """The best candidate by prior and nearness to the settled places, and how sure that is."""
        total = sum(self.focus.values()) or 1
        priors = []
        capitals = _namesake_capitals(cands)
        for place in cands:
            if capitals and _is_subdivision(place) and _holds_namesake_city(place, cands, capitals):
                continue  # a bare oblast name reads as its capital unless a region cue says otherwise
            prior = self.priors.get((mention.key, place.geonameid))
            if prior is None:  # the same name's candidates come back for every mention of it
                prior = self.priors[(mention.key, place.geonameid)] = self._prior(mention, place, total)
            prior += admin1s.get((place.country, place.admin1), 0.0)  # a US state among its towns too
            if areas:
                prior += _area_bonus(place, areas)  # Gaza beside Israel, not the province of Mozambique
            priors.append((prior, place))
        if not priors:
            priors = [(0.0, cands[0])]
        priors.sort(key=lambda pair: -pair[0])
        scored = []
        best_score = -math.inf
        for prior, place in priors:
            # nearness adds at most _NEAR_WEIGHT: a candidate that cannot catch up is not measured
            score = prior
            if settled and prior + _NEAR_WEIGHT > best_score:
                score += self._nearness(place, settled)
            best_score = max(best_score, score)
            scored.append((score, place))
        scored.sort(key=lambda pair: -pair[0])
        best_score, best = scored[0]
        weights = [math.exp(3 * (s - best_score)) for s, _ in scored]
        method = "variant" if (mention.key, best.geonameid) in self.variants else "exact"
        return best, round(weights[0] / sum(weights), 3), method

    @staticmethod
    def _named_country(mention: Mention, cands: list[Place]) -> Place | None:
        """The country a name is the own name of, unless a state or an oblast shares it ("Georgia").

        Towns called Egypt or Mexico exist, but a report naming "Egypt" means the country: nearness to
        the report's other places must not pull the name to a hamlet.
        """
        countries = [p for p in cands if p.feature_code == "PCLI"]
        if len(countries) != 1 or any(p.feature_code in ("ADM1", "RGN") for p in cands):
            return None
        return countries[0] if mention.hint != "region" else None

    def _prior(self, mention: Mention, place: Place, total: int) -> float:
        """What a candidate is worth before the report's other places are asked about."""
        # a historic or alternate name is known mostly for notable towns: size counts more there
        # (short of the metropolises whose alternate names are their countries', "Mexico"); a small
        # place's alternate name earns nothing extra ("Paris" is not Swainsboro, Georgia), and a
        # place's own name still outweighs another's alternate one ("Athens" is not Oshkosh)
        own = own_name(place, mention.key) or place.source == "regions"
        own = own or place.feature_code in _CURATED_CODES
        doubled = not own and 20_000 <= place.population < 1_000_000
        score = 1.5 if place.is_region else (2.6 if doubled else 1.5) * math.log10(place.population + 10) / 7
        if own:
            score += _OWN_NAME
        elif (mention.key, place.geonameid) in self.variants:
            score -= 0.4
        score += 1.2 * self.focus.get(place.country, 0) / total
        if place.feature_code == "PCLI":
            score += 1.0
        elif place.feature_class == "P" and place.population >= _WORLD_CITY:
            # "Washington" is the capital more often than the state or a town, "Louisville" the city in
            # Kentucky more often than the town in Ohio that a report about Columbus makes nearer
            score += _WORLD_CITY_WEIGHT
        return score

    @staticmethod
    def _nearness(place: Place, settled: list[Place]) -> float:
        """Up to ``_NEAR_WEIGHT`` for a place close to the places the report has settled.

        A county or an oblast is as near as its edge: Kent the county among English towns, not Kent,
        Connecticut.  Wider areas say nothing by nearness (the country focus weighs them).
        """
        reach = place.radius_km if place.is_region else 0.0
        if place.is_region and not 0 < reach <= _AREA_MAX_KM:
            return 0.0
        nearest = km_to(place, settled, beyond_km=_PROXIMITY_KM + reach) - reach
        return _NEAR_WEIGHT * math.exp(-max(0.0, nearest) / 100) if nearest < _PROXIMITY_KM else 0.0

    def _region_reading(self, k: int, cands: list[Place]) -> Place | None:
        """The oblast, when the text reads a bare name ("Donetsk") as the region, else None."""
        regions = [p for p in cands if p.is_region and p.feature_code in ("ADM1", "RGN")]
        if not regions:
            return None
        region = regions[0]
        if self.mentions[k].hint == "region" or len(regions) == len(cands):
            return region
        mention = self.mentions[k]
        if _TERRITORY.search(self.text[max(0, mention.start - 30) : mention.start]):
            return region  # "all of Luhansk", "which part of Luhansk": a share of territory is a region's
        prev = self.chosen.get(k - 1)
        if (
            prev is not None
            and prev[0].feature_code == "ADM1"
            and _LIST.fullmatch(self.text[self.mentions[k - 1].end : mention.start])
        ):
            return region  # "Kherson and Zaporizhzhia" after a region: a list of regions
        return region if self._contains_previous(k, region) else None

    def _add_next_region(self, k: int, bonus: dict[tuple[str, str], float]) -> None:
        """A large bonus for the region named right after the name ("Lysivka, Donetsk region").

        The next name may not be settled yet ("St. Petersburg, Florida"): any state it may be counts,
        unless the state's main city has its name ("Washington, New York and Boston" is a list).
        """
        if k + 1 < len(self.mentions) and _IN_REGION.fullmatch(
            self.text[self.mentions[k].end : self.mentions[k + 1].start]
        ):
            nxt = self.chosen.get(k + 1)
            cands = [nxt[0]] if nxt is not None else self.candidates[k + 1]
            cities = _namesake_capitals(cands) if nxt is None else set()
            for region in cands:
                if region.feature_code == "ADM1" and (region.country, region.admin1) not in cities:
                    bonus[(region.country, region.admin1)] = 2.0

    def _contains_previous(self, k: int, region: Place) -> bool:
        """Whether the name after "in" contains the place before it: "the town of Bakhmut in Donetsk".

        "Into" reads the same way: "Kramatorsk and Slavyansk, further west into Donetsk".
        """
        mention = self.mentions[k]
        if k == 0 or not _IN_BEFORE.search(self.text[max(0, mention.start - 6) : mention.start]):
            return False
        relative = self.relatives.get(k)
        if relative is not None and relative.kind in ("direction", "offset"):
            return False  # "Brovary, east of Kyiv" places Brovary from the city
        prev = self.chosen.get(k - 1)
        if prev is None or self._sentence(self.mentions[k - 1].start) != self._sentence(mention.start):
            return False
        place = prev[0]
        return place.country == region.country and place.admin1 == region.admin1 and not place.is_region

    def _settled(self, k: int) -> tuple[list[Place], list[Place], dict[tuple[str, str], float]]:
        """What the places settled so far (other than mention k's own name) tell about mention k.

        - the settlements, nearest in the text first: a namesake near them is likelier;
        - the areas small enough to say where a namesake lies (a county, an oblast, Israel or France;
          not the United States or the Middle East, which the country focus already weighs);
        - a small bonus for candidates in the oblasts and states of settled places ("Вишневое" among
          towns of Kharkiv oblast).

        One pass over the settled places: it runs for every ambiguous name, often twice.
        """
        key, start = self.mentions[k].key, self.mentions[k].start
        settled: dict[int, tuple[int, Place]] = {}
        areas: dict[int, Place] = {}
        bonus: dict[tuple[str, str], float] = {}
        for j, (place, _, _) in self.chosen.items():
            mention = self.mentions[j]
            if mention.key == key:
                continue
            if not place.is_region:
                settled[place.geonameid] = (abs(mention.start - start), place)
            elif 0 < place.radius_km <= _AREA_MAX_KM:
                areas[place.geonameid] = place
            if place.admin1 and place.feature_code != "PCLI":
                bonus[(place.country, place.admin1)] = 0.6
        nearest = [place for _, place in sorted(settled.values(), key=lambda pair: pair[0])[:_MAX_SETTLED]]
        return nearest, list(areas.values()), bonus

    # -- names the gazetteer does not know ---------------------------------------------------------

    def _local_match(self, k: int) -> tuple[Place, float, str] | None:
        """The town a street or a venue is in.

        The settlement named just before it in the same sentence ("on Royal Street in New Orleans" reads
        the other way, so only one before it counts), else the report's most named settlement.
        """
        start = self.mentions[k].start
        sentence = self._sentence(start)
        towns = [
            (self.mentions[j].start, place)
            for j, (place, _, _) in self.chosen.items()
            if not place.is_region and self.mentions[j].hint != "local"
        ]
        before = [(at, place) for at, place in towns if at < start and self._sentence(at) == sentence]
        if before:
            return max(before, key=lambda pair: pair[0])[1], 0.5, "local"
        if not towns:
            return None
        counts = Counter(place.geonameid for _, place in towns)
        best = max(towns, key=lambda pair: (counts[pair[1].geonameid], -abs(pair[0] - start)))[1]
        return best, 0.4, "local"

    def _near_match(self, k: int) -> tuple[Place, float, str] | None:
        """A spelling variant or a near miss of a place close to the places around the mention."""
        return match_misspelling(self.mentions[k], self._anchors_for(k), self.gazetteer)

    def _online_match(self, k: int) -> tuple[Place, float, str] | None:
        """Ask the online geocoder, if any, and keep its answer nearest the report's places."""
        mention = self.mentions[k]
        if self.online is None or mention.hint == "weak":
            return None
        try:
            found = self.online.lookup(mention.alternatives[0] if mention.alternatives else mention.surface)
        except GazetteerError as exc:
            log.warning("%s", exc)
            self.online = None  # one warning per report, then offline
            return None
        if not found:
            return None
        anchors = self._anchors_for(k)
        best = min(found, key=lambda p: km_to(p, anchors)) if anchors else found[0]
        return best, 0.6, "online"

    def _anchors_for(self, k: int) -> list[Place]:
        """Settled places of the same sentence, else of the report, that a misspelling may lie near."""
        sentence = self._sentence(self.mentions[k].start)
        same = [
            p
            for j, (p, _, _) in self.chosen.items()
            if not p.is_region and self._sentence(self.mentions[j].start) == sentence
        ]
        if same:
            return same[:3]
        return [p for p, _, _ in self.chosen.values() if not p.is_region and p.radius_km < 20][:3]

    # -- output -----------------------------------------------------------------------------------------

    def _places(self) -> list[ResolvedPlace]:
        out: list[ResolvedPlace] = []
        for k, (place, confidence, method) in sorted(self.chosen.items()):
            mention = self.mentions[k]
            rel = self.relatives.get(k)
            role = "modifier" if mention.hint in _ASSOCIATIVE_HINTS else "location"
            uncertainty = place.radius_km
            if method == "local":  # somewhere in the town: its extent, which cities500 does not give
                uncertainty = max(uncertainty, _TOWN_KM)
            if rel is not None and rel.kind in ("near", "outskirts"):
                uncertainty = max(uncertainty, relative_point((place.lat, place.lon), rel)[2])
            elif rel is not None:
                role = "anchor"
                located = self._relative_location(k, rel, place, confidence)
                if located is not None:
                    out.append(located)
            if rel is None and self._is_second_of_between(k):
                role = "anchor"
            out.append(
                ResolvedPlace(
                    mention,
                    place,
                    place.lat,
                    place.lon,
                    confidence,
                    uncertainty,
                    role,
                    method,
                    rel if rel is not None and role == "location" else None,
                )
            )
        return sorted(out, key=lambda r: (r.start, r.end))

    def _relative_location(
        self, k: int, rel: RelativePosition, anchor: Place, confidence: float
    ) -> ResolvedPlace | None:
        """The point a phrase such as "3 km north of Bakhmut" names.

        None when the phrase only describes a place named just before it ("Krasna Hora, north of
        Bakhmut").
        """
        if (
            k > 0
            and (k - 1) in self.chosen
            and re.fullmatch(
                r"\s*,\s*(?:just\s+|some\s+|about\s+)?", self.text[self.mentions[k - 1].end : rel.start]
            )
        ):
            return None
        other = None
        if rel.kind == "between" and (k + 1) in self.chosen:
            second = self.chosen[k + 1][0]
            other = (second.lat, second.lon)
        lat, lon, uncertainty = relative_point(
            (anchor.lat, anchor.lon), rel, other=other, anchor_radius_km=anchor.radius_km
        )
        phrase = Mention(rel.start, rel.end, rel.phrase, self.mentions[k].key, "relative")
        return ResolvedPlace(
            phrase, anchor, lat, lon, round(confidence * 0.9, 3), uncertainty, "location", "relative", rel
        )

    def _is_second_of_between(self, k: int) -> bool:
        prev = self.relatives.get(k - 1)
        return prev is not None and prev.kind == "between" and prev.end == self.mentions[k].end

    def _sentence(self, offset: int) -> str:
        index = bisect.bisect_right(self.starts, offset) - 1
        if index >= 0 and offset < self.sentences[index].end:
            return self.sentences[index].text
        return ""


def _area_bonus(place: Place, areas: list[Place]) -> float:
    """What lying inside (or just outside) an area the report named adds to a candidate.

    An oblast or a state adds less: its towns already share its admin1 code (:meth:`_settled`).
    """
    inside = [
        area
        for area in areas
        if area.geonameid != place.geonameid
        and within_km(place, area, area.radius_km + _AREA_SLACK_KM)
    ]
    if not inside:
        return 0.0
    return _AREA_WEIGHT if any(a.feature_code != "ADM1" for a in inside) else _ADM1_AREA_WEIGHT


def _named_area(cands: list[Place]) -> Place | None:
    """The sea or the world region a name is curated for: "the Middle East", not a hamlet in Maryland."""
    areas = [p for p in cands if p.source == "regions" and p.feature_code in _CURATED_AREAS]
    return areas[0] if len(areas) == 1 else None


def _namesake_capitals(cands: list[Place]) -> set[tuple[str, str]]:
    """Regions (country, admin1) holding a city of the name big enough to be what the bare name means.

    Donetsk and Kharkiv are cities first; a hamlet called Minnesota does not make "Minnesota" one.  An
    oblast of the curated table is named after its centre, so its town of the name counts from 20,000
    people: cities500 gives Kherson 66,000.
    """
    oblasts = {(p.country, p.admin1) for p in cands if p.source == "regions" and p.feature_code == "ADM1"}
    return {
        (p.country, p.admin1)
        for p in cands
        if p.feature_class == "P"
        and p.population >= (_OBLAST_CENTRE if (p.country, p.admin1) in oblasts else _CAPITAL_POPULATION)
    }


def _holds_namesake_city(region: Place, cands: list[Place], capitals: set[tuple[str, str]]) -> bool:
    """Whether a big city of the region's name lies in it.

    By admin1 code, or by position for a capital that is a first-level division of its own: Kyiv is
    UA.12, inside Kyiv Oblast, UA.13.
    """
    if (region.country, region.admin1) in capitals:
        return True
    return any(
        c.feature_class == "P" and c.population >= _CAPITAL_POPULATION and c.country == region.country
        and within_km(c, region, region.radius_km)
        for c in cands
    )


def _is_subdivision(place: Place) -> bool:
    return place.is_region and place.feature_code != "PCLI"


_CUE_BEFORE = re.compile(
    r"\b(?:in|near|at|outside|around|city|town|village|в|у|під|біля|под|около)\s+$", re.I
)


_TERRITORY = re.compile(
    r"\b(?:all|most|much|half|parts?|rest|\d+\s*%|percent|per\s+cent)\s+of\s+(?:the\s+)?$", re.I
)
_IN_BEFORE = re.compile(r"\b(?:in|into|of|,)\s*$")
_LIST = re.compile(r"\s*(?:,|and|or|, and|та|і|и)\s*")
_IN_REGION = re.compile(r"\s*,?\s*(?:in|в|у|на|of)?\s*(?:the\s+)?")
