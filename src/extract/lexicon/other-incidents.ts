// Word lists that tell a figure of another, earlier or superseded incident from the main one's: phrases dating a
// sentence earlier, phrases marking an estimate as replaced, kinds of event, and causes of death other than the
// incident. Data only; figures.ts and rules/ read them.

/** Phrases that set a whole sentence in another, older incident ("last year", "in a separate attack"). A running
 *  total over a period ("three years of unrest in which some 2,400 people have died") is no incident's toll either. */
export const CONTEXT_PHRASES: string[][] = [
  ['previous'], ['last', 'year'], ['years', 'ago'], ['a', 'year', 'ago'], ['in', 'a', 'separate'], ['separate', 'incident'],
  ['separate', 'attack'], ['in', 'another'], ['separately'], ['earlier', 'incident'], ['earlier', 'attack'], ['earlier', 'disaster'],
  ['years', 'of'], ['decades', 'of'],
  // a figure the sentence itself refutes ("early reports said one person had died, but that proved to be incorrect")
  // a yearly statistic ("accidental shootings kill dozens of minors each year") or a tally of like events ("45 such
  // shootings") is no incident's toll
  ['each', 'year'], ['every', 'year'], ['per', 'year'], ['annually'], ['such', 'shootings'], ['such', 'incidents'],
  ['proved', 'to', 'be', 'incorrect'], ['proved', 'incorrect'], ['proved', 'to', 'be', 'false'], ['proved', 'false'], ['turned', 'out', 'to', 'be', 'wrong'], ['turned', 'out', 'to', 'be', 'false'],
];
/** Phrases that mark a sentence's estimate as replaced by a later one ("had earlier put the toll at", "initially"). */
export const SUPERSEDED_PHRASES: string[][] = [
  ['earlier'], ['previously'], ['initially'], ['at', 'first'], ['at', 'the', 'outset'], ['had', 'been', 'saying'],
  ['had', 'said'], ['had', 'reported'], ['had', 'put'], ['had', 'given'], ['had', 'stood'], ['had', 'earlier'],
  ['previous', 'toll'], ['before', 'that'], ['first', 'reported'], ['was', 'revised'], ['had', 'first'], ['first', 'said'],
];
/** Kinds of event, one pattern per disjoint family: an earlier event of a kind the lead never names is background. */
export const EVENT_FAMILIES: ReadonlyArray<RegExp> = [
  /^(earthquake|earthquakes|quake|quakes|tremor|tremors|aftershock)$/,
  /^(flood|floods|flooding|flash|deluge|landslide|landslides|mudslide|mudslides)$/,
  /^(storm|storms|cyclone|hurricane|typhoon|tornado|tornadoes|blizzard)$/,
  /^(bomb|bombs|bombing|bombings|blast|blasts|explosion|explosions)$/,
  /^(fire|fires|blaze|wildfire|wildfires)$/,
  /^(crash|crashes|collision|derailment)$/,
  /^(war|fighting|offensive|clashes|riots|rioting)$/,
];
/** Causes of death other than the incident itself: a count "died of illness" in a flood's relief camps is a
 *  cause-specific sub-count. ("died of their injuries", "of wounds", "of burns" are the incident's own deaths.) */
export const CAUSE_NOUNS = new Set(
  ('illness illnesses disease diseases cholera malaria dengue diarrhoea diarrhea dysentery typhoid measles hunger starvation ' +
    'malnutrition exposure hypothermia heatstroke infection infections covid covid-19 coronavirus snakebite snakebites').split(' '),
);
/** Words allowed between "of"/"from" and a cause noun ("died of water-borne diseases", "of a related illness"). */
export const CAUSE_ADJ = /^(water-borne|waterborne|related|other|various|infectious|respiratory|a|the|an)$/;
/** Words introducing an event as a past cause ("after an earthquake that killed…"). */
export const PAST_CAUSE_FRAMES = /^(after|following|since)$/;
/** Words introducing an earlier event as the subject of a casualty verb ("days after a tanker explosion killed…"). */
export const EARLIER_CAUSE_FRAMES = /^(after|following)$/;
/** Words after "earlier" that date the main incident ("earlier this year"), with EARLIER_THIS_SPANS: no superseded estimate. */
export const EARLIER_THIS = /^(this|in|that)$/;
/** Spans after "earlier this/in/that" ("earlier this month", "earlier in the year"). */
export const EARLIER_THIS_SPANS = /^(year|month|week|the)$/;
/** Weather named as a cause of death ("died of the heat"): cause-specific, as CAUSE_NOUNS. */
export const WEATHER_CAUSES = /^(heat|cold)$/;
/** First word of a road accident named as a cause ("killed in road accidents"). */
export const ROAD_WORDS = /^(road|traffic|car)$/;
/** Second word of a road accident named as a cause. */
export const ROAD_ACCIDENTS = /^(accidents|crashes)$/;
/** Periods after "last" that date a relative clause earlier ("that killed 40 villagers last month"). */
export const LAST_PERIODS = /^(month|week|year)$/;
/** Periods after "earlier this" that date a clause earlier ("earlier this month"). */
export const EARLIER_THIS_PERIODS = /^(month|year)$/;
/** Periods after "last" that date a sentence earlier ("last week", "last summer"). */
export const LAST_SEASONS = /^(week|month|year|summer|spring|fall|autumn|winter)$/;
/** Units before "ago" that date a sentence earlier ("two years ago"). */
export const AGO_UNITS = /^(weeks|months|years|week|month|year)$/;
/** Nouns after "previous"/"prior"/"unrelated"/"separate" that name another incident. */
export const EARLIER_INCIDENT_NOUNS = /^(incident|shooting|shootings|incidents)$/;
/** Plural event nouns that make a sentence a round-up of several events ("hurt in two shootings"). */
export const ROUND_UP_NOUNS = /^(shootings|stabbings|incidents|attacks)$/;
/** "over the past couple of months", "in the last two years": a preposition before "the past/last", then a long span
 *  within a few words; the sentence counts over a period, not one incident. */
export const SPAN_PREPS = /^(over|in|during|within)$/;
export const LONG_SPANS = /^(weeks|months|years|decades)$/;
/**
 * Spans of time that date another event: before "after", what follows is a separate, earlier event ("hours after the
 * quake", "a week after a deadly shooting"); before "earlier", the event told is not this one ("a year earlier").
 */
export const TIME_SPANS: ReadonlySet<string> = new Set('minute minutes hour hours day days week weeks month months year years'.split(' '));
