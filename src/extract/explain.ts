// What `npm run extract -- --explain` prints: every candidate figure (casualty or threat) with the rule that read it
// and the flags that ranked it, every rule a guard or a named set-aside vetoed or demoted ("count.verb-before vetoed
// by count.aside.perpetrator"), and the figures chosen. Pure: the same article gives the same account.
import type { Casualties, Threat } from '../schema';
import { reportClock, type ArticleText } from './index';
import { findCandidates, type SentenceVeto } from './figures';
import { selectFigures } from './select';
import { SENTENCE_ASIDES, SET_ASIDES } from './rules/count-rules';
import { documentSentences } from './sentences';
import { findThreats, type ThreatTrace } from './threats';

export interface ExplainedCandidate {
  category: string;
  value: number;
  qualifier: string;
  rule: string;
  sentence: number;
  /** the flags that lower or exclude the candidate when figures are chosen */
  flags: string[];
  quote: string;
}

export interface Explanation {
  casualties: Casualties;
  candidates: ExplainedCandidate[];
  vetoes: SentenceVeto[];
  /** the threat figures chosen, each with its rule, and every threat candidate and veto of the same pass */
  threats: Threat[];
  threatTrace: ThreatTrace;
}

/** Set-asides that keep a candidate with a flag that ranks it lower (the rest, and every guard, drop the reading). */
const DEMOTING: ReadonlySet<string> = new Set([...SET_ASIDES, ...SENTENCE_ASIDES].filter((a) => a.effect === 'demotes').map((a) => a.id));

const FLAG_NAMES = ['increment', 'superseded', 'subcount', 'speculative', 'context', 'combined', 'update', 'region', 'partitive', 'single', 'mayIncludeDead', 'title', 'official', 'unofficial', 'implied'] as const;

export function explainExtraction(article: ArticleText): Explanation {
  const sentences = documentSentences(article.text, article.title);
  const { year, month } = reportClock(article.published, article.text);
  const vetoes: SentenceVeto[] = [];
  // one pass, as `extract` makes it: the figures chosen are chosen from exactly these candidates
  const found = findCandidates(sentences, year, month, vetoes);
  const candidates = found.map((c) => ({
    category: c.category,
    value: c.value,
    qualifier: c.qualifier,
    rule: c.rule,
    sentence: c.sentence,
    flags: FLAG_NAMES.filter((f) => c[f] === true),
    quote: c.quote,
  }));
  const threatTrace: ThreatTrace = { candidates: [], vetoes: [], setAside: [], dropped: [] };
  const threats = findThreats(sentences, year, month, threatTrace);
  return { casualties: selectFigures(found), candidates, vetoes, threats, threatTrace };
}

/** A plain-text account, one line per candidate and veto, for a terminal. */
export function formatExplanation(e: Explanation): string {
  const lines: string[] = ['chosen:'];
  for (const [cat, f] of Object.entries(e.casualties)) lines.push(`  ${cat} ${f.value} (${f.qualifier}) by ${f.rule ?? '?'}`);
  lines.push('candidates:');
  for (const c of e.candidates) {
    lines.push(`  s${c.sentence} ${c.category} ${c.value} (${c.qualifier}) by ${c.rule}${c.flags.length ? ` [${c.flags.join(', ')}]` : ''} — ${c.quote.slice(0, 100)}`);
  }
  lines.push('vetoed:');
  for (const v of e.vetoes) lines.push(`  s${v.sentence} ${v.rule} ${DEMOTING.has(v.guard) ? 'demoted' : 'vetoed'} by ${v.guard} at token ${v.pos}`);
  lines.push('threats chosen:');
  for (const t of e.threats) lines.push(`  ${t.value} ${t.noun} (${t.qualifier ?? 'exact'}) by ${t.rule ?? '?'}`);
  lines.push('threat candidates:');
  for (const c of e.threatTrace.candidates) lines.push(`  s${c.sentence} ${c.value} ${c.noun} (${c.qualifier}) by ${c.rule}${c.vague ? ' [vague]' : ''} — ${c.quote.slice(0, 100)}`);
  lines.push('threats vetoed:');
  for (const v of e.threatTrace.vetoes) lines.push(`  s${v.sentence} ${v.rule} vetoed by ${v.guard} at token ${v.pos}`);
  for (const a of e.threatTrace.setAside) lines.push(`  s${a.sentence} set aside by ${a.by}`);
  for (const d of e.threatTrace.dropped) lines.push(`  s${d.sentence} ${d.value} ${d.noun} not chosen: ${d.by}`);
  return lines.join('\n');
}
