// Forces massed, sent or called up (rules threat.forces and threat.number-of), and the counted soldiers, attackers
// and tanks that are no force (the guards); every sentence is our own.
import { LATE_DECEMBER, type ThreatSpec } from './line';

export const FORCE_SPECS: readonly ThreatSpec[] = [
  ['Satellite images show some 60,000 troops massed near the frontier.', ['60000 approx troops'], 'threat.forces'],
  ['The president ordered the call-up of 150,000 reservists on Friday.', ['150000 exact reservists'], 'threat.forces'],
  ['The government announced a partial mobilisation of 90,000 reservists.', ['90000'], 'threat.forces'],
  ['Thousands of soldiers were sent north on Sunday.', ['2000 at_least soldiers'], 'threat.forces'],
  ['The army said 1,500 troops had been sent to seal off the district and search for the gunmen.', ['1500'], 'threat.forces'],
  ['The army has sent 5,000 troops to the border, where two farmers died last week.', ['5000'], 'threat.forces'],
  ['The army deployed about 60 soldiers near the river.', ['60 approx soldiers'], 'threat.forces', LATE_DECEMBER],
  ['About 30,000 troops carried out drills near the border.', ['30000'], 'threat.forces'],
  ['The army moved 40 tanks to the border.', ['40 exact tanks'], 'threat.forces', LATE_DECEMBER],
  ['The number of soldiers and police in the province will be raised to 10,500 next month.', ['10500 exact soldiers and police'], 'threat.number-of'],
  ['Some 40 reservists were killed in the shelling.', [], 'guard.casualty-keyword'],
  ['Thirteen American troops were killed in the bombing.', [], 'guard.casualty-keyword'],
  ['Killed were 6 soldiers and 2 police officers.', [], 'guard.casualty-keyword'],
  ['Guerrillas wounded at least 25 soldiers in the raid.', [], 'guard.casualty-object', LATE_DECEMBER],
  ['About 60 soldiers on a night patrol were ambushed near the river.', [], 'guard.victims-of-attack', LATE_DECEMBER],
  ['At least 30 soldiers and rebels including a U.S. military adviser died in the battle on Sunday.', [], 'guard.victims-of-attack'],
  ['The army sent 800 troops to search for survivors in the rubble.', [], 'guard.rescue-force'],
  ['The government sent 500 troops to help rescue efforts after the floods.', [], 'guard.rescue-force'],
  ['Police said two suicide bombers blew themselves up at the gate.', [], 'guard.suicide-bomber'],
  ['Investigators said six gunmen and three soldiers, all deserters, had carried out the attacks.', [], 'guard.past-attackers'],
  ['One of the two bombers blew himself up at the gate.', [], 'guard.partitive'],
  ['One of three divisions on the border was put on alert.', [], 'guard.partitive'],
  ['A fire broke out at the fuel tanks of the depot. The blaze destroyed four giant tanks.', [], 'guard.container-tanks', LATE_DECEMBER],
  ['Police arrested 120 people in eight cities on Friday.', [], 'none'],
];
