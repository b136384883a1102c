// Threat figures: counts attached to weapons fired or readied, forces massed, and
// attack plans or targets named in a threat. A count is a threat only when its noun
// phrase ends in one of these heads; casualty readings and rescue deployments are not.
import type { Threat } from '../schema';
import { asideAround, keywordAt, olderMonth, superlativeSince } from './rules/context';
import { parseNumberAt, yearOf, type Token } from './numbers';
import { tokensOf, type Sentence } from './sentences';
import { LEFT_VERBS, MONTHS } from './lexicon/index';

const HEADS = new Set(
  ('missiles missile rockets rocket drones drone uavs uav shells mortars warheads bombs troops soldiers servicemen ' +
    'paratroopers marines reservists conscripts tanks warplanes bombers warships submarines battalions brigades divisions scenarios ' +
    'targets sites plans artillery projectiles munitions interceptors warplanes').split(' '),
);
/** Places named as targets: threat heads only in a sentence that threatens to strike them. */
const SITE_HEADS = new Set('bases base cities towns facilities installations airports ports bridges embassies consulates refineries'.split(' '));
const STRIKE_RE = /\b(strike|strikes|striking|attack|attacks|attacking|target|targets|targeted|targeting|targetting|hit|destroy|threaten|threatened|threatens|bomb)\b/i;
const NP_STOP = new Set(
  ('in on at from with by for after before during when while as than since near into onto across over under about ' +
    'because but or nor if although though where which who that to of and the a an were was are is have has had be been ' +
    'would will could may might said says told fired launched gathered massed deployed along toward towards').split(' '),
);
const QUOTE = new Set(['"', "'", '‘', '’', '“', '”']);
// "search" only as a rescue search ("search for survivors"), not a manhunt ("search for accomplices")
const RESCUE = /\b(rescue|relief|aid|humanitarian|search(?:es|ing)? (?:for|through) (?:survivors|bodies|victims|the missing|missing|the rubble|debris)|search and|firefight|evacuat|help|peacekeep)/i;

function singular(w: string): string {
  return w.endsWith('ies') ? w.slice(0, -3) + 'y' : w.endsWith('s') ? w.slice(0, -1) : w;
}

interface Found {
  value: number;
  noun: string;
  head: string;
  quote: string;
  sentence: number;
  title: boolean;
  vague: boolean;
}
/** Kinds of ground force: a vague count of one ("thousands of soldiers") is part of a precise count of another. */
const FORCE = new Set(['troop', 'soldier', 'serviceman', 'reservist', 'conscript', 'paratrooper', 'marine']);

/** The noun phrase after a count, if it ends in a threat head: returns [text, head, endIdx]. */
function threatNP(toks: Token[], j: number, text: string, vague = false, sites = false): [string, string, number] | undefined {
  let start = -1;
  let lastHead = -1;
  let k = j;
  if (vague && toks[k]?.l === 'of' && toks[k + 1] && !NP_STOP.has(toks[k + 1]!.l)) k++; // "dozens of rockets"
  for (let steps = 0; steps < 6 && k < toks.length; steps++, k++) {
    const tk = toks[k]!;
    if (tk.k === 'punct') {
      if (QUOTE.has(tk.t)) continue;
      if (tk.t === '-' && tk.glued) return undefined; // "100-kg bomb"
      break;
    }
    if (tk.k === 'num') break;
    if (NP_STOP.has(tk.l)) {
      // "soldiers and police": keep a coordinated second noun
      if (tk.l === 'and' && lastHead === k - 1 && toks[k + 1] && /^(police|policemen|sailors|marines|airmen|tanks|drones|missiles|rockets)$/.test(toks[k + 1]!.l)) {
        lastHead = k + 1;
        k++;
        continue;
      }
      break;
    }
    if (start < 0) start = k;
    if (HEADS.has(tk.l) || (sites && SITE_HEADS.has(tk.l))) lastHead = k;
    else if (lastHead >= 0 && lastHead === k - 1) break; // the head ended the phrase
  }
  if (start < 0 || lastHead < 0) return undefined;
  const headTok = toks[lastHead]!;
  const noun = text.slice(toks[start]!.s, headTok.e).replace(/^[‘’“”"']+|[‘’“”"']+$/g, '').replace(/[‘’“”"]/g, '').trim();
  return [noun, singular(headTok.l), lastHead + 1];
}

/** "nine attackers … carried out the attacks": a counted force that carried out a past attack is its perpetrators, not a threat. */
function pastAttackers(toks: Token[], end: number): boolean {
  for (let k = end; k < end + 12 && k < toks.length; k++) {
    const t = toks[k]!;
    if (t.k === 'punct' && t.t !== ',') return false;
    if (/^(carried|staged|perpetrated|committed)$/.test(t.l)) {
      for (let m = k + 1; m < k + 5 && m < toks.length; m++) if (/^(attacks?|bombings?|blasts?|massacres?|assaults?|raids?|killings?|shootings?)$/.test(toks[m]!.l)) return true;
      return false;
    }
    if (t.k === 'num') return false;
  }
  return false;
}

/** "fuel tanks", "storage tanks": a document about storage tanks uses "tanks" for containers, not armour. */
const CONTAINER_TANKS = /\b(fuel|oil|storage|petrol|gasoline|diesel|water|gas|chemical|septic|propane|ammonia)\s+(storage\s+)?tanks?\b/i;

export function findThreats(sentences: Sentence[], currentYear: number | undefined, currentMonth?: number): Threat[] {
  const found: Found[] = [];
  const containers = sentences.some((s) => CONTAINER_TANKS.test(s.text));
  for (const sen of sentences) {
    const toks = tokensOf(sen);
    if (sen.idx !== -1 && olderMonth(toks, currentMonth)) continue; // "In August, China fired 11 missiles"
    let oldYear = false;
    const asides: Array<[number, number]> = [];
    toks.forEach((tk, j) => {
      const y = yearOf(tk);
      if (y !== undefined && currentYear !== undefined && y < currentYear && !superlativeSince(toks, j)) {
        // "the Crimean Peninsula, which Russia seized in 2014": the year dates only its aside
        const aside = asideAround(toks, j);
        if (aside) asides.push(aside);
        else oldYear = true;
      }
    });
    if (oldYear) continue; // counts from older conflicts are context
    const rescue = RESCUE.test(sen.text);
    const strikes = STRIKE_RE.test(sen.text);
    for (let i = 0; i < toks.length; i++) {
      const tk = toks[i]!;
      if (tk.k !== 'num' && !(tk.k === 'word' && /^[a-z]/.test(tk.l))) continue;
      // "a" is a number only in "a dozen" ("more than a dozen ballistic missiles")
      if ((tk.l === 'a' || tk.l === 'an') && toks[i + 1]?.l !== 'dozen') continue;
      const prev = toks[i - 1];
      if (prev && MONTHS.has(prev.l)) continue;
      const n = parseNumberAt(toks, i);
      if (!n) continue;
      if (yearOf(tk) !== undefined) continue;
      if (asides.some(([a, b]) => i > a && i < b)) continue;
      // "one of the two bombers", "one of three divisions": a partitive names a group already met, it counts no force
      if (prev?.l === 'of' && /^(one|two|three|each|some|none|all|both|most|many|several|any)$/.test(toks[i - 2]?.l ?? '')) continue;
      if (prev?.l === 'the' && toks[i - 2]?.l === 'of' && /^(one|two|three|each|some|none|all|both|most|many|several|any)$/.test(toks[i - 3]?.l ?? '')) continue;
      let np = threatNP(toks, n.end, sen.text, !!n.vague, strikes);
      let end = n.end;
      if (!np) {
        // "the number of soldiers and police … will be raised to 10,500"
        if (prev && /^(to|at|reach|of)$/.test(prev.l)) {
          for (let j = i - 2; j >= 0 && j >= i - 14; j--) {
            if (toks[j]!.l === 'number' && toks[j + 1]?.l === 'of') {
              const inner = threatNP(toks, j + 2, sen.text);
              if (inner) np = inner;
              break;
            }
            if (toks[j]!.k === 'num' || toks[j]!.t === '.') break;
          }
        }
        if (!np) {
          i = n.end - 1;
          continue;
        }
      } else end = np[2];
      // "12 soldiers were killed" is a casualty figure; so is "killed were 6 soldiers"
      let casualty = !!(keywordAt(toks, i - 2) && /^(were|was|are|is)$/.test(prev?.l ?? ''));
      for (let k = end; k < end + 5 && k < toks.length; k++) if (keywordAt(toks, k)) casualty = true;
      // "wounded at least 20 soldiers", "killed or wounded 1,500 Iraqi soldiers": the object of a casualty verb
      let q = i - 1;
      while (q >= 0 && q > i - 4 && /^(at|least|more|than|about|some|over|nearly|almost|around|up|to|all|another)$/.test(toks[q]!.l)) q--;
      if (toks[q] && LEFT_VERBS[toks[q]!.l]) casualty = true;
      // "70 soldiers on patrol were ambushed": the soldiers are the victims of the attack, not a force threatening one
      for (let k = end; k < end + 14 && k < toks.length; k++) {
        const t = toks[k]!;
        if (t.k === 'punct' && t.t === '.' && t.glued) continue; // "a U.S. adviser"
        if (t.k === 'punct' || t.k === 'num') break;
        if (/^(where|when|after|as|while|because|since|before|who|which|that)$/.test(t.l)) break;
        // "40 soldiers and guerrillas, including a U.S. adviser, died": the soldiers are the dead
        if (/^(died|perished)$/.test(t.l)) casualty = true;
        if (/^(were|was)$/.test(t.l) && /^(attacked|ambushed|burned|burnt|shot|captured|massacred|executed|killed|wounded|injured)$/.test(toks[k + 1]?.l ?? '')) casualty = true;
      }
      if (casualty) continue;
      if (rescue && /^(troop|soldier|serviceman|marine|paratrooper|reservist|conscript)$/.test(np[1])) continue;
      // "two suicide bombers carried out the attack": attackers of a past attack, not warplanes readied
      if (np[1] === 'bomber' && (toks[i - 1]?.l === 'suicide' || /\bsuicide\b/i.test(np[0]))) continue;
      if (pastAttackers(toks, end)) continue;
      if (containers && np[1] === 'tank') continue;
      found.push({ value: n.value, noun: np[0], head: np[1], quote: sen.text, sentence: sen.idx, title: sen.idx === -1, vague: !!n.vague });
      i = end - 1;
    }
  }
  // One figure per weapon type: a smaller count of the same head elsewhere is a part of the
  // larger one ("one ballistic missile came down" within "23 missiles"); counts listed
  // together in one sentence are different weapons and all stay.
  // A breakdown ("170 drones, 30 cruise missiles and 120 ballistic missiles") lists several counts in
  // one sentence: each is its own figure, not a part of a larger count elsewhere.
  found.sort((a, b) => (a.title === b.title ? a.sentence - b.sentence : a.title ? 1 : -1));
  const perSentence = new Map<number, number>();
  for (const f of found) perSentence.set(f.sentence, (perSentence.get(f.sentence) ?? 0) + 1);
  const keep: Found[] = [];
  // A listed sentence whose every item has a larger count of the same kind in one other sentence is a
  // breakdown of that list ("122 missiles and 36 drones" … "87 missiles and 27 drones were shot down").
  const maxes = new Map<number, Map<string, number>>();
  const bySentence = new Map<number, Found[]>();
  for (const g of found) {
    const list = bySentence.get(g.sentence);
    if (list) list.push(g);
    else bySentence.set(g.sentence, [g]);
    if (g.title) continue;
    let m = maxes.get(g.sentence);
    if (!m) maxes.set(g.sentence, (m = new Map()));
    m.set(g.head, Math.max(m.get(g.head) ?? 0, g.value));
  }
  const partMemo = new Map<number, boolean>();
  const partOfOther = (sentence: number): boolean => {
    const memo = partMemo.get(sentence);
    if (memo !== undefined) return memo;
    const items = bySentence.get(sentence) ?? [];
    let part = false;
    let looked = 0;
    for (const [o, m] of maxes) {
      if (o === sentence) continue;
      if (++looked > 64) break; // bounded on pathological input
      if (items.every((f) => (m.get(f.head) ?? 0) > f.value)) {
        part = true;
        break;
      }
    }
    partMemo.set(sentence, part);
    return part;
  };
  for (const f of found) {
    const listed = (perSentence.get(f.sentence) ?? 0) >= 2 && !f.title && !partOfOther(f.sentence);
    const bigger = !listed && found.find((g) => g.head === f.head && g.value > f.value && g.sentence !== f.sentence);
    if (bigger) continue;
    // "300,000 reservists" … "thousands of soldiers were being sent": the vague count is part of the precise force
    if (f.vague && FORCE.has(f.head) && found.some((g) => !g.vague && FORCE.has(g.head) && g.sentence !== f.sentence)) continue;
    if (keep.some((g) => g.head === f.head && g.value === f.value)) continue;
    keep.push(f);
  }
  return keep.map((f) => ({ value: f.value, noun: f.noun, quote: f.quote }));
}
