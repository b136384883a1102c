// Word lists for the threat rules: the heads that make a counted noun phrase a threat, the words that end such a
// phrase, and the words by which a counted force is a casualty, a rescue team or a past attack's perpetrators.
// Data only; the rules in ../rules/threat-rules.ts name which list each row anchors on.

/** Weapons fired or readied. */
export const WEAPON_HEADS = 'missiles missile rockets rocket drones drone uavs uav shells mortars warheads bombs artillery projectiles munitions interceptors'.split(' ');

/** Forces massed, sent or called up: people, armour, aircraft, ships and units. */
export const FORCE_HEADS = (
  'troops soldiers servicemen paratroopers marines reservists conscripts tanks warplanes bombers warships submarines ' +
  'battalions brigades divisions'
).split(' ');

/** Attack plans and targets named in a threat. */
export const PLAN_HEADS = 'scenarios targets sites plans'.split(' ');

/** Places named as targets: threat heads only in a sentence that threatens to strike them. */
export const SITE_HEADS = 'bases base cities towns facilities installations airports ports bridges embassies consulates refineries'.split(' ');

/** A sentence that speaks of striking something: its counted places are targets. */
export const STRIKE_RE = /\b(strike|strikes|striking|attack|attacks|attacking|target|targets|targeted|targeting|targetting|hit|destroy|threaten|threatened|threatens|bomb)\b/i;

/** Words that end the noun phrase after a count. */
export const THREAT_NP_STOP = new Set(
  ('in on at from with by for after before during when while as than since near into onto across over under about ' +
    'because but or nor if although though where which who that to of and the a an were was are is have has had be been ' +
    'would will could may might said says told fired launched gathered massed deployed along toward towards').split(' '),
);

/** "soldiers and police": a second noun coordinated with a force head stays in the phrase. */
export const COORDINATED_FORCES = new Set('police policemen sailors marines airmen tanks drones missiles rockets'.split(' '));

/** Quantifiers before "of (the) N": "one of the two bombers" names a group already met. */
export const PARTITIVE_QUANTIFIERS = new Set('one two three each some none all both most many several any'.split(' '));

/** Words between a casualty verb and its counted object ("wounded at least 20 soldiers"). */
export const CASUALTY_OBJECT_FILLERS = new Set('at least more than about some over nearly almost around up to all another'.split(' '));

/** "40 soldiers … died": a counted force that is the subject of a death verb is the dead. */
export const DEATH_VERBS = new Set(['died', 'perished']);

/** "70 soldiers on patrol were ambushed": what was done to the counted force makes it the victims. */
export const VICTIM_PARTICIPLES = new Set('attacked ambushed burned burnt shot captured massacred executed killed wounded injured'.split(' '));

/** Clause openers that end the search for what happened to a counted force. */
export const CLAUSE_OPENERS = new Set('where when after as while because since before who which that'.split(' '));

/** "nine attackers … carried out the attacks": verbs and nouns of a past attack's perpetrators. */
export const PERPETRATION_VERBS = new Set('carried staged perpetrated committed'.split(' '));
export const ATTACK_NOUNS = new Set('attack attacks bombing bombings blast blasts massacre massacres assault assaults raid raids killing killings shooting shootings'.split(' '));

/** Kinds of ground force: a vague count of one ("thousands of soldiers") is part of a precise count of another. */
export const GROUND_FORCES = new Set('troop soldier serviceman reservist conscript paratrooper marine'.split(' '));

/** "search" only as a rescue search ("search for survivors"), not a manhunt ("search for accomplices"). */
export const RESCUE_RE =
  /\b(rescue|relief|aid|humanitarian|search(?:es|ing)? (?:for|through) (?:survivors|bodies|victims|the missing|missing|the rubble|debris)|search and|firefight|evacuat|help|peacekeep)/i;

/** "fuel tanks", "storage tanks": a document about storage tanks uses "tanks" for containers, not armour. */
export const CONTAINER_TANKS_RE = /\b(fuel|oil|storage|petrol|gasoline|diesel|water|gas|chemical|septic|propane|ammonia)\s+(storage\s+)?tanks?\b/i;
