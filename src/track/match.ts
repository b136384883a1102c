import * as z from 'zod';
import { gazetteer } from '../extract/gazetteer';
import type { IncidentHints } from '../schema';

/** What the incident index remembers about each incident, enough to match new reports against it. */
export const IndexEntry = z.object({
  v: z.literal(1),
  key: z.string(),
  type: z.string().nullable(),
  places: z.array(z.string()),
  names: z.array(z.string()),
  /** Earthquake magnitudes its reports gave (absent in entries written before they were recorded). */
  magnitudes: z.array(z.number()).optional(),
  /** Ships its reports named. */
  vessels: z.array(z.string()).optional(),
  first_published_ms: z.number(),
  last_published_ms: z.number(),
  closed: z.boolean(),
});
export type IndexEntry = z.infer<typeof IndexEntry>;

const DAY = 24 * 60 * 60 * 1000;

/**
 * Quiet period after which an incident closes, by type: sudden events are reported for days, slow ones for
 * weeks. Overridable per type with the QUIET_PERIOD_DAYS setting.
 */
export const DEFAULT_QUIET_DAYS: Record<string, number> = {
  // Sudden events: reports, funerals, arrests and inquiries follow for about a week.
  crash: 7,
  shipwreck: 7,
  explosion: 7,
  bombing: 7,
  shooting: 7,
  stampede: 7,
  'air strike': 7,
  'missile attack': 7,
  'rocket attack': 7,
  'drone attack': 7,
  attack: 7,
  fire: 7,
  riot: 7,
  // Disasters: search, recovery and revised tolls run for weeks.
  storm: 10,
  landslide: 10,
  avalanche: 10,
  earthquake: 21,
  tsunami: 21,
  flood: 21,
  hurricane: 21,
  wildfire: 28,
  collapse: 28,
  protest: 21,
  // Slow incidents: captivity, sieges and build-ups go on for months.
  kidnapping: 90,
  siege: 90,
  'military build-up': 120,
  war: 180,
};
export const FALLBACK_QUIET_DAYS = 7;

export function quietPeriodMs(type: string | null, overrides: Record<string, number> | undefined): number {
  const key = type ?? '';
  const days = overrides?.[key] ?? DEFAULT_QUIET_DAYS[key] ?? overrides?.default ?? FALLBACK_QUIET_DAYS;
  return days * DAY;
}

/** The longest quiet period in force: no incident older than this can still be open. */
export function maxQuietPeriodMs(overrides: Record<string, number> | undefined): number {
  const days = Math.max(FALLBACK_QUIET_DAYS, ...Object.values(DEFAULT_QUIET_DAYS), ...Object.values(overrides ?? {}));
  return days * DAY;
}

const norm = (s: string) => s.trim().toLowerCase();

/**
 * Types that outlets use for one incident: a "blast" for one is a "bombing" for another, floods come with
 * landslides, a riot is a protest turned violent. Compatible types may join; the same type scores higher.
 */
const TYPE_GROUPS: readonly (readonly string[])[] = [
  ['bombing', 'explosion', 'attack', 'fire'],
  ['shooting', 'attack', 'kidnapping', 'siege'],
  ['air strike', 'missile attack', 'rocket attack', 'drone attack', 'attack', 'explosion'],
  ['flood', 'storm', 'hurricane', 'landslide', 'avalanche', 'tsunami'],
  ['earthquake', 'tsunami', 'collapse', 'landslide'],
  ['fire', 'wildfire', 'explosion'],
  ['riot', 'protest'],
  ['crash', 'shipwreck'],
];

export function typesCompatible(a: string, b: string): boolean {
  return a === b || TYPE_GROUPS.some((group) => group.includes(a) && group.includes(b));
}

type PlaceRelation = 'shared' | 'compatible' | 'conflict';

/** How places compare: case, hyphens and spacing do not matter ("Uttar-Pradesh" is "Uttar Pradesh"). */
export const placeKey = (s: string) => s.trim().toLowerCase().replace(/[-\s]+/g, ' ');
const normPlace = placeKey;

interface PlaceFacts {
  names: Set<string>;
  countries: Set<string>;
  states: Set<string>;
  cities: Set<string>;
}

/** What the gazetteer knows about a list of places: known cities, and the states and countries they imply. */
function placeFacts(places: readonly string[]): PlaceFacts {
  const facts: PlaceFacts = { names: new Set(), countries: new Set(), states: new Set(), cities: new Set() };
  const index = gazetteer();
  for (const raw of places) {
    facts.names.add(normPlace(raw));
    let place = index.get(raw) ?? index.get(raw.replace(/-/g, ' '));
    if (!place) continue;
    if (place.kind === 'city') {
      facts.cities.add(normPlace(place.name));
      const parent = place.parent ? index.get(place.parent) : undefined;
      if (!parent) continue;
      place = parent;
    }
    if (place.kind === 'state') {
      facts.states.add(normPlace(place.name));
      // "Belgorod", "Herat": the division and its seat share the name, and either may be meant
      if (place.seat) facts.cities.add(normPlace(place.name));
      if (place.parent) facts.countries.add(normPlace(place.parent));
    } else if (place.kind === 'country') {
      facts.countries.add(normPlace(place.name));
    }
  }
  return facts;
}

const MAGNITUDE_SETTLED_MS = DAY;

/** Two quakes whose reported magnitudes differ by more than agencies' usual disagreement are two quakes. */
export function magnitudesConflict(a: readonly number[] | undefined, b: readonly number[] | undefined): boolean {
  if (!a?.length || !b?.length) return false;
  return !a.some((x) => b.some((y) => Math.abs(x - y) <= 0.3));
}

/** Incidents that strike a region rather than a spot: reports from different cities may describe one of them. */
const WIDE_AREA = new Set(['earthquake', 'tsunami', 'flood', 'storm', 'hurricane', 'wildfire', 'landslide', 'avalanche', 'protest', 'riot', 'military build-up', 'war']);
export const isWideArea = (type: string | null) => type !== null && WIDE_AREA.has(type);

/** Reports that each name the ship involved, and name different ships, are about different incidents. */
export function vesselsConflict(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (!a?.length || !b?.length) return false;
  // "the Herald of Free Enterprise" and "the Herald" are one ferry: sharing a word of the name is agreement
  const words = (names: readonly string[]) => new Set(names.flatMap((n) => norm(n).split(/\s+/)).filter((w) => w.length >= 3 && w !== 'the'));
  return disjoint(words(a), words(b));
}

const disjoint = (a: Set<string>, b: Set<string>) => a.size > 0 && b.size > 0 && ![...a].some((x) => b.has(x));

/**
 * Two reports' places conflict when the gazetteer knows they are different cities, states or countries
 * (a shooting in Phoenix and one in Dallas); they are shared when a name appears in both; otherwise they are
 * merely compatible (a report naming only "India" and one naming only an unlisted town).
 */
export function relatePlaces(a: readonly string[], b: readonly string[], wideArea = false): PlaceRelation {
  const fa = placeFacts(a);
  const fb = placeFacts(b);
  // A quake or a flood strikes many cities at once: for those, different cities of one state are no conflict.
  if (disjoint(fa.countries, fb.countries) || disjoint(fa.states, fb.states) || (!wideArea && disjoint(fa.cities, fb.cities))) return 'conflict';
  // Each side's first place is where it happened; the others may be mentioned in passing ("U.S. troops", "after
  // the storm hit Greece"), so sharing only a country is no agreement unless each side's first place is in a
  // country the other names. A wide-area disaster is reported from either side of a border ("the quake that
  // shook Ecuador and southern Colombia"): one side's first place agreeing is enough. Both naming the same town
  // or state settles it ("three Britons killed in the Sousse attack", filed from London).
  const shared = [...fa.names].filter((n) => fb.names.has(n));
  const sharedBelowCountry = shared.some((n) => !fa.countries.has(n));
  if (!sharedBelowCountry) {
    const agrees = primaryAgrees(a, fb);
    const agreed = primaryAgrees(b, fa);
    if (wideArea ? !agrees && !agreed : !agrees || !agreed) return 'conflict';
  }
  return shared.length > 0 ? 'shared' : 'compatible';
}

/** A place with the state and country the gazetteer puts it in: "Idlib" → idlib, syria. */
function withAncestors(place: string): Set<string> {
  const out = new Set([normPlace(place)]);
  const index = gazetteer();
  let p = index.get(place);
  while (p?.parent && !out.has(normPlace(p.parent))) {
    out.add(normPlace(p.parent));
    p = index.get(p.parent);
  }
  return out;
}

/** Incidents that happen at one spot: two reports whose first towns differ are about two of them. */
const SPOT = new Set(['shooting', 'stabbing', 'bombing', 'explosion', 'fire', 'collapse', 'crash', 'attack']);
export const isSpot = (type: string | null) => type !== null && SPOT.has(type);

/** A report's first place when it is a town (listed or not), not a country or a region. */
function firstTown(places: readonly string[]): string | undefined {
  const first = places[0];
  if (first === undefined) return undefined;
  const known = gazetteer().get(first) ?? gazetteer().get(first.replace(/-/g, ' '));
  if (known && (known.kind === 'country' || (known.kind === 'state' && !known.seat))) return undefined;
  return normPlace(first);
}

const listedCity = (p: string) => (gazetteer().get(p) ?? gazetteer().get(p.replace(/-/g, ' ')))?.kind === 'city';
/** The towns of a list that the gazetteer does not know as cities. */
const unlistedTowns = (places: readonly string[]) => places.filter((p) => firstTown([p]) !== undefined && !listedCity(p)).map(normPlace);

/**
 * Two spot incidents (a shooting, a fire, a blast, a crash) whose first towns differ, where neither side names
 * the other's town at all, are two incidents even in one state: "Bargarh district" and "Balasore district",
 * Belgrade and Mladenovac. A report that names both ("Itaewon", "Seoul") is no conflict. A side whose first place
 * is a state or country ("Odisha") is represented by every town it names — for an incident, every town its
 * reports have named, listed cities aside — so a derailment in another town of that state is still another
 * incident, while a report from the nearby big city ("MIAMI") is not set against a suburb ("Surfside").
 */
export function townsConflict(a: readonly string[], b: readonly string[]): boolean {
  const fa = firstTown(a);
  const fb = firstTown(b);
  // Compared through all its towns, a side's listed cities are left out: a big city is where the bureau, the
  // hospital or the court is, and the landmark a suburb is reported by ("MIAMI" for a collapse in Surfside).
  const widened = fa === undefined || fb === undefined;
  const side = (places: readonly string[], first: string | undefined) =>
    first === undefined ? unlistedTowns(places) : widened && listedCity(places[0]!) ? [] : [first];
  const ta = side(a, fa);
  const tb = side(b, fb);
  if (ta.length === 0 || tb.length === 0) return false;
  const all = (places: readonly string[]) => new Set(places.flatMap((p) => [...withAncestors(p)]));
  const inA = all(a);
  const inB = all(b);
  return !ta.some((t) => inB.has(t)) && !tb.some((t) => inA.has(t));
}

/** A fire and a related spot type (explosion, bombing, attack) join without a shared name only within this of the incident's last report. */
export const RELATED_SPOT_WINDOW_MS = 48 * 60 * 60 * 1000;

/** Attacks by a named weapon: one outlet's "missile strike" may be another's "attack", but not another's "drone attack". */
const WEAPON = new Set(['air strike', 'missile attack', 'rocket attack', 'drone attack']);
/** Strikes in a campaign (Red Sea shipping, a city under bombardment) recur for weeks in one region. */
const STRIKE = new Set([...WEAPON, 'attack']);
const HOUR = 60 * 60 * 1000;
/** Without a shared name or ship, a strike joins an incident sharing its town only within this of its last report. */
export const STRIKE_TOWN_WINDOW_MS = 72 * HOUR;
/** …and one sharing only a country within this. */
export const STRIKE_COUNTRY_WINDOW_MS = 12 * HOUR;

/** A sea, gulf or strait is where a campaign runs, not a name that ties two reports to one attack. */
const WATERS = /\b(?:sea|gulf|ocean|strait|straits|bay|channel|river)\b/i;
export const distinctiveName = (name: string) => !WATERS.test(name);

/**
 * Whether two strike reports without a shared distinctive name or ship may still be one strike. Different weapons
 * ("a drone strike on a car", "rockets fired at the airport") are two attacks; otherwise the reports must share
 * a town and come within three days of the incident's last report, or share only a country and come within
 * twelve hours: a campaign of strikes in one region (ships off Yemen, a city shelled week after week) would
 * otherwise chain into one incident.
 */
export function strikesMayJoin(
  typeA: string,
  typeB: string,
  placesA: readonly string[],
  placesB: readonly string[],
  gapMs: number,
): boolean {
  if (WEAPON.has(typeA) && WEAPON.has(typeB) && typeA !== typeB) return false;
  const fb = placeFacts(placesB);
  const sharedTown = placesA.some((p) => {
    const k = normPlace(p);
    return fb.names.has(k) && !placeFacts([p]).countries.has(k);
  });
  return gapMs <= (sharedTown ? STRIKE_TOWN_WINDOW_MS : STRIKE_COUNTRY_WINDOW_MS);
}

function primaryAgrees(places: readonly string[], other: PlaceFacts): boolean {
  const first = places[0];
  if (first === undefined || other.countries.size === 0) return true;
  const primary = placeFacts([first]);
  return disjoint(primary.countries, other.countries) === false;
}

/**
 * Scores open incidents against a report's hints and returns the best key, or null for a new incident.
 * Places must not conflict and types must be related; without a shared place the type must be the same, and
 * without any place on one side a shared name (person, organisation, site) is needed too. Quakes of different
 * magnitude and attacks on differently named ships never join; a report with no type joins on a shared name or,
 * failing that, the one open incident of its first place.
 */
export function matchIncident(
  entries: readonly IndexEntry[],
  hints: IncidentHints,
  publishedMs: number,
  quietOverrides?: Record<string, number>,
): string | null {
  const names = new Set((hints.names ?? []).map(norm));
  let best: { key: string; score: number; last: number } | null = null;
  // A report naming no incident type ("aid reaches the north-west a week after the disaster") may still follow
  // the one open incident of its place.
  const typelessFollows: string[] = [];

  for (const entry of entries) {
    if (entry.closed) continue;
    // The longer of the two types' periods: a flood report may follow an avalanche report by two weeks.
    const quiet = Math.max(quietPeriodMs(entry.type ?? hints.type, quietOverrides), quietPeriodMs(hints.type ?? entry.type, quietOverrides));
    if (publishedMs > entry.last_published_ms + quiet) continue;
    if (publishedMs < entry.first_published_ms - quiet) continue;
    // First estimates of a big quake's magnitude are revised within hours (7.9, then 8.8, then 9.0): only a
    // report a day or more after the incident began can be another quake by its magnitude.
    if (publishedMs - entry.first_published_ms >= MAGNITUDE_SETTLED_MS && magnitudesConflict(hints.magnitudes, entry.magnitudes)) continue;
    if (vesselsConflict(hints.vessels, entry.vessels)) continue;

    const typeAgrees = hints.type !== null && entry.type !== null && hints.type === entry.type;
    const typeRelated = hints.type !== null && entry.type !== null && typesCompatible(hints.type, entry.type);
    if (hints.type !== null && entry.type !== null && !typeRelated) continue;
    const places = relatePlaces(hints.places, entry.places, isWideArea(entry.type ?? hints.type));
    if (places === 'conflict') continue;
    const sharedNames = entry.names.filter((n) => names.has(norm(n))).length;
    const sharedDistinctive = entry.names.some((n) => names.has(norm(n)) && distinctiveName(n));
    const sharedVessel = !!hints.vessels?.length && !!entry.vessels?.length && !vesselsConflict(hints.vessels, entry.vessels);
    if (
      hints.type !== null && entry.type !== null && STRIKE.has(hints.type) && STRIKE.has(entry.type) && !sharedDistinctive && !sharedVessel &&
      !strikesMayJoin(hints.type, entry.type, hints.places, entry.places, Math.max(0, publishedMs - entry.last_published_ms))
    ) continue;
    if (hints.type === null && sharedNames === 0 && places === 'shared' && hints.places.length > 0) {
      const here = withAncestors(hints.places[0]!);
      if (entry.places.some((p) => here.has(normPlace(p)))) typelessFollows.push(entry.key);
    }
    if (!typeRelated && sharedNames === 0) continue;
    // One outlet's "blast" is another's "fire" on the day; a fire in the same city days after an explosion or a
    // bombing is another incident unless a name ties them (an "explosion" later called a "bombing" still joins).
    if (!typeAgrees && typeRelated && sharedNames === 0 && isSpot(hints.type) && isSpot(entry.type) && (hints.type === 'fire') !== (entry.type === 'fire') && publishedMs - entry.last_published_ms > RELATED_SPOT_WINDOW_MS) continue;
    if (sharedNames === 0 && isSpot(entry.type ?? hints.type) && townsConflict(hints.places, entry.places)) continue;

    if (places === 'compatible') {
      if (!typeAgrees) continue;
      if ((hints.places.length === 0 || entry.places.length === 0) && sharedNames === 0) continue;
    }

    const score = (typeAgrees ? 10 : typeRelated ? 6 : 0) + (places === 'shared' ? 4 : 0) + sharedNames + (normPlace(entry.places[0] ?? '') === normPlace(hints.places[0] ?? '-') ? 2 : 0);
    if (!best || score > best.score || (score === best.score && entry.last_published_ms > best.last)) {
      best = { key: entry.key, score, last: entry.last_published_ms };
    }
  }
  if (!best && typelessFollows.length === 1) return typelessFollows[0]!;
  return best?.key ?? null;
}

export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

/** A readable key such as `2020-01-07-kerman-stampede`; the index appends -2, -3… on collision. */
export function incidentKeyBase(hints: IncidentHints, publishedMs: number, title: string | undefined): string {
  const date = new Date(publishedMs).toISOString().slice(0, 10);
  const parts = [hints.places[0], hints.type].filter((p): p is string => !!p).map(slug).filter((p) => p.length > 0);
  if (parts.length === 0 && title) parts.push(slug(title).split('-').slice(0, 4).join('-'));
  return [date, ...parts].join('-') || date;
}

/** "Kerman stampede" — the incident's name in alerts and on the dashboard. */
export function incidentTitle(hints: IncidentHints, title: string | undefined, key?: string): string {
  const place = hints.places[0];
  if (place && hints.type) return `${place} ${hints.type}`;
  if (title && title.trim().length > 0) return title.trim().slice(0, 120);
  if (place) return `${place} incident`;
  return key ?? 'Untitled incident';
}
