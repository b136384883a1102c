// The FEEDS setting: which feeds the Cron Trigger polls, validated once with errors naming FEEDS and the entry.
import * as z from 'zod';

const FeedEntry = z.strictObject({
  url: z.url({ protocol: /^https?$/, hostname: z.regexes.hostname, error: 'must be an absolute http(s) URL' }).max(2_048),
  /** How the feed is shown in /health and on the dashboard, and the outlet of its items (default: the host). */
  name: z.string().trim().min(1).max(100).optional(),
  /** The outlet to credit for every item, over the item's own <source> and the feed's name. */
  source: z.string().trim().min(1).max(200).optional(),
  /** Fetch each item's page and read its main text instead of the feed's summary. */
  full_text: z.boolean().optional(),
});

/** One feed as the poller uses it: every optional part resolved. */
export interface FeedConfig {
  url: string;
  name: string;
  source?: string;
  fullText: boolean;
}

/** Also the cap on one run's feed fetches: each poll's subrequests must stay well under the Free plan's 50. */
export const MAX_FEEDS = 20;

const FeedList = z
  .array(FeedEntry)
  .max(MAX_FEEDS, `at most ${MAX_FEEDS} feeds (each poll must stay within the Worker's subrequest limit)`)
  .superRefine((feeds, ctx) => {
    const seen = new Set<string>();
    for (const [i, f] of feeds.entries()) {
      if (seen.has(f.url)) ctx.addIssue({ code: 'custom', path: [i, 'url'], message: 'is listed twice' });
      seen.add(f.url);
    }
  });

export class FeedConfigError extends Error {
  override readonly name = 'FeedConfigError';
  readonly settings = ['FEEDS'];
}

/** The configured feeds, in list order; FEEDS unset or blank → []. Throws FeedConfigError naming the problem. */
export function feedsFromEnv(env: Record<string, unknown>): FeedConfig[] {
  const raw = env.FEEDS;
  if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) return [];
  if (typeof raw !== 'string') throw new FeedConfigError('FEEDS: must be a JSON string');
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new FeedConfigError('FEEDS: must be valid JSON, e.g. [{"url":"https://news.example/rss","name":"Example Wire"}]');
  }
  const parsed = FeedList.safeParse(json, { reportInput: false });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${['FEEDS', ...i.path.map(String)].join('.')}: ${i.message}`);
    throw new FeedConfigError(lines.join('; '));
  }
  return parsed.data.map((f) => ({
    url: f.url,
    name: f.name ?? new URL(f.url).hostname.replace(/^www\./, ''),
    ...(f.source ? { source: f.source } : {}),
    fullText: f.full_text ?? false,
  }));
}
