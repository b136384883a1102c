// Word lists that tell a figure of another, earlier or superseded incident from the main one's: phrases dating a
// sentence earlier, phrases marking an estimate as replaced, kinds of event, and causes of death other than the
// incident. Data only; figures.ts and rules/ read them.

/** Phrases that set a whole sentence in another, older incident ("last year", "in a separate attack"). A running
 *  total over a period ("three years of unrest in which some 2,400 people have died") is no incident's toll either. */
export const CONTEXT_PHRASES: string[][] = [
  ['previous'], ['last', 'year'], ['years', 'ago'], ['a', 'year', 'ago'], ['in', 'a', 'separate'], ['separate', 'incident'],
  ['separate', 'attack'], ['in', 'another'], ['separately'], ['earlier', 'incident'], ['earlier', 'attack'], ['earlier', 'disaster'],
  ['years', 'of'], ['decades', 'of'],
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
