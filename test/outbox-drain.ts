// Per test file (setupFiles): before the file's storage goes, waits until the alerts its articles raised have
// left their incidents' outboxes (delivered or dead-lettered, and acked back) and their coalesced read-model
// writes have landed, so no queue delivery or flush alarm outlives the file. A delivery meeting the next file's
// fresh storage printed "no such table: delivered" as an uncaught exception; a flush alarm firing after the
// file's runner closed its socket to vitest can log into it ("Error sending to pool: … send() after close()").
import { afterAll } from 'vitest';
import { filedIncidents } from './helpers';
import { trackerStorage } from './reliability/support';

/** A file that keeps a destination failing on purpose has alerts that stay; it is not waited for past this. */
const DRAIN_MS = 10_000;

/** Work the tracker still owes after the file's last request: alerts not yet settled, a read-model write pending. */
const busy = (s: { outbox: number; meta: Record<string, string> }): boolean => s.outbox > 0 || s.meta.kv_dirty === '1';

afterAll(async () => {
  const deadline = Date.now() + DRAIN_MS;
  for (const key of filedIncidents) {
    while (Date.now() < deadline && busy(await trackerStorage(key))) await new Promise((r) => setTimeout(r, 100));
  }
  filedIncidents.clear();
}, DRAIN_MS + 10_000);
