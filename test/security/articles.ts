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
