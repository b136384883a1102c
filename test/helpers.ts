// Shared test helpers: signed article posts, the test secrets and tokens, and capture of outbound chat requests.
import { exports } from 'cloudflare:workers';
import { inject, vi, type MockInstance } from 'vitest';
import { webhookHeaders } from '../src/lib/standard-webhooks';

/** The secret vitest.config.ts gives the worker as WEBHOOK_SECRETS. */
export const TEST_SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
export const READ_TOKEN = 'test-read-token';
/** The worker's SLACK_WEBHOOK_URL: a local stand-in started by test/global-setup.ts. */
export const SLACK_URL = inject('slackWebhookUrl');

let counter = 0;

/** Posts one article through the worker's real fetch, signed like a Standard Webhooks sender. */
export async function postArticle(
  payload: unknown,
  opts: { webhookId?: string; secret?: string; headers?: Record<string, string>; nowSeconds?: number } = {},
): Promise<Response> {
  const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
  const id = opts.webhookId ?? `msg_test_${Date.now()}_${counter++}`;
  const signed = await webhookHeaders(opts.secret ?? TEST_SECRET, id, body, opts.nowSeconds);
  return sendToArticles({ method: 'POST', headers: { 'content-type': 'application/json', ...signed, ...opts.headers }, body });
}

/** Incidents this test file's articles were filed under: test/outbox-drain.ts waits for their alerts. */
export const filedIncidents = new Set<string>();

/**
 * Notes the incident a 2xx answer to POST /v1/articles names, so test/outbox-drain.ts waits for its alerts before
 * the file's storage goes; returns the answer. Every way a test files an article goes through here: an alert of an
 * unnoted incident could be settled after the reset and fail the run with "no such table: outbox".
 */
export async function noteFiled(response: Response | Promise<Response>): Promise<Response> {
  const res = await response;
  if (res.ok) {
    const answer = (await res.clone().json().catch(() => null)) as { incident?: unknown } | null;
    if (typeof answer?.incident === 'string') filedIncidents.add(answer.incident);
  }
  return res;
}

/** A request to POST /v1/articles through the worker's real fetch, exactly as given (tests of the request itself). */
export function sendToArticles(init: RequestInit): Promise<Response> {
  return noteFiled(exports.default.fetch('http://tollwatch.test/v1/articles', init));
}

export type FetchSpy = MockInstance<typeof fetch>;

/**
 * Captures outbound chat requests (the queue consumer shares the test isolate), answering each matching
 * destination with `respond`; anything else is refused so no test reaches the network.
 */
export function captureOutbound(respond: (url: string, init: RequestInit | undefined) => Response | Promise<Response> = () => new Response('ok')): FetchSpy {
  return vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    return respond(url, init);
  });
}

export interface CapturedRequest {
  url: string;
  body: string;
  headers: Record<string, string>;
}

export function captured(spy: FetchSpy): CapturedRequest[] {
  return spy.mock.calls.map(([input, init]) => ({
    url: input instanceof Request ? input.url : String(input),
    body: typeof init?.body === 'string' ? init.body : '',
    headers: Object.fromEntries(new Headers(init?.headers).entries()),
  }));
}
