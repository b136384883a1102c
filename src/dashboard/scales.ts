/** Axis arithmetic for the inline SVG charts: round counts on y, calendar-aligned UTC times on x. */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A round upper bound and step for a count axis with about `target` intervals. */
export function countTicks(maxValue: number, target = 4): number[] {
  const max = Math.max(1, maxValue);
  const raw = max / target;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(1, [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude);
  const intStep = Math.ceil(step);
  const top = Math.ceil(max / intStep) * intStep;
  const ticks: number[] = [];
  for (let v = 0; v <= top; v += intStep) ticks.push(v);
  if (ticks[ticks.length - 1] === max) ticks.push(max + intStep); // headroom above the highest point
  return ticks;
}

const TIME_STEPS = [HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY, 2 * DAY, 7 * DAY, 14 * DAY, 28 * DAY, 91 * DAY, 182 * DAY, 364 * DAY];

export interface TimeAxis {
  min: number;
  max: number;
  step: number;
  ticks: number[];
}

/** Domain padded around the points (a lone point gets ±12 h) and at most `maxTicks` aligned ticks. */
export function timeAxis(times: readonly number[], maxTicks = 4): TimeAxis {
  let min = Math.min(...times);
  let max = Math.max(...times);
  if (!Number.isFinite(min) || !Number.isFinite(max)) {
    min = 0;
    max = DAY;
  }
  if (max - min < HOUR) {
    const mid = (min + max) / 2;
    min = mid - 12 * HOUR;
    max = mid + 12 * HOUR;
  } else {
    const pad = (max - min) * 0.08;
    min -= pad;
    max += pad;
  }
  const step = TIME_STEPS.find((s) => (max - min) / s <= maxTicks) ?? Math.ceil((max - min) / maxTicks / DAY) * DAY;
  // Ticks hugging either end of the axis would print their labels outside the plot: leave those out.
  const margin = (max - min) * 0.04;
  const ticks: number[] = [];
  for (let t = Math.ceil(min / step) * step; t <= max; t += step) if (t >= min + margin && t <= max - margin) ticks.push(t);
  return { min, max, step, ticks };
}

export const isSubDay = (step: number) => step < DAY;
