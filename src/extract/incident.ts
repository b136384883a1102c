// Incident hints for grouping reports: the main incident's type, where it happened, the
// proper names that recur, and the dateline. The headline and lead decide; later
// paragraphs (history, reactions) only break ties.
import type { IncidentHints } from '../schema';
import { gazetteer, maxPlaceWords, type Place } from './gazetteer';
import { MONTHS, WEEKDAYS } from './lexicon';
import type { Sentence } from './sentences';

// Ordered: the first matching stem in a span wins within that span; specific before generic.
const TYPE_RULES: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b(stampede|crush)\b/i, 'stampede'],
  [/\b(earthquakes?|quakes?|tremors?|aftershocks?)\b/i, 'earthquake'],
  [/\btsunami\b/i, 'tsunami'],
  [/\b(air ?strikes?|airstrikes?|air raids?)\b/i, 'air strike'],
  [/\b(missiles?|ballistic)\b/i, 'missile attack'],
  [/\b(rockets?)\b/i, 'rocket attack'],
  [/\b(drones?|uavs?)\b/i, 'drone attack'],
  [/\b(car bomb|bombings?|bomb blast|suicide bomber|bombed|bomb|ied)\b/i, 'bombing'],
  [/\b(shootings?|gunm[ae]n|shot dead|gunfire|rampage|opened fire)\b/i, 'shooting'],
  [/\b(kidnapp?(ed|ing|ings)?|abduct(ed|ion|ions|s)?|hostages?|seized)\b/i, 'kidnapping'],
  [/\b(hurricane|typhoon|cyclone)\b/i, 'hurricane'],
  [/\b(wildfires?|bushfires?|forest fires?)\b/i, 'wildfire'],
  [/\b(floods?|flooding|floodwaters?|flash floods?)\b/i, 'flood'],
  [/\b(avalanches?)\b/i, 'avalanche'],
  [/\b(landslides?|mudslides?|mud slips?)\b/i, 'landslide'],
  [/\b(storms?|hailstorms?|tornado(es)?|twisters?|blizzards?)\b/i, 'storm'],
  [/\b(explosions?|blasts?|exploded|explosive)\b/i, 'explosion'],
  [/\b(crash(ed|es)?|derail(ed|ment)|collided|collision)\b/i, 'crash'],
  [/\b(capsized|sank|sinking|shipwreck|ferry disaster)\b/i, 'shipwreck'],
  [/\b(collapsed?|collapses|caved in|rock ?fall)\b/i, 'collapse'],
  [/\b(riots?|rioters|rioting|unrest)\b/i, 'riot'],
  [/\b(protests?|protesters|demonstrat(ions?|ors))\b/i, 'protest'],
  [/\b(troops massed|build-?up|massed|massing|amass(ed|ing)?|gathering a force|\d{1,3}(?:,\d{3})* (?:combat-ready )?troops)\b/i, 'military build-up'],
  [/\b(fires?|blaze|inferno)\b/i, 'fire'],
  [/\b(attacks?|assault|raid|stormed)\b/i, 'attack'],
];

function typeScores(full: string, weight: number, scores: Map<string, number>): void {
  // A lead longer than this is not prose; bounding it keeps every rule linear.
  const text = full.length > 1500 ? full.slice(0, 1500) : full;
  for (const [re, type] of TYPE_RULES) {
    const m = re.exec(text);
    if (m) scores.set(type, (scores.get(type) ?? 0) + weight * (1 + 0.001 * (1000 - Math.min(999, m.index))));
  }
}

// Generic types lose to a specific type present in the same span ("bomb blast" is a bombing,
// "a fire after the quake" is an earthquake).
const GENERIC: Record<string, string[]> = {
  explosion: ['bombing'],
  fire: ['explosion', 'bombing', 'wildfire', 'earthquake', 'crash', 'riot', 'protest'],
  attack: ['bombing', 'shooting', 'missile attack', 'drone attack', 'rocket attack', 'air strike', 'kidnapping'],
  collapse: ['earthquake', 'landslide', 'avalanche', 'flood', 'explosion'],
  protest: ['riot'],
  storm: ['hurricane'],
  flood: ['hurricane'],
  riot: [],
};

export function incidentType(title: string | undefined, lead: string[], figureQuotes: string[] = [], mainCategory?: string): string | null {
  const scores = new Map<string, number>();
  if (title) typeScores(title, 3, scores);
  lead.forEach((s, i) => typeScores(s, i === 0 ? 2 : 1, scores));
  for (const q of figureQuotes) typeScores(q, 0.5, scores);
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

const MENTION_CACHE = new Map<string, Array<{ place: Place; at: number }>>();

function placeMentions(text: string): Array<{ place: Place; at: number }> {
  const hit = MENTION_CACHE.get(text);
  if (hit) return hit;
  const r = placeMentionsRaw(text);
  // bounded memo: the same sentence is scanned as lead, figure quote and body
  if (MENTION_CACHE.size > 500) MENTION_CACHE.clear();
  MENTION_CACHE.set(text, r);
  return r;
}

function placeMentionsRaw(text: string): Array<{ place: Place; at: number }> {
  const g = gazetteer();
  const maxW = maxPlaceWords();
  const out: Array<{ place: Place; at: number }> = [];
  for (const m of text.matchAll(CAP_SEQ)) {
    const words = m[0].replace(/['’]s$/, '').replace(/[.]$/, (d) => (/\b[A-Z]\.[A-Z]$/.test(m[0].slice(0, -1)) ? d : '')).split(' ');
    // longest gazetteer match at each word position
    for (let i = 0; i < words.length; ) {
      let hit: Place | undefined;
      let len = 0;
      for (let n = Math.min(maxW, words.length - i); n >= 1; n--) {
        const key = words.slice(i, i + n).join(' ').replace(/['’]s$/, '');
        const p = g.get(key) ?? g.get(key.replace(/\.$/, ''));
        if (p) {
          hit = p;
          len = n;
          break;
        }
      }
      if (hit) {
        out.push({ place: hit, at: (m.index ?? 0) });
        i += len;
      } else i++;
    }
  }
  return out;
}

// "the town of Kerman", "in the village of Sargazan": unlisted places named as places
const NAMED_PLACE = /\b(?:town|city|village|district|province|region|port|county|state) of ([\p{Lu}][\p{L}\p{M}-]+(?: [\p{Lu}][\p{L}\p{M}-]+)?)/gu;
// "in Chibok, Borno State", "in Uvalde, Texas": a name placed by the region that follows it.
const PLACED_NAME = /\bin ([\p{Lu}][\p{L}\p{M}-]+(?: [\p{Lu}][\p{L}\p{M}-]+)?), ([\p{Lu}][\p{L}\p{M}-]+(?: [\p{Lu}][\p{L}\p{M}-]+)?)/gu;
// "the Surfside condominium collapse", "the Hathras stampede": a name that labels the incident itself.
const INCIDENT_LABEL = /\b([\p{Lu}][\p{L}\p{M}]+) (?:[a-z]+ ){0,2}?(?:stampede|collapse|earthquake|quake|fire|wildfire|blast|explosion|shooting|massacre|bombing|crash|floods?|landslide|disaster|tragedy|kidnapping|abduction|attack|siege|riots?)\b/gu;
const NOT_PLACES = new Set([
  'The', 'A', 'An', 'This', 'That', 'Its', 'Their', 'His', 'Her', 'Our', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday',
  'Saturday', 'Sunday', 'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December', 'Police', 'Officials', 'Deadly', 'Fatal', 'Massive', 'Huge', 'Major', 'Latest', 'Mass', 'School',
  'Building', 'Bus', 'Train', 'Plane', 'Ferry', 'Mine', 'Factory', 'Terror', 'Suicide', 'Car', 'Gas', 'Boat', 'Air',
]);
const REGION_WORD = /^(?:[\p{Lu}][\p{L}\p{M}-]+ )?(?:State|Province|County|District|Region|Prefecture|Governorate|Oblast)$/u;

/** Place names the gazetteer does not know, found by how news writing introduces them. */
function unlistedPlaces(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(PLACED_NAME)) {
    const [, name, region] = m;
    if (!name || !region || NOT_PLACES.has(name)) continue;
    if (gazetteer().has(region) || REGION_WORD.test(region)) out.push(name);
  }
  for (const m of text.matchAll(INCIDENT_LABEL)) {
    const name = m[1];
    if (name && !NOT_PLACES.has(name) && m.index !== undefined && !isSentenceStart(text, m.index)) out.push(name);
  }
  return out;
}

function isSentenceStart(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 2), at);
  return at === 0 || /[.!?"“]\s?$/.test(before);
}

export function incidentPlaces(title: string | undefined, sentences: Sentence[], figureQuotes: string[], dateline?: string): string[] {
  const body = sentences.filter((s) => s.idx >= 0);
  const leadParas = body.filter((s) => s.para === 0).map((s) => s.text);
  const firstTwo = body.filter((s) => s.para <= 1).map((s) => s.text);
  const score = new Map<string, { place: Place; score: number; first: number }>();
  const add = (p: Place, w: number, pos: number) => {
    const e = score.get(p.name);
    if (e) {
      e.score += w;
      e.first = Math.min(e.first, pos);
    } else score.set(p.name, { place: p, score: w, first: pos });
  };
  let pos = 0;
  const spans: Array<[string, number]> = [];
  if (title) spans.push([title, 3]);
  for (const s of leadParas) spans.push([s, 2]);
  for (const q of figureQuotes) spans.push([q, 1.5]);
  for (const [text, w] of spans) {
    for (const m of placeMentions(text)) add(m.place, w, pos + m.at);
    pos += 10_000;
  }
  // unlisted named places in the first two paragraphs
  const extra: string[] = [];
  for (const s of [title ?? '', ...firstTwo]) {
    for (const m of s.matchAll(NAMED_PLACE)) if (m[1] && !extra.includes(m[1])) extra.push(m[1]);
    for (const name of unlistedPlaces(s)) if (!extra.includes(name)) extra.push(name);
  }
  // cities and states elsewhere in the text that belong to a chosen country
  const counts = new Map<string, { place: Place; n: number; early: boolean }>();
  for (const s of body) {
    for (const m of placeMentions(s.text)) {
      if (m.place.kind === 'country') continue;
      const e = counts.get(m.place.name) ?? { place: m.place, n: 0, early: false };
      e.n++;
      if (s.para <= 1) e.early = true;
      counts.set(m.place.name, e);
    }
  }
  const chosenCountries = new Set([...score.values()].filter((e) => e.place.kind === 'country').map((e) => e.place.name));
  for (const e of counts.values()) {
    if (score.has(e.place.name)) continue;
    const parent = e.place.parent;
    if (parent && chosenCountries.has(parent) && e.n >= 2 && e.early) add(e.place, 1, 1e9);
  }
  for (const x of extra) {
    const p = gazetteer().get(x);
    if (p) {
      if (!score.has(p.name)) add(p, 1, 1e9);
    } else if (!score.has(x)) score.set(x, { place: { name: x, kind: 'city' }, score: 1, first: 1e9 });
  }
  if (score.size === 0 && dateline) {
    const d = dateline.split(',')[0]?.trim();
    if (d) {
      const name = d.length > 3 && d === d.toUpperCase() ? d.charAt(0) + d.slice(1).toLowerCase() : d;
      const p = gazetteer().get(name);
      score.set(p?.name ?? name, { place: p ?? { name, kind: 'city' }, score: 0.5, first: 0 });
    }
  }
  const ranked = [...score.values()].sort((a, b) => b.score - a.score || a.first - b.first).slice(0, 5);
  // city before its state/country: emit each place after its children that are also listed
  const names = ranked.map((r) => r.place.name);
  const out: string[] = [];
  const emit = (r: { place: Place }) => {
    if (out.includes(r.place.name)) return;
    for (const c of ranked) if (c.place.parent === r.place.name && !out.includes(c.place.name)) emit(c);
    out.push(r.place.name);
  };
  for (const r of ranked) {
    // a child of a listed parent is emitted with it
    if (r.place.parent && names.includes(r.place.parent)) continue;
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

// ---- names ----

const NOT_NAMES = new Set(
  ('The A An In On At For And But Or Of To By With From After Before During As It He She They We His Her Their Its This That These ' +
    'Those There Here When While Where What Who Why How Officials Police Authorities Reuters AP AFP Monday Tuesday Wednesday Thursday ' +
    'Friday Saturday Sunday January February March April May June July August September October November December Mr Mrs Ms Dr ' +
    'Some Many More Most About According Since Still Yet Even Also However Meanwhile Speaking Asked Earlier Later Today Yesterday ' +
    'One Two Three Four Five Six Seven Eight Nine Ten Officially President Minister Governor Mayor Chief Gov Sen Rep State TV If Once GMT UTC').split(' '),
);

export function incidentNames(title: string | undefined, sentences: Sentence[]): string[] {
  const g = gazetteer();
  const counts = new Map<string, { n: number; first: number; lead: boolean }>();
  const spans = [...(title ? [{ text: title, lead: true }] : []), ...sentences.filter((s) => s.idx >= 0).map((s) => ({ text: s.text, lead: s.para <= 1 }))];
  let order = 0;
  for (const sp of spans) {
    // all-caps and Title Case headlines carry no case information
    if (sp.text === sp.text.toUpperCase()) continue;
    if (sp === spans[0] && title) {
      const ws = title.split(/\s+/).filter((w) => /^\p{L}/u.test(w) && w.length > 3);
      if (ws.length && ws.filter((w) => /^\p{Lu}/u.test(w)).length / ws.length > 0.6) continue;
    }
    for (const m of sp.text.matchAll(CAP_SEQ)) {
      let words = m[0].replace(/['’]s$/, '').replace(/[.,-]+$/, '').split(' ');
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
  return [...counts.entries()]
    .filter(([, e]) => e.n >= 2 || e.lead)
    .sort((a, b) => b[1].n - a[1].n || a[1].first - b[1].first)
    .slice(0, 6)
    .map(([k]) => k);
}

// "PEKING, March 12 -", "KAHULUI, Hawaii (Reuters) -", "MIAMI (CBSMiami) –", "Beirut — ", "Hathras: "
const DATELINE_RE = /^([\p{Lu}][\p{Lu}\p{L} .'’-]{1,40}?(?:, [\p{L}. ]{2,30}?)?)(?:,? (?:\p{Lu}[a-z]{2,8}\.? \d{1,2}))? ?(?:\([^)]{1,40}\))? ?[-–—:] /u;

export function datelineOf(text: string): string | undefined {
  const m = DATELINE_RE.exec(text.slice(0, 120));
  if (!m || !m[1]) return undefined;
  const d = m[1].trim().replace(/,$/, '');
  // "Officially", "Police" etc. would not be followed by a dash; still reject long lower-case runs
  if (d.split(' ').length > 6) return undefined;
  return d;
}
