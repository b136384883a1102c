// Word lists naming what happened to people (died, hurt, trapped) and the words around a victim's predicate that
// change its sense (a modal, a manner of death, "shot at"). Data only; figures.ts, rules/guards.ts and
// rules/engine.ts read them.

/** Words that speak of a death: a headline or lead with none of them makes a death named as a noun background. */
export const DEATH_WORDS = /^(killed|kills|kill|killing|dead|death|deaths|died|dies|fatal|fatally|fatalities|murder|murdered|slain|slaying|homicide|shot|shooting|manslaughter)$/;
/** Words of people hurt: a lead with these and no FATAL_WORDS tells only of people hurt (guard.lead-only-hurt). */
export const HURT_WORDS = /^(wounded|wounds|wounding|injured|injures|injuring|hurt|critical)$/;
/** Words of a death or a body found (and of a victim identified, which local news does only for the dead). */
export const FATAL_WORDS = /^(id|id'd|ids|identified|identifies|identify|killed|kills|kill|killing|killings|dead|death|deaths|died|dies|die|fatal|fatally|murder|murdered|homicide|slain|slaying|deadly|body|bodies)$/;
/** Outcomes one figure may be joined to ("killed or injured", "dead, missing"): the figure is combined. */
export const CASUALTY_WORDS = /^(injured|wounded|hurt|missing|killed|dead|dies|died|die|kidnapped|abducted|captured|arrested)$/;
/** The hurt side of "hurt and killed" (one count for both outcomes). */
export const HURT_OUTCOME = /^(injured|wounded|hurt)$/;
/** The fatal side of "killed and injured" (one count for both outcomes). */
export const KILLED_OUTCOME = /^(killed|dead)$/;
/** Causes after "died of"/"succumbed to" that are not the incident's ("died of cancer"). */
export const OTHER_CAUSES = /^(cancer|illness|disease|natural|overdose|covid|coronavirus|heart|stroke|old|pneumonia|diabetes|aids|hiv|leukemia|suicide|drowning)$/;
/** "trapped" in a flood (on rooftops, by rising water, stranded, cut off) means stranded, not missing. */
export const TRAPPED_RE = /\btrapped\b/i;
/** What makes "trapped" a flood's stranded people rather than the missing (with TRAPPED_RE, on sentence text). */
export const STRANDED_RE = /\b(floods?|flooding|floodwaters?|rooftops?|roofs?|embankments?|stranded|marooned|rising waters?|cut off)\b/i;
/** How someone was killed, before "to death" or after "fatally". */
export const MANNER_OF_DEATH = new Set(['shot', 'stabbed', 'beaten', 'strangled', 'bludgeoned', 'burned', 'wounded', 'injured']);
/** "remains in critical condition", "was listed in stable condition": the copula before a condition. */
export const COPULAS = new Set(['remains', 'remained', 'remain', 'listed', 'remaining']);
/** Modals that make a casualty hypothetical ("could have been killed"). */
export const MODALS = /^(could|would|might|may|will|should|must|can)$/;
/** Words after "shot at" that say aim, not a hit ("shot at but missed", "shot at officers"). */
export const SHOT_AT_TARGETS = /^(but|and|by|him|her|them|us|me|officers|police|deputies|troopers|agents|cars|vehicles|people|least)$/;
/** Who "shot by …" names when the person shot is, in these reports, the suspect ("shot by police"). */
export const POLICE_AGENTS = /^(police|officers?|deputies|deputy|troopers?|agents?|swat|authorities|cops?|law)$/;
/** Words of the missing on sentence text: with them, "trapped" stays missing (not STRANDED_RE). */
export const MISSING_TEXT_RE = /\b(missing|unaccounted)\b/i;
/** Words before a subject that negate it ("no one was hurt", "neither man was injured") (guard.negated). */
export const NEGATING_DETERMINERS = /^(no|none|nobody|neither)$/;
/** Conjunctions that, before OTHER_VICTIM_OPENERS, bring in another victim's death ("and a second man died") (guard.then-died). */
export const OTHER_VICTIM_JOINERS = /^(and|while|but|as)$/;
/** Words that open another victim after OTHER_VICTIM_JOINERS ("while the other died"). */
export const OTHER_VICTIM_OPENERS = /^(a|an|another|the|two|three|four|five|others?|one|both)$/;
/** Determiners before who did the shooting in "shot by a police officer" (guard.shot-by-police). */
export const AGENT_DETERMINERS = /^(a|an|the|two|three|several)$/;
/** Words linking a death to its cause ("died of", "from", "succumbed to") (guard.other-cause). */
export const CAUSE_LINKS = /^(of|from|to)$/;
/** Determiners that introduce someone not yet mentioned ("a man", "another victim"). */
export const INDEFINITE_DETERMINERS = /^(a|an|another)$/;
/** States that make "left N wounded" a count of the injured. */
export const HURT_STATES = /^(wounded|injured|hurt|hospitalized|hospitalised)$/;
