// GeoNames towns and US counties, read from the generated tables on first use (never at module start): one split
// of the sorted town lines, then lookups by binary search, so a cold isolate pays only when a report names a town.
import { COUNTIES, COUNTRIES, DIVISIONS, TOWNS } from './gazetteer-towns';

export interface Town {
  name: string;
  /** Country name as the core gazetteer spells it ("United States", "Ivory Coast"). */
  country: string;
  /** First-level division as GeoNames names it ("Texas", "Kaduna State"). */
  division: string;
  population: number;
  /** Second-level division (a US county), where GeoNames gives one. */
  county?: string;
}

interface Tables {
  lines: string[];
  countries: Map<string, string>;
  divisions: Map<string, string>;
  counties: Map<string, string>;
  countiesByName?: Map<string, Array<{ name: string; division: string }>>;
}
let TABLES: Tables | undefined;

const pairs = (text: string) => new Map(text.split('\n').map((l) => l.split('\t') as [string, string]));

function tables(): Tables {
  TABLES ??= { lines: TOWNS.split('\n'), countries: pairs(COUNTRIES), divisions: pairs(DIVISIONS), counties: pairs(COUNTIES) };
  return TABLES;
}

/** Every GeoNames town spelled exactly so (case-sensitive), most populous first. */
export function townsNamed(name: string): Town[] {
  if (name.length < 3) return [];
  const t = tables();
  let lo = 0;
  let hi = t.lines.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const line = t.lines[mid]!;
    const tab = line.indexOf('\t');
    const key = line.slice(0, tab);
    if (key === name) return decode(name, line.slice(tab + 1), t);
    if (key < name) lo = mid + 1;
    else hi = mid - 1;
  }
  return [];
}

function decode(name: string, entries: string, t: Tables): Town[] {
  const out: Town[] = [];
  for (const e of entries.split(';')) {
    const [cc, a1, pop, a2] = e.split('.') as [string, string, string, string | undefined];
    const county = a2 ? t.counties.get(`${cc}.${a1}.${a2}`) : undefined;
    out.push({
      name,
      country: t.countries.get(cc) ?? cc,
      division: t.divisions.get(`${cc}.${a1}`) ?? '',
      population: parseInt(pop, 36),
      ...(county ? { county } : {}),
    });
  }
  return out.sort((a, b) => b.population - a.population);
}

/** US counties (and parishes) of this name ("Tarrant County"), with their states. */
export function countiesNamed(name: string): Array<{ name: string; division: string }> {
  const t = tables();
  if (!t.countiesByName) {
    const m = new Map<string, Array<{ name: string; division: string }>>();
    for (const [code, county] of t.counties) {
      const division = t.divisions.get(code.split('.').slice(0, 2).join('.')) ?? '';
      const list = m.get(county) ?? [];
      list.push({ name: county, division });
      m.set(county, list);
    }
    t.countiesByName = m;
  }
  return t.countiesByName.get(name) ?? [];
}
