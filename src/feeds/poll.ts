// The scheduled feed poll: conditional GET per feed, new items only, each through the webhook's own ingest use case.
import { settingsFromEnv, type Env } from '../env';
import { ingestArticle, type IngestPorts } from '../ingest';
import { HttpError } from '../lib/errors';
import { sha256Hex } from '../lib/hash';
import { log } from '../lib/log';
import { destinationsFromEnv } from '../notify';
import { ArticleInput } from '../schema';
import { feedsFromEnv, type FeedConfig } from './config';
import { feedState } from './feed-state';
import { mainText, MAX_PAGE_BYTES, readCapped } from './main-text';
import { FeedParseError, parseFeedDocument, type FeedItem } from './parse';

/**
 * Subrequests one run may spend (feed and page fetches, Durable Object calls), under the Free plan's 50 per
 * invocation with room for the queue sends the trackers make. What does not fit waits for the next run.
 */
export const SUBREQUEST_BUDGET = 40;
/** Articles one run extracts: extraction is CPU, and a scheduled run has the same CPU limit as a request. */
export const MAX_ITEMS_PER_RUN = 10;
const FEED_TIMEOUT_MS = 10_000;
const PAGE_TIMEOUT_MS = 8_000;
const MAX_FEED_BYTES = 5 * 1024 * 1024;
const USER_AGENT = 'tollwatch-feed-poller/0.1';

export interface FeedPollResult {
  feed: string;
  outcome: 'not_modified' | 'ok' | 'failed' | 'skipped';
  new_items: number;
  ingested: number;
  refused: number;
  /** Items left for the next run (budget spent); the feed's validators were not stored so it is read again. */
  deferred: number;
  error?: string;
}

type Fetcher = (input: string, init?: RequestInit) => Promise<Response>;

/** Counts subrequests so one run never passes SUBREQUEST_BUDGET. */
class Budget {
  constructor(private left: number) {}
  has(n: number): boolean {
    return this.left >= n;
  }
  spend(n = 1): void {
    this.left -= n;
  }
}

/** An item → the webhook's payload shape. The outlet: the feed's `source`, else the item's own, else the feed's name. */
export async function articleOf(feed: FeedConfig, item: FeedItem, text: string): Promise<ArticleInput | null> {
  const id = item.key.length <= 200 ? item.key : `sha256:${(await sha256Hex(item.key)).slice(0, 40)}`;
  const parsed = ArticleInput.safeParse({
    id,
    text,
    ...(item.title ? { title: item.title.slice(0, 2_000) } : {}),
    ...(item.link && item.link.length <= 4_096 ? { url: item.link } : {}),
    ...(item.published ? { published: item.published } : {}),
    source: (feed.source ?? item.source ?? feed.name).slice(0, 200),
  });
  return parsed.success ? parsed.data : null;
}

/** Oldest first, so figures rise in the order they were published (as a sender replaying them would). */
function chronological(items: FeedItem[]): FeedItem[] {
  // Feeds list newest first; reversing keeps that order's meaning for undated items.
  const reversed = [...items].reverse();
  return reversed
    .map((item, i) => ({ item, i, ms: item.published ? Date.parse(item.published) : Number.NaN }))
    .sort((a, b) => (Number.isNaN(a.ms) || Number.isNaN(b.ms) ? a.i - b.i : a.ms - b.ms || a.i - b.i))
    .map((x) => x.item);
}

/** The linked page's main text, or null (no link, failed fetch, not HTML, too little text): the caller falls back. */
async function fullText(link: string, fetcher: Fetcher): Promise<string | null> {
  try {
    const res = await fetcher(link, { headers: { accept: 'text/html', 'user-agent': USER_AGENT }, redirect: 'follow', signal: AbortSignal.timeout(PAGE_TIMEOUT_MS) });
    if (!res.ok || !/html/i.test(res.headers.get('content-type') ?? 'text/html')) {
      await res.body?.cancel();
      return null;
    }
    return await mainText(await readCapped(res.body, MAX_PAGE_BYTES));
  } catch {
    return null;
  }
}

/** Polls every configured feed once. Never throws for one feed's trouble: it is recorded and the next feed goes on. */
export async function pollFeeds(env: Env, ports: IngestPorts, nowMs: number, fetcher: Fetcher = (i, init) => fetch(i, init)): Promise<FeedPollResult[]> {
  const feeds = feedsFromEnv(env);
  if (feeds.length === 0) return [];
  const settings = settingsFromEnv(env);
  // A misconfigured destination refuses webhook articles before storing them; feed items wait the same way.
  destinationsFromEnv(env);
  const budget = new Budget(SUBREQUEST_BUDGET);
  const items = { left: MAX_ITEMS_PER_RUN };
  const results: FeedPollResult[] = [];
  for (const feed of feeds) {
    // validators + fetch + unseen + record: the least one feed costs.
    if (!budget.has(4)) {
      results.push({ feed: feed.name, outcome: 'skipped', new_items: 0, ingested: 0, refused: 0, deferred: 0 });
      continue;
    }
    results.push(await pollOne(env, ports, feed, settings, budget, items, nowMs, fetcher));
  }
  return results;
}

async function pollOne(
  env: Env,
  ports: IngestPorts,
  feed: FeedConfig,
  settings: ReturnType<typeof settingsFromEnv>,
  budget: Budget,
  items: { left: number },
  nowMs: number,
  fetcher: Fetcher,
): Promise<FeedPollResult> {
  const state = feedState(env);
  const result: FeedPollResult = { feed: feed.name, outcome: 'ok', new_items: 0, ingested: 0, refused: 0, deferred: 0 };
  const fail = async (raw: string): Promise<FeedPollResult> => {
    // /health shows the reason; a runtime's network error may quote the URL, and a feed URL may carry a key.
    const reason = raw.split(feed.url).join('<feed url>');
    await state.recordFailure(feed.url, feed.name, reason, nowMs);
    log({ level: 'warn', msg: 'feed poll failed', feed: feed.name, reason });
    return { ...result, outcome: 'failed', error: reason };
  };

  budget.spend();
  const known = await state.validators(feed.url);
  const headers: Record<string, string> = { accept: 'application/rss+xml, application/atom+xml, application/feed+json, application/json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5', 'user-agent': USER_AGENT };
  if (known.etag) headers['if-none-match'] = known.etag;
  if (known.last_modified) headers['if-modified-since'] = known.last_modified;
  budget.spend();
  let res: Response;
  try {
    res = await fetcher(feed.url, { headers, redirect: 'follow', signal: AbortSignal.timeout(FEED_TIMEOUT_MS) });
  } catch (err) {
    budget.spend();
    return fail(`fetch failed: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (res.status === 304) {
    budget.spend();
    await state.recordSuccess(feed.url, feed.name, null, 0, nowMs);
    return { ...result, outcome: 'not_modified' };
  }
  if (!res.ok) {
    await res.body?.cancel();
    budget.spend();
    return fail(`HTTP ${res.status}`);
  }
  const validators = { etag: res.headers.get('etag'), last_modified: res.headers.get('last-modified') };
  let parsed: ReturnType<typeof parseFeedDocument>;
  try {
    parsed = parseFeedDocument(await readCapped(res.body, MAX_FEED_BYTES));
  } catch (err) {
    budget.spend();
    return fail(err instanceof FeedParseError ? err.message : `unreadable body: ${String(err)}`);
  }

  budget.spend();
  const fresh = new Set(await state.unseen(feed.url, parsed.items.map((i) => i.key)));
  const todo = chronological(parsed.items.filter((i) => fresh.has(i.key)));
  result.new_items = todo.length;
  const done: string[] = [];
  let failure: string | null = null;
  // Two calls to record at the end (seen keys, outcome) are kept back from the budget.
  for (const item of todo) {
    const cost = 2 + (feed.fullText && item.link ? 1 : 0);
    if (items.left === 0 || !budget.has(cost + 2)) break;
    let text: string | null = null;
    if (feed.fullText && item.link) {
      budget.spend();
      text = await fullText(item.link, fetcher);
    }
    text ??= item.body ?? item.summary ?? item.title ?? '';
    const input = await articleOf(feed, item, text);
    if (!input) {
      result.refused++;
      done.push(item.key);
      log({ level: 'warn', msg: 'feed item is not a valid article; skipped', feed: feed.name });
      continue;
    }
    items.left--;
    budget.spend(2);
    try {
      await ingestArticle(ports, {
        input,
        json: input,
        // Ids are the feed's own guids: namespaced by feed, as a named webhook sender's ids are.
        senderName: `feed:${feed.name}`,
        receivedMs: nowMs,
        settings: { minSources: settings.MIN_SOURCES, thresholds: settings.THRESHOLDS ?? {} },
        quietOverrides: settings.QUIET_PERIOD_DAYS,
      });
      result.ingested++;
      done.push(item.key);
    } catch (err) {
      if (err instanceof HttpError && err.status < 500) {
        // Not English, dated in the future, or an edited item whose id is taken: refused for good, like a 4xx.
        result.refused++;
        done.push(item.key);
        log({ level: 'info', msg: 'feed item refused by ingest', feed: feed.name, code: err.code });
      } else {
        failure = `ingest failed: ${err instanceof Error ? err.message : String(err)}`;
        break;
      }
    }
  }
  result.deferred = todo.length - done.length;
  budget.spend(2);
  if (done.length > 0) await state.markSeen(feed.url, done, nowMs);
  if (failure) return fail(failure);
  await state.recordSuccess(feed.url, feed.name, result.deferred === 0 ? validators : null, result.ingested, nowMs);
  return result;
}
