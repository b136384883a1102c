// The extraction engine's public surface. Pure functions; `extract` never throws.
import type { Extraction } from '../schema';
import { findCandidates } from './figures';
import { datelineOf, headlineOf, incidentAges, incidentMagnitudes, incidentNames, incidentPlaces, incidentStreets, incidentType, incidentVessels, isRetrospective, outletTown } from './incident';
import { selectFigures } from './select';
import { documentSentences } from './sentences';
import { findThreats } from './threats';

export { normaliseText } from './normalise';
export { isEnglish } from './language';

export interface ArticleText {
  text: string;
  title?: string;
  published?: string;
}

function yearOf(published: string | undefined, text: string): number | undefined {
  const m = published ? /^(\d{4})-/.exec(published) : null;
  if (m) return Number(m[1]);
  // Without a date, the latest year the text mentions stands in for "now".
  let max: number | undefined;
  for (const y of text.slice(0, 200_000).matchAll(/\b(1[89]\d\d|20\d\d)\b/g)) {
    const v = Number(y[1]);
    if (max === undefined || v > max) max = v;
  }
  return max;
}

function monthOf(published: string | undefined): number | undefined {
  const m = published ? /^\d{4}-(\d{2})/.exec(published) : null;
  const v = m ? Number(m[1]) : NaN;
  return v >= 1 && v <= 12 ? v : undefined;
}

/** The report's year and month, which tell an earlier incident's figures from the current one's. */
export function reportClock(published: string | undefined, text: string): { year: number | undefined; month: number | undefined } {
  return { year: yearOf(published, text), month: monthOf(published) };
}

function empty(): Extraction {
  return { casualties: {}, threats: [], incident: { type: null, places: [] } };
}

export function extract(article: ArticleText): Extraction {
  try {
    const text = typeof article?.text === 'string' ? article.text : '';
    const title = typeof article?.title === 'string' ? article.title : undefined;
    if (!text.trim() && !title?.trim()) return empty();
    // Headline text in capitals carries numbers too ("SIX KILLED"): treated as a sentence like any other.
    const sentences = documentSentences(text, title);
    const { year, month } = reportClock(article.published, text);
    const candidates = findCandidates(sentences, year, month);
    const casualties = selectFigures(candidates);
    const threats = findThreats(sentences, year, month);
    // the body's sentences by paragraph, in one pass: the first paragraph, the first two, the first three, the rest
    const body: string[] = [];
    const para0: string[] = [];
    const firstTwo: string[] = [];
    const early: string[] = [];
    const later: string[] = [];
    for (const s of sentences) {
      if (s.idx < 0) continue;
      body.push(s.text);
      if (s.para === 0) para0.push(s.text);
      if (s.para <= 1) firstTwo.push(s.text);
      (s.para <= 2 ? early : later).push(s.text);
    }
    const lead = body.slice(0, 3);
    const dateline = datelineOf(text);
    const quotes = Object.values(casualties).map((f) => f.quote);
    // the headline without the outlet's name after it ("… - KXYZ Action News 7 - Denver"), for the incident's hints
    const headline = headlineOf(title);
    const places = incidentPlaces(headline, sentences, quotes, dateline, outletTown(title));
    const names = incidentNames(headline, sentences);
    const main = (['killed', 'hostages', 'injured', 'missing', 'arrested', 'displaced'] as const).find((c) => casualties[c]);
    const incident: Extraction['incident'] = { type: incidentType(headline, lead, quotes, main), places };
    if (names.length) incident.names = names;
    if (dateline) incident.dateline = dateline;
    const magnitudes = incident.type === 'earthquake' || incident.type === 'tsunami' ? incidentMagnitudes(title, para0) : [];
    if (magnitudes.length) incident.magnitudes = magnitudes;
    const vessels = incidentVessels(title, firstTwo);
    if (vessels.length) incident.vessels = vessels;
    if (isRetrospective(title)) incident.retrospective = true;
    const ages = incidentAges(headline, early, later);
    if (ages.ages.length) incident.ages = ages.ages;
    if (ages.suspects.length) incident.suspect_ages = ages.suspects;
    if (ages.later.length) incident.later_ages = ages.later;
    const streets = incidentStreets(headline, early);
    if (streets.length) incident.streets = streets;
    const toll = (casualties.killed?.value ?? 0) + (casualties.injured?.value ?? 0);
    if (toll > 0) incident.toll = toll;
    return { casualties, threats, incident };
  } catch {
    // A bug must not take down the webhook: an empty extraction is a safe answer.
    return empty();
  }
}
