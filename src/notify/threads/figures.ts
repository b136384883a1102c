// An incident thread's current figures as one destination has been told them, and the alert its first message shows.
import * as z from 'zod';
import { lazy } from '../../lib/lazy';
import { Change, type Alert } from '../../schema';

/** One figure as the thread last heard it; `at_ms` is the telling alert's created_ms, so a late retry can't roll it back. */
export const ThreadFigure = lazy(() => z.object({ change: Change, at_ms: z.number() }));
export type ThreadFigure = z.infer<typeof ThreadFigure>;

/** Keyed by figureKey; stored as JSON with the thread. */
export const ThreadFigures = lazy(() => z.record(z.string(), ThreadFigure));
export type ThreadFigures = z.infer<typeof ThreadFigures>;

/** Casualties by category; threats by category and noun ("missiles" and "drones" are two figures). */
export function figureKey(c: Change): string {
  return c.kind === 'casualty' ? `casualty:${c.category}` : `threat:${c.category}:${c.noun ?? ''}`;
}

/**
 * Folds one alert's changes into the thread's figures. Alerts of one incident can be delivered out of order
 * (a retried one overtakes), so a figure only moves to a change from a later-created alert.
 */
export function mergeFigures(figures: ThreadFigures, changes: readonly Change[], createdMs: number): ThreadFigures {
  const out: ThreadFigures = { ...figures };
  for (const change of changes) {
    const key = figureKey(change);
    const held = out[key];
    if (!held || held.at_ms <= createdMs) out[key] = { change, at_ms: createdMs };
  }
  return out;
}

/**
 * The alert the edited first message renders: the incident as the latest alert names it, with every figure the
 * thread knows shown as a plain current value ("killed 56, injured 48") under the quote that gave it. Rendered
 * by the same builders as every alert, so escaping and limits are shared.
 */
export function currentFiguresAlert(latest: Alert, figures: ThreadFigures): Alert {
  const changes = Object.values(figures)
    .sort((a, b) => a.at_ms - b.at_ms)
    .map(({ change }): Change => ({ ...change, from: null, change: 'new' }));
  return { ...latest, is_new_incident: false, changes };
}
