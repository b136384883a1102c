/** The dense incident table (GET /table): one row per incident, filtered by type, country, change date and text, sortable. */
import * as z from 'zod';
import { lazy } from '../lib/lazy';
import { CATEGORIES, type Category } from '../schema';
import type { ListedIncident } from '../track/read-model';
import { CATEGORY_LABEL, formatCount, formatDateTime, isoOf, qualifierWord } from './format';
import { Layout } from './layout';
import { currentFigures, incidentHref, movement, outletsOf, type CardData, type PageBase } from './pages';
import { seriesOf } from './series';

/** At most this many rows are rendered; each costs two KV reads, and a desk narrows the filters instead. */
export const TABLE_MAX_ROWS = 100;

const SORTS = ['recent', 'toll', 'title'] as const;
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** The filter form's query string; blank fields mean "any". */
export const TableQuery = lazy(() =>
  z.object({
    type: z.preprocess(blankToUndefined, z.string().trim().max(100).optional()),
    country: z.preprocess(blankToUndefined, z.string().trim().max(200).optional()),
    since: z.preprocess(blankToUndefined, z.iso.date({ error: 'since must be a date, YYYY-MM-DD' }).optional()),
    q: z.preprocess(blankToUndefined, z.string().trim().max(200).optional()),
    sort: z.preprocess(blankToUndefined, z.enum(SORTS).default('recent')),
  }),
);
export type TableQuery = z.infer<typeof TableQuery>;

/** Places are stored most specific first, so the last one is the country (or the widest place known). */
export const countryOf = (places: readonly string[]): string | null => places.at(-1) ?? null;

const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

/** The incidents the filters let through, in the chosen order. Pure: the route reads KV, this decides. */
export function filterIncidents(all: readonly ListedIncident[], query: TableQuery): ListedIncident[] {
  const sinceMs = query.since ? Date.parse(`${query.since}T00:00:00Z`) : null;
  const needle = query.q ? fold(query.q) : null;
  const kept = all.filter(({ key, meta }) => {
    if (query.type && fold(meta.type ?? '') !== fold(query.type)) return false;
    if (query.country && fold(countryOf(meta.places) ?? '') !== fold(query.country)) return false;
    if (sinceMs !== null && meta.last_change_ms < sinceMs) return false;
    if (needle && !fold([meta.title, key, ...meta.places].join(' ')).includes(needle)) return false;
    return true;
  });
  const killed = (i: ListedIncident) => i.meta.figures.killed?.[0] ?? -1;
  const order: Record<TableQuery['sort'], (a: ListedIncident, b: ListedIncident) => number> = {
    recent: (a, b) => b.meta.last_change_ms - a.meta.last_change_ms || a.key.localeCompare(b.key),
    toll: (a, b) => killed(b) - killed(a) || b.meta.last_change_ms - a.meta.last_change_ms || a.key.localeCompare(b.key),
    title: (a, b) => a.meta.title.localeCompare(b.meta.title) || a.key.localeCompare(b.key),
  };
  return kept.sort(order[query.sort]);
}

/** The choices the form offers: every type and country among all incidents, alphabetically. */
export function filterChoices(all: readonly ListedIncident[]): { types: string[]; countries: string[] } {
  const types = new Set<string>();
  const countries = new Set<string>();
  for (const { meta } of all) {
    if (meta.type) types.add(meta.type);
    const country = countryOf(meta.places);
    if (country) countries.add(country);
  }
  const sorted = (s: Set<string>) => [...s].sort((a, b) => a.localeCompare(b));
  return { types: sorted(types), countries: sorted(countries) };
}

export interface TableProps extends PageBase {
  rows: CardData[];
  matched: number;
  total: number;
  query: TableQuery;
  choices: { types: string[]; countries: string[] };
  error?: string;
}

function Select({ name, label, value, options }: { name: string; label: string; value: string | undefined; options: string[] }) {
  return (
    <label>
      {label}
      <select name={name}>
        <option value="">any</option>
        {options.map((o) => (
          <option value={o} selected={o === value}>
            {o}
          </option>
        ))}
      </select>
    </label>
  );
}

function FilterForm({ query, choices }: Pick<TableProps, 'query' | 'choices'>) {
  return (
    <form class="filters" method="get" action="/table" role="search" aria-label="Filter incidents">
      <Select name="type" label="Type" value={query.type} options={choices.types} />
      <Select name="country" label="Country" value={query.country} options={choices.countries} />
      <label>
        Changed since
        <input type="date" name="since" value={query.since ?? ''} />
      </label>
      <label>
        Search
        <input type="search" name="q" value={query.q ?? ''} placeholder="title or place" />
      </label>
      <label>
        Sort
        <select name="sort">
          {(
            [
              ['recent', 'latest change first'],
              ['toll', 'most killed first'],
              ['title', 'title A–Z'],
            ] as const
          ).map(([v, text]) => (
            <option value={v} selected={v === query.sort}>
              {text}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" class="primary">
        Filter
      </button>
      <a href="/table">Clear</a>
    </form>
  );
}

function Row({ data, categories }: { data: CardData; categories: Category[] }) {
  const { key, meta, summary, timeline } = data;
  const figures = new Map(currentFigures(meta, summary));
  const series = seriesOf(timeline, summary);
  const outlets = outletsOf(summary, timeline);
  return (
    <tr data-key={key}>
      <th scope="row">
        <a href={incidentHref(key)}>{meta.title}</a>
      </th>
      <td>{meta.places.join(', ')}</td>
      <td>{meta.type ?? '—'}</td>
      {categories.map((category) => {
        const f = figures.get(category);
        const moved = movement(series[category]);
        return (
          <td class="num" data-category={category}>
            {f ? (
              <>
                <span class="v">
                  {qualifierWord(f.qualifier) ? `${qualifierWord(f.qualifier)} ` : ''}
                  {formatCount(f.value)}
                </span>
                {moved ? <span class="mv">{moved}</span> : null}
              </>
            ) : (
              '—'
            )}
          </td>
        );
      })}
      <td>
        <time datetime={isoOf(meta.last_received_ms)}>{formatDateTime(meta.last_received_ms)}</time>
      </td>
      <td class="sources">{outlets.length > 0 ? `${outlets.length}: ${outlets.join(', ')}` : '—'}</td>
    </tr>
  );
}

export function TablePage(p: TableProps) {
  // Only the categories some row has: six empty columns would push the table off a phone for nothing.
  const categories = CATEGORIES.filter((c) => p.rows.some((r) => r.meta.figures[c] || r.summary?.figures[c]));
  const shown = p.rows.length;
  return (
    <Layout title="Incident table — tollwatch" nonce={p.nonce} generatedMs={p.generatedMs} signedIn={p.signedIn}>
      <h1>Incident table</h1>
      <p class="lede">
        {`${formatCount(p.matched)} of ${formatCount(p.total)} incidents match`}
        {shown < p.matched ? `; the first ${formatCount(shown)} are shown, narrow the filters for the rest` : ''}
        {'. Times are UTC. '}
        <a href="/">Cards view</a>
      </p>
      <FilterForm query={p.query} choices={p.choices} />
      {p.error ? (
        <p class="empty" role="alert">
          {p.error}
        </p>
      ) : shown === 0 ? (
        <p class="empty">No incident matches these filters.</p>
      ) : (
        <div class="table-wrap" role="region" aria-label="Incidents" tabindex={0}>
          <table class="dense">
            <thead>
              <tr>
                <th scope="col">Incident</th>
                <th scope="col">Place</th>
                <th scope="col">Type</th>
                {categories.map((c) => (
                  <th scope="col" class="num">
                    {CATEGORY_LABEL[c]}
                  </th>
                ))}
                <th scope="col">Last report</th>
                <th scope="col">Sources</th>
              </tr>
            </thead>
            <tbody>
              {p.rows.map((data) => (
                <Row data={data} categories={categories} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}
