// Named guards a victim rule may list: each says why a phrase that looks like a casualty statement is not one
// of the main incident's victims. A guard returns true to veto; the veto is recorded under its id.
import type { Token } from '../numbers';
import { EVENT_NOUN_FAMILIES } from '../lexicon/victims';
import { AGENT_DETERMINERS, CASUALTY_WORDS, CAUSE_LINKS, HURT_OUTCOME, KILLED_OUTCOME, MODALS, NEGATING_DETERMINERS, OTHER_CAUSES, OTHER_VICTIM_JOINERS, OTHER_VICTIM_OPENERS, POLICE_AGENTS, SHOT_AT_TARGETS } from '../lexicon/outcomes';
import { THAT_WHICH } from '../lexicon/counts';
import type { SentenceHooks } from './engine';
import { isOnePerson, type VictimNP } from './victim-np';

export interface GuardContext {
  toks: Token[];
  anchorStart: number;
  anchorEnd: number;
  np: VictimNP;
  hooks: SentenceHooks;
  subjectSide: boolean;
}

function before(ctx: GuardContext, span: number, test: (t: Token) => boolean): boolean {
  const from = ctx.subjectSide ? ctx.np.end + 1 : Math.max(0, ctx.anchorStart - span);
  for (let k = from; k < ctx.anchorStart; k++) if (test(ctx.toks[k]!)) return true;
  return false;
}

/** Does "neither" open the clause whose subject starts at `start` ("Neither the driver or the passenger …")? */
function openingNeither(toks: Token[], start: number): boolean {
  for (let k = start - 1; k >= 0 && k >= start - 8; k--) {
    const t = toks[k]!;
    if (t.l === 'neither') return true;
    if (t.k === 'punct' && t.t !== '-') return false;
  }
  return false;
}

export const GUARDS = {
  /** "the gunman was killed", "police shot the suspect": an attacker is no victim */
  'guard.perpetrator': (ctx: GuardContext) => ctx.np.perpetrator,
  /** "was not injured", "wasn't hurt", "never died" */
  'guard.negated': (ctx: GuardContext) =>
    before(ctx, 4, (t) => t.l === 'not' || t.l === "n't" || t.l === 'never' || t.l.endsWith("n't")) ||
    (ctx.subjectSide && NEGATING_DETERMINERS.test(ctx.toks[ctx.np.start - 1]?.l ?? ctx.toks[ctx.np.start]?.l ?? '')) ||
    // "Neither the driver nor the other passenger was hurt": the pair's "neither" opens the subject, before its first member
    (ctx.subjectSide && openingNeither(ctx.toks, ctx.np.start)),
  /** "could have been killed", "would have died", "could not say if the man had died": nothing known happened */
  'guard.hypothetical': (ctx: GuardContext) => before(ctx, 4, (t) => MODALS.test(t.l)) || ctx.toks.slice(Math.max(0, ctx.np.start - 3), ctx.np.start).some((t, k, w) => t.l === 'if' || t.l === 'whether' || t.l === 'whenever' || t.l === 'anytime' || (t.l === 'time' && /^(any|every)$/.test(w[k - 1]?.l ?? ''))),
  /** "in the 2014 shooting death of a teenager", "in March 2015": a year before the report's is another incident */
  'guard.earlier-year': (ctx: GuardContext) => ctx.hooks.earlierYear,
  /** "a man was shot and killed on the same block just last week", in a story whose lead dates nothing so: an
   *  earlier incident told as background */
  'guard.earlier-period': (ctx: GuardContext) => ctx.hooks.earlierPeriod,
  /** "Five wounded in club shooting … Day was shot dead there in March": one person's death, far below a lead that
   *  tells only of people hurt, is another incident's (a death of the main incident reaches the headline) */
  'guard.lead-only-hurt': (ctx: GuardContext) => ctx.hooks.leadOnlyHurt && isOnePerson(ctx.np),
  /** "was taken to a hospital, where he was pronounced dead", "Boy, 17, shot in Claymont has died": the one person
   *  hurt is the one who died, counted among the killed */
  'guard.then-died': (ctx: GuardContext) => {
    if (!isOnePerson(ctx.np)) return false;
    const t = ctx.toks;
    for (let k = ctx.anchorEnd; k < t.length && k < ctx.anchorEnd + 25; k++) {
      const w = t[k]!.l;
      if (t[k]!.t === ';' || t[k]!.t === '.') return false;
      // ("and a second man died", "while the other died": another victim's death)
      if (OTHER_VICTIM_JOINERS.test(w) && OTHER_VICTIM_OPENERS.test(t[k + 1]?.l ?? '')) return false;
      if (w === 'died' || w === 'succumbed' || ((w === 'pronounced' || w === 'declared') && t[k + 1]?.l === 'dead')) return true;
    }
    return false;
  },
  /** "was shot at": missed, not hit */
  'guard.shot-at': (ctx: GuardContext) => {
    const t = ctx.toks;
    if (t[ctx.anchorEnd]?.l !== 'at') return false;
    // "shot at a party", "shot at about 9 p.m." say where and when; "shot at but missed", "shot at officers" say aim
    const next = t[ctx.anchorEnd + 1];
    return !next || next.k === 'punct' || SHOT_AT_TARGETS.test(next.l);
  },
  /** "was shot by police": the person shot by officers is, in these reports, the suspect */
  'guard.shot-by-police': (ctx: GuardContext) => {
    const t = ctx.toks;
    const k = ctx.anchorEnd;
    if (t[k]?.l !== 'by') return false;
    const who = AGENT_DETERMINERS.test(t[k + 1]?.l ?? '') ? t[k + 2] : t[k + 1];
    return !!who && POLICE_AGENTS.test(who.l);
  },
  /** "died of cancer", "succumbed to heart disease": another death, not the incident's */
  'guard.other-cause': (ctx: GuardContext) => {
    const t = ctx.toks;
    for (let k = ctx.anchorEnd; k < ctx.anchorEnd + 4 && k < t.length; k++) if (OTHER_CAUSES.test(t[k]!.l)) return CAUSE_LINKS.test(t[ctx.anchorEnd]?.l ?? '');
    return false;
  },
  /** "were killed or injured", "dead or missing": a combined figure is never split */
  'guard.combined': (ctx: GuardContext) => {
    const t = ctx.toks;
    const after = t[ctx.anchorEnd]?.l;
    if ((after === 'or' || after === ',') && CASUALTY_WORDS.test(t[ctx.anchorEnd + 1]?.l ?? '')) return true;
    // ("two children hurt and killed", "were killed and injured": both outcomes for one count)
    const word = t[ctx.anchorEnd - 1]?.l ?? '';
    const next = t[ctx.anchorEnd + 1]?.l ?? '';
    if (after === 'and' && ((HURT_OUTCOME.test(word) && KILLED_OUTCOME.test(next)) || (KILLED_OUTCOME.test(word) && HURT_OUTCOME.test(next)))) return true;
    const before = t[ctx.anchorStart - 1]?.l;
    return (before === 'or' || before === ',') && CASUALTY_WORDS.test(t[ctx.anchorStart - 2]?.l ?? '');
  },
  /** "in response to the killing of its commander": a death named as a noun only counts when the headline or lead
   *  speaks of a death at all */
  'guard.lead-without-death': (ctx: GuardContext) => {
    return !ctx.hooks.leadSpeaksOfDeath;
  },
  /** "after an earthquake that killed a teacher": an earlier, other event's victim */
  'guard.background-event': (ctx: GuardContext) => ctx.hooks.background(ctx.anchorStart),
  /** "the strike in Iraq that killed a commander", in a story whose headline and lead name no strike or no death */
  'guard.other-event-clause': (ctx: GuardContext) => {
    const t = ctx.toks;
    if (!THAT_WHICH.test(t[ctx.anchorStart - 1]?.l ?? '')) return false;
    // a headline and lead that speak of no death at all are about something else
    if (!ctx.hooks.leadSpeaksOfDeath) return true;
    for (let k = ctx.anchorStart - 2; k >= 0 && k >= ctx.anchorStart - 7; k--) {
      const family = EVENT_NOUN_FAMILIES.find((f) => f.has(t[k]!.l));
      if (!family) continue;
      for (const w of family) if (ctx.hooks.leadWords.has(w)) return false;
      return true;
    }
    return false;
  },
} satisfies Record<string, (ctx: GuardContext) => boolean>;

export type GuardId = keyof typeof GUARDS;
