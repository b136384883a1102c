// Spec rows for everyday incidents (shootings): everyday.*. Told apart as a desk editor would, by who and where.
import type { IncidentHints } from '../../../src/schema';
import { DAY, HOUR, type RuleCase } from './case';

const chicago = ['Chicago', 'Illinois', 'United States'];
const houston = ['Houston', 'Texas', 'United States'];
const millbrook = ['Millbrook', 'Alabama', 'United States'];
/** A shooting's hints in a place, with what else a row needs. */
const shot = (places: string[], more: Partial<IncidentHints> = {}): IncidentHints => ({ type: 'shooting', places, ...more });

export const everyday: RuleCase[] = [
  { rule: 'everyday.ages-differ', says: '"a 19-year-old shot in Chicago" and "a man, 52, shot in Chicago" the same night are two shootings', incident: shot(chicago, { ages: [19] }), report: shot(chicago, { ages: [52] }), expect: 'apart' },
  { rule: 'everyday.ages-differ', says: "ages a year apart agree (a birthday, an outlet's slip)", incident: shot(chicago, { ages: [40], streets: ['kedzie avenue'] }), report: shot(chicago, { ages: [41], streets: ['kedzie avenue'] }), expect: 'joins' },
  { rule: 'everyday.ages-differ', says: 'a suspect\'s age is no victim\'s: "a 7-year-old shot on Kedzie Avenue" and "Jane Roe, 23, arrested in the Kedzie Avenue shooting" are one', incident: shot(chicago, { ages: [7], streets: ['kedzie avenue'] }), report: shot(chicago, { ages: [23], suspect_ages: [23], streets: ['kedzie avenue'] }), expect: 'joins' },
  { rule: 'everyday.ages-differ', says: '…while two victims of different ages on one street the same night are two shootings', incident: shot(chicago, { ages: [7], streets: ['kedzie avenue'] }), report: shot(chicago, { ages: [23], streets: ['kedzie avenue'] }), expect: 'apart' },
  { rule: 'everyday.ages-differ', says: 'a report that leads with the wounded agrees with one that lists them further down', incident: shot(chicago, { ages: [26, 16], later_ages: [30, 31], streets: ['tern lane'] }), report: shot(chicago, { ages: [30, 31], streets: ['tern lane'] }), expect: 'joins' },
  { rule: 'everyday.streets-differ', says: 'a shooting in the 1500 block of 19th Street and one on Grand Avenue are two', incident: shot(chicago, { streets: ['19th street'] }), report: shot(chicago, { streets: ['grand avenue'] }), expect: 'apart' },
  { rule: 'everyday.streets-differ', says: 'the same street ties reports days apart', incident: shot(chicago, { streets: ['19th street'] }), report: shot(chicago, { streets: ['19th street'] }), afterMs: 3 * DAY, expect: 'joins' },
  { rule: 'everyday.areas-differ', says: 'four shot in Riverbend and four shot in Ashgrove, both neighbourhoods of Chicago, the same night, are two', incident: shot(['Riverbend', ...chicago], { toll: 4 }), report: shot(['Ashgrove', ...chicago], { toll: 4 }), expect: 'apart' },
  { rule: 'everyday.areas-differ', says: 'one part of the city in common is enough, though the incident named another too', incident: shot(['Riverbend', 'Ashgrove', ...chicago], { toll: 4 }), report: shot(['Riverbend', ...chicago], { toll: 4 }), expect: 'joins' },
  { rule: 'everyday.areas-differ', says: 'a part of the city named in both outweighs junk places on either side', incident: shot(['Riverbend', ...chicago], { names: ['South Ashgrove'], toll: 2 }), report: shot(['Millpond', ...chicago], { names: ['South Ashgrove'], toll: 2 }), expect: 'joins' },
  { rule: 'score.anchors', says: 'a community center named by both is a venue in common', incident: shot(chicago, { names: ['Rosehill Community Center'] }), report: shot(chicago, { names: ['Rosehill Community Center'] }), afterMs: 2 * DAY, expect: 'joins' },
  { rule: 'everyday.needs-anchor', says: '"a man was shot in Texas" does not join whatever Texas shooting is open', incident: shot(houston), report: shot(['Texas', 'United States']), expect: 'apart' },
  { rule: 'everyday.needs-anchor', says: 'two Chicago shootings with no person, street or venue in common are two', incident: shot(chicago), report: shot(chicago), afterMs: 2 * HOUR, expect: 'apart' },
  { rule: 'everyday.needs-anchor', says: 'a shooting report from a small town joins the one there the same day', incident: shot(millbrook), report: shot(millbrook), afterMs: 20 * HOUR, expect: 'joins' },
  { rule: 'everyday.needs-anchor', says: 'a small town one report places and the other only names in its headline ties them the same day', incident: shot(['Dunmore'], { toll: 2 }), report: shot(['Pennsylvania', 'United States'], { names: ['Dunmore'] }), afterMs: 10 * HOUR, expect: 'joins' },
  { rule: 'everyday.needs-anchor', says: '"a 4-year-old shot in Indiana" and "Indianapolis 4-year-old shoots himself" the same day are one', incident: shot(['Indianapolis', 'Indiana', 'United States'], { ages: [4] }), report: shot(['Indiana', 'United States'], { ages: [4, 27] }), afterMs: 8 * HOUR, expect: 'joins' },
  { rule: 'everyday.needs-anchor', says: '…but an adult age in common is not enough across a state', incident: shot(['Indianapolis', 'Indiana', 'United States'], { ages: [27] }), report: shot(['Indiana', 'United States'], { ages: [27] }), afterMs: 8 * HOUR, expect: 'apart' },
  { rule: 'everyday.needs-anchor', says: '…but not one three days later', incident: shot(millbrook), report: shot(millbrook), afterMs: 3 * DAY, expect: 'apart' },
  { rule: 'everyday.needs-anchor', says: 'a victim named in both joins days later, whatever the type and ages (the arrest, the funeral)', incident: shot(chicago, { names: ['Darnell Weeks'], ages: [23] }), report: { ...shot(chicago, { names: ['Darnell Weeks'], ages: [31] }), type: 'kidnapping' }, afterMs: 4 * DAY, expect: 'joins' },
  { rule: 'everyday.needs-anchor', says: 'an outlet, an agency or a police spokesman in common ties nothing', incident: shot(chicago, { names: ['Lakeside Action News', 'Sgt. Rosa Tillman', 'CPD'] }), report: shot(chicago, { names: ['Lakeside Action News', 'Sgt. Rosa Tillman', 'CPD'] }), expect: 'apart' },
  { rule: 'everyday.needs-anchor', says: 'a part of the city named in both ties reports of the same day', incident: shot(chicago, { names: ['East Harbor'] }), report: shot(chicago, { names: ['East Harbor'] }), afterMs: 5 * HOUR, expect: 'joins' },
  { rule: 'everyday.needs-anchor', says: 'the age one report leads with, given further down by the other, ties them in one city the same day', incident: shot(chicago, { ages: [7, 8], toll: 2 }), report: shot(chicago, { ages: [23], suspect_ages: [23], later_ages: [7, 8], toll: 2 }), afterMs: 6 * HOUR, expect: 'joins' },
  { rule: 'everyday.needs-anchor', says: '…but ages given only further down on both sides do not', incident: shot(chicago, { later_ages: [7], toll: 2 }), report: shot(chicago, { later_ages: [7], toll: 2 }), afterMs: 6 * HOUR, expect: 'apart' },
  { rule: 'everyday.needs-anchor', says: 'an equal toll of four in one city the same day ties two reports', incident: shot(chicago, { toll: 4 }), report: shot(chicago, { toll: 4 }), afterMs: 5 * HOUR, expect: 'joins' },
  { rule: 'everyday.needs-anchor', says: 'an equal toll of one does not', incident: shot(chicago, { toll: 1 }), report: shot(chicago, { toll: 1 }), afterMs: 5 * HOUR, expect: 'apart' },
  { rule: 'everyday.needs-anchor', says: 'a mass shooting on both sides is not everyday: a report from the same city joins', incident: shot(houston, { toll: 14 }), report: shot(houston, { toll: 19 }), afterMs: 2 * DAY, expect: 'joins' },
  { rule: 'everyday.needs-anchor', says: 'a one-victim shooting does not join a mass shooting of the same city without a name in common', incident: shot(houston, { toll: 14 }), report: shot(houston, { toll: 1 }), afterMs: 2 * DAY, expect: 'apart' },
];
