/**
 * Distinct, correctly signed article requests for the load and cost benchmarks. Every request has its own
 * webhook-id and its own text (so neither the id nor the content hash repeats); what varies the outcome is
 * the kind:
 *   no-change — the Kerman stampede seed, same outlet, same toll (35 killed, 48 injured): after the first
 *               report every article is filed under the same incident and changes nothing;
 *   rising    — the same incident, the killed figure raised by one per request (alerts, same Durable Object);
 *   (both published a second after the previous such article this process built, as follow-up reports are:
 *   each moves the incident's latest report time, which the index keeps under every key of the incident, so its
 *   writes are counted as a feed makes them; never earlier, so a rising figure is never an older report's)
 *   new-incident — a caller-chosen incident_id per request (each opens an incident and alerts);
 *   irrelevant — an English article with no casualty or threat figures (most of a GDELT-sized feed).
 * Signing uses node:crypto's HMAC synchronously (autocannon's setupRequest cannot await); it is checked once
 * against the repo's own `webhookHeaders` before use.
 */
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { webhookHeaders } from '../../src/lib/standard-webhooks';
import { ROOT } from './util';

export type ArticleKind = 'no-change' | 'rising' | 'new-incident' | 'irrelevant';
export const KINDS: readonly ArticleKind[] = ['no-change', 'rising', 'new-incident'];

/** A throw-away Standard Webhooks secret for local benchmarks only. */
export const BENCH_SECRET = 'whsec_YmVuY2gtb25seS1zZWNyZXQtbm90LWZvci1wcm9k';

interface Seed {
  title: string;
  url: string;
  published: string;
  source: string;
  text: string;
}
const seed = JSON.parse(readFileSync(join(ROOT, 'fixtures', 'kerman-stampede', '01-seed.json'), 'utf8')) as Seed;
const SEED_FIGURE = '35 people dead';
if (!seed.text.includes(SEED_FIGURE)) throw new Error(`seed article no longer contains "${SEED_FIGURE}"`);

/** 0 → "a", 25 → "z", 26 → "ba": a tag without digits, so it can never be read as a figure. */
export function letters(n: number): string {
  let s = '';
  do {
    s = String.fromCharCode(97 + (n % 26)) + s;
    n = Math.floor(n / 26);
  } while (n > 0);
  return s;
}

const IRRELEVANT_TEXT =
  'The city council approved a new budget for parks and libraries on Tuesday after a long debate. ' +
  'Supporters said the plan would extend opening hours and repair old playgrounds, while critics asked how it would be paid for. ' +
  'The mayor said the council would publish the details next month and invited residents to comment on the proposals.';

/** The incident_id a new-incident article carries: bench/ratio-parts.ts creates these incidents' trackers first. */
export function newIncidentId(run: string, n: number): string {
  return `bench-${run}${letters(n)}`;
}

/** Follow-up reports built so far: the next one is published this many seconds after the seed, plus one. */
let followUps = 0;

export function articleBody(kind: ArticleKind, n: number, run: string): string {
  const tag = `${run}${letters(n)}`;
  if (kind === 'irrelevant') {
    return JSON.stringify({
      title: 'Council approves budget for parks and libraries',
      url: `https://example.org/news/council-budget?ref=${tag}`,
      published: seed.published,
      source: 'Local desk',
      text: `${IRRELEVANT_TEXT}\n\nfiled via desk ${tag} for the wire.`,
    });
  }
  const text =
    (kind === 'rising' ? seed.text.replace(SEED_FIGURE, `${36 + n} people dead`) : seed.text) + `\n\nfiled via desk ${tag} for the wire.`;
  const published = kind === 'new-incident' ? seed.published : new Date(Date.parse(seed.published) + ++followUps * 1000).toISOString();
  return JSON.stringify({
    title: seed.title,
    url: `${seed.url}?ref=${tag}`,
    published,
    source: seed.source,
    text,
    ...(kind === 'new-incident' ? { incident_id: newIncidentId(run, n) } : {}),
  });
}

function secretKey(secret: string): Buffer {
  return Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
}

export function signSync(secret: string, id: string, timestamp: number, body: string): Record<string, string> {
  const mac = createHmac('sha256', secretKey(secret)).update(`${id}.${timestamp}.${body}`).digest('base64');
  return { 'webhook-id': id, 'webhook-timestamp': String(timestamp), 'webhook-signature': `v1,${mac}` };
}

/** Throws unless the synchronous signer matches the worker's own Standard Webhooks implementation. */
export async function checkSigner(): Promise<void> {
  const body = articleBody('no-change', 0, 'check');
  const now = Math.floor(Date.now() / 1000);
  const ours = signSync(BENCH_SECRET, 'check-1', now, body);
  const theirs = await webhookHeaders(BENCH_SECRET, 'check-1', body, now);
  if (ours['webhook-signature'] !== theirs['webhook-signature']) throw new Error('bench signer disagrees with src/lib/standard-webhooks');
}

/** Request n of a run: body plus headers (signed when `secret` is given). */
export function articleRequest(kind: ArticleKind, n: number, run: string, secret: string | null): { body: string; headers: Record<string, string> } {
  const body = articleBody(kind, n, run);
  const id = `bench-${run}-${kind}-${n}`;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  Object.assign(headers, secret ? signSync(secret, id, Math.floor(Date.now() / 1000), body) : { 'webhook-id': id });
  return { body, headers };
}
