// Choosing one figure per category, following the corpus labelling rules:
// the main incident's best current figure — first clean statement in the body, refined by a
// later, more precise statement of the same quantity; officials over others; increments,
// combined and other-incident figures never; superseded, speculative and sub-count figures
// only when nothing better exists; the headline only when the body has nothing.
import type { Casualties, Category, Figure } from '../schema';
import { CATEGORIES } from '../schema';
import type { Candidate } from './figures';
import { CLAUSE_PRONOUNS, SUBORDINATORS, SURVIVOR_MARKERS } from './lexicon/victims';
import { tokenise } from './numbers';

/**
 * Do the people at token `dead` and at token `hurt` of one sentence stand in two clauses joined by "and" ("A father
 * was killed and his son was shot"), not one told through the other ("has died after she was shot")?
 */
function twoClausesApart(sentence: string, dead: number, hurt: number): boolean {
  if (hurt <= dead) return false;
  const toks = tokenise(sentence);
  if (CLAUSE_PRONOUNS.has(toks[hurt]?.l ?? '')) return false;
  const between = toks.slice(dead + 1, hurt).map((t) => t.l);
  return between.includes('and') && !between.some((w) => SUBORDINATORS.has(w));
}

const setApartFromDead = (c: Candidate): boolean => c.quote.toLowerCase().split(/[^a-z]+/).some((w) => SURVIVOR_MARKERS.has(w));

function tier(c: Candidate): number {
  if (c.increment || c.combined || c.context || c.region || c.partitive) return 99;
  const weak = c.superseded || c.speculative || c.subcount;
  // body count < title count < body single victim < title single victim < the same, weak; a stated count
  // outranks one person described ("two were killed" over "the driver was killed")
  // a count only an event's name implies ("a deadly shooting") comes after everything stated
  // people described one by one and added up come after any stated count, the headline's included ("Five shot"
  // over four victims described in the body), and before one person described
  const listed = c.rule === 'listed.one-by-one' ? 1.5 : 0;
  return (c.implied ? 8 : 0) + (weak ? 4 : 0) + (c.single ? 2 : 0) + (c.title ? 1 : 0) + listed;
}

/** Could `later` be a more precise statement of the quantity `cur` describes? */
function refines(cur: Candidate, later: Candidate): boolean {
  if (later.vagueUpper !== undefined) return false;
  // "at least five others were injured … six people were shot": everyone shot is another quantity than the hurt
  if (!!later.mayIncludeDead !== !!cur.mayIncludeDead) return false;
  if (cur.vagueUpper !== undefined) return later.value >= cur.value && later.value < cur.vagueUpper;
  if (later.value === cur.value) return cur.qualifier !== 'exact' && later.qualifier === 'exact';
  switch (cur.qualifier) {
    case 'at_least':
      return later.value > cur.value && later.value <= cur.value * 1.5 + 2 && (later.qualifier === 'exact' || later.qualifier === 'at_least');
    case 'approx':
      return later.qualifier === 'exact' && Math.abs(later.value - cur.value) <= Math.max(1, cur.value * 0.15);
    case 'at_most':
      return later.qualifier === 'exact' && later.value <= cur.value && later.value >= cur.value * 0.6;
    default:
      return false;
  }
}

export function choose(cands: Candidate[], category: Category): Candidate | undefined {
  // "The toll climbed to 288 … An earlier estimate had put the toll at 233": once the article states a current
  // update for the category, an earlier estimate is never the current figure, even if the update itself was set
  // aside (a part, a partitive); it stays a fallback only where the article gives nothing newer
  const updated = cands.some((c) => c.category === category && c.update && !c.superseded);
  let mine = cands.filter((c) => c.category === category && tier(c) < 99 && !(updated && c.superseded));
  // "Four people shot outside a club … Smith and Ruiz were flown to a hospital": those taken to hospital or in a
  // stated condition are some of the hurt; a count of all of them, even the headline's, is the figure
  if (mine.some((c) => !c.state && !c.single && tier(c) <= 1)) mine = mine.filter((c) => !c.state);
  if (mine.length === 0) return undefined;
  let best = 99;
  for (const c of mine) best = Math.min(best, tier(c));
  const pool = mine
    .filter((c) => tier(c) === best)
    // within a sentence a stated count comes before one person described in it ("one juvenile was killed and
    // two others were left in critical condition … one was taken to hospital")
    // (two rules reading one phrase: the one that read the longer list of victims wins)
    .sort((a, b) => a.sentence - b.sentence || Number(!!a.single) - Number(!!b.single) || a.pos - b.pos || b.value - a.value);
  let cur = pool[0]!;
  for (const c of pool.slice(1)) {
    if (refines(cur, c)) cur = c;
    // an official figure outranks a witness's or a local outlet's
    else if (cur.unofficial && c.official && c.value !== cur.value) cur = c;
    // a later toll update ("has risen to", "now stands at", "bringing the toll to") replaces a lower earlier toll,
    // an earlier update included ("The toll rose to 77. One of the injured died, bringing the toll to 78.")
    else if (c.update && c.value > cur.value && c.qualifier === 'exact') cur = c;
  }
  return cur;
}

export function selectFigures(cands: Candidate[]): Casualties {
  const out: Casualties = {};
  // "Officials had first said about 200 pupils were missing": an earlier estimate of the abducted, now counted
  // as hostages, is no missing figure of its own
  const hostagesClean = cands.some((c) => c.category === 'hostages' && tier(c) <= 1);
  for (const cat of CATEGORIES) {
    const c = choose(cands, cat);
    if (!c) continue;
    if (cat === 'missing' && c.superseded && hostagesClean) continue;
    out[cat] = figureOf(c);
  }
  return withoutShotDead(out, cands);
}

function figureOf(c: Candidate): Figure {
  const fig: Figure = { value: c.value, qualifier: c.qualifier, quote: c.quote, rule: c.rule };
  if (c.attribution) fig.attribution = c.attribution;
  return fig;
}

/**
 * The Gun Violence Archive's reading: "four people were shot, one fatally" is killed 1 and injured 3. An injured
 * figure that counts everyone shot loses those counted as killed; a victim is never counted twice. (A killed count
 * as large as the shot count leaves none of the shot alive: "three people were shot … four dead, an unborn child
 * among them"; the injured figure is then whoever else the article says was hurt.)
 */
function withoutShotDead(out: Casualties, cands: Candidate[]): Casualties {
  const injured = out.injured;
  const killed = out.killed;
  if (!injured || !killed) return out;
  const chosen = cands.filter((c) => c.category === 'injured' && c.quote === injured.quote && c.value === injured.value);
  // one person shot, taken to hospital or in critical condition ("he was taken to hospital, where he died"),
  // beside the dead, is in these reports most often one of them ("Bird was shot in the head" after "three were found
  // dead"); "a guard was wounded" is not, nor, beside several dead, one the sentence sets apart ("also shot",
  // "survived", "a fourth person"), nor one told apart from a dead person in the same sentence ("A father was killed
  // and his son was shot")
  const toldApart = chosen.some((h) => cands.some((k) => k.category === 'killed' && k.single && !k.context && k.sentence === h.sentence && twoClausesApart(h.quote, k.pos, h.pos)));
  if (chosen.every((c) => c.single && c.mayIncludeDead) && !toldApart && (killed.value === 1 || !chosen.some(setApartFromDead))) {
    return whoeverElseHurt(out, cands, (c) => !!c.single && !!c.mayIncludeDead);
  }
  const shot = chosen.find((c) => c.mayIncludeDead && !c.single);
  if (!shot) return out;
  // "two people are dead and two others are hurt": the article counts the hurt apart from the dead itself
  const survivors = cands.find((c) => c.category === 'injured' && !c.mayIncludeDead && !c.single && !c.state && tier(c) <= 1 && c.others);
  if (survivors) return { ...out, injured: figureOf(survivors) };
  const rest = injured.value - killed.value;
  if (rest > 0) return { ...out, injured: { ...injured, value: rest } };
  // "Two men died and a 3-year-old boy was wounded … Two men were shot": everyone shot were the dead
  return whoeverElseHurt(out, cands, (c) => !!c.mayIncludeDead && !c.single && c.value <= killed.value);
}

/**
 * When the injured figure counted only the dead (those `gone` describes), it is whoever else the article says was
 * hurt ("killing his sister and injuring his brother"), read the same way, or none.
 */
function whoeverElseHurt(out: Casualties, cands: Candidate[], gone: (c: Candidate) => boolean): Casualties {
  const others = cands.filter((c) => !(c.category === 'injured' && gone(c)));
  const next = choose(others, 'injured');
  const { injured: _dropped, ...withoutInjured } = out;
  // (a weak figure, a round-up's or a superseded one, is no one else's)
  if (!next || tier(next) >= 4) return withoutInjured;
  return withoutShotDead({ ...out, injured: figureOf(next) }, others);
}
