// A destination's filter applied to an alert: which categories it wants and the smallest toll worth a message.
import type { Alert, Change } from '../schema';
import type { DestinationConfig } from './config';

const lower = (s: string) => s.trim().toLowerCase();

/**
 * Applies a destination's filter: null = don't send. Category narrowing happens before `min_toll`, so
 * `{"categories":["killed"],"min_toll":10}` means "at least 10 killed", not "10 of anything".
 */
export function wantsAlert(dest: DestinationConfig, alert: Alert): Alert | null {
  const f = dest.filter;
  if (!f) return alert.changes.length > 0 ? alert : null;

  if (f.types) {
    const type = alert.incident_type ? lower(alert.incident_type) : null;
    if (type === null || !f.types.some((t) => lower(t) === type)) return null;
  }
  if (f.countries) {
    const places = new Set(alert.places.map(lower));
    if (!f.countries.some((c) => places.has(lower(c)))) return null;
  }

  let changes: Change[] = alert.changes;
  if (f.categories) {
    const wanted = new Set<string>(f.categories);
    changes = changes.filter((c) => (c.kind === 'threat' ? wanted.has('threats') : wanted.has(c.category)));
  }
  if (changes.length === 0) return null;

  if (f.min_toll !== undefined) {
    const tolls = changes.filter((c) => c.kind === 'casualty').map((c) => c.to.value);
    if (tolls.length === 0 || Math.max(...tolls) < f.min_toll) return null;
  }
  return changes === alert.changes ? alert : { ...alert, changes };
}
