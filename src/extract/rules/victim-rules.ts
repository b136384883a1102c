// The victim rules as data: each row names a casualty predicate (its anchor words), the side on which its victims
// stand, the guards that may veto it, and examples in our own words that the spec runner checks.
import type { Category } from '../../schema';
import type { GuardId } from './guards';
import { HARM_WORDS, HOSPITAL_WORDS } from '../lexicon/victims';

export type Side =
  /** victims before the predicate: "a 15-year-old was shot", "Matin, a director, was killed" */
  | 'subject'
  /** victims after an active verb or a noun: "shot three men", "the fatal shooting of a teenager" */
  | 'object'
  /** "left a girl dead and two adults wounded" */
  | 'left-state'
  /** "four were shot, one fatally" */
  | 'n-fatally';

export interface RuleExample {
  text: string;
  title?: string;
  /** the rule that must produce the row's figure, when another rule than the row itself reads it */
  rule?: string;
  /** the figures `extract` must give for the text (null: none) */
  expect: Partial<Record<Category, number | null>>;
}

export interface VictimRule {
  id: string;
  family: 'killed' | 'injured' | 'shooting';
  category: Category;
  /** phrases (lower case, space-separated tokens) that anchor the rule */
  anchors: readonly string[];
  side: Side;
  /** subject side: which auxiliary must stand before the predicate ("was killed" vs "died") */
  voice?: 'passive' | 'intransitive';
  /** one of these words must follow (after the object, for object rules) within `within` tokens */
  follow?: { words: readonly string[]; within: number };
  /**
   * the figure may take in people who then died: any count of people shot ('any'), or one person taken to hospital
   * or in critical condition ('single': "four were taken to hospital" are four survivors)
   */
  mayIncludeDead?: 'any' | 'single';
  /**
   * the figure counts a state some of the hurt are in ("taken to a hospital", "in critical condition"), so a count of
   * all who were hurt outranks it ("six remained hospitalized" never replaces "seven were shot")
   */
  state?: true;
  guards: readonly GuardId[];
  examples: readonly RuleExample[];
}

const KILLED_GUARDS: readonly GuardId[] = ['guard.lead-only-hurt'];
/** the injured rows' own: the one person hurt who then died is no survivor */
const HURT_GUARDS: readonly GuardId[] = ['guard.then-died'];
const SUBJECT_GUARDS: readonly GuardId[] = ['guard.perpetrator', 'guard.negated', 'guard.hypothetical', 'guard.background-event', 'guard.combined', 'guard.earlier-year', 'guard.earlier-period'];
const OBJECT_GUARDS: readonly GuardId[] = ['guard.perpetrator', 'guard.hypothetical', 'guard.background-event', 'guard.other-event-clause', 'guard.combined', 'guard.earlier-year', 'guard.earlier-period'];

export const VICTIM_RULES: readonly VictimRule[] = [
  // ── killed ────────────────────────────────────────────────────────────────────────────────────────────
  {
    id: 'killed.passive',
    family: 'killed',
    category: 'killed',
    anchors: [
      'killed', 'slain', 'murdered', 'shot and killed', 'shot to death', 'shot dead', 'fatally shot', 'fatally wounded',
      'fatally stabbed', 'fatally injured', 'fatally struck', 'stabbed to death', 'beaten to death', 'gunned down',
      'dead', 'pronounced dead', 'declared dead', 'found dead', 'confirmed dead', 'found shot to death', 'executed',
    ],
    side: 'subject',
    voice: 'passive',
    guards: [...SUBJECT_GUARDS, ...KILLED_GUARDS],
    examples: [
      { text: 'A 19-year-old was shot and killed outside a corner store on Friday night.', expect: { killed: 1, injured: null } },
      { text: 'Rahim Dost, a district schools inspector, was killed when gunmen stopped his car.', expect: { killed: 1 } },
      { text: 'A Coastal Defence Brigade (CDB) officer was killed when his patrol was ambushed.', expect: { killed: 1 } },
      { text: 'Tyrell Banks, a 31-year-old father of two with a third child on the way, was shot and killed outside a bar.', expect: { killed: 1 } },
      { text: 'A 4-year-old boy and a 31-year-old woman were killed in the crossfire.', expect: { killed: 2 } },
      { text: 'Both women inside the parked van were killed, and two bystanders were hurt.', expect: { killed: 2, injured: 2 } },
      { text: 'Both cousins inside the Buick were killed on Saturday.', expect: { killed: 2 } },
      { text: 'On May 3, 40-year-old Rosa Lind, 17-year-old Kai T. Moreno and 52-year-old Ed Foster were found dead at a house.', expect: { killed: 3 } },
      { text: 'Three border guards including a captain were killed in the ambush.', expect: { killed: 3 } },
      // a first participle shares the auxiliary
      { text: 'The village headman was abducted and killed later that evening, residents said.', expect: { killed: 1 } },
      { text: 'Gunmen raided the farm of a village elder. Four grandchildren of the elder were killed.', expect: { killed: 4 } },
      { text: 'Haroon, the district police commander (DPC), and his driver were killed at a checkpoint.', expect: { killed: 2 } },
      { text: 'Karimi was killed along with his bodyguard and three other passengers, including a child.', expect: { killed: 5 } },
      { text: 'The drone crashed and two soldiers were hurt, the army said.', expect: { injured: 2 } },
      { text: 'At least four Canadian peacekeepers were killed in the convoy attack.', expect: { killed: 4 } },
      { text: 'The man was later pronounced dead at a nearby hospital.', expect: { killed: 1 } },
      { title: '3 adults, four children dead in farmhouse shooting', text: 'Deputies gave no names on Sunday.', expect: { killed: 7 } },
      { title: 'Nurse, husband killed in parking-lot shooting', text: 'Police gave no names on Sunday.', expect: { killed: 2 } },
      { text: 'The gunman was killed by return fire.', expect: { killed: null } },
      { title: 'Five wounded outside dance club', text: 'Five people were wounded early Sunday outside a dance club. All five are expected to survive, police said. Neighbors said a bouncer was shot and killed by the same door two summers before.', expect: { killed: null, injured: 5 } },
      { title: 'Police identify woman in shooting that wounded three', text: 'Three people were wounded on Friday. Police said Mia Cole, 25, was also shot. Cole was pronounced dead at a hospital.', expect: { killed: 1 } },
      { text: 'Two men were wounded on Elm Street on Sunday. A teenager was shot and killed on the same corner just last month.', expect: { killed: null, injured: 2 } },
      { text: 'Forty people were killed or injured when the bridge gave way.', expect: { killed: null } },
      { text: 'Between 15 and 20 miners were killed in the collapse.', expect: { killed: 15 }, rule: 'count.keyword-after' },
      { text: 'Six more people were confirmed dead on Sunday.', expect: { killed: null } },
      // "fatally injured" tells a death, not one more hurt
      { text: 'A 2-year-old girl was fatally injured on Friday by shots fired into her car.', expect: { killed: 1, injured: null } },
    ],
  },
  {
    id: 'killed.intransitive',
    family: 'killed',
    category: 'killed',
    anchors: ['died', 'dies', 'succumbed', 'perished', 'passed away'],
    side: 'subject',
    voice: 'intransitive',
    guards: [...SUBJECT_GUARDS, 'guard.other-cause', ...KILLED_GUARDS],
    examples: [
      { text: 'Lena Marsh, 16, died at the scene after the car was sprayed with bullets.', expect: { killed: 1 } },
      { text: 'Officers said a toddler who found the pistol died on the way to hospital.', expect: { killed: 1 } },
      { text: 'His grandfather died of cancer last spring, the family said.', expect: { killed: null } },
      // one person told through the other ("after a man died") is not a second death
      { text: 'A Gary man is dead and a person of interest is in custody after a man died from a gunshot wound on Tuesday night.', expect: { killed: 1 } },
    ],
  },
  {
    id: 'killed.lost-life',
    family: 'killed',
    category: 'killed',
    anchors: ['lost his life', 'lost her life', 'lost their lives'],
    side: 'subject',
    voice: 'intransitive',
    guards: [...SUBJECT_GUARDS, ...KILLED_GUARDS],
    examples: [{ text: 'A night-shift nurse lost her life in the shooting at the clinic.', expect: { killed: 1 } }],
  },
  {
    id: 'killed.object',
    family: 'killed',
    category: 'killed',
    anchors: [
      'killed', 'killing', 'kills', 'shot and killed', 'fatally shot', 'fatally shooting', 'fatally wounded', 'fatally wounding',
      'murdered', 'gunned down', 'shoots and kills', 'shot and kills', 'fatally shoots', 'took the life of', 'taking the life of',
      'claimed the life of', 'claimed the lives of', 'took the lives of', 'fatally stabbed', 'fatally stabbing', 'fatally stabs',
      'shot dead', 'shoots dead', 'shooting dead', 'executed', 'executing', 'executes', 'beheaded', 'beheading',
    ],
    side: 'object',
    guards: [...OBJECT_GUARDS, ...KILLED_GUARDS],
    examples: [
      { text: 'Assailants shot and killed Omar Haidari, a customs officer, outside his home in the provincial capital.', expect: { killed: 1 } },
      { text: 'A 12-year-old accidentally killed his 8-year-old cousin with a rifle kept under a bed.', expect: { killed: 1 } },
      // an abbreviation in brackets inside the phrase
      { text: 'Gunmen shot and killed a Village Police (VP) commander near the crossing.', expect: { killed: 1 } },
      // "shot dead" before its object, as British and South Asian copy writes it
      { text: 'Militants shot dead two border guards and a driver at the checkpoint on Tuesday.', expect: { killed: 3 } },
      // (after "was" it stays the passive row's, and a weekday is no victim's name)
      { text: 'The sniper was shot dead on Saturday after a four-hour standoff.', expect: { killed: 1 }, rule: 'killed.passive' },
      { text: 'The militia seized and publicly executed a suspected informant in the market square.', expect: { killed: 1 } },
      // an occupation with no article before a name, or before a comma that introduces one
      { text: 'Gunmen shot and killed customs official Farid Noori outside the border post.', expect: { killed: 1 } },
      { text: 'Gunmen killed religious scholar, identified as Mullah Karim, near the shrine on Friday.', expect: { killed: 1 } },
      { text: 'Police say the man killed four of his stepchildren, his former wife and himself at the farmhouse.', expect: { killed: 6 } },
      { text: 'Police arrested the man who fatally shot a delivery driver on Elm Street.', expect: { killed: 1 } },
      { text: 'Deputies say a 20-year-old man fatally stabbed his roommate during an argument on Friday.', expect: { killed: 1, injured: null } },
      // a plural before "has" closes a relative clause: the main verb comes after the list
      { text: 'The man who fled after allegedly killing his wife and four daughters has been brought back to face trial.', expect: { killed: 5 } },
      { text: 'A 6-year-old found a loaded pistol in a closet and fatally shot himself on Sunday.', expect: { killed: 1 } },
      { text: 'The drive-by on Main Street took the life of a 16-year-old and left two others wounded.', expect: { killed: 1, injured: 2 } },
      {
        title: 'After the drone strike, Tehran weighs nine ways to answer',
        text: 'Tehran is weighing nine ways to answer the drone strike that killed a senior general, Omar Rahimi, last week.',
        expect: { killed: null },
      },
    ],
  },
  {
    id: 'killed.object-to-death',
    family: 'killed',
    category: 'killed',
    anchors: ['shot', 'shooting', 'shoots', 'stabbed', 'stabbing', 'stabs', 'beat', 'beating', 'beats'],
    side: 'object',
    follow: { words: ['death'], within: 2 },
    guards: [...OBJECT_GUARDS, ...KILLED_GUARDS],
    examples: [{ text: 'He is charged with shooting two neighbours to death and wounding a third inside the duplex.', expect: { killed: 2, injured: 1 } }],
  },
  {
    id: 'killed.noun-of',
    family: 'killed',
    category: 'killed',
    anchors: ['fatal shooting of', 'shooting death of', 'shooting deaths of', 'killing of', 'murder of', 'slaying of', 'fatal stabbing of', 'death of', 'homicide of'],
    side: 'object',
    guards: [...OBJECT_GUARDS, 'guard.lead-without-death', ...KILLED_GUARDS],
    examples: [
      { text: 'Detectives are still looking for leads in the fatal shooting of a 23-year-old man on the west side.', expect: { killed: 1 } },
      { text: 'Five people were wounded on Monday. Marchers also recalled the 2009 shooting death of a teenager nearby.', expect: { killed: null, injured: 5 }, rule: 'injured.passive' },
      { text: 'Two adults were charged with manslaughter in the fatal shooting of 2-year-old Mason Ortiz.', expect: { killed: 1 } },
      { text: 'A second man was charged in the shooting death of Darnell Hayes, police said.', expect: { killed: 1 } },
      // a headline drops the article before a bare person noun
      { title: 'Three Charged In Killing Of Former Lakeside Teen', text: 'The three appeared in court on Friday.', expect: { killed: 1 } },
      {
        title: 'Militia fires 200 rockets at border posts',
        text: 'The militia said the barrage of 200 rockets answered the killing of its field commander in July.',
        expect: { killed: null },
      },
    ],
  },
  {
    id: 'killed.left-state',
    family: 'killed',
    category: 'killed',
    anchors: ['left', 'leaving', 'found', 'discovered'],
    side: 'left-state',
    guards: [...OBJECT_GUARDS, ...KILLED_GUARDS],
    examples: [
      { text: 'The gunfire left a 5-year-old girl dead and two men wounded.', expect: { killed: 1, injured: 2 } },
      { text: 'A crash on the interstate left three teenagers injured.', expect: { injured: 3 } },
      { text: 'Deputies found a man and his adult son dead inside the trailer.', expect: { killed: 2 } },
      { text: 'Officers found Dale Moss shot to death behind a tire shop.', expect: { killed: 1 } },
      { text: 'Deputies found two brothers fatally stabbed and two neighbors wounded in the kitchen.', expect: { killed: 2, injured: 2 } },
      // ("the wounded" is a noun, but after "two men" it is their state)
      { text: 'The gunfire on Elm Street left a 9-year-old boy and two men wounded.', expect: { injured: 3 } },
    ],
  },
  {
    id: 'shooting.n-fatally',
    family: 'shooting',
    category: 'killed',
    anchors: ['fatally'],
    side: 'n-fatally',
    guards: [],
    examples: [{ text: 'Five men were shot, two fatally, outside a bar on Saturday.', expect: { killed: 2, injured: 3 } }],
  },
  // ── shootings: "shot" counts everyone hit ─────────────────────────────────────────────────────────────
  {
    id: 'shooting.passive-shot',
    family: 'shooting',
    category: 'injured',
    anchors: ['shot', 'struck by gunfire', 'hit by gunfire', 'struck by a bullet', 'hit by a bullet', 'struck by a stray bullet', 'hit by a stray bullet', 'struck by bullets', 'hit by bullets'],
    side: 'subject',
    voice: 'passive',
    mayIncludeDead: 'any',
    guards: [...SUBJECT_GUARDS, 'guard.shot-at', 'guard.shot-by-police', ...HURT_GUARDS],
    examples: [
      { text: 'A cashier is recovering after she and two others were shot outside a laundromat.', expect: { injured: 3 } },
      { text: 'A man died on Friday after he and three others were shot on a porch.', expect: { killed: 1, injured: 3 } },
      { text: 'Three people were shot near the skate park. Two of the victims were flown to a trauma center.', expect: { injured: 3 } },
      { text: 'Six people were shot at a backyard party early Sunday.', expect: { injured: 6, killed: null } },
      { text: 'A 15-year-old was shot in the leg while walking home.', expect: { injured: 1 } },
      { text: 'A 31-year-old woman was shot in the hand and a 7-year-old girl was shot in the foot.', expect: { injured: 2 }, rule: 'listed.one-by-one' },
      // a newcomer told as "also" hurt is someone besides the person named before
      { text: 'Ana Ruiz was shot in the wrist, and a 40-year-old man was also wounded near the bus stop.', expect: { injured: 2 }, rule: 'listed.one-by-one' },
      { text: 'A woman who was walking her dog was shot in the leg, and a man was shot in the arm.', expect: { injured: 2 }, rule: 'listed.one-by-one' },
      { text: 'Police say the gunman shot nine people, three fatally, at the bus stop.', expect: { killed: 3, injured: 6 }, rule: 'shooting.object-shot' },
      { text: 'Two women were shot at but neither was hit.', expect: { injured: null } },
      { text: 'A man who opened fire on officers was shot by police.', expect: { injured: null } },
      { text: 'Three people were shot on Tuesday night. One of them, a 20-year-old man, died in surgery.', expect: { killed: 1, injured: 2 } },
    ],
  },
  {
    id: 'shooting.object-shot',
    family: 'shooting',
    category: 'injured',
    anchors: ['shot', 'shooting', 'shoots'],
    side: 'object',
    mayIncludeDead: 'any',
    guards: [...OBJECT_GUARDS, ...HURT_GUARDS],
    examples: [
      { text: 'Investigators say Parker shot three males, aged 16 to 19, near the park.', expect: { injured: 3 } },
      { text: 'A teenager has been charged with shooting a 14-year-old Millbrook boy in the arm.', expect: { injured: 1 } },
      { text: 'Officers shot the suspect after he pointed a rifle at them.', expect: { injured: null } },
    ],
  },
  {
    id: 'injured.object',
    family: 'injured',
    category: 'injured',
    anchors: ['wounded', 'wounding', 'wounds', 'injured', 'injuring', 'injures', 'hurt', 'hurting', 'hurts', 'stabbed', 'stabbing'],
    side: 'object',
    guards: [...OBJECT_GUARDS, ...HURT_GUARDS],
    examples: [
      { text: 'Gunfire outside a recreation center wounds two teens.', expect: { injured: 2 } },
      { text: 'Raiders on motorbikes shot and killed a night watchman and wounded two other school workers.', expect: { killed: 1, injured: 2 } },
      { text: 'The insurgents claimed they had killed or wounded 300 soldiers.', expect: { killed: null, injured: null } },
      { text: 'The two explosions wounded 140 people and 31 of them were still in hospital on Monday.', expect: { injured: 140 } },
      { text: 'He is charged with shooting two neighbours to death and wounding a third inside the duplex.', expect: { killed: 2, injured: 1 } },
    ],
  },
  {
    id: 'shooting.noun-of',
    family: 'shooting',
    category: 'injured',
    anchors: ['shooting of', 'shootings of', 'wounding of', 'stabbing of'],
    side: 'object',
    mayIncludeDead: 'any',
    guards: [...OBJECT_GUARDS, ...HURT_GUARDS],
    examples: [{ text: 'A 21-year-old was charged on Tuesday in the shooting of three people outside a bar.', expect: { injured: 3 } }],
  },
  {
    id: 'injured.survived-shot',
    family: 'shooting',
    category: 'injured',
    anchors: ['survives being shot', 'survived being shot', 'survive being shot', 'recovering after being shot', 'recovers after being shot', 'recovering from being shot'],
    side: 'subject',
    voice: 'intransitive',
    guards: [...SUBJECT_GUARDS, ...HURT_GUARDS],
    examples: [
      { title: '7-year-old girl survives being shot by stray bullet', text: 'The girl was home from the hospital on Friday.', expect: { injured: 1 } },
      { text: 'A five-year-old boy is recovering after being shot in the head at a park.', expect: { injured: 1 } },
    ],
  },
  {
    id: 'injured.had-wound',
    family: 'shooting',
    category: 'injured',
    anchors: ['had a gunshot wound', 'had gunshot wounds', 'has a gunshot wound', 'has gunshot wounds'],
    side: 'subject',
    voice: 'intransitive',
    // (one person with a gunshot wound may be the one who died, as one taken to hospital may)
    mayIncludeDead: 'single',
    guards: [...SUBJECT_GUARDS, ...HURT_GUARDS],
    examples: [{ text: 'Nobody was hurt when the car flipped, but one passenger had a gunshot wound, police said.', expect: { injured: 1 } }],
  },
  // ── injured ───────────────────────────────────────────────────────────────────────────────────────────
  {
    id: 'injured.passive',
    family: 'injured',
    category: 'injured',
    anchors: [
      'wounded', 'injured', 'hurt', 'grazed', 'stabbed', 'hospitalized', 'hospitalised', 'burned', 'burnt', 'shot and wounded',
      'shot and injured', 'shot and critically wounded', 'shot and seriously wounded', 'shot and critically injured',
    ],
    side: 'subject',
    voice: 'passive',
    guards: [...SUBJECT_GUARDS, ...HURT_GUARDS],
    examples: [
      // a bare "another" after a clause about the dead is one more person, hurt
      { text: 'One ranger was killed and another was wounded when the patrol hit a mine.', expect: { killed: 1, injured: 1 } },
      // (and with the auxiliary left out: "another" shares the first clause's)
      { text: 'A cyclist was killed and another hurt when the van mounted the kerb.', expect: { killed: 1, injured: 1 } },
      { text: 'Four people including a 9-year-old and a 7-year-old were hurt in the drive-by.', expect: { injured: 4 } },
      { text: 'A border police accountant was killed and six people, among them guards and shoppers, were wounded.', expect: { killed: 1, injured: 6 } },
      { text: 'The chief was injured while one of his escorts was killed in the blast.', expect: { killed: 1, injured: 1 } },
      { text: 'Kareem, the district governor, was killed and three of his bodyguards were injured.', expect: { killed: 1, injured: 3 } },
      { text: 'No one was hurt, and the driver was not injured.', expect: { injured: null } },
      // a headline phrase that ends in its own outcome is no list member
      { title: 'One man dead, child hurt in Eastside shooting', text: 'Officers were called shortly before 10 p.m. on Friday.', expect: { killed: 1, injured: 1 } },
      // the object of another casualty verb is not listed with the hurt
      { text: 'Gunmen killed nine people and 30 others were injured in the raid.', expect: { killed: 9, injured: 30 } },
      { text: 'Neither the driver nor the other passenger was injured.', expect: { injured: null } },
      // one person for two outcomes is combined (guard.combined)
      { text: 'A parent whose child is injured or dies in an accidental shooting can be charged, the law says.', expect: { injured: null } },
      // a general truth, not an event
      { text: 'Any time one of our players is hurt, the whole town feels it, the coach said.', expect: { injured: null } },
      // what "there was" names is no victim listed with the one hurt
      { text: 'Officers said there was a fight and one man was hurt in the hip.', expect: { injured: 1 } },
      { text: 'A 19-year-old was shot and killed, and a 16-year-old who was with him was shot and critically wounded.', expect: { killed: 1, injured: 1 } },
    ],
  },
  {
    id: 'injured.to-hospital',
    family: 'injured',
    category: 'injured',
    anchors: ['taken to', 'rushed to', 'transported to', 'transferred to', 'airlifted to', 'flown to', 'admitted to'],
    side: 'subject',
    voice: 'passive',
    follow: { words: HOSPITAL_WORDS, within: 5 },
    mayIncludeDead: 'single',
    state: true,
    guards: [...SUBJECT_GUARDS, ...HURT_GUARDS],
    examples: [
      { title: 'Five people shot outside bowling alley', text: 'Lee Park and Dana Ortiz were rushed to a hospital, police said.', expect: { injured: 5 } },
      { text: 'A 30-year-old woman was rushed to a hospital with a wound to her side.', expect: { injured: 1 } },
      { text: 'Officers found two men and a woman dead in the house. A fourth person, a teenager, was taken to a hospital.', expect: { killed: 3, injured: 1 } },
      { text: 'A man was killed in the double shooting. The second victim, a girl, was taken to a hospital.', expect: { killed: 1, injured: 1 } },
      { text: 'The teenager was taken to a trauma center, where he died two hours later.', expect: { killed: 1, injured: null }, rule: 'killed.intransitive' },
      { text: 'Two men died in the shooting on Pine Street. Omar Bell was taken to a hospital, where he was pronounced dead.', expect: { killed: 2, injured: null } },
    ],
  },
  {
    id: 'injured.condition',
    family: 'injured',
    category: 'injured',
    anchors: ['in critical condition', 'in serious condition', 'in grave condition', 'in stable condition', 'in fair condition', 'in good condition', 'in critical but stable condition', 'in life-threatening condition'],
    side: 'subject',
    voice: 'passive',
    mayIncludeDead: 'single',
    state: true,
    guards: [...SUBJECT_GUARDS, ...HURT_GUARDS],
    examples: [{ text: 'A 17-year-old girl is in critical condition after the drive-by, police said.', expect: { injured: 1 } }],
  },
  {
    id: 'injured.suffered',
    family: 'injured',
    category: 'injured',
    anchors: ['suffered', 'sustained', 'suffering', 'sustaining', 'suffers', 'received', 'receiving', 'bleeding from'],
    side: 'subject',
    voice: 'intransitive',
    follow: { words: HARM_WORDS, within: 6 },
    mayIncludeDead: 'single',
    guards: [...SUBJECT_GUARDS, ...HURT_GUARDS],
    examples: [
      { text: 'Officers found a 22-year-old man suffering from a gunshot wound to the chest.', expect: { injured: 1 } },
      { text: 'Two bystanders suffered non-life-threatening injuries.', expect: { injured: 2 } },
      { text: 'Police found four people on a lawn bleeding from gunshot wounds.', expect: { injured: 4 } },
      { text: 'In all, four teenagers received non-life-threatening wounds, police said.', expect: { injured: 4 } },
    ],
  },
  {
    id: 'injured.treated-for',
    family: 'injured',
    category: 'injured',
    anchors: ['treated for', 'being treated for', 'diagnosed with', 'hospitalized with', 'hospitalised with'],
    side: 'subject',
    voice: 'intransitive',
    follow: { words: HARM_WORDS, within: 5 },
    guards: [...SUBJECT_GUARDS, ...HURT_GUARDS],
    examples: [
      { text: 'Medics said 38 workers were being treated for burns after the tank caught fire.', expect: { injured: 38 } },
      { text: 'Since the strike, 71 service members have been diagnosed with concussion-related brain injuries.', expect: { injured: 71 } },
    ],
  },
  {
    id: 'injured.sent-to-hospital',
    family: 'injured',
    category: 'injured',
    anchors: ['sent', 'sending', 'sends', 'put'],
    side: 'object',
    follow: { words: HOSPITAL_WORDS, within: 12 },
    guards: [...OBJECT_GUARDS, ...HURT_GUARDS],
    examples: [{ text: 'Gunfire at a skating rink sent five teenagers to the hospital on Saturday night.', expect: { injured: 5 } }],
  },
];
