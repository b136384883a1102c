// Incident hints for grouping reports: the main incident's type, where it happened, the
// proper names that recur, and the dateline. The headline and lead decide; later
// paragraphs (history, reactions) only break ties.
import type { IncidentHints } from '../schema';
import { countryOf, countyState, demonym, gazetteer, isTownName, maxPlaceWords, placeWordsFrom, regionWritten, resolveTown, type Place } from './gazetteer';
import { MONTHS, WEEKDAYS } from './lexicon/index';
import type { Sentence } from './sentences';

/** The text as a regular expression that matches it literally. */
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One row of the incident-type table: the stems that name a type. */
interface TypeRule {
  readonly type: string;
  /**
   * Lower-case plain strings, one of which every match of `pattern` contains: a span holding none of them is not
   * tried. Most spans name one type or none, so one scan for all cues spares most of the 29 patterns
   * (test/extract/incident-hints-and-text.test.ts checks each cue list against its pattern).
   */
  readonly cues: readonly string[];
  readonly pattern: RegExp;
}

// Ordered: the first matching stem in a span wins within that span; specific before generic.
export const TYPE_RULES: readonly TypeRule[] = [
  { type: 'stampede', cues: ['stampede', 'crush', 'crowd'], pattern: /\b(stampede|crush|crowds? surged?|crowd surges)\b/i },
  { type: 'earthquake', cues: ['quake', 'tremor', 'aftershock'], pattern: /\b(earthquakes?|quakes?|tremors?|aftershocks?)\b/i },
  { type: 'tsunami', cues: ['tsunami'], pattern: /\btsunami\b/i },
  { type: 'air strike', cues: ['airstrike', 'air strike', 'air raid'], pattern: /\b(air ?strikes?|airstrikes?|air raids?)\b/i },
  { type: 'missile attack', cues: ['missile', 'ballistic'], pattern: /\b(missiles?|ballistic)\b/i },
  { type: 'rocket attack', cues: ['rocket'], pattern: /\b(rockets?)\b/i },
  { type: 'drone attack', cues: ['drone', 'uav'], pattern: /\b(drones?|uavs?)\b/i },
  { type: 'bombing', cues: ['bomb', 'ied', 'explosive '], pattern: /\b(car bomb|bombings?|bomb blast|suicide bombers?|bombers?|bombed|bomb|ied|explosive belts?|explosive vests?)\b/i },
  { type: 'shooting', cues: ['shooting', 'gunm', 'shot dead', 'gunfire', 'rampage', 'opened fire'], pattern: /\b(shootings?|gunm[ae]n|shot dead|gunfire|rampage|opened fire)\b/i },
  // "four people shot", "was fatally shot", "shot and killed": a person shot, not a shot fired at a goal or a camera
  // "fires a shot", "fired at least one shot": a gun fired, not a blaze
  { type: 'shooting', cues: ['fire'], pattern: /\bfire[sd]? (?:a |one |at least one |two |several |multiple |\d+ )?(?:shots?|rounds?)\b/i },
  { type: 'shooting', cues: ['shot'], pattern: /\b(?:(?:was|were|been|being|fatally|critically|seriously|accidentally|people|persons|men|women|teens?|boys?|girls?|man|woman|child|children|\d+|two|three|four|five|six|seven|eight|nine|ten) shot\b(?! down\b)|shot (?:and (?:killed|wounded)|to death|in the (?:head|chest|back|leg|arm|neck|face|stomach|abdomen))|gunshot wounds?)/i },
  // "a quintuple murder", "triple homicide", "slain", "the Troup County killings": a killing whose weapon the report
  // does not name; any named incident type wins over it (see GENERIC)
  { type: 'homicide', cues: ['murder', 'homicide', 'slain', 'slaying', 'killings'], pattern: /\b(murders?|murdered|homicides?|slain|slayings?|killings|murder-suicide)\b/i },
  // captivity is reported long after the abduction: "held captive", "held by a gang", "freed from captivity"
  { type: 'kidnapping', cues: ['kidnap', 'abduct', 'hostage', 'seized', 'captiv', 'captor', 'ransom', 'held by'], pattern: /\b(kidnapp?(ed|ing|ings|ers?)?|abduct(ed|ion|ions|ors?|s)?|hostages?|seized|captiv(e|es|ity)|captors?|ransom|held by (?:an? |the )?(?:gang|kidnappers|militants|gunmen|abductors|armed group))\b/i },
  { type: 'hurricane', cues: ['hurricane', 'typhoon', 'cyclone'], pattern: /\b(hurricane|typhoon|cyclone)\b/i },
  { type: 'wildfire', cues: ['wildfire', 'bushfire', 'forest fire'], pattern: /\b(wildfires?|bushfires?|forest fires?)\b/i },
  // a dam that bursts floods what lies below it
  { type: 'flood', cues: ['flood', 'dam'], pattern: /\b(floods?|flooding|floodwaters?|flash floods?|dams? (?:burst|broke|breached|collapsed|failed)|(?:collapse|failure|bursting|breach) of (?:the |two |a |an )?(?:[\w-]+ ){0,2}dams?)\b/i },
  { type: 'avalanche', cues: ['avalanche'], pattern: /\b(avalanches?)\b/i },
  { type: 'landslide', cues: ['landslide', 'mudslide', 'mud slip'], pattern: /\b(landslides?|mudslides?|mud slips?)\b/i },
  { type: 'storm', cues: ['storm', 'tornado', 'twister', 'blizzard'], pattern: /\b(storms?|hailstorms?|tornado(es)?|twisters?|blizzards?)\b/i },
  { type: 'explosion', cues: ['explo', 'blast'], pattern: /\b(explosions?|blasts?|exploded|explosive)\b/i },
  { type: 'crash', cues: ['crash', 'derail', 'collided', 'collision', 'disaster', 'accident', 'tragedy', 'went down', 'came down'], pattern: /\b(crash(ed|es)?|derail(ed|ment)|collided|collision|(?:air|rail|railway|train|plane|bus|road) (?:disaster|accident|tragedy)|(?:plane|flight|aircraft|airliner|jet|helicopter)\b[^.]{0,40}?\b(?:went|came) down)\b/i },
  { type: 'shipwreck', cues: ['capsized', 'sank', 'sinking', 'shipwreck', 'ferry disaster'], pattern: /\b(capsized|sank|sinking|shipwreck|ferry disaster)\b/i },
  { type: 'collapse', cues: ['collapse', 'caved in', 'rockfall', 'rock fall'], pattern: /\b(collapsed?|collapses|caved in|rock ?fall)\b/i },
  { type: 'riot', cues: ['riot', 'unrest'], pattern: /\b(riots?|rioters|rioting|unrest)\b/i },
  { type: 'protest', cues: ['protest', 'demonstrat', 'strike'], pattern: /\b(protests?|protesters|demonstrat(ions?|ors)|general strike|strikers|(?:national|nationwide|one-day|hunger) strike|on strike)\b/i },
  { type: 'military build-up', cues: ['troops', 'build', 'mass', 'gathering a force'], pattern: /\b(troops massed|build-?up|massed|massing|amass(ed|ing)?|gathering a force|\d{1,3}(?:,\d{3})* (?:combat-ready )?troops)\b/i },
  // not the fire service ("fire officials", "the fire chief") nor gunfire ("opened fire")
  { type: 'fire', cues: ['fire', 'blaze', 'inferno'], pattern: /\b(?<!(?:open|opened|opening|returned|exchanged|under|cross|cease) )(fires?(?! (?:(?:a |one |at least one |two |several |multiple |\d+ )?(?:shots?|rounds?)|officials?|station|stations|chief|chiefs|department|brigades?|services?|fighters?|crews?|engines?|trucks?|officers?|authorit(?:y|ies)|rescue)\b)|blaze|ablaze|inferno)\b/i },
  { type: 'attack', cues: ['attack', 'assault', 'raid', 'stormed'], pattern: /\b(attack(?:s|ed|ing)?|assault|raid|stormed)\b/i },
  // "before Saturday's surge" is a crowd's; a storm surge or a surge in cases is not
  { type: 'stampede', cues: ['surge'], pattern: /(?<!(?:storm|tidal|price|sudden|recent) )\bsurge\b(?! (?:in|of|to|past|above|towards?|through)\b)/i },
];

/**
 * Every cue of the table in one scan: longest first, so a match names each cue it begins with; the scan restarts one
 * character past each match, so cues inside or across another are found too.
 */
const ALL_CUES = [...new Set(TYPE_RULES.flatMap((r) => r.cues))].sort((a, b) => b.length - a.length);
const CUE_SCAN = new RegExp(`(${ALL_CUES.map(escapeRegExp).join('|')})`, 'g');
/** For each text a cue scan may report, the rows whose cues it begins with. */
const ROWS_BY_MATCH = new Map<string, number[]>();
for (const c of ALL_CUES) {
  const rows: number[] = [];
  TYPE_RULES.forEach((r, i) => {
    if (r.cues.some((x) => c.startsWith(x))) rows.push(i);
  });
  ROWS_BY_MATCH.set(c, rows);
}

/** Where each type's first stem stands in a span, in TYPE_RULES order. */
export function typeMatches(full: string): Array<readonly [string, number]> {
  // A lead longer than this is not prose; bounding it keeps every rule linear.
  const text = full.length > 1500 ? full.slice(0, 1500) : full;
  // The patterns are ASCII and case-insensitive without the u flag, so an ASCII letter only ever matches an ASCII
  // letter: lower-casing the span keeps every cue a match holds.
  const lower = text.toLowerCase();
  const cued = new Uint8Array(TYPE_RULES.length);
  let any = false;
  CUE_SCAN.lastIndex = 0;
  for (let m = CUE_SCAN.exec(lower); m; m = CUE_SCAN.exec(lower)) {
    for (const i of ROWS_BY_MATCH.get(m[1]!)!) cued[i] = 1;
    any = true;
    CUE_SCAN.lastIndex = m.index + 1;
  }
  const out: Array<readonly [string, number]> = [];
  if (!any) return out;
  for (let i = 0; i < TYPE_RULES.length; i++) {
    if (!cued[i]) continue;
    const rule = TYPE_RULES[i]!;
    const m = rule.pattern.exec(text);
    if (m) out.push([rule.type, m.index]);
  }
  return out;
}

/** Adds a span's type scores; `seen` keeps each distinct span's matches, since a figure's quote is often the headline or a lead sentence again. */
function typeScores(full: string, weight: number, scores: Map<string, number>, seen: Map<string, Array<readonly [string, number]>>): void {
  let matches = seen.get(full);
  if (!matches) seen.set(full, (matches = typeMatches(full)));
  for (const [type, index] of matches) scores.set(type, (scores.get(type) ?? 0) + weight * (1 + 0.001 * (1000 - Math.min(999, index))));
}

// Generic types lose to a specific type present in the same span ("bomb blast" is a bombing,
// "a fire after the quake" is an earthquake).
const GENERIC: Record<string, string[]> = {
  explosion: ['bombing'],
  fire: ['explosion', 'bombing', 'wildfire', 'earthquake', 'crash', 'riot', 'protest', 'shooting', 'attack'],
  attack: ['bombing', 'shooting', 'missile attack', 'drone attack', 'rocket attack', 'air strike', 'kidnapping'],
  collapse: ['earthquake', 'landslide', 'avalanche', 'flood', 'explosion'],
  protest: ['riot'],
  storm: ['hurricane'],
  flood: ['hurricane'],
  riot: [],
};
// A killing whose weapon is not named loses to any incident type the same span names ("murdered in the bombing").
GENERIC.homicide = TYPE_RULES.map((r) => r.type).filter((t) => t !== 'homicide');

export function incidentType(title: string | undefined, lead: string[], figureQuotes: string[] = [], mainCategory?: string): string | null {
  const scores = new Map<string, number>();
  const seen = new Map<string, Array<readonly [string, number]>>();
  if (title) typeScores(title, 3, scores, seen);
  lead.forEach((s, i) => typeScores(s, i === 0 ? 2 : 1, scores, seen));
  for (const q of figureQuotes) typeScores(q, 0.5, scores, seen);
  // an abduction with no deaths is a kidnapping whatever weapons the lead mentions
  if (mainCategory === 'hostages' && scores.has('kidnapping')) scores.set('kidnapping', (scores.get('kidnapping') ?? 0) + 3);
  if (scores.size === 0) return null;
  for (const [generic, specifics] of Object.entries(GENERIC)) {
    if (scores.has(generic) && specifics.some((s) => (scores.get(s) ?? 0) >= (scores.get(generic) ?? 0) * 0.5)) scores.delete(generic);
  }
  let best: string | null = null;
  let bestScore = 0;
  for (const [t, s] of scores) if (s > bestScore) [best, bestScore] = [t, s];
  return best;
}

// ---- places ----

const CAP_SEQ = /[\p{Lu}][\p{L}\p{M}'’.-]*(?: (?:(?:of|de|al|el|du|da|the) )?[\p{Lu}][\p{L}\p{M}'’.-]*)*/gu;

interface Mention {
  place: Place;
  at: number;
  /** Named only to say where something else is: "60 km south of Belgrade". */
  reference?: boolean;
  /** A country named as an attribute of something else ("a U.S. drone strike", "Iranian state media", "U.S.-based"). */
  attributive: boolean;
  /** A reference point after a place noun ("a suburb north of Dallas", "a town near Kabul"): dropped only when a
   * nearer named place exists. */
  relative?: boolean;
}

// Words that may follow a country named as a place ("in Iran on Monday", "Haiti said"): anything else in lower
// case ("U.S. troops", "Iran state media") makes the country an attribute of a noun, not where things happened.
const AFTER_PLACE = new Set(
  ('on in at and or to for with by from after before since over as where which who that this but when while during than ' +
    'said says say has have had is was were are will would could can may might did does do remains remained lies late early ' +
    'earlier later last this next its their his her alone itself').split(' '),
);

// "about 60 km south of", "40 miles north-east of the": the place after it only locates another one.
const DISTANCE_BEFORE = /\d[\d,.]*\s*(?:-?\s*)?(?:km|kilometres?|kilometers?|miles?)(?: \([^)]{1,20}\))?\s+(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?|from|outside)\s+(?:of\s+)?(?:the\s+)?$/i;

// "a suburb north of", "a small town outside", "a village near the": the place after it is a reference point for a
// nearer place the sentence usually names too.
const RELATIVE_BEFORE = /\b(?:suburbs?|towns?|city|village|community|area|neighbou?rhood|settlement|hamlet)\s+(?:(?:just|about|some)\s+)?(?:(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?|just)\s+of|outside(?:\s+of)?|near)\s+(?:the\s+)?$/i;
// "Washington Heights", "Washington Park", "Mount Sinai Hospital", "Panama City Beach": a neighbourhood, park, hospital
// or resort named after a place is no mention of that place either.
const NAMED_AFTER_PLACE = /^(?:,? (?:Ave|Avenue|St|Street|Rd|Road|Blvd|Boulevard|Dr|Drive|Ln|Lane|Way|Pkwy|Parkway|Hwy|Highway|Jr|Sr)| (?:Heights|Park|Hills|Village|Gardens|Square|Hospital|Beach))\b/;
// "INS Kolkata", "USS Cole", "HMS Sheffield": a ship named after a place is no place.
const SHIP_PREFIX_BEFORE = /\b(?:INS|USS|USNS|HMS|HMAS|HMCS|HMNZS|RFS|MV|MS|SS|FS|JS|ROKS|PNS|KRI|BRP|TCG|HNLMS|ITS|ESPS|CNS)\s+$/;

// Abbreviations of countries that news writing mostly uses as adjectives ("U.S. troops", "UK officials").
const ABBREVIATED_COUNTRY = /^(?:U\.S\.|US|U\.K\.|UK|UAE)$/;

function attributiveUse(text: string, end: number, place: Place, matched: string): boolean {
  if (place.kind !== 'country') return false;
  if (demonym(matched)) return true;
  const next = text.slice(end, end + 24);
  if (/^-\p{L}/u.test(next)) return true;
  if (!ABBREVIATED_COUNTRY.test(matched)) return false;
  const w = /^ ([\p{L}][\p{L}-]*)/u.exec(next)?.[1];
  return w !== undefined && !AFTER_PLACE.has(w.toLowerCase()) && !WEEKDAYS.has(w.toLowerCase()) && !MONTHS.has(w.toLowerCase());
}

// Curated place names that are as often a person's first or last name.
const PERSON_LIKE_PLACES = new Set(['Jordan', 'Santiago', 'Charlotte', 'Florence', 'Victoria', 'Chad', 'Austin', 'Lincoln', 'Jackson', 'Madison']);
// Words that may follow a town's name inside one capitalised run without making it part of another name.
// ("in Kerrville Saturday evening": a weekday after it is when, not part of a name)
const PLACE_FOLLOWERS = /^(?:County|Parish|Township|City|Police|PD|Fire|Sheriff|Sheriff's|Mayor|Council|Schools?|Area|Metro|Man|Woman|Teen|Boy|Girl|Resident|Residents|Home|Neighborhood|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;

/** Whether words[i..i+len) sits inside a longer capitalised name: a person ("Jordan Larkin") or a venue ("June Jordan School"). */
function personLike(words: readonly string[], i: number, len: number): boolean {
  if (i > 0 && !NOT_PLACES.has(words[i - 1]!)) return true;
  const next = words[i + len];
  return next !== undefined && !PLACE_FOLLOWERS.test(next);
}

/** "Kerman's" → "Kerman": what /['’]s$/ would strip, without a regular expression per word looked up. */
function withoutPossessive(w: string): string {
  const n = w.length;
  return n >= 2 && w.charCodeAt(n - 1) === 115 && (w[n - 2] === "'" || w[n - 2] === '’') ? w.slice(0, -2) : w;
}

/** The word with any of `chars` at its end removed: what /[…]+$/ would strip, without a regular expression per run. */
function trimEnd(w: string, chars: string, max = Infinity): string {
  let n = w.length;
  while (n > 0 && w.length - n < max && chars.includes(w[n - 1]!)) n--;
  return n === w.length ? w : w.slice(0, n);
}

function readPlaceMentions(text: string): Mention[] {
  const g = gazetteer();
  const maxW = maxPlaceWords();
  const out: Mention[] = [];
  for (const m of text.matchAll(CAP_SEQ)) {
    // a full stop ends the run unless it closes an initialism ("U.S.")
    const bare = withoutPossessive(m[0]);
    const words = (bare.endsWith('.') && !/\b[A-Z]\.[A-Z]$/.test(m[0].slice(0, -1)) ? bare.slice(0, -1) : bare).split(' ');
    // longest gazetteer match at each word position
    for (let i = 0; i < words.length; ) {
      let hit: Place | undefined;
      let len = 0;
      let matched = '';
      for (let n = Math.min(maxW, placeWordsFrom(words[i]!), words.length - i); n >= 1; n--) {
        const key = withoutPossessive(n === 1 ? words[i]! : words.slice(i, i + n).join(' '));
        const p = g.get(key) ?? (key.endsWith('.') ? g.get(key.slice(0, -1)) : undefined);
        if (p) {
          hit = p;
          len = n;
          matched = key;
          break;
        }
      }
      if (hit) {
        const start = (m.index ?? 0) + words.slice(0, i).join(' ').length + (i > 0 ? 1 : 0);
        const end = start + words.slice(i, i + len).join(' ').length;
        const possessive = i + len === words.length && /['’]s$/.test(m[0]);
        const attributive = !possessive && attributiveUse(text, end, hit, matched);
        const before = text.slice(Math.max(0, start - 60), start);
        // "Vermont Ave", "Main Street", "Dana Florence Jr.": a street or a person named after a place is no place
        if (SHIP_PREFIX_BEFORE.test(before) || NAMED_AFTER_PLACE.test(text.slice(end, end + 14))) {
          i += len;
          continue;
        }
        // "Jordan Larkin, 18", "June Jordan School", "Jordan was a senior": a place name that is also a person's is no place
        // inside a longer name or before an age or a verb
        if (PERSON_LIKE_PLACES.has(matched) && (personLike(words, i, len) || PERSON_AFTER.test(text.slice(end, end + 40)))) {
          i += len;
          continue;
        }
        const reference = DISTANCE_BEFORE.test(before);
        const relative = !reference && RELATIVE_BEFORE.test(before);
        // "Cleveland, Texas": a US city name the gazetteer lists under another state is that state's town
        const stateAfter = hit.kind === 'city' ? /^,\s+([\p{Lu}][\p{L}]+(?: [\p{Lu}][\p{L}]+)?)/u.exec(text.slice(end, end + 40))?.[1] : undefined;
        const st = stateAfter ? g.get(stateAfter) : undefined;
        const g0 = hit.parent ? g.get(hit.parent) : undefined;
        if (st && st.kind === 'state' && st.parent === 'United States' && g0?.kind === 'state' && g0.parent === 'United States' && st.name !== hit.parent) {
          hit = { name: hit.name, kind: 'city', parent: st.name };
        }
        out.push({ place: hit, at: m.index ?? 0, attributive, ...(reference ? { reference } : {}), ...(relative ? { relative } : {}) });
        i += len;
      } else i++;
    }
  }
  return out;
}

// Each pattern below has a cue: plain text every match contains. Most spans lack it, and testing for it costs a
// fraction of running the pattern (whose capitalised-word classes are tried at every capital letter).
interface CuedPattern {
  cue: RegExp;
  re: RegExp;
}
const cuedPattern = (cue: string, re: string, flags = 'gu'): CuedPattern => ({ cue: new RegExp(cue, flags.replace('g', '')), re: new RegExp(re, flags) });
/** The matches of a cued pattern in a span; none without running it when the span lacks the cue. */
const cuedMatches = (text: string, p: CuedPattern): Iterable<RegExpMatchArray> => (p.cue.test(text) ? text.matchAll(p.re) : []);

// "the town of Kerman", "in the village of Sargazan": unlisted places named as places
const NAMED_PLACE = cuedPattern(' of \\p{Lu}', String.raw`\b(?:town|city|village|district|province|region|port|county|state) of ([\p{Lu}][\p{L}\p{M}-]+(?: [\p{Lu}][\p{L}\p{M}-]+)?)`);
// "in Hatay province", "Balasore district": an unlisted place named with its kind of region after it.
const REGION_KINDS = 'province|district|regency|prefecture|governorate|county';
const REGION_NAMED = cuedPattern(` (?:${REGION_KINDS})`, String.raw`\b((?:[\p{Lu}][\p{L}\p{M}-]+ )?[\p{Lu}][\p{L}\p{M}-]+) (?:${REGION_KINDS})\b`);
// "in Chibok, Borno State", "in Uvalde, Texas": a name placed by the region that follows it.
const PLACED_NAME = /\bin ([\p{Lu}][\p{L}\p{M}-]+(?: [\p{Lu}][\p{L}\p{M}-]+)?), ([\p{Lu}][\p{L}\p{M}-]+(?: [\p{Lu}][\p{L}\p{M}-]+)?)/gu;
// "the Surfside condominium collapse", "the Hathras stampede": a name that labels the incident itself.
const LABEL_NOUNS = 'stampede|crush|surge|collapse|earthquake|quake|tremor|fire|wildfire|blast|explosion|shooting|massacre|bombing|crash|floods?|landslide|disaster|tragedy|kidnapping|abduction|attack|siege|riots?';
const INCIDENT_LABEL = cuedPattern(LABEL_NOUNS, String.raw`\b([\p{Lu}][\p{L}\p{M}]+) ((?:[a-z]+ ){0,2}?)(?:${LABEL_NOUNS})\b`);
// "Wednesday's earthquake in Miyazaki", "the blast at Ras Tanura": an incident noun placed by the name after it.
const PLACED_NOUNS = 'stampede|crush|collapse|earthquake|quake|tremor|fire|wildfire|blast|explosion|shooting|massacre|bombing|crash|floods?|flooding|landslide|attack|siege|riots?';
const INCIDENT_IN = cuedPattern(`(?:${PLACED_NOUNS}) (?:in|at|near) \\p{Lu}`, String.raw`\b(?:${PLACED_NOUNS}) (?:in|at|near) ([\p{Lu}][\p{L}\p{M}-]+(?: [\p{Lu}][\p{L}\p{M}-]+)?)`);
// Words that may stand between a label and its incident noun ("Surfside condominium collapse", "Itaewon crowd
// surge") are nouns and adjectives; a verb or a function word means the name is a subject ("Noakes said the shooting").
const NOT_IN_LABEL = new Set(
  ('said says told the a an of in on at and or to that after before was is were are has had have been called blamed ' +
    'described denied condemned ordered began begun led during since from for with by as which who when where while into ' +
    'sent caused triggered brought followed near over against about').split(' '),
);
const NOT_PLACES = new Set([
  'The', 'A', 'An', 'This', 'That', 'Its', 'Their', 'His', 'Her', 'Our', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday',
  'Saturday', 'Sunday', 'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December', 'Police', 'Officials', 'Deadly', 'Fatal', 'Massive', 'Huge', 'Major', 'Latest', 'Mass', 'School',
  'Building', 'Bus', 'Train', 'Plane', 'Ferry', 'Mine', 'Factory', 'Terror', 'Suicide', 'Car', 'Gas', 'Boat', 'Air',
  'In', 'At', 'On', 'Of', 'From', 'Across', 'Near', 'And', 'Halloween', 'Christmas', 'Easter', 'Ramadan', 'Eid', 'Diwali',
  'Thanksgiving', 'New', 'Year', 'Independence', 'Day', 'Crowd', 'Stadium', 'Concert', 'Festival', 'Storm', 'Hurricane',
  'Typhoon', 'Cyclone', 'Tropical', 'Second', 'Another', 'Fresh', 'First', 'Last', 'Twin', 'Double',
  // the last word of a part of a city ("West Side shooting", "Garfield Park shooting") is no place by itself
  'Side', 'End', 'Park', 'Street', 'Avenue', 'Road', 'Club', 'Bar', 'Party', 'Weekend', 'Local', 'News',
]);
const REGION_WORD = /^(?:[\p{Lu}][\p{L}\p{M}-]+ )?(?:State|Province|County|District|Region|Prefecture|Governorate|Oblast)$/u;

// "wounds a man in Dunmore Saturday", "Shooting in Harwick", "in Lower Brenton.": a capitalised name after "in" that
// ends the clause, or stands before a day or a time, is where it happened (local news names its town so).
const IN_TOWN = /\b(?:in|near) ((?:[\p{Lu}][\p{L}\p{M}'’-]+ ){0,2}[\p{Lu}][\p{L}\p{M}'’-]+)(?=[.,;:!?]|$| (?:on|at|early|late|last|this|overnight|around|about|after|before|when|where|as|and|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b| [a-z])/gu;
// "a Brightwater neighborhood bar", "the Eastgate area": a part of a city named as such.
const NEIGHBOURHOOD = cuedPattern(' (?:neighbou?rhood|section|area)', String.raw`\b([\p{Lu}][\p{L}\p{M}'’-]+(?: [\p{Lu}][\p{L}\p{M}'’-]+)?) (?:neighbou?rhood|section|area)\b`);
// Words after "in" that are no place: institutions, conditions, languages, times.
const NOT_TOWN_WORDS = /^(?:Court|Congress|Parliament|Senate|Critical|Stable|Serious|Custody|English|Spanish|Christ|God|Heaven|Jail|Prison|Hospital|Police|Memory|Honor|Honour|Fatal|Deadly|Shooting|Shootings|Killing|Death|Attack|Arrest|Case|Connection|Custody|Addition|Total|Charge|Person)\b/;
const titleCased = (text: string) => {
  const ws = text.split(/\s+/).filter((w) => /^\p{L}/u.test(w) && w.length > 3);
  return ws.length > 0 && ws.filter((w) => /^\p{Lu}/u.test(w)).length / ws.length > 0.6;
};

// "shooting at Bardstown Rd.", "in Oak Lane": a name ending in a street's kind is a street, kept with the streets.
// (Squares, ways and circles are left to be places: "Tahrir Square" is where a protest is.)
const STREET_ENDING = /\b(?:Street|St|Avenue|Ave|Av|Road|Rd|Drive|Dr|Boulevard|Blvd|Lane|Ln|Parkway|Pkwy|Highway|Hwy|Terrace|Ter)\.?$/;

/** Place names the gazetteer does not know, found by how news writing introduces them. */
function unlistedPlaces(text: string, headline = false): string[] {
  // "in Shelby Thursday morning": the day after a town's name is no part of it
  return namedPlaces(text, headline)
    .map((name) => name.replace(/ (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/, ''))
    .filter((name) => !STREET_ENDING.test(name));
}

function namedPlaces(text: string, headline: boolean): string[] {
  const out: string[] = [];
  const g = gazetteer();
  // A headline in Title Case carries no case information: "in Fatal Shooting" is no town.
  if (!titleCased(text)) {
    // In the body, "in X" names too many things (a hall, a suburb of the city the headline names) to place the incident.
    for (const m of [...(headline ? text.matchAll(IN_TOWN) : []), ...cuedMatches(text, NEIGHBOURHOOD)]) {
      const name = (m[1] ?? '').replace(/['’]s$/, '');
      const first = name.split(' ')[0]!;
      if (!name || NOT_PLACES.has(first) || NOT_TOWN_WORDS.test(name) || demonym(name) || g.has(name) || MONTHS.has(name.toLowerCase()) || WEEKDAYS.has(name.toLowerCase())) continue;
      out.push(name);
    }
  }
  for (const m of text.matchAll(PLACED_NAME)) {
    const [, name, region] = m;
    if (!name || !region || NOT_PLACES.has(name)) continue;
    // "in Greece, Turkey and Bulgaria" is a list of countries, not a town and its region
    if (g.get(name)?.kind === 'country') continue;
    if (regionWritten(region) || REGION_WORD.test(region)) out.push(name);
  }
  for (const m of cuedMatches(text, INCIDENT_LABEL)) {
    const name = m[1];
    const between = (m[2] ?? '').trim().split(' ').filter((w) => w.length > 0);
    if (between.some((w) => NOT_IN_LABEL.has(w))) continue;
    // "Storm Daniel floods": a storm's name is no place
    if (/\b(?:Storm|Hurricane|Typhoon|Cyclone|Tropical Storm) $/.test(text.slice(Math.max(0, (m.index ?? 0) - 16), m.index))) continue;
    if (name && !NOT_PLACES.has(name) && !demonym(name) && m.index !== undefined && !isSentenceStart(text, m.index)) out.push(name);
  }
  for (const m of cuedMatches(text, INCIDENT_IN)) {
    const name = m[1];
    if (name && !NOT_PLACES.has(name.split(' ')[0]!) && !demonym(name)) out.push(name);
  }
  for (const m of cuedMatches(text, REGION_NAMED)) {
    const words = (m[1] ?? '').split(' ');
    while (words.length && NOT_PLACES.has(words[0]!)) words.shift();
    const name = words.join(' ');
    if (name && !demonym(name) && !NOT_PLACES.has(name)) out.push(name);
  }
  return out;
}

/**
 * The states and countries a report places itself in: those of its curated places, of a dateline's region
 * ("FORT WORTH, Texas"), and of the US counties its opening names ("Tarrant County").
 */
function regionsOf(places: readonly Place[], opening: string, dateline: string | undefined): Set<string> {
  const g = gazetteer();
  const out = new Set<string>();
  for (const p of places) {
    if (p.kind !== 'city') out.add(p.name);
    for (let up = p.parent, hops = 0; up && hops < 3; up = g.get(up)?.parent, hops++) out.add(up);
  }
  const written = dateline?.split(',')[1]?.trim();
  const region = written ? regionWritten(written) : undefined;
  if (region && region.kind !== 'city') out.add(region.name);
  for (const m of cuedMatches(opening, COUNTY_NAMED)) {
    const state = countyState(m[0], out);
    if (state && g.has(state)) out.add(state);
  }
  for (const r of [...out]) {
    const parent = g.get(r)?.parent;
    if (parent) out.add(parent);
  }
  return out;
}
const COUNTY_NAMED = cuedPattern(' (?:County|Parish)', String.raw`\b(?:[\p{Lu}][\p{L}'’.-]+ ){1,3}(?:County|Parish)\b`);

/** The state of "Troup" when the text calls it "Troup County". */
function countyOf(name: string, text: string, regions: ReadonlySet<string>): string | undefined {
  return new RegExp(`\\b${escapeRegExp(name)} (?:County|Parish)\\b`).test(text) ? countyState(`${name} County`, regions) ?? countyState(`${name} Parish`, regions) : undefined;
}

function isSentenceStart(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 2), at);
  return at === 0 || /[.!?"“]\s?$/.test(before);
}

let CASELESS: Map<string, Place> | undefined;
function lookupCaseless(name: string): Place | undefined {
  if (!CASELESS) {
    CASELESS = new Map();
    for (const [k, p] of gazetteer()) if (!CASELESS.has(k.toLowerCase())) CASELESS.set(k.toLowerCase(), p);
  }
  return CASELESS.get(name.toLowerCase());
}

/**
 * The dateline's city, when it says where the reporting happened rather than where the bureau is: a town given
 * with its region ("FORT WORTH, Texas", "ANTAKYA, Turkey") whose region the text's places include, or a city
 * the text names again. A bare bureau city ("ISTANBUL (Reuters)" over a quake in the south-east) is left out.
 */
function datelinePlace(dateline: string, body: string, chosen: ReadonlySet<string>): Place | null {
  const [rawCity, rawRegion] = dateline.split(',').map((x) => x.trim());
  if (!rawCity) return null;
  const titleCase = (x: string) => (x.length > 3 && x === x.toUpperCase() ? x.toLowerCase().replace(/(^|[\s-])\p{L}/gu, (c) => c.toUpperCase()) : x);
  const name = titleCase(rawCity);
  const g = gazetteer();
  const known = g.get(name) ?? lookupCaseless(name);
  const said = (x: string) => new RegExp(`\\b${escapeRegExp(x)}\\b`).test(body);
  const mentioned = said(name) || (known !== undefined && said(known.name));
  if (known) return mentioned ? known : null;
  const region = rawRegion ? regionWritten(rawRegion) : undefined;
  if (!region) return null;
  const regionCountry = region.kind === 'country' ? region.name : region.parent;
  // a text that names no place of its own is placed by its dateline's town and region ("HEMPSTEAD, N.Y.")
  if (chosen.size > 0 && !chosen.has(region.name) && !(regionCountry && chosen.has(regionCountry))) return null;
  // "FORT WORTH, Texas": a GeoNames town of the region written beside it
  return resolveTown(name, new Set([region.name]), true) ?? { name, kind: 'city', parent: region.name };
}

// "Officer Arlington", "Sgt. Lincoln": a rank or title before a name makes it a person's.
const TITLE_BEFORE = /\b(?:Officer|Sgt|Sergeant|Mr|Mrs|Ms|Dr|Det|Detective|Chief|Judge|Rep|Sen|Gov|Deputy|Trooper|Lt|Capt|Coach|Pastor|Rev)\.? $/;
// "Arlington, 23, was shot", "Lincoln said": an age or a verb of speech after a name makes it a person's.
const PERSON_AFTER = /^(?:,? \d|'s? (?:family|mother|father|attorney)| (?:said|says|told|added|wrote|was|is|who)\b)/;
// "Kerrville police said", "Plantation residents": a lower-case noun that makes the name before it a town.
const TOWN_NOUN_AFTER = /^ (?:police|officers|firefighters|residents?|mayor|officials|man|woman|teen|teenager|boy|girl|home|neighborhood)\b/;
// ", Texas", ", Nigeria": the region written after a town's name.
const REGION_AFTER = /^, ([\p{Lu}][\p{L}.]+(?: [\p{Lu}][\p{L}.]+)?)/u;

const LETTER = /\p{L}/u;
const LOWER_LETTER = /\p{Ll}/u;
const UPPER_LETTER = /\p{Lu}/u;
/** The code point ending just before index i (a letter of an astral plane is two code units), or '' at the start. */
function charBefore(s: string, i: number): string {
  if (i <= 0) return '';
  const c = s.charCodeAt(i - 1);
  return c >= 0xdc00 && c <= 0xdfff && i >= 2 && (s.charCodeAt(i - 2) & 0xfc00) === 0xd800 ? s.slice(i - 2, i) : s[i - 1]!;
}
/** The code point starting at index i, or '' at the end. */
const charAt = (s: string, i: number): string => (i < s.length ? String.fromCodePoint(s.codePointAt(i)!) : '');
/** An ASCII word character, as `\b` reads one. */
const isWordChar = (ch: string): boolean => /^[A-Za-z0-9_]$/.test(ch);

/** Whether `word` stands in `text` as a whole word (no letter either side) at a place `where` accepts. */
function wholeWordAt(text: string, word: string, where: (text: string, at: number) => boolean): boolean {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    if (!LETTER.test(charBefore(text, at)) && !LETTER.test(charAt(text, at + word.length)) && where(text, at)) return true;
  }
  return false;
}

// "Kerrville County", "Kerrville police": words after "<Word> <name>" that leave the name a town of its own.
const TOWN_WORD_AFTER = /^ (?:County|Parish|Township|Police|police|officers|firefighters|residents?|mayor|officials)\b/;

/**
 * The capitalised word ("Marcus" in "Marcus Lindale") that ends with the space just before index p: an upper-case
 * letter at a word boundary, then lower-case letters. Returns where it starts and the word, or undefined.
 */
function capitalisedWordBefore(s: string, p: number): { at: number; word: string } | undefined {
  if (s[p - 1] !== ' ') return undefined;
  let q = p - 1;
  let lowers = 0;
  for (let ch = charBefore(s, q); ch && LOWER_LETTER.test(ch); ch = charBefore(s, q)) {
    q -= ch.length;
    lowers++;
  }
  const head = charBefore(s, q);
  if (lowers === 0 || !UPPER_LETTER.test(head)) return undefined;
  q -= head.length;
  // \b before the capital: an ASCII word character on exactly one side
  if (isWordChar(charBefore(s, q)) === isWordChar(head)) return undefined;
  return { at: q, word: s.slice(q, p - 1) };
}

const ANYWHERE = () => true;
/**
 * Whether the report uses a town's name otherwise than as the town: as a lower-case word ("mobile"), after a
 * capitalised word ("Marcus Lindale", unless a town word follows: "Jail Kerrville police"), or as the end of a
 * longer listed place ("York" in "New York"). Plain string searches: regular expressions compiled per name cost
 * about 40 KB of heap for each name kept, and compile time for every new one.
 */
export function nameUsedOtherwise(whole: string, name: string, isPlace: (s: string) => boolean): boolean {
  if (wholeWordAt(whole, name.toLowerCase(), ANYWHERE)) return true;
  // "<Word> <name>" matches are read left to right without overlapping, as a global search reads them
  let lastEnd = 0;
  for (let p = whole.indexOf(name); p >= 0; p = whole.indexOf(name, p + 1)) {
    if (LETTER.test(charAt(whole, p + name.length))) continue;
    const before = capitalisedWordBefore(whole, p);
    if (!before) continue;
    if (!TOWN_WORD_AFTER.test(whole.slice(p + name.length, p + name.length + 16))) return true;
    if (before.at >= lastEnd) {
      if (isPlace(`${before.word} ${name}`)) return true;
      lastEnd = p + name.length;
    }
  }
  return false;
}

/**
 * Towns of the GeoNames table named in a span: a capitalised run that is a town's name alone (or followed by
 * "County", "Police"…), neither a person's (a rank before it, an age or "said" after it, a first name before it
 * elsewhere in the text) nor a common word (written in lower case elsewhere), resolved by the regions the report
 * names and the region written after it.
 */
function geonamesTowns(text: string, regions: ReadonlySet<string>, whole: string): Array<{ place: Place; at: number }> {
  const out: Array<{ place: Place; at: number }> = [];
  const g = gazetteer();
  for (const m of text.matchAll(CAP_SEQ)) {
    const words = trimEnd(withoutPossessive(m[0]), '.,', 1).split(' ');
    let i = 0;
    while (i < words.length && NOT_PLACES.has(words[i]!)) i++;
    for (let n = Math.min(4, words.length - i); n >= 1; n--) {
      const name = words.slice(i, i + n).join(' ');
      // (names no town bears are dropped before the costlier tests below: resolveTown would refuse them anyway)
      if (g.has(name) || NOT_PLACES.has(name) || !isTownName(name)) continue;
      const next = words[i + n];
      if (next !== undefined && !PLACE_FOLLOWERS.test(next)) continue;
      const start = (m.index ?? 0) + words.slice(0, i).join(' ').length + (i > 0 ? 1 : 0);
      const end = start + name.length;
      const after = text.slice(end, end + 40);
      if (TITLE_BEFORE.test(text.slice(Math.max(0, start - 12), start)) || PERSON_AFTER.test(after) || NAMED_AFTER_PLACE.test(after)) continue;
      const written = next === undefined ? REGION_AFTER.exec(after)?.[1] : undefined;
      const region = written ? regionWritten(written) : undefined;
      const writtenRegion = region && region.kind !== 'city' ? region.name : undefined;
      if (!writtenRegion) {
        // a surname ("Marcus Lindale") or a common word ("mobile") elsewhere in the report; ("Jail Kerrville police",
        // a caption run into the text, is the town: a town noun after it says so; but "York" inside "New York" stays
        // part of the longer place, whatever follows it)
        if (nameUsedOtherwise(whole, name, (x) => g.has(x))) continue;
      }
      // "Plantation police", "in Kerrville": the text itself calls the name a town
      const cued = next !== undefined || /\b(?:in|near|outside) $/.test(text.slice(Math.max(0, start - 8), start)) || TOWN_NOUN_AFTER.test(after);
      const place = resolveTown(name, writtenRegion ? new Set([...regions, writtenRegion]) : regions, writtenRegion !== undefined, cued);
      if (place) {
        out.push({ place, at: start });
        break;
      }
    }
  }
  return out;
}

/**
 * "Mount Sinai Hospital", "New Florence", "Panama City Beach" in a report about Chicago or Missouri: a listed city
 * or region of another country whose country the report never names, while its places are chiefly in one
 * country, is a namesake or part of a longer name, not where it happened. The report's country is the one its
 * places weigh most in, by at least twice the other's weight.
 */
const STRAY_COUNTRY_MARGIN = 2;
function dropStrayForeignPlaces(score: Map<string, { place: Place; score: number }>): void {
  const weight = new Map<string, number>();
  for (const e of score.values()) {
    const c = countryOf(e.place);
    // (an unlisted place with no parent has no country to weigh)
    if (gazetteer().get(c)?.kind === 'country') weight.set(c, (weight.get(c) ?? 0) + e.score);
  }
  const main = [...weight.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (main === undefined) return;
  const namedCountries = new Set([...score.values()].filter((e) => e.place.kind === 'country').map((e) => e.place.name));
  for (const [name, e] of score) {
    if (e.place.kind === 'country' || !gazetteer().has(e.place.name)) continue;
    const c = countryOf(e.place);
    // a close second country may be where it happened, the first a misreading ("Bennie London"): both stay
    if (c !== main && !namedCountries.has(c) && c !== e.place.name && (weight.get(c) ?? 0) * STRAY_COUNTRY_MARGIN <= (weight.get(main) ?? 0)) score.delete(name);
  }
}

export function incidentPlaces(title: string | undefined, sentences: Sentence[], figureQuotes: string[], dateline?: string, outlet?: Place): string[] {
  // the same sentence is scanned as lead, figure quote and body: its mentions are read once per report
  const mentionsMemo = new Map<string, Mention[]>();
  const placeMentions = (text: string): Mention[] => {
    let found = mentionsMemo.get(text);
    if (!found) mentionsMemo.set(text, (found = readPlaceMentions(text)));
    return found;
  };
  const body = sentences.filter((s) => s.idx >= 0);
  // the lead is the first paragraph that is the story's, not a page's furniture ("UPDATE on Monday: …")
  const leadPara = body.find((s) => !isFurnitureParagraph(s.text))?.para ?? 0;
  const leadParas = body.filter((s) => s.para === leadPara).map((s) => s.text);
  const firstTwo = body.filter((s) => s.para <= leadPara + 1).map((s) => s.text);
  const score = new Map<string, { place: Place; score: number; first: number }>();
  const add = (p: Place, w: number, pos: number) => {
    const e = score.get(p.name);
    if (e) {
      e.score += w;
      e.first = Math.min(e.first, pos);
    } else score.set(p.name, { place: p, score: w, first: pos });
  };
  // places named only to locate another ("60 km south of Belgrade") are not where it happened
  const referenceOnly = new Set<string>();
  const relativeOnly = new Set<string>();
  const placedHere = new Set<string>();
  let pos = 0;
  const spans: Array<[string, number]> = [];
  if (title) spans.push([title, 3]);
  for (const s of leadParas) spans.push([s, 2]);
  // a figure read from the headline quotes it whole, outlet and its city included: that part is no place either
  for (const q of figureQuotes) spans.push([headlineOf(q) ?? q, 1.5]);
  for (const [text, w] of spans) {
    for (const m of placeMentions(text)) {
      if (m.reference) referenceOnly.add(m.place.name);
      else if (m.relative) relativeOnly.add(m.place.name);
      else placedHere.add(m.place.name);
      add(m.place, m.attributive ? w * 0.4 : w, pos + m.at);
    }
    pos += 10_000;
  }
  // towns the curated list does not know, read from GeoNames in the light of the regions named so far
  const regions = regionsOf([...score.values()].map((e) => e.place), [title ?? '', ...firstTwo].join('\n'), dateline);
  const wholeText = [title ?? '', ...body.map((s) => s.text)].join('\n');
  pos = 0;
  for (const [text, w] of spans) {
    for (const t of geonamesTowns(text, regions, wholeText)) {
      placedHere.add(t.place.name);
      add(t.place, w, pos + t.at);
    }
    pos += 10_000;
  }
  // unlisted named places in the first two paragraphs
  // An unlisted town the headline or the lead introduces as a place ("in the town of Brezovo") is where it
  // happened, not an afterthought: it weighs as much as a listed place there.
  const extra: string[] = [];
  const extraWeight = new Map<string, number>();
  const leadSet = new Set(leadParas);
  for (const s of [title ?? '', ...firstTwo]) {
    const w = s === title ? 3 : leadSet.has(s) ? 2 : 1;
    const found = [...[...cuedMatches(s, NAMED_PLACE)].map((m) => m[1]).filter((x): x is string => !!x && !NOT_PLACES.has(x)), ...unlistedPlaces(s, s === title)];
    for (const name of found) {
      if (!extra.includes(name)) extra.push(name);
      extraWeight.set(name, Math.max(extraWeight.get(name) ?? 0, w));
    }
  }
  // "in Allen, Texas" in the headline or lead: an unlisted town placed by its state or country is where it
  // happened, so it stands under that region (and is listed before it) rather than after it
  const placedUnder = new Map<string, string>();
  for (const s of [title ?? '', ...leadParas]) {
    for (const m of s.matchAll(PLACED_NAME)) {
      const [, name, region] = m;
      const r = region ? regionWritten(region) : undefined;
      if (!name || !r || (r.kind !== 'state' && r.kind !== 'country') || NOT_PLACES.has(name) || gazetteer().has(name)) continue;
      if (!placedUnder.has(name)) placedUnder.set(name, r.name);
    }
  }
  // cities and states elsewhere in the text that belong to a chosen country: named in the first two paragraphs
  // and at least twice in all. Only names the first two paragraphs give can qualify, so the rest of the body is
  // counted for those names alone, and not at all when there are none (the usual case).
  const chosenCountries = new Set([...score.values()].filter((e) => e.place.kind === 'country').map((e) => e.place.name));
  if (chosenCountries.size > 0) {
    const firstPlace = new Map<string, Place>();
    for (const s of body) {
      if (s.para > 1) break;
      for (const m of placeMentions(s.text)) if (m.place.kind !== 'country' && !firstPlace.has(m.place.name)) firstPlace.set(m.place.name, m.place);
    }
    const wanted = new Map<string, number>();
    for (const [name, p] of firstPlace) if (p.parent && chosenCountries.has(p.parent)) wanted.set(name, 0);
    if (wanted.size > 0) {
      for (const s of body) for (const m of placeMentions(s.text)) if (wanted.has(m.place.name)) wanted.set(m.place.name, wanted.get(m.place.name)! + 1);
      for (const [name, n] of wanted) if (n >= 2 && !score.has(name)) add(firstPlace.get(name)!, 1, 1e9);
    }
  }
  for (const x of extra) {
    const p = gazetteer().get(x);
    if (p) {
      if (!score.has(p.name)) add(p, 1, 1e9);
    } else if (!score.has(x)) {
      const under = placedUnder.get(x);
      const town = resolveTown(x, under ? new Set([...regions, under]) : regions, under !== undefined, true);
      if (town) {
        score.set(x, { place: town, score: extraWeight.get(x) ?? 1, first: 1e9 });
        continue;
      }
      const state = /\b(?:County|Parish)$/.test(x) ? countyState(x, regions) : countyOf(x, wholeText, regions);
      const parent = state && gazetteer().has(state) ? state : placedUnder.get(x);
      score.set(x, { place: { name: x, kind: 'city', ...(parent && score.has(parent) ? { parent } : {}) }, score: extraWeight.get(x) ?? 1, first: 1e9 });
    }
  }
  // "a rural area near Cleveland, north of Houston" in a report about Texas: a listed US-style city name whose own
  // state the text never names, in a report placed in another state of that country, is a homonym town of that
  // state. It is kept as "Cleveland, Texas" (a town the gazetteer does not list), so that a later spot incident
  // in another town of the state is not taken for this one.
  const chosenStates = [...score.values()].filter((e) => e.place.kind === 'state' && e.place.parent).map((e) => e.place);
  // Only a report that names no town of its own is placed this way: one that has a town mentions others in passing.
  if (chosenStates.length === 1 && ![...score.values()].some((e) => e.place.kind === 'city')) {
    const st = chosenStates[0]!;
    const named = new Set(score.keys());
    for (const s of body) for (const m of placeMentions(s.text)) if (m.place.kind !== 'country') named.add(m.place.name);
    for (const s of body) {
      if (s.para > 1) continue;
      for (const m of placeMentions(s.text)) {
        const p = m.place;
        if (p.kind !== 'city' || m.reference || !p.parent || p.parent === st.name || named.has(p.parent)) continue;
        const home = gazetteer().get(p.parent);
        if (home?.kind !== 'state' || home.parent !== st.parent) continue;
        const name = `${p.name}, ${st.name}`;
        if (!score.has(name)) score.set(name, { place: { name, kind: 'city', parent: st.name }, score: 1, first: 1e9 });
      }
    }
  }
  // a report whose title and lead name no place (a follow-up about the inquiry), or only places the gazetteer does
  // not know ("Suspect in Kingsessing killings charged"), is placed by its body too
  if (![...score.values()].some((e) => gazetteer().has(e.place.name))) {
    for (const s of body) for (const m of placeMentions(s.text)) add(m.place, m.attributive ? 0.2 : 0.5, 2e9 + s.idx);
    if (![...score.values()].some((e) => e.place.parent !== undefined)) {
      const bodyRegions = regionsOf([...score.values()].map((e) => e.place), body.map((s) => s.text).join('\n'), dateline);
      for (const s of body) for (const t of geonamesTowns(s.text, bodyRegions, wholeText)) add(t.place, 0.5, 2e9 + s.idx);
    }
  }
  if (dateline) {
    // each chosen place with all its ancestors: "Chicago" read from the body is in the United States too
    const chosen = new Set<string>();
    for (const e of score.values()) {
      chosen.add(e.place.name);
      for (let up = e.place.parent, hops = 0; up && hops < 3; up = gazetteer().get(up)?.parent, hops++) chosen.add(up);
    }
    const p = datelinePlace(dateline, wholeText, chosen);
    if (p && !score.has(p.name)) add(p, 1, 1e9 - 1);
    else if (score.size === 0) {
      const d = dateline.split(',')[0]?.trim();
      if (d && !NOT_DATELINES.test(d)) {
        // "NEW YORK" → "New York", each word capitalised, so that the gazetteer knows it
        const name = d.length > 3 && d === d.toUpperCase() ? d.toLowerCase().replace(/(^|[\s-])\p{L}/gu, (c) => c.toUpperCase()) : d;
        const known = gazetteer().get(name);
        score.set(known?.name ?? name, { place: known ?? { name, kind: 'city' }, score: 0.5, first: 0 });
      }
    }
  }
  // a report that names no place at all is placed, last, by its outlet's town ("- WMC Action News 5 - Memphis, Tennessee")
  if (score.size === 0 && outlet) add(outlet, 0.5, 3e9);
  for (const name of referenceOnly) if (!placedHere.has(name)) score.delete(name);
  dropStrayForeignPlaces(score);
  // "in Allen, a suburb north of Dallas": the reference point goes only when a nearer named place stands beside it
  // ("a village near Kabul" with no village named keeps Kabul)
  for (const name of relativeOnly) {
    if (placedHere.has(name) || !score.has(name)) continue;
    const nearer = [...score.values()].some((e) => e.place.name !== name && e.place.kind === 'city' && !relativeOnly.has(e.place.name));
    if (nearer) score.delete(name);
  }
  // an unlisted town belongs, for ordering, to the country the report is chiefly about
  const topCountry = [...score.values()].filter((e) => e.place.kind === 'country').sort((a, b) => b.score - a.score)[0]?.place.name;
  for (const e of score.values()) if (!e.place.parent && e.place.kind === 'city' && !gazetteer().has(e.place.name) && topCountry) e.place = { ...e.place, parent: topCountry };
  const ranked = [...score.values()].sort((a, b) => b.score - a.score || a.first - b.first).slice(0, 5);
  // city before its state/country: emit each place after its children that are also listed
  const names = ranked.map((r) => r.place.name);
  const out: string[] = [];
  const emit = (r: { place: Place }) => {
    if (out.includes(r.place.name)) return;
    for (const c of ranked) if (c.place.parent === r.place.name && !out.includes(c.place.name)) emit(c);
    out.push(r.place.name);
  };
  for (const ranking of ranked) {
    // a child of a listed parent is emitted with it, where its best-ranked member stands
    let r = ranking;
    for (let up = ranked.find((c) => c.place.name === r.place.parent); up; up = ranked.find((c) => c.place.name === r.place.parent)) r = up;
    if (out.includes(r.place.name)) continue;
    emit(r);
    // add the parent of a listed city/state (helps matching "Kerman" with "Iran")
    let parent = r.place.parent;
    while (parent && !out.includes(parent)) {
      const p = gazetteer().get(parent);
      if (!p) break;
      out.push(p.name);
      parent = p.parent;
    }
  }
  return out.slice(0, 6);
}

// ---- headline ----

// A trailing segment that is only capitalised words and numbers: an outlet's name, often with its city
// ("- KXYZ Action News 7 - Denver, Colorado", "| KATV", "- CBS Chicago").
// A site's address counts as its name ("- wistv.com -", "- wave3.com-Louisville News, Weather & Sports").
const OUTLET_WORD = String.raw`(?:[\p{Lu}\d][\p{L}\d.&'’-]*,?|[\p{Ll}\d][\p{L}\d-]*\.(?:com|net|org|tv)(?:-[\p{L}\d.&'’-]*)?,?|of|the|and|on|&)`;
const OUTLET_SEGMENT = new RegExp(`^${OUTLET_WORD}(?: ${OUTLET_WORD}){0,6}$`, 'u');

/** The headline without the outlet name that pages append to it: the city in an outlet's name is no place of the incident. */
export function headlineOf(title: string | undefined): string | undefined {
  if (!title) return title;
  const parts = title.split(/ [-|–—] /);
  while (parts.length > 1 && OUTLET_SEGMENT.test(parts[parts.length - 1]!.trim()) && parts.slice(0, -1).join(' ').length >= 20) parts.pop();
  return parts.join(' - ');
}

// "… - WMC Action News 5 - Memphis, Tennessee", "… for Charlotte, NC": an outlet's town and state at the end of
// what headlineOf cut
const OUTLET_TOWN = /(?:^|[\s-])([\p{Lu}][\p{L}.'’-]+(?: [\p{Lu}][\p{L}.'’-]+){0,2}), ([\p{Lu}][\p{L}.]+(?: [\p{Lu}][\p{L}.]+)?)\s*$/u;

/**
 * The town of the outlet a headline's cut segment names, with its state: where a local outlet is, a last resort
 * for a report that names no place at all (a local outlet's shootings are mostly in its city; the everyday rules
 * still ask for an age, an equal toll or a name before two such reports join).
 */
export function outletTown(title: string | undefined): Place | undefined {
  const headline = headlineOf(title);
  if (!title || !headline || headline.length >= title.length) return undefined;
  const cut = title.split(/ [-|–—] /).slice(headline.split(' - ').length).join(' - ');
  const m = OUTLET_TOWN.exec(cut);
  if (!m) return undefined;
  const region = regionWritten(m[2]!);
  if (!region || region.kind !== 'state') return undefined;
  const listed = gazetteer().get(m[1]!);
  if (listed) return listed.kind === 'city' && listed.parent === region.name ? listed : undefined;
  return resolveTown(m[1]!, new Set([region.name]), true);
}

// ---- names ----

const NOT_NAMES = new Set(
  ('The A An In On At For And But Or Of To By With From After Before During As It He She They We His Her Their Its This That These ' +
    'Those There Here When While Where What Who Why How Officials Police Authorities Reuters AP AFP Monday Tuesday Wednesday Thursday ' +
    'Friday Saturday Sunday January February March April May June July August September October November December Mr Mrs Ms Dr ' +
    'Some Many More Most About According Since Still Yet Even Also However Meanwhile Speaking Asked Earlier Later Today Yesterday ' +
    'One Two Three Four Five Six Seven Eight Nine Ten Officially President Minister Governor Mayor Chief Gov Sen Rep State TV If Once GMT UTC').split(' '),
);

// Page furniture and credits that capitalised runs pick up: no name of anything in the incident.
const FURNITURE = /\b(?:Image|Images|Caption|Photo|Photos|Video|Transcript|Updated|Posted|Share|Skip|Close|Buy|View|Follow|Copyright|Gallery|Slideshow|Subscribe|Advertisement|EST|EDT|CST|CDT|PST|PDT|MST|MDT)\b/;
// "By Jane Doe", "Photo: Jane Doe", "(Jane Doe/The Enquirer)": a credit names the writer, not someone in the story.
const CREDIT_BEFORE = /(?:\b(?:by|photo|photos|credit|staff|reporter|contributed by|written by)\s*:?\s*|\()$/i;
const CREDIT_AFTER = /^\s*(?:\/|,\s*(?:staff|reporter|correspondent|the associated press)\b)/i;

const RUN_TOGETHER = /\p{Ll}\.\p{Lu}/u;
// (a longer run of capitals is a dateline's town, "PEKING")
const SHORT_ACRONYM = /^[A-Z]{3,4}$/;
// a character upper-casing would change: a span without one is all capitals (`text === text.toUpperCase()`, without the copy)
const CASED_LOWER = /\p{Changes_When_Uppercased}/u;

export function incidentNames(title: string | undefined, sentences: Sentence[]): string[] {
  const g = gazetteer();
  const counts = new Map<string, { n: number; first: number; lead: boolean }>();
  const spans = [...(title ? [{ text: title, lead: true }] : []), ...sentences.filter((s) => s.idx >= 0).map((s) => ({ text: s.text, lead: s.para <= 1 }))];
  let order = 0;
  for (const sp of spans) {
    // all-caps and Title Case headlines carry no case information
    if (!CASED_LOWER.test(sp.text)) continue;
    if (sp === spans[0] && title) {
      const ws = title.split(/\s+/).filter((w) => /^\p{L}/u.test(w) && w.length > 3);
      if (ws.length && ws.filter((w) => /^\p{Lu}/u.test(w)).length / ws.length > 0.6) continue;
    }
    // "Marla Keene.Her brother": copy that lost the space after a full stop runs two sentences together
    const text = RUN_TOGETHER.test(sp.text) ? sp.text.replace(/(\p{Ll}{2})\.(\p{Lu})/gu, '$1. $2') : sp.text;
    for (const m of text.matchAll(CAP_SEQ)) {
      // one capitalised word ("The", "Police", "Smith") is a name only as a short acronym ("NYPD"), whatever else holds
      if (!m[0].includes(' ') && !SHORT_ACRONYM.test(trimEnd(withoutPossessive(m[0]), '.,-'))) continue;
      if (FURNITURE.test(m[0]) || /^(?:By|Photo|Photos|Credit)\b/.test(m[0])) continue;
      const at = m.index ?? 0;
      if (CREDIT_BEFORE.test(text.slice(Math.max(0, at - 20), at)) || CREDIT_AFTER.test(text.slice(at + m[0].length, at + m[0].length + 30))) continue;
      let words = trimEnd(withoutPossessive(m[0]), '.,-').split(' ');
      // "Monday's Hatay tremor": a weekday's possessive starts no name
      while (words.length && /^\p{Lu}\p{L}+['’]s$/u.test(words[0]!) && WEEKDAYS.has(words[0]!.replace(/['’]s$/, '').toLowerCase())) words = words.slice(1);
      // dateline capitals ("PEKING") and acronyms of time zones are not names
      if (words.length === 1 && words[0] === words[0]!.toUpperCase() && words[0]!.length > 4) continue;
      while (words.length && NOT_NAMES.has(words[0]!)) words = words.slice(1);
      while (words.length && NOT_NAMES.has(words[words.length - 1]!)) words = words.slice(0, -1);
      if (words.length < 2 && !(words.length === 1 && (words[0]!.length >= 3 && /^[A-Z]{2,6}$/.test(words[0]!)))) continue;
      const name = words.join(' ');
      if (g.has(name) || MONTHS.has(name.toLowerCase()) || WEEKDAYS.has(name.toLowerCase())) continue;
      if (words.length > 5) continue;
      const e = counts.get(name) ?? { n: 0, first: order, lead: false };
      e.n++;
      e.lead = e.lead || sp.lead;
      counts.set(name, e);
      order++;
    }
  }
  const ranked = [...counts.entries()]
    .filter(([, e]) => e.n >= 2 || e.lead)
    .sort((a, b) => b[1].n - a[1].n || a[1].first - b[1].first)
    .slice(0, 6)
    .map(([k]) => k);
  return [...ranked, ...headlineWords(title, sentences).filter((w) => !ranked.includes(w)).slice(0, 2)];
}

/** After a lower-case word and a space, with at most one of ",;:" between: capitalised in mid-sentence, not after a full stop. */
function midSentenceAt(text: string, at: number): boolean {
  if (text[at - 1] !== ' ') return false;
  const i = ',;:'.includes(text[at - 2] ?? '.') ? at - 2 : at - 1;
  return LOWER_LETTER.test(charBefore(text, i));
}

/**
 * One-word proper nouns of the headline ("Dunmore teen charged", "Gunfire In Harwick Leaves Two Hurt"): a
 * headline word the body also writes capitalised in mid-sentence, and never in lower case, that the gazetteer does
 * not know. Local news names its town or neighbourhood so; whether the headline is in Title Case does not matter.
 */
function headlineWords(title: string | undefined, sentences: Sentence[]): string[] {
  if (!title || title === title.toUpperCase()) return [];
  // (the body is joined once a headline word needs it; each word is then looked up by plain string search, which
  // is far cheaper than listing every word of the body)
  let body: string | undefined;
  const out: string[] = [];
  for (const m of title.matchAll(/(?<![\p{L}'’-])([\p{Lu}][\p{Ll}]{3,})(?![\p{L}'’-])/gu)) {
    const w = m[1]!;
    if (out.includes(w) || NOT_NAMES.has(w) || NOT_PLACES.has(w) || gazetteer().has(w) || demonym(w)) continue;
    if (MONTHS.has(w.toLowerCase()) || WEEKDAYS.has(w.toLowerCase())) continue;
    body ??= sentences.filter((s) => s.idx >= 0).map((s) => s.text).join(' \n ');
    if (wholeWordAt(body, w.toLowerCase(), () => true) || !wholeWordAt(body, w, midSentenceAt)) continue;
    out.push(w);
  }
  return out;
}

// Labels that open a text like a dateline ("Breaking:", "UPDATE —", "Police:") but name no place.
const NOT_DATELINES = /^(?:breaking|alert|update|updated|posted|published|developing|exclusive|watch|video|photos?|live|opinion|editorial|news|authorities|police|officials|sheriff|report|source|sources|advertisement|close|share)\b/i;

// "PEKING, March 12 -", "KAHULUI, Hawaii (Reuters) -", "MIAMI (CBSMiami) –", "Beirut — ", "Hathras: "
// (also "KANSAS CITY, Mo. --", the double hyphen of copy typed without a dash)
const DATELINE_RE = /^([\p{Lu}][\p{Lu}\p{L} .'’-]{1,40}?(?:, [\p{L}. ]{2,30}?)?)(?:,? (?:\p{Lu}[a-z]{2,8}\.? \d{1,2}))? ?(?:\([^)]{1,40}\))? ?(?:--|[-–—:]) /u;

// Paragraphs a page puts before the story: a video player's notice, a close button, an editor's update note
// ("UPDATE on Monday, October 3 at 12 p.m.: …"). The story's lead and dateline come after them.
const FURNITURE_PARAGRAPH = /^(?:please enable javascript|×|x\s|update(?:d)?\b[^:\n]{0,60}:|editor['’]s note\b)/i;
export const isFurnitureParagraph = (text: string) => FURNITURE_PARAGRAPH.test(text.trim());

export function datelineOf(full: string): string | undefined {
  // the dateline opens the story, which may come after a page's furniture paragraphs
  const paragraphs = full.split(/\n\s*\n/, 4);
  const text = paragraphs.find((p) => !isFurnitureParagraph(p)) ?? full;
  const m = DATELINE_RE.exec(text.slice(0, 120));
  if (!m || !m[1]) return undefined;
  const d = m[1].trim().replace(/,$/, '');
  if (NOT_DATELINES.test(d)) return undefined;
  // "Officially", "Police" etc. would not be followed by a dash; still reject long lower-case runs
  if (d.split(' ').length > 6) return undefined;
  return d;
}

// ---- magnitudes and retrospectives ----

const MAGNITUDE_RE = /\b(?:magnitude(?:[- ]| of )(\d(?:\.\d)?)|(\d\.\d)[- ]magnitude|(\d\.\d)(?:[- ]?richter| on the (?:open-ended )?richter)|M ?(\d\.\d)\b)/gi;

/**
 * Magnitudes of the quake the headline and lead are about. An aftershock's magnitude ("a 5.6 aftershock rattled
 * the region") describes no new quake and is skipped.
 */
export function incidentMagnitudes(title: string | undefined, lead: string[]): number[] {
  const out: number[] = [];
  for (const span of [title ?? '', ...lead]) {
    if (/\baftershocks?\b/i.test(span)) continue;
    for (const m of span.matchAll(MAGNITUDE_RE)) {
      const v = Number(m[1] ?? m[2] ?? m[3] ?? m[4]);
      if (v >= 2 && v <= 10 && !out.includes(v)) out.push(v);
    }
  }
  return out;
}

// "Iran marks four years since…", "Ten years on, survivors…", "a year after the quake", "on the anniversary of"
const RETROSPECTIVE_RE =
  /\b(?:anniversary|(?:\d+|one|a|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty) (?:years?|decades?) (?:since|after|on|ago|later))\b/i;

// A headline reporting something happening now ("Blasts kill 100 at ceremony on anniversary of his death").
const CURRENT_EVENT_RE = /\b(?:kills?|dead|dies|die|injures?|wounds?|explodes?|rocks?|strikes?|hits|erupts?|collapses|crashes|sinks|clash(?:es)?|arrests?|detains?)\b/i;

/** Whether the headline looks back at an old incident rather than reporting a current one. */
export function isRetrospective(title: string | undefined): boolean {
  return !!title && RETROSPECTIVE_RE.test(title) && !CURRENT_EVENT_RE.test(title);
}

// ---- vessels ----

// "the tanker Pivot", "the Saudi supertanker Arabian Sea", "the ferry Herald of Free Enterprise"
const VESSEL_RE = /\b(?:tanker|supertanker|ship|vessel|freighter|ferry|cargo ship|bulk carrier|aircraft carrier|steamer|trawler|liner|dhow|frigate|destroyer)s? ((?:[A-Z][\p{L}'’-]+)(?: (?:of |the )?[A-Z][\p{L}'’-]+){0,3})/gu;
const NOT_VESSELS = new Set(['Co', 'Corp', 'Company', 'Line', 'Lines', 'Shipping', 'Intelligence', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'The', 'In', 'On', 'At', 'Owners']);

/** Ships the headline and lead name: two attacks on differently named ships are two attacks. */
export function incidentVessels(title: string | undefined, lead: string[]): string[] {
  const out: string[] = [];
  for (const span of [title && title !== title.toUpperCase() ? title : '', ...lead]) {
    for (const m of span.matchAll(VESSEL_RE)) {
      const words = (m[1] ?? '').split(' ');
      if (words.some((w) => NOT_VESSELS.has(w)) || gazetteer().has(m[1]!)) continue;
      if (!out.includes(m[1]!)) out.push(m[1]!);
    }
  }
  return out.slice(0, 4);
}

// ---- marks that tell everyday incidents apart: ages and streets ----

const SMALL_NUMBERS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
};
// "a 23-year-old man", "the nine-year-old", "aged 17", "John Doe, 34, of…", "identified as John Doe, 34."
const AGE_RE = /\b(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)[- ](?:years?|yrs?)[- ]old\b|\baged (\d{1,3})\b|\b[\p{Lu}][\p{L}'’-]+ [\p{Lu}][\p{L}'’-]+, (\d{1,3})(?:,|\.(?!\d))/giu;

// what each form of AGE_RE must contain ("…-old", "aged …", "…, 34"): most spans, even with a digit, have none
const AGE_CUE = /old|aged |, \d/i;

// "arrested a 19-year-old", "the suspect, Jane Doe, 23,", "charged 23-year-old": the age right after such words is a suspect's
const SUSPECT_BEFORE = /\b(?:suspects?|gunman|shooter|arrested|charged|charging|booked)(?:,|\s+(?:is|was|as|identified as|named|an?|the))*\s*$/i;
// "a 19-year-old man was arrested", "Jane Doe, 23, turned herself in", "a 30-year-old suspect": the clause says so after it
const SUSPECT_AFTER =
  /^(?:\s+(?:man|woman|male|female|teen|teenager|boy|girl|[\p{Lu}][\p{L}'’.-]+))*[\s,]*(?:(?:suspect|gunman|shooter)\b|(?:(?:was|were|is|has been|had been|who (?:was|is|has been))\s+)?(?:also\s+)?(?:arrested|charged|booked|detained|taken into custody|in custody|turned (?:himself|herself) in|surrendered|wanted|sought|a person of interest|a suspect|accused|indicted)\b)/u;

/** The ages a span gives, each marked when it is a suspect's. */
function agesIn(span: string): Array<{ age: number; suspect: boolean }> {
  const out: Array<{ age: number; suspect: boolean }> = [];
  if (!AGE_CUE.test(span)) return out;
  for (const m of span.matchAll(AGE_RE)) {
    const raw = (m[1] ?? m[2] ?? m[3] ?? '').toLowerCase();
    const age = SMALL_NUMBERS[raw] ?? Number(raw);
    if (!Number.isInteger(age) || age <= 0 || age >= 110) continue;
    const at = m.index ?? 0;
    // "Jane Doe, 23, was arrested": the name-and-age form ends at the comma after the age
    const end = at + m[0].length - (m[3] !== undefined ? 1 : 0);
    const suspect = SUSPECT_BEFORE.test(span.slice(Math.max(0, at - 40), at)) || SUSPECT_AFTER.test(span.slice(end, end + 80));
    out.push({ age, suspect });
  }
  return out;
}

/**
 * Ages of the people the headline and the first paragraphs are about, those given to a suspect marked, and the
 * ages the rest of the report gives.
 */
export function incidentAges(title: string | undefined, early: string[], later: string[] = []): { ages: number[]; suspects: number[]; later: number[] } {
  const ages: number[] = [];
  const seenAsVictim = new Set<number>();
  const suspects = new Set<number>();
  for (const span of [title ?? '', ...early]) {
    for (const { age, suspect } of agesIn(span)) {
      if (!ages.includes(age)) ages.push(age);
      if (suspect) suspects.add(age);
      else seenAsVictim.add(age);
    }
  }
  const kept = ages.slice(0, 8);
  const more: number[] = [];
  for (const span of later) for (const { age } of agesIn(span)) if (!kept.includes(age) && !more.includes(age)) more.push(age);
  // an age given to a suspect and elsewhere to someone else stays a victim's
  return { ages: kept, suspects: kept.filter((a) => suspects.has(a) && !seenAsVictim.has(a)), later: more.slice(0, 12) };
}

// "Place" and "Court" are left out: far more often a venue ("Ultimate Place") or a court of law than a street.
const STREET_KINDS: Record<string, string> = {
  street: 'street', st: 'street', avenue: 'avenue', ave: 'avenue', av: 'avenue', road: 'road', rd: 'road', drive: 'drive',
  dr: 'drive', boulevard: 'boulevard', blvd: 'boulevard', lane: 'lane', ln: 'lane',
  way: 'way', parkway: 'parkway', pkwy: 'parkway', highway: 'highway', hwy: 'highway',
  terrace: 'terrace', ter: 'terrace', circle: 'circle', cir: 'circle', trail: 'trail', pike: 'pike', square: 'square',
};
const STREET_KIND_WORDS = Object.keys(STREET_KINDS).map((k) => k[0]!.toUpperCase() + k.slice(1)).join('|');
const STREET_RE = cuedPattern(String.raw`\s(?:${STREET_KIND_WORDS})\b`, String.raw`\b((?:[\p{Lu}\d][\p{L}\d'’.-]*\s){1,3})(${STREET_KIND_WORDS})\b\.?`);
const ORDINALS: Record<string, string> = Object.fromEntries(
  'first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth'.split(' ').map((w, i) => [w, `${i + 1}${i === 0 ? 'st' : i === 1 ? 'nd' : i === 2 ? 'rd' : 'th'}`]),
);
// A compass word before a street name is written or left out by each outlet ("W. 63rd St." is "63rd Street").
const COMPASS = /^(?:n|s|e|w|ne|nw|se|sw|north|south|east|west|northeast|northwest|southeast|southwest)\.?$/i;
// Words that start a run of capitals but are no part of the street's name ("On Main Street"); "Wall Street" is a market
const NOT_STREET_WORDS = new Set(['the', 'on', 'at', 'in', 'near', 'of', 'and', 'police', 'officers', 'block', 'wall', 'a', 'an']);

/** "19th street", "martin luther king jr boulevard": a street as news writes it, for comparing reports. */
export function streetKey(words: string, kind: string): string | null {
  const parts = words.trim().split(/\s+/).map((w) => w.replace(/[.’']/g, '').toLowerCase()).filter((w) => w.length > 0);
  // a house number ("1802 Seventh Avenue") and a compass word are dropped: outlets give one, the other or neither
  while (parts.length && (NOT_STREET_WORDS.has(parts[0]!) || COMPASS.test(parts[0]!) || /^\d+$/.test(parts[0]!))) parts.shift();
  for (let i = 0; i < parts.length; i++) parts[i] = ORDINALS[parts[i]!] ?? parts[i]!;
  if (parts.length === 0) return null;
  const k = STREET_KINDS[kind.toLowerCase()];
  return k ? `${parts.join(' ')} ${k}` : null;
}

/** Streets the headline and the first paragraphs place the incident on. */
export function incidentStreets(title: string | undefined, early: string[]): string[] {
  const out: string[] = [];
  for (const span of [title ?? '', ...early]) {
    for (const m of cuedMatches(span, STREET_RE)) {
      const key = streetKey(m[1] ?? '', m[2] ?? '');
      if (key && !out.includes(key)) out.push(key);
    }
  }
  return out.slice(0, 6);
}
