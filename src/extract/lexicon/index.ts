// Word lists shared by the figure and threat finders. Kept as plain data so a reviewer can
// see at a glance which English phrasings are understood.
import type { Category } from '../../schema';

/** Phrases that, right after a count (and its noun phrase / auxiliaries), name a category. */
export const RIGHT_KEYWORDS: ReadonlyArray<readonly [string[], Category]> = [
  [['unaccounted', 'for'], 'missing'],
  [['unaccounted'], 'missing'],
  [['missing'], 'missing'],
  [['trapped'], 'missing'],
  [['killed'], 'killed'],
  [['dead'], 'killed'],
  [['died'], 'killed'],
  [['die'], 'killed'],
  [['deaths'], 'killed'],
  [['fatalities'], 'killed'],
  [['perished'], 'killed'],
  [['drowned'], 'killed'],
  [['slain'], 'killed'],
  [['stabbed', 'to', 'death'], 'killed'],
  [['beaten', 'to', 'death'], 'killed'],
  [['burned', 'to', 'death'], 'killed'],
  [['burnt', 'to', 'death'], 'killed'],
  [['crushed', 'to', 'death'], 'killed'],
  [['trampled', 'to', 'death'], 'killed'],
  [['hacked', 'to', 'death'], 'killed'],
  [['frozen', 'to', 'death'], 'killed'],
  [['starved', 'to', 'death'], 'killed'],
  [['lost', 'their', 'lives'], 'killed'],
  [['lives'], 'killed'],
  [['injured'], 'injured'],
  [['wounded'], 'injured'],
  [['hurt'], 'injured'],
  [['injuries'], 'injured'],
  [['hospitalised'], 'injured'],
  [['hospitalized'], 'injured'],
  [['admitted', 'to', 'hospitals'], 'injured'],
  [['admitted', 'to', 'hospital'], 'injured'],
  [['admitted', 'to', 'the', 'hospital'], 'injured'],
  [['taken', 'to', 'hospital'], 'injured'],
  [['taken', 'to', 'hospitals'], 'injured'],
  [['taken', 'to', 'the', 'hospital'], 'injured'],
  [['taken', 'to', 'a', 'hospital'], 'injured'],
  [['taken', 'to', 'local', 'hospitals'], 'injured'],
  [['rushed', 'to', 'hospital'], 'injured'],
  [['rushed', 'to', 'hospitals'], 'injured'],
  [['rushed', 'to', 'the', 'hospital'], 'injured'],
  [['rushed', 'to', 'a', 'hospital'], 'injured'],
  [['rushed', 'to', 'local', 'hospitals'], 'injured'],
  [['treated', 'for'], 'injured'],
  [['treated', 'in', 'hospital'], 'injured'],
  [['treated', 'in', 'hospitals'], 'injured'],
  [['treated', 'in', 'the', 'hospital'], 'injured'],
  [['in', 'hospital'], 'injured'],
  [['in', 'hospitals'], 'injured'],
  [['arrested'], 'arrested'],
  [['arrests'], 'arrested'],
  [['detained'], 'arrested'],
  [['in', 'custody'], 'arrested'],
  [['taken', 'into', 'custody'], 'arrested'],
  [['under', 'arrest'], 'arrested'],
  [['apprehended'], 'arrested'],
  [['rounded', 'up'], 'arrested'],
  [['displaced'], 'displaced'],
  [['evacuated'], 'displaced'],
  [['homeless'], 'displaced'],
  [['fled', 'their', 'homes'], 'displaced'],
  [['fled', 'their', 'villages'], 'displaced'],
  [['fled', 'the', 'fighting'], 'displaced'],
  [['fled', 'the', 'violence'], 'displaced'],
  [['fled', 'the', 'area'], 'displaced'],
  [['forced', 'to', 'flee'], 'displaced'],
  [['forced', 'to', 'evacuate'], 'displaced'],
  [['forced', 'to', 'leave', 'their', 'homes'], 'displaced'],
  [['moved', 'to', 'safety'], 'displaced'],
  [['moved', 'to', 'safer', 'ground'], 'displaced'],
  [['relocated'], 'displaced'],
  [['sought', 'refuge'], 'displaced'],
  [['sought', 'shelter'], 'displaced'],
  [['taken', 'refuge'], 'displaced'],
  [['took', 'refuge'], 'displaced'],
  [['taken', 'shelter'], 'displaced'],
  [['took', 'shelter'], 'displaced'],
  [['sheltering', 'in'], 'displaced'],
  [['in', 'temporary', 'shelters'], 'displaced'],
  [['forced', 'from', 'their', 'homes'], 'displaced'],
  [['in', 'emergency', 'shelters'], 'displaced'],
  [['in', 'shelters'], 'displaced'],
  [['in', 'evacuation', 'centres'], 'displaced'],
  [['in', 'evacuation', 'centers'], 'displaced'],
  [['in', 'relief', 'camps'], 'displaced'],
  [['evacuees'], 'displaced'],
  [['kidnapped'], 'hostages'],
  [['abducted'], 'hostages'],
  [['taken', 'hostage'], 'hostages'],
  [['held', 'hostage'], 'hostages'],
  [['hostages'], 'hostages'],
  [['hostage'], 'hostages'],
  [['held', 'captive'], 'hostages'],
  [['taken', 'captive'], 'hostages'],
  [['captive'], 'hostages'],
];

/** Verbs that take the count as their object: "killing 12", "injured more than 4,000 people". */
export const LEFT_VERBS: Record<string, Category> = {
  killing: 'killed', killed: 'killed', kills: 'killed', kill: 'killed', claimed: 'killed', claiming: 'killed',
  injuring: 'injured', injured: 'injured', wounding: 'injured', wounded: 'injured', hurting: 'injured', hurt: 'injured', injures: 'injured',
  arrested: 'arrested', arresting: 'arrested', detained: 'arrested', detaining: 'arrested', arrests: 'arrested',
  kidnapped: 'hostages', kidnapping: 'hostages', abducted: 'hostages', abducting: 'hostages', seized: 'hostages', seizing: 'hostages',
  evacuated: 'displaced', evacuating: 'displaced', displaced: 'displaced', displacing: 'displaced',
  treated: 'injured', treating: 'injured', treats: 'injured',
};
/** Verbs that need a person noun after the count ("seized 20 people", not "seized 20 guns"). */
export const LEFT_NEEDS_PERSON = new Set(['seized', 'seizing', 'claimed', 'claiming', 'evacuated', 'evacuating', 'treated', 'treating', 'treats']);

/** Auxiliaries and adverbs allowed between a count's noun phrase and its keyword. */
export const AUX = new Set(
  ('were was are is be been being have has had now also still all reportedly confirmed officially formally later ' +
    'so far already since then believed thought feared presumed said reported known to remain remained remain remains ' +
    'left living staying seriously critically badly slightly lightly moderately severely mildly fatally gravely were allegedly either found shot ' +
    'initially subsequently eventually finally apparently likely certain seem seems seemed seen may might could would will ' +
    'as yet not who that have got being treated originally potentially presumably possibly made rendered')
    .split(' ')
    .filter((w) => w !== 'not' && w !== 'treated'),
);
/** Words in a figure's own clause that make it a guess, not a count. */
export const SPECULATIVE = new Set(
  'feared fear fears believed thought presumed may might could would seem seems seemed likely possibly perhaps expected estimates'.split(' '),
);

/** Nouns for people (plural and singular), used to accept "35 mourners", "a policeman". */
export const PERSON_PLURAL = new Set(
  ('people persons others civilians residents villagers passengers workers miners students pupils schoolgirls schoolboys ' +
    'schoolchildren girls boys children kids women men soldiers troops policemen policewomen officers police protesters demonstrators ' +
    'mourners pilgrims worshippers worshipers tourists crew crewmen members fishermen migrants refugees militants rebels fighters ' +
    'insurgents gunmen attackers suspects teachers staff guards employees patients inmates prisoners detainees rioters looters ' +
    'journalists reporters sailors seamen firefighters rescuers volunteers nationals citizens foreigners americans britons israelis ' +
    'palestinians iranians iraqis afghans indians pakistanis nigerians people. individuals adults infants babies teenagers youths ' +
    'spectators fans shoppers commuters travellers travelers guests diners customers climbers hikers farmers herders activists ' +
    'opponents supporters marchers picketers strikers students. family families relatives victims casualties bodies servicemen ' +
    'personnel peacekeepers marines sailors contractors aid workers doctors nurses medics elderly wounded survivors occupants ' +
    'tenants homeowners households evacuees hostages captives abductees schoolgirls. seafarers parents mothers fathers sons daughters wives husbands brothers sisters')
    .split(' ')
    .map((w) => w.replace(/\.$/, '')),
);
export const PERSON_SINGULAR = new Set(
  ('person man woman child boy girl baby infant teenager youth policeman policewoman officer soldier captain sergeant ' +
    'lieutenant colonel general commander worker miner student pupil teacher resident villager passenger pilot driver ' +
    'guard firefighter journalist reporter photographer tourist pilgrim protester demonstrator civilian citizen national ' +
    'suspect gunman attacker militant rebel fighter member employee official politician lawmaker priest monk nun doctor ' +
    'nurse farmer fisherman sailor marine serviceman contractor volunteer activist leader mayor governor minister judge ' +
    'prisoner inmate detainee tenant shopkeeper trader businessman businesswoman engineer mechanic cleric imam rabbi ' +
    'spokesman spokeswoman master stationmaster headmaster headmistress').split(' '),
);

/** Nouns after a count that mark it as not a count of people. */
export const BLOCK_NOUNS = new Set(
  ('houses homes buildings vehicles cars trucks buses boats ships vessels units flats apartments hectares ha acres km kilometres ' +
    'kilometers miles metres meters feet ft foot inches tonnes tons kg kilograms pounds lbs dollars dlrs usd euros pounds ' +
    'roubles rubles yuan yen rupees naira percent pct per cent degrees years year days day hours hour minutes minute seconds ' +
    'weeks week months month times points calls claims applications cases incidents robberies counties parishes districts ' +
    'provinces states countries nations villages towns cities town city village schools hospitals shops stores businesses properties structures ' +
    'bridges roads rounds bullets shots cattle livestock animals sheep goats dogs horses birds pets plants trees rockets missiles ' +
    'drones shells bombs generations floors storeys stories blocks yards lakh crore mln bln bn million billion').split(' '),
);

/** Reporting verbs for attribution. */
export const REPORT_VERBS = new Set(
  'said says say told reported reports announced confirmed stated added estimated tweeted quoted cited according'.split(' '),
);
export const OFFICIAL_RE =
  /minist|police|official|authorit|government|governor|mayor|military|army|navy|command|spokes|president|premier|council|agency|department|ministry|office|commission|institute|fire|rescue|chief|sheriff|coroner|civil defen|state (tv|media|television|news)|tass|xinhua|news agency|administration|inspector|commissioner|secretary|interior|health|emergency|medical services|head of|director|un\b|united nations/i;
export const UNOFFICIAL_RE = /witness|resident|local media|reporters|parent|nurse|survivor|relative|neighbo|villager|social media|activist|eyewitness/i;

export const MONTHS = new Set(
  'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec'.split(' '),
);
export const WEEKDAYS = new Set('monday tuesday wednesday thursday friday saturday sunday'.split(' '));
