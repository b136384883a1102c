/**
 * npm run send -- FILE... | DIR
 *
 * Posts article JSON files to a running tollwatch in `published` order and prints what each one changed.
 * Signs with Standard Webhooks when a secret is given (--secret / TOLLWATCH_WEBHOOK_SECRET), adds a bearer
 * token when one is given (--token / TOLLWATCH_TOKEN), otherwise sends unsigned (accepted by `npm run dev`).
 */
import { parseArgs } from 'node:util';
import { loadArticles } from './lib/articles';
import { DEFAULT_URL, formatResult, formatSummary, sendArticles, summarize } from './lib/send';

const HELP = `usage: npm run send -- [options] FILE.json... | DIR...

Posts each article to <url>/v1/articles, oldest \`published\` first (a DIR means every *.json in it).

options:
  --url URL        worker base URL (env TOLLWATCH_URL, default ${DEFAULT_URL})
  --secret SECRET  sign with Standard Webhooks, whsec_… (env TOLLWATCH_WEBHOOK_SECRET); unsigned if absent
  --token TOKEN    send "authorization: Bearer TOKEN" (env TOLLWATCH_TOKEN)
  --delay MS       wait MS milliseconds between articles
  --dry-run        only print the send order and webhook ids
  --json           print the raw results as JSON instead of progress lines
  -h, --help       show this help

examples:
  npm run send -- fixtures/kerman-stampede
  TOLLWATCH_URL=https://tollwatch.example.workers.dev TOLLWATCH_WEBHOOK_SECRET=whsec_… npm run send -- a.json b.json`;

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        url: { type: 'string' },
        secret: { type: 'string' },
        token: { type: 'string' },
        delay: { type: 'string' },
        'dry-run': { type: 'boolean' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    console.error(`send: ${(err as Error).message}\n\n${HELP}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  if (positionals.length === 0) {
    console.error(`send: give at least one article file or directory\n\n${HELP}`);
    return 2;
  }
  const url = values.url ?? process.env.TOLLWATCH_URL ?? DEFAULT_URL;
  const secret = values.secret ?? (process.env.TOLLWATCH_WEBHOOK_SECRET || undefined);
  const token = values.token ?? (process.env.TOLLWATCH_TOKEN || undefined);
  const delayMs = values.delay ? Number(values.delay) : 0;
  if (!Number.isFinite(delayMs) || delayMs < 0) {
    console.error('send: --delay must be a non-negative number of milliseconds');
    return 2;
  }

  let articles;
  try {
    articles = await loadArticles(positionals);
  } catch (err) {
    console.error(`send: ${(err as Error).message}`);
    return 2;
  }

  if (values['dry-run']) {
    for (const a of articles) {
      const when = a.publishedMs === null ? '(no published)' : new Date(a.publishedMs).toISOString();
      console.log(`${a.label}  ${when}  webhook-id ${a.webhookId}${a.loadError ? `  ✗ ${a.loadError}` : ''}`);
    }
    return articles.some((a) => a.loadError) ? 1 : 0;
  }

  if (!values.json) {
    const auth = [secret ? 'signed (Standard Webhooks)' : 'unsigned', token ? 'bearer token' : null].filter(Boolean).join(' + ');
    console.log(`sending ${articles.length} article${articles.length === 1 ? '' : 's'} to ${url}/v1/articles — ${auth}`);
  }
  const results = await sendArticles(articles, {
    url,
    secret,
    token,
    delayMs,
    onResult: values.json ? undefined : (r) => console.log(formatResult(r)),
  });
  const summary = summarize(results);
  if (values.json) console.log(JSON.stringify({ results, summary }, null, 2));
  else console.log(formatSummary(summary));
  return summary.errors > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    console.error(err);
    process.exitCode = 1;
  },
);
