import { CATEGORIES, type Category, type Change, type Qualifier } from '../schema';
import type { IncidentSummary, SummaryMeta, Timeline, TimelineAction, TimelineReport } from '../track/read-model';
import { FigureChart } from './chart';
import { ago, CATEGORY_LABEL, formatCount, formatDateTime, formatPublished, isoOf, qualifiedCount, qualifierWord, safeHref } from './format';
import { Layout } from './layout';
import { reportsOf, seriesOf, type ChartPoint, type SeriesByCategory } from './series';

/** An incident is highlighted when its figures changed this recently before the page was generated. */
export const RECENT_MS = 24 * 60 * 60 * 1000;

export interface PageBase {
  nonce: string;
  generatedMs: number;
  signedIn: boolean;
}

export interface CardData {
  key: string;
  meta: SummaryMeta;
  summary: IncidentSummary | null;
  timeline: Timeline | null;
}

export const incidentHref = (key: string) => `/incidents/${encodeURIComponent(key)}`;

type FigureView = { value: number; qualifier: Qualifier };

export function currentFigures(meta: SummaryMeta, summary: IncidentSummary | null): Array<[Category, FigureView]> {
  const out: Array<[Category, FigureView]> = [];
  for (const category of CATEGORIES) {
    const f = summary?.figures[category];
    const m = meta.figures[category];
    if (f) out.push([category, { value: f.value, qualifier: f.qualifier }]);
    else if (m) out.push([category, { value: m[0], qualifier: m[1] }]);
  }
  return out;
}

/** "up from 35" / "down from 40": how the figure moved at the last report that changed it. */
export function movement(points: ChartPoint[] | undefined): string | null {
  if (!points || points.length < 2) return null;
  const prev = points[points.length - 2];
  const last = points[points.length - 1];
  if (!prev || !last || prev.value === last.value) return null;
  return `${last.value > prev.value ? '↑ up' : '↓ down'} from ${qualifiedCount(prev.value, prev.qualifier)}`;
}

function Figures({ figures, series }: { figures: Array<[Category, FigureView]>; series: SeriesByCategory }) {
  if (figures.length === 0) return <p class="meta">No casualty figures reported yet.</p>;
  return (
    <dl class="figures">
      {figures.map(([category, f]) => {
        const word = qualifierWord(f.qualifier);
        return (
          <div>
            <dt>{CATEGORY_LABEL[category]}</dt>
            <dd data-category={category}>
              {word ? <span class="q">{word} </span> : null}
              {formatCount(f.value)}
            </dd>
            {movement(series[category]) ? <dd class="delta">{movement(series[category])}</dd> : null}
          </div>
        );
      })}
    </dl>
  );
}

function Charts({ idBase, title, series }: { idBase: string; title: string; series: SeriesByCategory }) {
  const categories = CATEGORIES.filter((c) => (series[c]?.length ?? 0) > 0);
  if (categories.length === 0) return null;
  return (
    <div class="charts">
      {categories.map((category) => (
        <figure>
          <figcaption>{`${CATEGORY_LABEL[category]} over time`}</figcaption>
          <FigureChart id={`${idBase}-${category}`} category={category} incidentTitle={title} points={series[category] ?? []} />
        </figure>
      ))}
    </div>
  );
}

/** The newest-published current figure's quote: what the latest figure-setting report said. */
function latestQuote(summary: IncidentSummary | null) {
  if (!summary) return null;
  let best: { quote: string; attribution?: string | undefined; outlet: string; url?: string | undefined; published_ms: number } | null = null;
  for (const category of CATEGORIES) {
    const f = summary.figures[category];
    if (f && (!best || f.published_ms > best.published_ms)) best = f;
  }
  return best;
}

export function outletsOf(summary: IncidentSummary | null, timeline: Timeline | null): string[] {
  const seen = new Set<string>();
  for (const r of reportsOf(timeline)) seen.add(r.outlet);
  for (const category of CATEGORIES) for (const o of summary?.figures[category]?.outlets ?? []) seen.add(o);
  return [...seen];
}

function Quote({ summary }: { summary: IncidentSummary | null }) {
  const q = latestQuote(summary);
  if (!q) return null;
  const href = safeHref(q.url);
  return (
    <blockquote>
      <p>{`“${q.quote}”`}</p>
      <footer>
        {q.attribution ? `— ${q.attribution}, via ` : '— '}
        {href ? (
          <a href={href} rel="noopener noreferrer">
            {q.outlet}
          </a>
        ) : (
          q.outlet
        )}
        {`, ${formatPublished(q.published_ms)}`}
      </footer>
    </blockquote>
  );
}

/** Threat figures ("13 revenge scenarios"), which are tracked beside casualties. */
function Threats({ summary }: { summary: IncidentSummary | null }) {
  const threats = Object.values(summary?.threats ?? {});
  if (threats.length === 0) return null;
  return <p class="meta">{`Threats: ${threats.map((t) => `${formatCount(t.value)} ${t.noun}`).join('; ')}`}</p>;
}

function Badges({ recent, summary }: { recent: boolean; summary: IncidentSummary | null }) {
  return (
    <>
      {recent ? <span class="badge updated">updated</span> : null}
      {summary?.muted ? <span class="badge">muted</span> : null}
      {summary?.closed ? <span class="badge">closed</span> : null}
    </>
  );
}

/** Figures, threats, latest quote and outlets beside the charts: the same on a card and on the incident page. */
function IncidentBody(p: { meta: SummaryMeta; summary: IncidentSummary | null; series: SeriesByCategory; outlets: string[]; idBase: string; title: string }) {
  return (
    <div class="body">
      <div class="facts">
        <Figures figures={currentFigures(p.meta, p.summary)} series={p.series} />
        <Threats summary={p.summary} />
        <Quote summary={p.summary} />
        {p.outlets.length > 0 ? <p class="outlets">{`Outlets (${p.outlets.length}): ${p.outlets.join(', ')}`}</p> : null}
      </div>
      <Charts idBase={p.idBase} title={p.title} series={p.series} />
    </div>
  );
}

function metaLine(meta: SummaryMeta, generatedMs: number): string {
  const parts = [meta.type ?? 'incident', meta.places.join(', '), `last report received ${ago(meta.last_received_ms, generatedMs)}`].filter((p) => p.length > 0);
  return parts.join(' · ');
}

function IncidentCard({ data, generatedMs, index }: { data: CardData; generatedMs: number; index: number }) {
  const { key, meta, summary, timeline } = data;
  const recent = generatedMs - meta.last_change_ms <= RECENT_MS;
  const headingId = `inc-${index}`;
  const outlets = outletsOf(summary, timeline);
  const series = seriesOf(timeline, summary);
  return (
    <li>
      <article class={recent ? 'card recent' : 'card'} aria-labelledby={headingId} data-key={key}>
        <h2 id={headingId}>
          <a href={incidentHref(key)}>{meta.title}</a>
        </h2>
        <Badges recent={recent} summary={summary} />
        <p class="meta">
          {metaLine(meta, generatedMs)}
          {recent ? ` · figures changed ${ago(meta.last_change_ms, generatedMs)}` : ''}
        </p>
        <IncidentBody meta={meta} summary={summary} series={series} outlets={outlets} idBase={`c${index}`} title={meta.title} />
      </article>
    </li>
  );
}

export interface DashboardProps extends PageBase {
  cards: CardData[];
  total: number;
  nextHref: string | null;
  firstPage: boolean;
  /** Feeds failing poll after poll: shown above the list so a silent source is never mistaken for a quiet day. */
  failingFeeds?: ReadonlyArray<{ name: string; consecutive_failures: number; last_error: string | null; last_ok: string | null }>;
}

export function DashboardPage(p: DashboardProps) {
  const recentCount = p.cards.filter((c) => p.generatedMs - c.meta.last_change_ms <= RECENT_MS).length;
  return (
    <Layout title="Incidents — tollwatch" nonce={p.nonce} generatedMs={p.generatedMs} signedIn={p.signedIn}>
      <h1>Incidents</h1>
      <p class="lede">
        {`${formatCount(p.total)} ${p.total === 1 ? 'incident' : 'incidents'}, newest activity first.`}
        {recentCount > 0 ? ` ${recentCount} on this page updated in the last 24 hours (marked “updated”).` : ''}
        {' Times are UTC. '}
        <a href="/table">Table view</a>
      </p>
      {p.failingFeeds && p.failingFeeds.length > 0 ? (
        <section class="feed-warning" role="alert" aria-label="Failing feeds">
          <h2>{p.failingFeeds.length === 1 ? 'A feed is failing' : `${p.failingFeeds.length} feeds are failing`}</h2>
          <ul>
            {p.failingFeeds.map((f) => (
              <li>
                <strong>{f.name}</strong>
                {` — ${f.consecutive_failures} polls failed in a row${f.last_error ? ` (last: ${f.last_error})` : ''}; ${f.last_ok ? `last read ${f.last_ok.slice(0, 16).replace('T', ' ')} UTC` : 'never read'}.`}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {p.cards.length === 0 ? (
        <p class="empty">No incidents yet. Articles sent to the webhook appear here once a figure is tracked.</p>
      ) : (
        <ol class="incidents">
          {p.cards.map((data, i) => (
            <IncidentCard data={data} generatedMs={p.generatedMs} index={i} />
          ))}
        </ol>
      )}
      {p.nextHref || !p.firstPage ? (
        <nav class="pager" aria-label="Pages">
          {!p.firstPage ? <a href="/">Newest incidents</a> : null}
          {p.nextHref ? <a href={p.nextHref}>Older incidents →</a> : null}
        </nav>
      ) : null}
    </Layout>
  );
}

// ---- incident page -------------------------------------------------------------------------------------

function changeWords(change: Change): string {
  if (change.change === 'new' || change.from === null) return 'first figure';
  const from = qualifiedCount(change.from.value, change.from.qualifier);
  if (change.change === 'up') return `up from ${from}`;
  if (change.change === 'down') return `down from ${from}`;
  return `was ${from}`;
}

/** The alert's headline line, with the whole message (quote, source, link) one click away — no script needed. */
function AlertCell({ text, id }: { text: string | null; id: string | null }) {
  if (!text) return <span class="small">no alert</span>;
  const [headline = '', ...rest] = text.split('\n');
  return (
    <div class="alert" title={id ? `alert ${id}` : undefined}>
      <p>{headline}</p>
      {rest.some((l) => l.trim().length > 0) ? (
        <details>
          <summary>Full alert</summary>
          <pre>{text}</pre>
        </details>
      ) : null}
    </div>
  );
}

function ReportRow({ report }: { report: TimelineReport }) {
  const href = safeHref(report.url);
  const changes = new Map(report.changes.filter((c) => c.kind === 'casualty').map((c) => [c.category, c]));
  const figures = CATEGORIES.filter((c) => report.casualties[c]);
  const quotes = [...new Set([...figures.map((c) => report.casualties[c]?.quote ?? ''), ...report.threats.map((t) => t.quote)].filter((q) => q.length > 0))];
  const attributions = [...new Set(figures.map((c) => report.casualties[c]?.attribution ?? '').filter((a) => a.length > 0))];
  return (
    <tr>
      <td data-label="Time">
        <time datetime={isoOf(report.published_ms)}>{formatPublished(report.published_ms)}</time>
        <div class="small">{`received ${formatDateTime(report.received_ms)}`}</div>
      </td>
      <td data-label="Outlet">
        {href ? (
          <a href={href} rel="noopener noreferrer">
            {report.outlet}
          </a>
        ) : (
          report.outlet
        )}
        {report.title ? <div class="small">{report.title}</div> : null}
      </td>
      <td data-label="Figures">
        {figures.length === 0 && report.threats.length === 0 ? (
          <span class="small">no figures</span>
        ) : (
          <ul>
            {figures.map((category) => {
              const f = report.casualties[category];
              const change = changes.get(category);
              return f ? (
                <li>
                  {`${CATEGORY_LABEL[category]}: ${qualifiedCount(f.value, f.qualifier)}`}
                  {change ? <span class="change">{` (${changeWords(change)})`}</span> : null}
                </li>
              ) : null;
            })}
            {report.threats.map((t) => (
              <li>{`Threat: ${formatCount(t.value)} ${t.noun}`}</li>
            ))}
          </ul>
        )}
      </td>
      <td data-label="Quote" class="quote">
        {quotes.length === 0 ? <span class="small">—</span> : quotes.map((q) => <p>{`“${q}”`}</p>)}
        {attributions.length > 0 ? <div class="small">{`attributed to ${attributions.join('; ')}`}</div> : null}
      </td>
      <td data-label="Alert">
        <AlertCell text={report.alert} id={report.alert_id} />
      </td>
    </tr>
  );
}

function ActionRow({ action }: { action: TimelineAction }) {
  return (
    <tr>
      <td data-label="Time">
        <time datetime={isoOf(action.at_ms)}>{formatDateTime(action.at_ms)}</time>
      </td>
      <td data-label="Outlet">
        <strong>{`Action: ${action.action}`}</strong>
      </td>
      <td data-label="Figures" colspan={3}>
        {action.detail}
      </td>
    </tr>
  );
}

/** Reports in arrival order with actions interleaved by time. */
export function orderedEntries(timeline: Timeline | null) {
  const entries = [...(timeline?.entries ?? [])];
  const at = (e: (typeof entries)[number]) => (e.kind === 'report' ? e.received_ms : e.at_ms);
  return entries.map((e, i) => ({ e, i })).sort((a, b) => at(a.e) - at(b.e) || a.i - b.i).map(({ e }) => e);
}

export interface IncidentPageProps extends PageBase {
  summary: IncidentSummary;
  timeline: Timeline | null;
}

export function IncidentPage(p: IncidentPageProps) {
  const { summary, timeline } = p;
  const recent = p.generatedMs - summary.last_change_ms <= RECENT_MS;
  const meta: SummaryMeta = {
    v: 1,
    title: summary.title,
    type: summary.type,
    places: summary.places,
    figures: {},
    last_received_ms: summary.last_received_ms,
    last_change_ms: summary.last_change_ms,
    muted: summary.muted,
    closed: summary.closed,
  };
  const entries = orderedEntries(timeline);
  const outlets = outletsOf(summary, timeline);
  const series = seriesOf(timeline, summary);
  return (
    <Layout title={`${summary.title} — tollwatch`} nonce={p.nonce} generatedMs={p.generatedMs} signedIn={p.signedIn}>
      <p class="small">
        <a href="/">← All incidents</a>
      </p>
      <article class={recent ? 'card recent' : 'card'} aria-labelledby="incident-title">
        <h1 id="incident-title" class="inline">
          {summary.title}
        </h1>
        <Badges recent={recent} summary={summary} />
        <p class="meta">
          {metaLine(meta, p.generatedMs)}
          {` · ${summary.report_count} ${summary.report_count === 1 ? 'report' : 'reports'}`}
        </p>
        <IncidentBody meta={meta} summary={summary} series={series} outlets={outlets} idBase="c" title={summary.title} />
      </article>
      <h2>Timeline</h2>
      <table class="timeline">
        <caption>{`Every report and action for ${summary.title}, in order of arrival. Times are UTC.`}</caption>
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Outlet</th>
            <th scope="col">Figures</th>
            <th scope="col">Quote</th>
            <th scope="col">Alert</th>
          </tr>
        </thead>
        <tbody>{entries.map((e) => (e.kind === 'report' ? <ReportRow report={e} /> : <ActionRow action={e} />))}</tbody>
      </table>
    </Layout>
  );
}

// ---- login and errors ----------------------------------------------------------------------------------

export interface LoginProps extends PageBase {
  error?: string | undefined;
  next: string;
  isPublic: boolean;
}

export function LoginPage(p: LoginProps) {
  return (
    <Layout title="Sign in — tollwatch" nonce={p.nonce} generatedMs={p.generatedMs} signedIn={p.signedIn}>
      <h1>Sign in</h1>
      <p class="lede">
        {p.isPublic ? 'This dashboard is public; no token is needed. ' : ''}
        Enter the read token once; this browser keeps it in a secure cookie for 12 hours.
      </p>
      <form class="login" method="post" action="/login">
        {p.error ? (
          <p class="error" role="alert">
            {p.error}
          </p>
        ) : null}
        <label for="token">Read token</label>
        <input id="token" name="token" type="password" autocomplete="current-password" required />
        <input type="hidden" name="next" value={p.next} />
        <button class="primary" type="submit">
          Sign in
        </button>
      </form>
    </Layout>
  );
}

export function MessagePage(p: PageBase & { title: string; message: string }) {
  return (
    <Layout title={`${p.title} — tollwatch`} nonce={p.nonce} generatedMs={p.generatedMs} signedIn={p.signedIn}>
      <h1>{p.title}</h1>
      <p class="lede">{p.message}</p>
      <p>
        <a href="/">← All incidents</a>
      </p>
    </Layout>
  );
}
