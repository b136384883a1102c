import type { Category } from '../schema';
import { CATEGORY_LABEL, compactCount, formatDayMonth, formatPublished, formatTime, qualifiedCount, shortCount } from './format';
import { countTicks, isSubDay, timeAxis } from './scales';
import type { ChartPoint } from './series';

/*
 * A figure's history as an inline SVG step chart: the toll holds until the next report changes it, so the
 * line steps rather than interpolating between reports. Every report that set the figure is a circle with a
 * <title> (hover/long-press) and a value label; a lower bound ("at least") is a hollow circle and a "≥" label,
 * so nothing is told by colour alone. Styled by classes from styles.ts (light and dark schemes).
 */

const W = 360;
const H = 190;
const M = { top: 22, right: 18, bottom: 46, left: 52 };
const PW = W - M.left - M.right;
const PH = H - M.top - M.bottom;

export interface ChartProps {
  id: string;
  category: Category;
  incidentTitle: string;
  points: ChartPoint[];
}

function pointTitle(category: Category, p: ChartPoint): string {
  return `${CATEGORY_LABEL[category]}: ${qualifiedCount(p.value, p.qualifier)} — ${formatPublished(p.ms)}, ${p.outlet}`;
}

export function FigureChart({ id, category, incidentTitle, points }: ChartProps) {
  const label = CATEGORY_LABEL[category];
  const xAxis = timeAxis(points.map((p) => p.ms));
  const yTicks = countTicks(Math.max(...points.map((p) => p.value)));
  const yTop = yTicks[yTicks.length - 1] ?? 1;
  const x = (ms: number) => M.left + ((ms - xAxis.min) / (xAxis.max - xAxis.min)) * PW;
  const y = (v: number) => M.top + PH - (v / yTop) * PH;
  const r1 = (n: number) => Math.round(n * 10) / 10;

  let path = '';
  points.forEach((p, i) => {
    path += i === 0 ? `M${r1(x(p.ms))},${r1(y(p.value))}` : `H${r1(x(p.ms))}V${r1(y(p.value))}`;
  });
  const first = points[0];
  const last = points[points.length - 1];
  const area = first && last ? `${path}V${r1(y(0))}H${r1(x(first.ms))}Z` : '';
  const labelAll = points.length <= 6;

  const subDay = isSubDay(xAxis.step);
  let prevDay = '';
  let prevYear = -1;
  const xLabels = xAxis.ticks.map((t) => {
    const day = formatDayMonth(t);
    const year = new Date(t).getUTCFullYear();
    const lines = subDay ? [formatTime(t), day !== prevDay ? day : ''] : [day, year !== prevYear ? String(year) : ''];
    prevDay = day;
    prevYear = year;
    return { t, lines };
  });

  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  const desc = `${points.length} ${points.length === 1 ? 'report' : 'reports'} set this figure: ${points
    .map((p) => `${formatPublished(p.ms)}, ${qualifiedCount(p.value, p.qualifier)} (${p.outlet})`)
    .join('; ')}.`;

  return (
    <svg class="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${titleId} ${descId}`} data-category={category} data-points={String(points.length)}>
      <title id={titleId}>{`${label} over time — ${incidentTitle}`}</title>
      <desc id={descId}>{desc}</desc>
      <g class="grid" aria-hidden="true">
        {yTicks.map((v) => (
          <g>
            <line x1={M.left} x2={W - M.right} y1={r1(y(v))} y2={r1(y(v))} />
            <text class="tick" x={M.left - 6} y={r1(y(v))} text-anchor="end" dominant-baseline="middle">
              {compactCount(v)}
            </text>
          </g>
        ))}
        {xLabels.map(({ t, lines }) => (
          <g>
            <line class="xtick" x1={r1(x(t))} x2={r1(x(t))} y1={M.top + PH} y2={M.top + PH + 4} />
            <text class="tick" x={r1(x(t))} y={M.top + PH + 15} text-anchor="middle">
              {lines[0]}
            </text>
            {lines[1] ? (
              <text class="tick" x={r1(x(t))} y={M.top + PH + 27} text-anchor="middle">
                {lines[1]}
              </text>
            ) : null}
          </g>
        ))}
        <line class="axis" x1={M.left} x2={W - M.right} y1={M.top + PH} y2={M.top + PH} />
        <line class="axis" x1={M.left} x2={M.left} y1={M.top} y2={M.top + PH} />
        <text class="axis-title" x={M.left + PW / 2} y={H - 4} text-anchor="middle">
          Date published (UTC)
        </text>
        <text class="axis-title" transform={`translate(12 ${M.top + PH / 2}) rotate(-90)`} text-anchor="middle">
          {`People ${category === 'hostages' ? 'held' : category}`}
        </text>
      </g>
      <path class="area" d={area} aria-hidden="true" />
      <path class="line" d={path} aria-hidden="true" />
      {points.map((p, i) => (
        <g class="point">
          <circle class={p.qualifier === 'exact' ? 'pt' : 'pt open'} cx={r1(x(p.ms))} cy={r1(y(p.value))} r="5" data-value={String(p.value)} data-qualifier={p.qualifier}>
            <title>{pointTitle(category, p)}</title>
          </circle>
          {labelAll || i === points.length - 1 ? (
            <text class="pt-label" x={r1(x(p.ms))} y={r1(y(p.value) - 9)} text-anchor={i === 0 && points.length > 1 ? 'start' : i === points.length - 1 && points.length > 1 ? 'end' : 'middle'} aria-hidden="true">
              {shortCount(p.value, p.qualifier)}
            </text>
          ) : null}
        </g>
      ))}
    </svg>
  );
}
