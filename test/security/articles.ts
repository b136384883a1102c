/** Small valid articles the extractor reads reliably: "<n> people were killed …". */
export function article(killed: number, opts: { place?: string; published?: string; id?: string; incident_id?: string; extra?: string } = {}) {
  const place = opts.place ?? 'Ardmore';
  return {
    title: `Explosion in ${place}`,
    text: `Officials said ${killed} people were killed in the explosion in ${place} on Monday. ${opts.extra ?? 'Rescue teams were still searching the site.'}`,
    url: `https://news.example/${place.toLowerCase()}/${killed}`,
    source: 'Example Wire',
    ...(opts.published ? { published: opts.published } : {}),
    ...(opts.id ? { id: opts.id } : {}),
    ...(opts.incident_id ? { incident_id: opts.incident_id } : {}),
  };
}

export type ErrorJson = { error: { code: string; message: string; details?: unknown } };

/** Waits until a fetch spy has seen no new call for `quietMs` (queued alerts are delivered before the spy goes). */
export async function settle(spy: { mock: { calls: unknown[] } }, quietMs = 1_200, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = -1;
  let since = Date.now();
  while (Date.now() < deadline) {
    if (spy.mock.calls.length !== last) {
      last = spy.mock.calls.length;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}
