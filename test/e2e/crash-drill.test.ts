/**
 * Crash drill (issue 14): `wrangler dev` with state persisted to a temporary directory, a burst of articles, the
 * worker's whole process group killed with SIGKILL mid-burst, a restart on the same state, and every article
 * sent again. Then: every article accepted before the crash is in its incident's history, and each alert reached
 * each of the five chat destinations exactly once (the chat sink on 127.0.0.1 counts them), save a send the chat
 * service took in the instant before the kill, which the ledger could not record (the documented residual window). The local queue
 * lives in memory and dies with the process; what is undelivered is re-offered from the trackers' outboxes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { startChatSink, SINK_DESTINATIONS, type ChatSink } from '../../scripts/chat-sink';
import { article } from '../security/articles';
import { destinationVars, freePort, ROOT, sleep } from './harness';

const READ = 'crash-drill-read-token';
const PLACES = [
  'Lagos', 'Nairobi', 'Lima', 'Quito', 'Accra', 'Dakar', 'Kampala', 'Harare', 'Lusaka', 'Maputo',
  'Bamako', 'Niamey', 'Khartoum', 'Tripoli', 'Tunis', 'Algiers', 'Rabat', 'Cairo', 'Amman', 'Beirut',
  'Baghdad', 'Tehran', 'Kabul', 'Karachi', 'Dhaka', 'Yangon', 'Hanoi', 'Manila', 'Jakarta', 'Bogota',
] as const;

let worker: ChildProcess | undefined;
let sink: ChatSink | undefined;
let persist: string | undefined;
let output = '';

/** Its own process group, so SIGKILL reaches wrangler and the workerd it started, as a machine crash would. */
function startWorker(port: number, sinkUrl: string): ChildProcess {
  const vars = { ...destinationVars(sinkUrl), READ_TOKEN: READ, RETRY_BASE_SECONDS: '0.5', OUTBOX_RECHECK_SECONDS: '2' };
  const child = spawn(
    process.execPath,
    [
      path.join(ROOT, 'node_modules/wrangler/bin/wrangler.js'), 'dev', '--env', 'dev', '--show-interactive-dev-session=false',
      '--port', String(port), '--ip', '127.0.0.1', '--persist-to', persist!, '--inspector-port', '0',
      ...Object.entries(vars).flatMap(([k, v]) => ['--var', `${k}:${v}`]),
    ],
    { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1', CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false' } },
  );
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  return child;
}

function killGroup(child: ChildProcess | undefined): void {
  if (child?.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

async function until<T>(what: string, probe: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await Promise.resolve().then(probe).catch(() => undefined);
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; worker output:\n${output.slice(-3_000)}`);
    await sleep(250);
  }
}

const healthy = async (base: string) => (await fetch(`${base}/health`)).ok || undefined;

afterAll(async () => {
  killGroup(worker);
  await sink?.close();
  if (persist) await rm(persist, { recursive: true, force: true });
});

type Answer = { article_id: string; incident: string; duplicate: boolean; alert: string | null };

it('kill -9 mid-burst, restart on the same state, resend: nothing accepted is missing, no alert lost, none sent twice but the one in flight at the kill', { timeout: 300_000 }, async () => {
  persist = await mkdtemp(path.join(tmpdir(), 'tollwatch-crash-'));
  sink = await startChatSink({ port: 0, quiet: true });
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const payloads = PLACES.map((place, i) => article(101 + i, { place, id: `crash-drill-${String(i).padStart(2, '0')}`, incident_id: `crash-drill-${place.toLowerCase()}` }));
  const post = async (payload: (typeof payloads)[number]): Promise<Answer> => {
    const res = await fetch(`${base}/v1/articles`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${text.slice(0, 300)}`);
    return JSON.parse(text) as Answer;
  };

  worker = startWorker(port, sink.url);
  await until('the worker to start', () => healthy(base), 120_000);

  // The burst: four senders at a time; the crash comes once a third of the articles were accepted.
  const accepted = new Map<string, Answer>();
  let next = 0;
  let crashed = false;
  let crashAt = 0;
  const sender = async () => {
    while (next < payloads.length && !crashed) {
      const payload = payloads[next++]!;
      try {
        accepted.set(payload.id!, await post(payload));
      } catch {
        // refused or cut off by the crash: sent again after the restart
      }
      if (accepted.size >= payloads.length / 3 && !crashed) {
        crashed = true;
        crashAt = Date.now();
        killGroup(worker);
      }
    }
  };
  await Promise.all([sender(), sender(), sender(), sender()]);
  expect(crashed).toBe(true);
  await until('the port to be released', async () => (await fetch(`${base}/health`).then(() => false, () => true)) || undefined, 30_000);
  const beforeCrash = [...accepted.keys()];
  expect(beforeCrash.length).toBeGreaterThanOrEqual(payloads.length / 3);

  worker = startWorker(port, sink.url);
  await until('the worker to restart', () => healthy(base), 120_000);

  // Everything again, as a sender that saw errors would do.
  const answers = new Map<string, Answer>();
  for (const payload of payloads) answers.set(payload.id!, await post(payload));

  // 0 accepted articles missing: each one accepted before the crash is still held (a resend is a duplicate) and
  // shows in its incident's history once the read model has caught up.
  for (const id of beforeCrash) expect(answers.get(id)?.duplicate, id).toBe(true);
  for (const [i, payload] of payloads.entries()) {
    const key = answers.get(payload.id!)!.incident;
    await until(`${payload.id} in the history of ${key}`, async () => {
      const res = await fetch(`${base}/v1/incidents/${encodeURIComponent(key)}`, { headers: { authorization: `Bearer ${READ}` } });
      return res.ok && (await res.text()).includes(`"${payload.id}"`) ? true : undefined;
    }, 30_000);
    expect(answers.get(payload.id!)?.alert ?? accepted.get(payload.id!)?.alert, `alert for article ${i}`).toBeTruthy();
  }

  // 0 alerts lost: every article's alert reaches all five destinations (the re-offer comes within seconds, a
  // delivery cut off mid-send after its 30 s claim expires) …
  const copies = (place: string) => SINK_DESTINATIONS.map((d) => sink!.received.filter((r) => r.destination === d && r.body.includes(place)).length);
  await until('every alert at every destination', () => PLACES.every((place) => copies(place).every((n) => n >= 1)) || undefined, 120_000);
  // … and 0 sent twice, also after the trackers had time to re-offer anything they still held. The one window the
  // design leaves open (docs/security.md): a send the chat service accepted in the instant before the kill, which the
  // ledger could not record, goes again after its lease. Only such a send may arrive a second time; any other
  // second copy, or a third, fails the drill.
  await sleep(6_000);
  const inFlightAtCrash = (place: string, destination: string): boolean => {
    const first = sink!.received.find((r) => r.destination === destination && r.body.includes(place));
    return !!first && first.at <= crashAt + 250 && first.at >= crashAt - 5_000;
  };
  const doubled = PLACES.flatMap((place) =>
    SINK_DESTINATIONS.map((d, i) => ({ place, d, n: copies(place)[i]! })).filter(({ place: p, d, n }) => n !== 1 && !(n === 2 && inFlightAtCrash(p, d))),
  );
  expect(doubled, JSON.stringify(Object.fromEntries(PLACES.map((place) => [place, copies(place)])))).toEqual([]);
});
