// Which threat figures an article keeps: one per kind of weapon or force, every item of a list, and none from a
// sentence about an older episode (context and choice steps named in --explain); every sentence is our own.
import { LATE_DECEMBER, type ThreatSpec } from './line';

export const CHOOSING_SPECS: readonly ThreatSpec[] = [
  ['The army fired at least 25 missiles on Monday. One missile landed near a port.', ['25 at_least missiles'], 'choose.part-of-larger'],
  ['The army fired 90 missiles and 40 drones overnight. Air defences shot down 70 missiles and 35 drones.', ['90', '40'], 'choose.part-of-larger', LATE_DECEMBER],
  ['Iran launched 170 drones, 30 cruise missiles and 120 ballistic missiles.', ['170', '30', '120'], 'threat.weapons', LATE_DECEMBER],
  ['The army fired more than 300 drones and missiles. The barrage included 170 drones, 30 cruise missiles and 120 ballistic missiles.', ['300 at_least drones and missiles', '170', '30', '120'], 'threat.weapons'],
  ['The army has called up 120,000 reservists. Thousands of soldiers were sent north on Sunday.', ['120000'], 'choose.vague-force-part'],
  ['The fleet moved 40 warships into the strait. By evening 40 warships were in place.', ['40 exact warships'], 'choose.repeat'],
  ['Russia has massed 90,000 troops near the Crimean Peninsula, which it seized in 2014.', ['90000'], 'threat.forces', { published: '2021-12-07' }],
  ['Russia massed 90,000 troops near the border in 2014.', [], 'context.earlier-year', { published: '2021-12-07' }],
  ['In 2006, 4,000 rockets were fired over a month.', [], 'context.earlier-year'],
  ['China sent 40 warplanes toward the island on Monday. In August, it fired 11 ballistic missiles into nearby waters.', ['40 exact warplanes'], 'context.older-month', LATE_DECEMBER],
  ['In November, the army massed 30,000 troops on the border.', ['30000'], 'threat.forces', LATE_DECEMBER],
];
