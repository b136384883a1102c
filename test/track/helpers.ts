// Helpers the track specs share: filing invented hints into an in-memory index, and hints from invented copy.
import { extract } from '../../src/extract/index';
import type { IncidentHints } from '../../src/schema';
import { fileArticle, memoryIndexStore } from '../../src/track/filing';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
let n = 0;

/** Files hints as a new article (a fresh id each call) into `store`. */
export function file(store: ReturnType<typeof memoryIndexStore>, hints: IncidentHints, publishedMs: number) {
  n++;
  return fileArticle(store, { articleId: `spec-${n}`, bodyHash: `body-${n}`, hints, publishedMs, canOpen: true });
}
export const keyOf = (f: ReturnType<typeof file>) => (f.kind === 'filed' ? f.key : null);
export const hintsOf = (title: string, text: string, published?: string) => extract({ title, text, ...(published ? { published } : {}) }).incident;
export { memoryIndexStore };
