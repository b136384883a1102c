// Dev-only baseline: the obvious extractor one would write with an NLP library (compromise):
// for each number compromise finds, look at the next few words for a casualty keyword and
// the previous few for a qualifier; first figure per category wins. Used to show what the
// hand-built engine buys in accuracy and speed. Never bundled into the worker.
import nlp from 'compromise';
import type { Casualties, Category, Extraction, Qualifier } from '../src/schema';

const KW: Array<[RegExp, Category]> = [
  [/\b(killed|dead|died|deaths|fatalities|lives)\b/, 'killed'],
  [/\b(injured|wounded|hurt|injuries|hospitali[sz]ed)\b/, 'injured'],
  [/\b(missing|unaccounted)\b/, 'missing'],
  [/\b(arrested|detained|custody)\b/, 'arrested'],
  [/\b(displaced|evacuated|homeless|shelters)\b/, 'displaced'],
  [/\b(kidnapped|abducted|hostages?)\b/, 'hostages'],
];
const THREAT = /^\s*(?:\S+\s+){0,3}?(missiles?|rockets?|drones?|troops|shells|scenarios|sites|targets)\b/;

function qualifierOf(before: string): Qualifier {
  const b = before.toLowerCase();
  if (/(at least|more than|over|no less than|dozens|hundreds|thousands)\s*$/.test(b)) return 'at_least';
  if (/(about|around|nearly|almost|some|roughly|approximately|an estimated)\s*$/.test(b)) return 'approx';
  if (/(up to|as many as|fewer than)\s*$/.test(b)) return 'at_most';
  return 'exact';
}

interface NumView {
  forEach(fn: (m: NumMatch) => void): void;
}
interface NumMatch {
  numbers(): { get(): unknown };
  after(): { text(): string };
  before(): { text(): string };
}

export function baselineExtract(article: { text: string; title?: string }): Extraction {
  const casualties: Casualties = {};
  const threats: Extraction['threats'] = [];
  const doc = nlp(article.text);
  doc.sentences().forEach((s) => {
    const quote = s.text();
    (s as unknown as { numbers(): NumView }).numbers().forEach((m) => {
      const value = (m.numbers().get() as number[])[0];
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) return;
      const after = m.after().text().toLowerCase().split(/\s+/).slice(0, 5).join(' ');
      const before = m.before().text().split(/\s+/).slice(-3).join(' ');
      for (const [re, cat] of KW) {
        if (re.test(after) && !casualties[cat]) {
          casualties[cat] = { value, qualifier: qualifierOf(before), quote };
          return;
        }
      }
      const t = THREAT.exec(after);
      if (t) threats.push({ value, noun: t[1] ?? '', quote });
    });
  });
  return { casualties, threats, incident: { type: null, places: [] } };
}
