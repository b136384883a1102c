// Incident matching: what the index keeps per incident, quiet periods, how places relate, and the named rule
// table (MATCH_RULES) that decides which open incident a report joins.
import * as z from 'zod';
import { gazetteer, resolveTown } from '../extract/gazetteer';
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
  /** Ages and streets its reports gave (everyday incidents are told apart by them). */
  ages: z.array(z.number()).optional(),
  /** Those of its ages given only to suspects, and the ages its reports gave further down. */
  suspect_ages: z.array(z.number()).optional(),
  later_ages: z.array(z.number()).optional(),
  streets: z.array(z.string()).optional(),
  /** The largest killed-plus-injured figure its reports gave. */
  toll: z.number().optional(),
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
  homicide: 7,
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

// Curly and straight apostrophes, and the dots of initials, differ between outlets' copy of one name.
const norm = (s: string) => s.trim().toLowerCase().replace(/[’‘`]/g, "'").replace(/\.(?=\s|$)/g, '');

/**
 * Types that outlets use for one incident: a "blast" for one is a "bombing" for another, floods come with
 * landslides, a riot is a protest turned violent. Compatible types may join; the same type scores higher.
 */
const TYPE_GROUPS: readonly (readonly string[])[] = [
  ['bombing', 'explosion', 'attack', 'fire'],
  ['shooting', 'homicide', 'attack', 'kidnapping', 'siege'],
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
const SPOT = new Set(['shooting', 'stabbing', 'homicide', 'bombing', 'explosion', 'fire', 'collapse', 'crash', 'attack']);
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
export function townsConflict(a: readonly string[], b: readonly string[], namesA: readonly string[] = [], namesB: readonly string[] = []): boolean {
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
  // a town one side gives only as a name ("Surfside" in a report filed from MIAMI) is still named by it
  const all = (places: readonly string[], names: readonly string[]) => new Set([...places.flatMap((p) => [...withAncestors(p)]), ...names.map(normPlace)]);
  const inA = all(a, namesA);
  const inB = all(b, namesB);
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
  // the attacker's and the target's country both named on both sides is as specific as a shared town
  return gapMs <= (sharedTown || countryPairShared(placesA, placesB) ? STRIKE_TOWN_WINDOW_MS : STRIKE_COUNTRY_WINDOW_MS);
}

/**
 * Both sides name the same two countries or more, and each side's first place lies in one of them: a strike by one
 * country on another ("Iran fires missiles at a US base in Iraq"), reported first from the attacker's capital and
 * then from the target's, is one strike even though each report leads with its own side.
 */
export function countryPairShared(a: readonly string[], b: readonly string[]): boolean {
  const fa = placeFacts(a);
  const fb = placeFacts(b);
  const shared = new Set([...fa.countries].filter((c) => fb.countries.has(c)));
  if (shared.size < 2 || a.length === 0 || b.length === 0) return false;
  const firstIn = (places: readonly string[]) => [...placeFacts([places[0]!]).countries].some((c) => shared.has(c));
  return firstIn(a) && firstIn(b);
}

function primaryAgrees(places: readonly string[], other: PlaceFacts): boolean {
  const first = places[0];
  if (first === undefined || other.countries.size === 0) return true;
  const primary = placeFacts([first]);
  return disjoint(primary.countries, other.countries) === false;
}

// ---- matching rules: named rows run by one loop ----

/** Types that happen many times a day in one city: two of them there are told apart by who, where and when. */
const EVERYDAY = new Set(['shooting', 'stabbing', 'homicide']);
/** A shooting with this many victims or more is news far beyond its city: there are too few to confuse. */
export const MASS_TOLL = 10;
/** Ages up to this are children's: a shot child is news across a state. */
export const CHILD_AGE = 12;
/** Three or more people shot at once is rare enough in one city on one day for an equal toll to tie two reports. */
export const DISTINCT_TOLL = 3;
/** Without a person, street or venue in common, an everyday incident joins one in its town only within this of it. */
export const EVERYDAY_TOWN_WINDOW_MS = 36 * HOUR;

// Words that mark a name as an outlet, an agency, a rank or page furniture: such names recur across every
// incident one newsroom covers ("Lakeside Action News", "Sgt. Rosa Tillman", "AM EDT Updated"), so they tie nothing.
const NOT_ANCHOR =
  /\b(?:news|press|times|post|tribune|herald|journal|gazette|chronicle|daily|tv|radio|channel|action|network|media|updated|posted|published|photo|photos|image|caption|video|follow|copyright|police|sheriff|sheriff's|department|dept|office|prosecutor|prosecutor's|attorney|court|courthouse|jail|hospital|medical|detention|correctional|juvenile|clinic|university|college|state|associated|reuters|facebook|twitter|est|edt|cst|cdt|pst|pdt|mst|mdt|am|pm|bureau|agency|patrol|sgt|lt|capt|det|detective|officer|officers|chief|deputy|spokesman|spokeswoman|spokesperson|investigator|investigators|agent|mayor|judge|coroner|examiner)\b/i;
// Parts of a city or region: many shootings a year happen in "East Baltimore" or "Liberty City".
const AREA = /\b(?:north|south|east|west|northeast|northwest|southeast|southwest|side|downtown|city|county|township|parish|heights|park|village)\b/i;

/**
 * A name that ties two reports of an everyday incident: a person, a venue, a street. Outlets, agencies, officials
 * by rank, broad areas ("North Side") and all-capital names (call letters, datelines) are not.
 */
export function anchorName(name: string): boolean {
  return tyingName(name) && !AREA.test(name);
}

/** A part of a city named as a name ("East Flatbush", "Chicago's West Side"): it ties reports of one day only. */
export function areaName(name: string): boolean {
  return tyingName(name) && AREA.test(name);
}

function tyingName(name: string): boolean {
  // one word ("Dunmore", "Eastgate") is a town or a part of one far more often than a person or a venue
  if (!distinctiveName(name) || NOT_ANCHOR.test(name) || !/\s/.test(name.trim())) return false;
  return !name.split(/\s+/).every((w) => w === w.toUpperCase());
}

/** "marios 7th avenue" and "7th avenue", "larkspur drive" and "larkspur road": one street, as outlets vary. */
function sameStreet(a: string, b: string): boolean {
  const name = (s: string) => s.split(' ').slice(0, -1).join(' ');
  const x = name(a);
  const y = name(b);
  return x === y || x.endsWith(` ${y}`) || y.endsWith(` ${x}`);
}

/**
 * Two spellings of one name: equal, one inside the other word for word ("Harbor Hall" in "Harbor Hall Catering",
 * "Jay Lumen" in "Rapper Jay Lumen"), the same first and last word ("Dale Marsh", "Dale Edward Marsh"), or two
 * words swapped, as a slip or a surname-first list gives them.
 */
export function sameName(a: string, b: string): boolean {
  if (a === b) return true;
  const x = a.split(' ');
  const y = b.split(' ');
  if (x.length < 2 || y.length < 2) return false;
  const [short, long] = x.length <= y.length ? [a, b] : [b, a];
  if (` ${long} `.includes(` ${short} `)) return true;
  // the same first and last word, or two words swapped ("Weeks Darnell" for "Darnell Weeks")
  return (x[0] === y[0] && x[x.length - 1] === y[y.length - 1]) || (x.length === 2 && y.length === 2 && x[0] === y[1] && x[1] === y[0]);
}

/** A town of one side, unknown to the gazetteer, that the other side gives as a name ("Dunmore"). */
function placeNamed(places: readonly string[], names: readonly string[]): boolean {
  const keys = new Set(names.map(placeKey));
  return places.some((p) => firstTown([p]) !== undefined && gazetteer().get(p) === undefined && keys.has(placeKey(p)));
}

/** The towns (not states or countries) both lists name. */
function sharedTowns(a: readonly string[], b: readonly string[]): string[] {
  const keys = new Set(b.map(normPlace));
  return a.filter((p) => firstTown([p]) !== undefined && keys.has(normPlace(p)));
}

/** How many quiet periods an incident stays open to a report naming its landmark. */
export const LANDMARK_QUIET_FACTOR = 3;
// Sites that name one incident's spot: a base, a hall, a market, a mine.
const SITE = /\b(?:base|airbase|camp|airport|station|school|academy|college|university|hall|arena|stadium|mosque|church|cathedral|temple|synagogue|shrine|market|mall|hotel|club|nightclub|mine|factory|plant|refinery|bridge|tower|towers|dam|port|harbour|harbor|prison|barracks|compound)\b/i;

/**
 * A landmark both sides name: a place the gazetteer does not list and that is no state or country ("Itaewon",
 * "Ain al-Asad"), or a named site ("Camp Harmon", "the Crocus City Hall"). Big cities are listed, so sharing one is
 * no landmark.
 */
function landmarkShared(hints: IncidentHints, entry: IndexEntry, shared: readonly string[]): boolean {
  if (shared.some((n) => SITE.test(n) && distinctiveName(n))) return true;
  return sharedTowns(hints.places, entry.places).some((p) => gazetteer().get(p) === undefined && distinctiveName(p));
}

/**
 * Both sides name places the gazetteer does not list (neighbourhoods, small towns: "North Riverbend", "Ashgrove")
 * and no such place of one side shares a word-for-word name with one of the other ("Riverbend" is "North Riverbend").
 */
function areasDiffer(a: readonly string[], b: readonly string[]): boolean {
  // A GeoNames town is a town, not a part of one: two different towns are spot.towns-differ's to judge, which
  // asks whether either side names the other ("Margate shootout" told from Hollywood), and a town against a
  // neighbourhood ("Toledo", "the Old West End") is no disagreement, as the neighbourhood may lie in the town.
  // (a GeoNames town only in a state or country that side names: "Riverbend" in a Chicago report is a neighbourhood)
  const unlisted = (places: readonly string[]) => {
    const regions = new Set(places);
    return places.filter((p) => firstTown([p]) !== undefined && gazetteer().get(p) === undefined && resolveTown(p, regions, true) === undefined).map(norm);
  };
  const ua = unlisted(a);
  const ub = unlisted(b);
  if (ua.length === 0 || ub.length === 0) return false;
  return !ua.some((x) => ub.some((y) => x === y || ` ${x} `.includes(` ${y} `) || ` ${y} `.includes(` ${x} `)));
}

/** Two reports' ages agree when one age is within a year of another (birthdays, outlets' slips). */
const agesShared = (a: readonly number[], b: readonly number[]) => a.some((x) => b.some((y) => Math.abs(x - y) <= 1));

type AgeMarks = Pick<IndexEntry, 'ages' | 'suspect_ages' | 'later_ages'>;
const victimAges = (x: AgeMarks) => (x.ages ?? []).filter((a) => !x.suspect_ages?.includes(a));
const anyAges = (x: AgeMarks) => [...(x.ages ?? []), ...(x.later_ages ?? [])];

/**
 * Each side's opening gives a victim's age and none is within a year of any age the other side gives anywhere: a
 * suspect's age ("a 19-year-old was arrested") is no victim's, and a report listing the victims further down
 * ("a 30-year-old man and a 31-year-old woman were also hurt") still agrees with one that leads with them.
 */
function victimAgesDiffer(a: AgeMarks, b: AgeMarks): boolean {
  const va = victimAges(a);
  const vb = victimAges(b);
  return va.length > 0 && vb.length > 0 && !agesShared(va, anyAges(b)) && !agesShared(vb, anyAges(a));
}

/** What one rule sees: an open incident and the new report, with the comparisons several rules share computed once. */
export interface Pair {
  entry: IndexEntry;
  hints: IncidentHints;
  publishedMs: number;
  quietOverrides: Record<string, number> | undefined;
  typeAgrees: boolean;
  typeRelated: boolean;
  /** Both sides name a type. */
  typed: boolean;
  /** The type that governs the pair: the incident's, else the report's. */
  type: string | null;
  places: () => PlaceRelation;
  sharedNames: number;
  sharedDistinctive: boolean;
  sharedVessel: boolean;
  /** Names both sides give that tie everyday incidents: people, venues, streets named as names. */
  sharedAnchors: number;
  sharedStreets: number;
  /** Each side names a part of the city or a small place the gazetteer does not list, and none is the other's. */
  areasDiffer: boolean;
  /** Shared names of parts of a city ("East Baltimore", "Liberty City"): they tie reports of one day only. */
  sharedAreas: number;
  /** A landmark both sides name: an unlisted place or a named site. */
  sharedLandmark: () => boolean;
  /**
   * A town both sides name that the gazetteer does not list (listed cities are big enough for several a day), as
   * a place or as a one-word name of the headline ("Dunmore teen charged").
   */
  sharedTown: () => boolean;
  /** A town or city, listed or not, both sides name. */
  sharedCity: () => boolean;
  /** Both give the same killed-plus-injured toll, large enough to be rare in one city on one day. */
  sameToll: boolean;
  /** A child's age both sides give: a shot child is rare enough in one state on one day to tie two reports. */
  sharedChildAge: boolean;
  /** An age both sides' openings give (within a year). */
  sharedAge: boolean;
  /** An age one side's opening gives and the other gives anywhere (within a year). */
  sharedAnyAge: boolean;
  /** How far the report is from the incident's span of reports. */
  gapMs: number;
  everyday: boolean;
}

/**
 * Whether two sides are everyday incidents: either names an everyday type (a "kidnapping" or an "attack" in one
 * outlet may be another's shooting). Only when both sides give a mass toll is it no everyday incident: a follow-up
 * about the suspect of a mass shooting still names him, and one misread toll must not lift the rules.
 */
function everydayPair(hints: IncidentHints, entry: IndexEntry): boolean {
  if (!(hints.type !== null && EVERYDAY.has(hints.type)) && !(entry.type !== null && EVERYDAY.has(entry.type))) return false;
  return !((hints.toll ?? 0) >= MASS_TOLL && (entry.toll ?? 0) >= MASS_TOLL);
}

function pairOf(entry: IndexEntry, hints: IncidentHints, publishedMs: number, quietOverrides: Record<string, number> | undefined): Pair {
  const names = hints.names ?? [];
  // a name and its other spelling: both must tie ("Central Valley" inside "Central Valley Regional Hospital" does not)
  const pairs = entry.names.flatMap((n) => names.filter((m) => sameName(norm(n), norm(m))).map((m) => [n, m] as const));
  const shared = [...new Set(pairs.map(([n]) => n))];
  const bothTie = (test: (name: string) => boolean) => new Set(pairs.filter(([n, m]) => test(n) && test(m)).map(([n]) => n)).size;
  const typed = hints.type !== null && entry.type !== null;
  const type = entry.type ?? hints.type;
  let places: PlaceRelation | undefined;
  let town: boolean | undefined;
  let city: boolean | undefined;
  let landmark: boolean | undefined;
  // "Fort Wayne" among the names of a report the gazetteer cannot place is still a town, not a person or venue
  const placeNames = new Set([...hints.places, ...entry.places].map(placeKey));
  const streetsA = hints.streets ?? [];
  const streetsB = entry.streets ?? [];
  return {
    entry,
    hints,
    publishedMs,
    quietOverrides,
    typed,
    type,
    typeAgrees: typed && hints.type === entry.type,
    typeRelated: typed && typesCompatible(hints.type!, entry.type!),
    places: () => (places ??= relatePlaces(hints.places, entry.places, isWideArea(type))),
    sharedNames: shared.length,
    sharedDistinctive: shared.some(distinctiveName),
    sharedVessel: !!hints.vessels?.length && !!entry.vessels?.length && !vesselsConflict(hints.vessels, entry.vessels),
    sharedAnchors: bothTie((n) => anchorName(n) && !placeNames.has(placeKey(n))),
    sharedAreas: bothTie((n) => areaName(n) && !placeNames.has(placeKey(n))),
    areasDiffer: areasDiffer(hints.places, entry.places),
    sharedStreets: streetsA.filter((s) => streetsB.some((t) => sameStreet(s, t))).length,
    sharedLandmark: () => (landmark ??= landmarkShared(hints, entry, shared)),
    sharedTown: () => (town ??= sharedTowns(hints.places, entry.places).some((p) => !listedCity(p)) || shared.some((n) => !/\s/.test(n.trim()) && !NOT_ANCHOR.test(n) && n !== n.toUpperCase()) || placeNamed(hints.places, entry.names) || placeNamed(entry.places, names)),
    sharedCity: () => (city ??= sharedTowns(hints.places, entry.places).length > 0),
    sameToll: hints.toll !== undefined && hints.toll >= DISTINCT_TOLL && hints.toll === entry.toll,
    sharedAge: !!hints.ages?.length && !!entry.ages?.length && agesShared(hints.ages, entry.ages),
    // one side's opening age may be among those the other gives further down
    sharedAnyAge: agesShared(hints.ages ?? [], anyAges(entry)) || agesShared(entry.ages ?? [], anyAges(hints)),
    sharedChildAge: !!hints.ages?.length && !!entry.ages?.length && agesShared(hints.ages.filter((a) => a <= CHILD_AGE), entry.ages.filter((a) => a <= CHILD_AGE)),
    gapMs: Math.max(0, publishedMs - entry.last_published_ms, entry.first_published_ms - publishedMs),
    everyday: everydayPair(hints, entry),
  };
}

/**
 * One matching rule. A veto rejects the incident for this report; a score adds to a surviving incident's score;
 * a fallback remembers the incident for a report no score placed. Rows run in table order: the `join` vetoes come
 * after the fallback, so a report without a type may still follow the one open incident of its place.
 */
export type MatchRule =
  | { id: string; checks: string; kind: 'veto'; examples: readonly string[]; applies: (p: Pair) => boolean }
  | { id: string; checks: string; kind: 'fallback'; examples: readonly string[]; applies: (p: Pair) => boolean }
  | { id: string; checks: string; kind: 'score'; examples: readonly string[]; points: (p: Pair) => number };

/** Both sides give a mass toll, within 48 h, and name a state or town in common (a shared country is too wide). */
function massFollowUp(p: Pair): boolean {
  if ((p.hints.toll ?? 0) < MASS_TOLL || (p.entry.toll ?? 0) < MASS_TOLL || p.gapMs > RELATED_SPOT_WINDOW_MS) return false;
  const theirs = new Set(p.entry.places.map(normPlace));
  return p.hints.places.some((x) => theirs.has(normPlace(x)) && gazetteer().get(x)?.kind !== 'country');
}

/**
 * A street both sides name, backed by a second street, an age or the same toll: a report whose text names no town
 * ("shot on Genesee Street") is placed by its street, but one street name alone recurs in many towns.
 */
const streetBacked = (p: Pair) => p.sharedStreets >= 2 || (p.sharedStreets === 1 && (p.sharedAge || (p.hints.toll !== undefined && p.hints.toll === p.entry.toll)));

/** Both sides name an everyday type: one outlet's "shooting" is another's "murder", and the everyday rules tell them apart. */
const bothEveryday = (p: Pair) => p.typed && EVERYDAY.has(p.hints.type!) && EVERYDAY.has(p.entry.type!);

const unanchored = (p: Pair) => p.sharedAnchors === 0 && p.sharedStreets === 0;

export const MATCH_RULES: readonly MatchRule[] = [
  { id: 'open.closed', kind: 'veto', checks: 'the incident was closed (by hand or by a merge)', examples: ['a merged-away incident takes no reports'], applies: (p) => p.entry.closed },
  {
    id: 'time.quiet-period',
    kind: 'veto',
    checks: "the report falls outside the incident's reports by more than the longer of the two types' quiet periods (three times that when both name the same landmark: a place the gazetteer does not list, or a named site such as a base, hall or market)",
    examples: ['a stampede report a month after the last one opens a new incident', 'a toll update naming the Sunhill air base three weeks after the missile attack on it still joins'],
    applies: (p) => {
      const quiet = Math.max(quietPeriodMs(p.entry.type ?? p.hints.type, p.quietOverrides), quietPeriodMs(p.hints.type ?? p.entry.type, p.quietOverrides));
      // A report naming the incident's landmark ("Ain al-Asad", "the Itaewon crush") follows it for longer.
      const span = p.sharedLandmark() ? LANDMARK_QUIET_FACTOR * quiet : quiet;
      return p.publishedMs > p.entry.last_published_ms + span || p.publishedMs < p.entry.first_published_ms - span;
    },
  },
  {
    id: 'quake.magnitude-differs',
    kind: 'veto',
    // First estimates of a big quake's magnitude are revised within hours (7.9, then 8.8, then 9.0).
    checks: 'a day or more after the quake began, the magnitudes differ by more than 0.3',
    examples: ['a 6.1 quake two days after a 7.8 one is another quake'],
    applies: (p) => p.publishedMs - p.entry.first_published_ms >= MAGNITUDE_SETTLED_MS && magnitudesConflict(p.hints.magnitudes, p.entry.magnitudes),
  },
  { id: 'ship.vessels-differ', kind: 'veto', checks: 'both name ships and share no word of their names', examples: ['the tanker Avaj is not the tanker Pivot'], applies: (p) => vesselsConflict(p.hints.vessels, p.entry.vessels) },
  { id: 'type.unrelated', kind: 'veto', checks: 'both name a type and the types are in no common group', examples: ['a flood report never joins a shooting'], applies: (p) => p.typed && !p.typeRelated },
  { id: 'place.conflict', kind: 'veto', checks: 'the gazetteer puts the places in different cities, states or countries', examples: ['a shooting in Phoenix is not one in Dallas'], applies: (p) => p.places() === 'conflict' },
  {
    id: 'strike.campaign',
    kind: 'veto',
    checks: "strikes without a shared distinctive name or ship: different weapons, or beyond 72 h (shared town, or the attacker's and the target's country both shared) / 12 h (shared country)",
    examples: ['drone attacks on Red Sea shipping a week apart are two attacks'],
    applies: (p) =>
      p.typed && STRIKE.has(p.hints.type!) && STRIKE.has(p.entry.type!) && !p.sharedDistinctive && !p.sharedVessel &&
      !strikesMayJoin(p.hints.type!, p.entry.type!, p.hints.places, p.entry.places, Math.max(0, p.publishedMs - p.entry.last_published_ms)),
  },
  {
    id: 'everyday.ages-differ',
    kind: 'veto',
    checks: "everyday incidents whose openings give victims' ages (a suspect's age is no victim's), none within a year of any age the other side gives, and no person, venue or street in common",
    examples: ['"a 19-year-old was shot on Elm Street" and "a man, 52, was shot on Elm Street" are two shootings'],
    applies: (p) => p.everyday && p.sharedAnchors === 0 && victimAgesDiffer(p.hints, p.entry),
  },
  {
    id: 'everyday.streets-differ',
    kind: 'veto',
    checks: 'everyday incidents whose reports both name streets, none in common, and no person or venue in common (nor an age and a neighbourhood)',
    examples: ['a shooting "in the 1500 block of 19th Street" and one "on Grand Avenue" the same night are two'],
    // Outlets name different corners of one scene (where the victim fell, the cross street): an age and a
    // neighbourhood in common outweigh that.
    applies: (p) =>
      p.everyday && p.sharedAnchors === 0 && !!p.hints.streets?.length && !!p.entry.streets?.length && p.sharedStreets === 0 &&
      !(p.sharedAge && (p.sharedAreas > 0 || p.sharedTown())),
  },
  {
    id: 'everyday.areas-differ',
    kind: 'veto',
    checks: 'everyday incidents whose reports each name a neighbourhood or small place the gazetteer does not list, none the same, and no person or venue in common',
    examples: ['four shot in North Riverbend and four shot in Ashgrove, both Chicago, the same night, are two shootings'],
    applies: (p) => p.everyday && p.sharedAnchors === 0 && p.sharedAreas === 0 && p.areasDiffer,
  },
  {
    id: 'everyday.needs-anchor',
    kind: 'veto',
    checks: 'everyday incidents with no person, venue or street in common join only within 36 h, in a shared small (unlisted) town, a shared part of a city, a shared city with a shared age (an opening age of one side among any the other gives) or the same toll of three or more, or a shared place with a shared child age (12 or under)',
    examples: ['"a man was shot in Texas" does not join whatever Texas shooting is open', 'two Chicago shootings a day apart with no name in common are two', '"four shot in East Harbor" and "East Harbor shooting leaves one dead" the same night are one', '"a 40-year-old gunman killed five in Lakeport" and "Lakeport suspect, 40, charged" a day later are one'],
    applies: (p) => p.everyday && unanchored(p) && !(p.gapMs <= EVERYDAY_TOWN_WINDOW_MS && (p.sharedTown() || p.sharedAreas > 0 || ((p.sharedAnyAge || p.sameToll) && p.sharedCity()) || (p.sharedChildAge && p.places() === 'shared'))),
  },
  {
    id: 'follow.typeless-place',
    kind: 'fallback',
    checks: "a report naming no type and no shared name, whose first place is in the incident's places: kept if it is the only such incident",
    examples: ['"aid reaches Kerman" a day after the Kerman stampede'],
    applies: (p) => {
      if (p.hints.type !== null || p.sharedNames > 0 || p.hints.places.length === 0 || p.places() !== 'shared') return false;
      const here = withAncestors(p.hints.places[0]!);
      return p.entry.places.some((q) => here.has(normPlace(q)));
    },
  },
  { id: 'type.needs-name', kind: 'veto', checks: 'one side names no type (or the types are only unrelated) and no name is shared', examples: ['an untyped report from Kabul does not join a Kabul bombing on place alone'], applies: (p) => !p.typeRelated && p.sharedNames === 0 },
  {
    id: 'spot.fire-vs-blast',
    kind: 'veto',
    // One outlet's "blast" is another's "fire" on the day; a fire days after an explosion is another incident.
    checks: 'a fire and an explosion/bombing/attack without a shared name more than 48 h apart',
    examples: ['a fire in Beirut three days after the port blast is another fire'],
    applies: (p) =>
      !p.typeAgrees && p.typeRelated && p.sharedNames === 0 && isSpot(p.hints.type) && isSpot(p.entry.type) &&
      (p.hints.type === 'fire') !== (p.entry.type === 'fire') && p.publishedMs - p.entry.last_published_ms > RELATED_SPOT_WINDOW_MS,
  },
  {
    id: 'spot.towns-differ',
    kind: 'veto',
    checks: 'spot incidents without a shared name whose first towns differ and neither names the other (as a place or as a name), unless both give a mass toll within 48 h and share a state or town',
    examples: [
      'a derailment in Bargarh district is not one in Balasore district',
      'a gunman who killed ten in Harlow Park found dead the next morning in Bayside, in the same state, is the same shooting',
    ],
    // A massacre's follow-up is told from wherever the suspect was caught or found; two with ten or more
    // victims in one state within two days are rare enough that the shared state and the toll tie them.
    applies: (p) => p.sharedNames === 0 && isSpot(p.type) && !massFollowUp(p) && townsConflict(p.hints.places, p.entry.places, p.hints.names ?? [], p.entry.names),
  },
  { id: 'place.compatible-needs-same-type', kind: 'veto', checks: 'places merely compatible (none shared) and the types differ (a shooting and a homicide do not: both are everyday)', examples: ['"India" and an unlisted town: only the same type may join'], applies: (p) => p.places() === 'compatible' && !p.typeAgrees && !bothEveryday(p) },
  {
    id: 'place.missing-needs-name',
    kind: 'veto',
    checks: 'one side names no place and no name is shared, nor a street backed by a second street, an age or the same toll',
    examples: [
      'a placeless "building collapse" report joins the Surfside collapse only by naming Champlain Towers',
      'a placeless "man, 16, shot dead on Lark Hollow Drive" joins the Millbrook shooting of a 16-year-old on that drive',
    ],
    applies: (p) => p.places() === 'compatible' && (p.hints.places.length === 0 || p.entry.places.length === 0) && p.sharedNames === 0 && !streetBacked(p),
  },
  { id: 'score.type-same', kind: 'score', checks: 'the same type', examples: ['shooting / shooting'], points: (p) => (p.typeAgrees ? 10 : 0) },
  { id: 'score.type-related', kind: 'score', checks: 'related types', examples: ['blast / bombing'], points: (p) => (!p.typeAgrees && p.typeRelated ? 6 : 0) },
  { id: 'score.place-shared', kind: 'score', checks: 'a place named on both sides', examples: ['Kerman / Kerman'], points: (p) => (p.places() === 'shared' ? 4 : 0) },
  { id: 'score.first-place', kind: 'score', checks: 'the same first place', examples: ['both lead with Kerman'], points: (p) => (normPlace(p.entry.places[0] ?? '') === normPlace(p.hints.places[0] ?? '-') ? 2 : 0) },
  { id: 'score.names', kind: 'score', checks: 'one point per shared name', examples: ['Qassem Soleimani'], points: (p) => p.sharedNames },
  {
    id: 'score.country-pair',
    kind: 'score',
    checks: "strikes whose reports both name the attacker's and the target's country (two countries or more in common, each side's first place among them)",
    examples: ['"Iran fires missiles at US forces in Iraq" (from Tehran) and "Pentagon: troops hurt in Iranian strike on base in Iraq" (from Washington) a day later'],
    points: (p) => (p.typed && STRIKE.has(p.hints.type!) && STRIKE.has(p.entry.type!) && countryPairShared(p.hints.places, p.entry.places) ? 2 : 0),
  },
  {
    id: 'score.anchors',
    kind: 'score',
    checks: 'three points per shared person, venue or street: among shootings of one city and day, who and where decide',
    examples: ['two reports naming the victim John Doe'],
    points: (p) => 3 * (p.sharedAnchors + p.sharedStreets),
  },
];

/** Why a report was filed where it was: the incident (or null for a new one) and the rule ids that decided it. */
export interface MatchDecision {
  key: string | null;
  /** For a join, the score (or fallback) rules that placed it; for a new incident, the vetoes that turned candidates away. */
  filedBy: string[];
  /** Each candidate turned away, with the veto that did it. */
  rejected: Array<{ key: string; rule: string }>;
}

/**
 * Runs the rule table over the open incidents and returns the best, or null for a new incident, with the ids of
 * the rules that decided it. Ties go to the incident reported most recently.
 */
export function decideIncident(
  entries: readonly IndexEntry[],
  hints: IncidentHints,
  publishedMs: number,
  quietOverrides?: Record<string, number>,
): MatchDecision {
  let best: { key: string; score: number; last: number; rules: string[] } | null = null;
  const follows: string[] = [];
  const rejected: MatchDecision['rejected'] = [];
  for (const entry of entries) {
    const pair = pairOf(entry, hints, publishedMs, quietOverrides);
    let score = 0;
    const fired: string[] = [];
    let veto: string | undefined;
    for (const rule of MATCH_RULES) {
      if (rule.kind === 'veto') {
        if (rule.applies(pair)) {
          veto = rule.id;
          break;
        }
      } else if (rule.kind === 'fallback') {
        if (rule.applies(pair)) follows.push(entry.key);
      } else {
        const points = rule.points(pair);
        if (points > 0) {
          score += points;
          fired.push(rule.id);
        }
      }
    }
    if (veto) {
      rejected.push({ key: entry.key, rule: veto });
      continue;
    }
    if (!best || score > best.score || (score === best.score && entry.last_published_ms > best.last)) {
      best = { key: entry.key, score, last: entry.last_published_ms, rules: fired };
    }
  }
  if (best) return { key: best.key, filedBy: best.rules, rejected };
  if (follows.length === 1) return { key: follows[0]!, filedBy: ['follow.typeless-place'], rejected };
  const vetoes = [...new Set(rejected.map((r) => r.rule))];
  return { key: null, filedBy: vetoes.length > 0 ? vetoes.map((id) => `new:${id}`) : ['new:no-candidate'], rejected };
}

/** The key alone, for callers that need no explanation. */
export function matchIncident(
  entries: readonly IndexEntry[],
  hints: IncidentHints,
  publishedMs: number,
  quietOverrides?: Record<string, number>,
): string | null {
  return decideIncident(entries, hints, publishedMs, quietOverrides).key;
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

/** At most this many candidates are scored per report, the most recently reported first: filing cost stays flat. */
export const MAX_CANDIDATES = 100;

/**
 * A street as a lookup key. Streets travel with the names (marked so that no name can take their key): a
 * follow-up that names only the street of a shooting ("shot dead on Genesee Street", no town in its text) must
 * still find the report that named the street and the town, and both stores index names already.
 */
export const streetLookupKey = (street: string) => `street:${street}`;

/**
 * The keys a report's candidates are looked up by: its places (towns, states, countries), its distinctive
 * names and its streets. Never its type: every open shooting of a country would be a candidate for each
 * shooting report.
 */
export function candidateKeys(hints: IncidentHints): { places: string[]; names: string[] } {
  const places = [...new Set(hints.places.map(placeKey))].slice(0, 12);
  const names = [...new Set((hints.names ?? []).filter(distinctiveName).map(norm))].slice(0, 12);
  const streets = [...new Set(hints.streets ?? [])].slice(0, 4).map(streetLookupKey);
  return { places, names: [...names, ...streets] };
}

/** The keys an incident is found by: every place, distinctive name and street its reports gave. */
export function entryKeys(entry: IndexEntry): { places: string[]; names: string[] } {
  return {
    places: [...new Set(entry.places.map(placeKey))],
    names: [...new Set(entry.names.filter(distinctiveName).map(norm)), ...new Set((entry.streets ?? []).map(streetLookupKey))],
  };
}
