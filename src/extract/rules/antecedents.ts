// The groups an article has counted so far ("abducted four civilians", "two soldiers were seized"), so that a later
// definite plural with no number ("the hostages were killed", "the soldiers were killed") takes their count: it
// names people already counted, as an analyst's summary or a follow-up paragraph does.
import type { Qualifier } from '../../schema';
import type { Candidate } from '../figures';
import type { Token } from '../numbers';
import { CAPTIVE_NOUNS } from '../lexicon/victims';
import { npEndingAt } from './victim-np';

export interface Antecedent {
  value: number;
  qualifier: Qualifier;
}

/** One counted figure of a sentence, as findCandidates holds it. */
type CountedFigure = Pick<Candidate, 'value' | 'qualifier' | 'pos' | 'category' | 'increment'>;

/** How far after a figure's first token its person noun may stand ("four Afghan National Army (ANA) soldiers"). */
const HEAD_WITHIN = 9;

export class Antecedents {
  private readonly byHead = new Map<string, Antecedent>();
  /** Sentences recorded but not yet read for their heads: most articles never look a head up, so reading waits for the first lookup. */
  private pending: Array<{ toks: Token[]; figures: readonly CountedFigure[] }> = [];

  /** The count a definite plural head refers back to, if the article counted such a group before. */
  readonly lookup = (head: string): Antecedent | undefined => {
    for (const p of this.pending) this.read(p.toks, p.figures);
    this.pending = [];
    return this.byHead.get(head);
  };

  /**
   * Records the person groups behind one sentence's figures, after the sentence is read: the head noun of each
   * counted phrase, and for a hostage figure the words that name captives later ("the hostages", "the captives").
   * A later count of the same head replaces an earlier one: the nearest mention is the one referred to.
   */
  record(toks: Token[], figures: readonly CountedFigure[]): void {
    this.pending.push({ toks, figures });
  }

  private read(toks: Token[], figures: readonly CountedFigure[]): void {
    for (const f of figures) {
      if (f.increment) continue;
      const a: Antecedent = { value: f.value, qualifier: f.qualifier };
      if (f.category === 'hostages') for (const w of CAPTIVE_NOUNS) this.byHead.set(w, a);
      for (let j = f.pos + 1; j < toks.length && j <= f.pos + HEAD_WITHIN; j++) {
        const t = toks[j]!;
        if (t.k === 'punct' && t.t !== '(' && t.t !== ')' && t.t !== '-') break;
        const np = npEndingAt(toks, j, { allowPronoun: false, title: false });
        if (np && np.kind === 'count' && np.start <= f.pos && np.value === f.value && !np.perpetrator && !np.others) {
          this.byHead.set(t.l, a);
          break;
        }
      }
    }
  }
}
