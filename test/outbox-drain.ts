// Per test file (setupFiles): before the file's storage goes, waits until the alerts its articles raised have
// left their incidents' outboxes (delivered or dead-lettered, and acked back), so no queue delivery outlives the
// file and meets the next file's fresh storage: under load that printed "no such table: delivered" as an
// uncaught exception, and the output guard failed a passing run.
import { afterAll } from 'vitest';
import { filedIncidents } from './helpers';
import { trackerStorage } from './reliability/support';

/** A file that keeps a destination failing on purpose has alerts that stay; it is not waited for past this. */
const DRAIN_MS = 10_000;

afterAll(async () => {
  const deadline = Date.now() + DRAIN_MS;
  for (const key of filedIncidents) {
    while (Date.now() < deadline && (await trackerStorage(key)).outbox > 0) await new Promise((r) => setTimeout(r, 100));
  }
  filedIncidents.clear();
}, DRAIN_MS + 10_000);
