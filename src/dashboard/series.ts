// The chart series of an incident page: one point per report that set a category's figure.
import { CATEGORIES, type Category, type Qualifier } from '../schema';
import type { IncidentSummary, Timeline, TimelineReport } from '../track/read-model';

/** One report that set a category's figure: a point on that category's chart. */
export interface ChartPoint {
  ms: number;
  value: number;
  qualifier: Qualifier;
  outlet: string;
  articleId: string;
}

export type SeriesByCategory = Partial<Record<Category, ChartPoint[]>>;

export function reportsOf(timeline: Timeline | null): TimelineReport[] {
  return (timeline?.entries ?? []).filter((e): e is TimelineReport => e.kind === 'report');
}

/**
 * The figure history per category: a point for every report whose `changes` include the category (the
 * incident's figure after that report), plus the first report's own figures. Ordered by publication time.
 * With the summary, the report that set each current figure is always a point, so the chart ends where the
 * figures above it do even when stored changes are missing (reports adopted by a merge or move carry none).
 */
export function seriesOf(timeline: Timeline | null, summary?: IncidentSummary | null): SeriesByCategory {
  const reports = reportsOf(timeline);
  const out: SeriesByCategory = {};
  reports.forEach((report, i) => {
    for (const category of CATEGORIES) {
      const change = report.changes.find((c) => c.kind === 'casualty' && c.category === category);
      const figure = change ? change.to : i === 0 ? report.casualties[category] : undefined;
      if (!figure) continue;
      (out[category] ??= []).push({
        ms: report.published_ms,
        value: figure.value,
        qualifier: figure.qualifier,
        outlet: report.outlet,
        articleId: report.article_id,
      });
    }
  });
  for (const category of CATEGORIES) {
    const f = summary?.figures[category];
    if (!f) continue;
    const points = (out[category] ??= []);
    if (!points.some((p) => p.articleId === f.article_id && p.value === f.value)) {
      points.push({ ms: f.published_ms, value: f.value, qualifier: f.qualifier, outlet: f.outlet, articleId: f.article_id });
    }
  }
  for (const points of Object.values(out)) points.sort((a, b) => a.ms - b.ms);
  return out;
}
