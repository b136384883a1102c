// Place hints for incident matching: a ship named after a city is no place; a US city name listed under another
// state, followed by ", <State>", is that state's town. Every sentence is our own.
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index';

const places = (text: string, title = '') => extract({ text, title, published: '2024-05-01' }).incident.places;

describe('place hints', () => {
  it('a warship named after a city does not place the incident there', () => {
    const p = places('The frigate HMS Sheffield and the destroyer INS Mumbai escorted the freed tanker off Yemen.', 'Tanker freed');
    expect(p).not.toContain('Mumbai');
    expect(p).not.toContain('Sheffield');
  });
  it('"Columbus, Georgia"-style names resolve to the named state, not vanish or move to the listed one', () => {
    const p = places('A gunman killed three people in Portland, Maine, late on Sunday.', 'Three shot dead in Maine');
    expect(p).toContain('Portland');
    expect(p).toContain('Maine');
    expect(p).not.toContain('Oregon');
  });
  it('a reference point stays when it is the only place ("a village near Kabul")', () => {
    expect(places('Gunmen killed 12 people in a village near Kabul on Friday.', 'Attack near Kabul')).toContain('Kabul');
  });
});
