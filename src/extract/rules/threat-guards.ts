// Named guards a threat rule may list: each says why a counted force, weapon or target is not a threat (the dead,
// a rescue team, the perpetrators of a past attack, storage tanks). A guard returns true to veto; the veto is
// recorded under its id.
import type { Token } from '../numbers';
import { LEFT_VERBS } from '../lexicon/index';
import {
  ATTACK_NOUNS, CASUALTY_OBJECT_FILLERS, CLAUSE_OPENERS, DEATH_VERBS, GROUND_FORCES, PARTITIVE_QUANTIFIERS, PERPETRATION_VERBS,
  VICTIM_PARTICIPLES,
} from '../lexicon/threats';
import { keywordAt } from './context';

export interface ThreatGuardContext {
  toks: Token[];
  /** the count's first token */
  start: number;
  /** the token after the counted noun phrase */
  end: number;
  /** the phrase's head, singular ("missile") */
  head: string;
  noun: string;
  /** the sentence speaks of rescue or relief (worked out once per sentence) */
  rescue: boolean;
  /** the article speaks of fuel or storage tanks (worked out once per article) */
  containers: boolean;
}

const PASSIVE_BE = /^(were|was|are|is)$/;

export const THREAT_GUARDS = {
  /** "one of the two bombers", "one of three divisions": a part named through a group already met counts no force */
  'guard.partitive': (c: ThreatGuardContext) => {
    const t = c.toks;
    if (t[c.start - 1]?.l === 'of' && PARTITIVE_QUANTIFIERS.has(t[c.start - 2]?.l ?? '')) return true;
    return t[c.start - 1]?.l === 'the' && t[c.start - 2]?.l === 'of' && PARTITIVE_QUANTIFIERS.has(t[c.start - 3]?.l ?? '');
  },
  /** "12 soldiers were killed", "killed were 6 soldiers": a casualty keyword beside the count makes it a toll */
  'guard.casualty-keyword': (c: ThreatGuardContext) => {
    if (keywordAt(c.toks, c.start - 2) && PASSIVE_BE.test(c.toks[c.start - 1]?.l ?? '')) return true;
    for (let k = c.end; k < c.end + 5 && k < c.toks.length; k++) if (keywordAt(c.toks, k)) return true;
    return false;
  },
  /** "wounded at least 20 soldiers", "killed or wounded 1,500 soldiers": the object of a casualty verb */
  'guard.casualty-object': (c: ThreatGuardContext) => {
    let q = c.start - 1;
    while (q >= 0 && q > c.start - 4 && CASUALTY_OBJECT_FILLERS.has(c.toks[q]!.l)) q--;
    return !!(c.toks[q] && LEFT_VERBS[c.toks[q]!.l]);
  },
  /** "70 soldiers on patrol were ambushed", "40 soldiers and guerrillas … died": the counted force are the victims */
  'guard.victims-of-attack': (c: ThreatGuardContext) => {
    for (let k = c.end; k < c.end + 14 && k < c.toks.length; k++) {
      const t = c.toks[k]!;
      if (t.k === 'punct' && t.t === '.' && t.glued) continue; // "a U.S. adviser"
      if (t.k === 'punct' || t.k === 'num') return false;
      if (CLAUSE_OPENERS.has(t.l)) return false;
      if (DEATH_VERBS.has(t.l)) return true;
      if ((t.l === 'were' || t.l === 'was') && VICTIM_PARTICIPLES.has(c.toks[k + 1]?.l ?? '')) return true;
    }
    return false;
  },
  /** "500 troops sent to help rescue efforts": soldiers deployed for relief are no force threatening anyone */
  'guard.rescue-force': (c: ThreatGuardContext) => c.rescue && GROUND_FORCES.has(c.head),
  /** "two suicide bombers carried out the attack": attackers of a past attack, not warplanes readied */
  'guard.suicide-bomber': (c: ThreatGuardContext) => c.head === 'bomber' && (c.toks[c.start - 1]?.l === 'suicide' || /\bsuicide\b/i.test(c.noun)),
  /** "nine attackers … carried out the attacks": a counted force that carried out a past attack is its perpetrators */
  'guard.past-attackers': (c: ThreatGuardContext) => {
    for (let k = c.end; k < c.end + 12 && k < c.toks.length; k++) {
      const t = c.toks[k]!;
      if (t.k === 'punct' && t.t !== ',') return false;
      if (PERPETRATION_VERBS.has(t.l)) {
        for (let m = k + 1; m < k + 5 && m < c.toks.length; m++) if (ATTACK_NOUNS.has(c.toks[m]!.l)) return true;
        return false;
      }
      if (t.k === 'num') return false;
    }
    return false;
  },
  /** "fuel tanks … four giant tanks": in an article about storage tanks, tanks are containers, not armour */
  'guard.container-tanks': (c: ThreatGuardContext) => c.containers && c.head === 'tank',
} satisfies Record<string, (c: ThreatGuardContext) => boolean>;

export type ThreatGuardId = keyof typeof THREAT_GUARDS;
