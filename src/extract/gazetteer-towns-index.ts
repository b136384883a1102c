// GeoNames towns and US counties, looked up by binary search straight in the generated sorted texts: nothing is
// split or indexed, so neither start-up nor the first report that names a town pays to read 3 MB of table.
import { COUNTIES, COUNTRIES, DIVISIONS, TOWNS } from './gazetteer-towns';

/**
 * What ends each line of the generated tables: "|", which no name has, rather than a newline. A table with
 * newlines is bundled as a template literal, which V8 compiles about half as fast as a plain string of the same
 * text (~50 vs ~25 ms for the town table in Node 20); with "|" and raw tabs the bundler writes a plain string.
 */
export const LINE_END = '|';

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

/**
 * The value of `key` in `text`, lines of `key\tvalue` (separated by LINE_END) sorted by key in UTF-16 code-unit order (as
 * scripts/build-gazetteer.ts writes them). Bisects character offsets and widens each probe to its whole line,
 * so a lookup reads about log2(lines) short lines. Splitting the 3 MB town text once instead cost tens of
 * milliseconds of CPU inside the first request that named a town (bench/invocations.ts).
 */
export function sortedLookup(text: string, key: string): string | undefined {
  let lo = 0; // always the start of a line
  let hi = text.length; // lines starting before hi are still candidates
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const start = text.lastIndexOf(LINE_END, mid - 1) + 1;
    const lineStart = start < lo ? lo : start;
    let end = text.indexOf(LINE_END, lineStart);
    if (end < 0) end = text.length;
    const tab = text.indexOf('\t', lineStart);
    const lineKey = text.slice(lineStart, tab < 0 || tab > end ? end : tab);
    if (lineKey === key) return tab < 0 || tab > end ? '' : text.slice(tab + 1, end);
    if (lineKey < key) lo = end + 1;
    else hi = lineStart;
  }
  return undefined;
}

/**
 * Names looked up lately, with their towns: a report names the same few places many times over, so each binary
 * search and decode is done once per name while it stays in use (bounded, so an isolate's memory stays flat).
 */
const recent = new Map<string, readonly Town[]>();
const RECENT_MAX = 2048;

/** Every GeoNames town spelled exactly so (case-sensitive), most populous first. */
export function townsNamed(name: string): readonly Town[] {
  if (name.length < 3) return [];
  let towns = recent.get(name);
  if (towns === undefined) {
    const entries = sortedLookup(TOWNS, name);
    towns = entries === undefined ? [] : decode(name, entries);
    if (recent.size >= RECENT_MAX) recent.clear();
    recent.set(name, towns);
  }
  return towns;
}

function decode(name: string, entries: string): Town[] {
  const out: Town[] = [];
  for (const e of entries.split(';')) {
    const [cc, a1, pop, a2] = e.split('.') as [string, string, string, string | undefined];
    const county = a2 ? sortedLookup(COUNTIES, `${cc}.${a1}.${a2}`) : undefined;
    out.push({
      name,
      country: sortedLookup(COUNTRIES, cc) ?? cc,
      division: sortedLookup(DIVISIONS, `${cc}.${a1}`) ?? '',
      population: parseInt(pop, 36),
      ...(county ? { county } : {}),
    });
  }
  return out.sort((a, b) => b.population - a.population);
}

/** US counties (and parishes) of this name ("Tarrant County"), with their states: one indexOf pass over 3,143 lines. */
export function countiesNamed(name: string): Array<{ name: string; division: string }> {
  const out: Array<{ name: string; division: string }> = [];
  const needle = `\t${name}`;
  for (let at = COUNTIES.indexOf(needle); at >= 0; at = COUNTIES.indexOf(needle, at + 1)) {
    const after = at + needle.length;
    if (after < COUNTIES.length && COUNTIES[after] !== LINE_END) continue;
    const code = COUNTIES.slice(COUNTIES.lastIndexOf(LINE_END, at) + 1, at);
    out.push({ name, division: sortedLookup(DIVISIONS, code.split('.').slice(0, 2).join('.')) ?? '' });
  }
  return out;
}
