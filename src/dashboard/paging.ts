// Keyset pagination for the incident listing: the query schema and the opaque cursor.
import * as z from 'zod';
import { lazy } from '../lib/lazy';
import type { ListedIncident } from '../track/read-model';

/*
 * Keyset pagination over the incident listing, newest activity first. The cursor names the last item of the
 * previous page (its last_received_ms and key), so a page boundary does not shift when incidents are added.
 * It is opaque to clients: base64url of a small JSON object.
 */

const CursorBody = lazy(() => z.object({ r: z.number().int().nonnegative(), k: z.string().min(1).max(300) }).strict());
type CursorBody = z.infer<typeof CursorBody>;

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;

function toBase64Url(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(s: string): string | null {
  if (!/^[A-Za-z0-9_-]+$/.test(s)) return null;
  try {
    const binary = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

export function encodeCursor(item: ListedIncident): string {
  return toBase64Url(JSON.stringify({ r: item.meta.last_received_ms, k: item.key } satisfies CursorBody));
}

export function decodeCursor(cursor: string): CursorBody | null {
  const json = fromBase64Url(cursor);
  if (json === null) return null;
  try {
    const parsed = CursorBody.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Query parameters of a listing: `limit` 1–100 (default 20) and an optional cursor from a previous page. */
export const ListQuery = lazy(() =>
  z.object({
    limit: z
      .string()
      .regex(/^\d{1,3}$/, 'limit must be an integer from 1 to 100')
      .transform(Number)
      .pipe(z.number().int().min(1, 'limit must be an integer from 1 to 100').max(MAX_LIMIT, 'limit must be an integer from 1 to 100'))
      .optional(),
    cursor: z
      .string()
      .max(600, 'cursor is not valid')
      .transform((v, ctx) => {
        const decoded = decodeCursor(v);
        if (!decoded) {
          ctx.addIssue({ code: 'custom', message: 'cursor is not valid; pass next_cursor from a previous page unchanged' });
          return z.NEVER;
        }
        return decoded;
      })
      .optional(),
  }),
);
export type ListQuery = z.infer<typeof ListQuery>;

/** Newest activity first; the key breaks ties so the order is total (and the cursor unambiguous). */
export function byActivity(a: ListedIncident, b: ListedIncident): number {
  return b.meta.last_received_ms - a.meta.last_received_ms || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

function isAfter(item: ListedIncident, cursor: CursorBody): boolean {
  const r = item.meta.last_received_ms;
  return r < cursor.r || (r === cursor.r && item.key > cursor.k);
}

export interface Page {
  items: ListedIncident[];
  nextCursor: string | null;
}

export function pageOf(all: readonly ListedIncident[], limit: number, cursor: CursorBody | undefined): Page {
  const sorted = [...all].sort(byActivity);
  const rest = cursor ? sorted.filter((i) => isAfter(i, cursor)) : sorted;
  const items = rest.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rest.length > limit && last ? encodeCursor(last) : null };
}
