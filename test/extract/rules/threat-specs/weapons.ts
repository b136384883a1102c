// Weapons fired or readied (rule threat.weapons), with the qualifiers their counts carry; every sentence is our own.
import type { ThreatSpec } from './line';

export const WEAPON_SPECS: readonly ThreatSpec[] = [
  ['The navy intercepted four cruise missiles and two drones in one wave.', ['4 exact cruise missiles', '2 exact drones'], 'threat.weapons'],
  ['The navy tracked more than a dozen ballistic missiles fired toward the coast.', ['12 at_least ballistic missiles'], 'threat.weapons'],
  ['The navy said the rebels launched more than a dozen cruise missiles at the port overnight.', ['12 at_least cruise missiles'], 'threat.weapons'],
  ['The militia fired a dozen rockets at the airfield.', ['12 exact rockets'], 'threat.weapons'],
  ['The militia fired dozens of rockets at the airfield overnight.', ['24 at_least rockets'], 'threat.weapons'],
  ['Hundreds of drones were launched toward the capital before dawn.', ['200 at_least drones'], 'threat.weapons'],
  ['The artillery fired nearly 200 shells across the river on Tuesday.', ['200 approx shells'], 'threat.weapons'],
  ['Officials said the group could launch up to 40 missiles in a single salvo.', ['40 at_most missiles'], 'threat.weapons'],
  ['Militants fired 200 rockets, the heaviest barrage since 2014.', ['200 exact rockets'], 'threat.weapons'],
  ['A drone was shot down near the base.', [], 'none'],
  ['Investigators found a 100-kg bomb in the car.', [], 'none'],
  ['The airline has a fleet of 60 aircraft and 12 jets.', [], 'none'],
];
