/**
 * What a new Durable Object costs locally, and how much of it is the simulator's storage: n fresh incident trackers
 * (each created, constructed — its schema — and asked for its state) against n calls to one existing tracker,
 * with the simulator's files on this machine's disk and on tmpfs. workerd's on-CPU time (/proc schedstat) and
 * wall time per call, median of rounds. This is why the other workerd sections keep the simulator on tmpfs.
 *
 *   npx tsx bench/object-creation.ts [--quick]
 */
import { join } from 'node:path';
import { startWorker, storageDir } from './lib/stack';
import { machineLine, median, ROOT, table, workerdOnCpuMs } from './lib/util';

export interface CreationRow {
  storage: 'disk' | 'tmpfs';
  dir: string;
  freshCpuMs: number;
  freshWallMs: number;
  sameCpuMs: number;
  sameWallMs: number;
}

async function measure(storage: 'disk' | 'tmpfs', n: number, rounds: number): Promise<CreationRow> {
  const stack = await startWorker({ storage, entrypoint: join(ROOT, 'bench', 'lib', 'counting-worker.ts') });
  try {
    const call = async (names: string[]) => {
      const c0 = workerdOnCpuMs() ?? NaN;
      const t0 = performance.now();
      const res = await fetch(new URL('/__bench/trackers', stack.url), { method: 'POST', body: JSON.stringify({ names }) });
      if (res.status !== 200) throw new Error(`trackers answered ${res.status}`);
      await res.text();
      return { cpu: ((workerdOnCpuMs() ?? NaN) - c0) / names.length, wall: (performance.now() - t0) / names.length };
    };
    await call(['warm-same', 'warm-a', 'warm-b']);
    const fresh: Array<{ cpu: number; wall: number }> = [];
    const same: Array<{ cpu: number; wall: number }> = [];
    for (let r = 0; r < rounds; r++) {
      same.push(await call(Array.from({ length: n }, () => 'warm-same')));
      fresh.push(await call(Array.from({ length: n }, (_, i) => `fresh-${r}-${i}`)));
    }
    return {
      storage,
      dir: storage === 'disk' ? 'os.tmpdir() (disk)' : storageDir('tmpfs') ?? 'os.tmpdir() (no tmpfs here)',
      freshCpuMs: median(fresh.map((x) => x.cpu)),
      freshWallMs: median(fresh.map((x) => x.wall)),
      sameCpuMs: median(same.map((x) => x.cpu)),
      sameWallMs: median(same.map((x) => x.wall)),
    };
  } finally {
    await stack.dispose();
  }
}

export async function runObjectCreation({ quick }: { quick: boolean }): Promise<CreationRow[]> {
  const n = quick ? 30 : 50;
  const rounds = quick ? 3 : 5;
  return [await measure('disk', n, rounds), await measure('tmpfs', n, rounds)];
}

export function objectCreationMarkdown(rows: CreationRow[], quick: boolean): string {
  const f = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : '–');
  return [
    `Measured ${machineLine()} ${quick ? 30 : 50} calls per round, median of ${quick ? 3 : 5} rounds; one call at a time from inside the Worker (bench/lib/counting-worker.ts, \`/__bench/trackers\`).`,
    '',
    table(
      ['simulator storage', 'fresh tracker: workerd CPU ms', 'wall ms', 'existing tracker: workerd CPU ms', 'wall ms'],
      rows.map((r) => [`${r.storage} (${r.dir})`, f(r.freshCpuMs), f(r.freshWallMs), f(r.sameCpuMs), f(r.sameWallMs)]),
    ),
    '',
    'A fresh object is a new SQLite database in the simulator. Its CPU is the same on either storage; on disk the wall time per object is several times its CPU (file creation and syncs of the simulator\'s files), and every new incident waits for it. That is the simulator, not the Worker\'s code nor production storage, so the other workerd sections run with the simulator on tmpfs (`BENCH_STORAGE=disk` puts it back on disk).',
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const quick = process.argv.includes('--quick');
  console.log(objectCreationMarkdown(await runObjectCreation({ quick }), quick));
}
