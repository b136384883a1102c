// The seed article (ours) must give exactly the figures the product brief names.
import { describe, expect, it } from 'vitest';
import { extract, normaliseText, isEnglish } from '../../src/extract/index';

const SEED_TEXT = "More than 30 mourners have been killed and dozens injured after a stampede broke out on the final day of Qassem Soleimani’s funeral in Iran today.\n\nIran’s farewell to the general descended into chaos after thousands of people thronged to his home town of Kerman, where he is due to be buried later.\n\nWith a sea of mourners rushing to see Soleimani’s coffin, state TV said a stampede had broken out which left 35 people dead and 48 injured.\n\nSoleimani’s death in a US drone strike on Friday has sparked a huge outpouring of grief and Iran today renewed its vows of revenge against America, which regarded the general as a terrorist leader.\n\nIran’s supreme leader Ayatollah Ali Khamenei, who yesterday wept in public over Soleimani’s casket, has ordered his country’s forces to retaliate directly against US interests rather than relying on its proxies in the region.\n\nTehran says it has lined up 13 ‘revenge scenarios’ and revolutionary guards leader Hossein Salami told the crowds today that Iran would ‘set ablaze’ US allies.\n\nUS forces are braced for a reprisal but their future in the Middle East was thrown into confusion yesterday when a letter confirming a withdrawal from Iraq was apparently circulated by mistake.\n\nDonald Trump has vowed to retaliate if Iran strikes against US targets, despite lukewarm support from his allies including Israel which today declared its intention to ‘stay out of it’.\n\nIn Kerman, mourners dressed in black converged on Azadi Square where Soleimani’s coffin and that of his closest aide Hossein Pourjafari were on display.\n\nCrowds waved flags and held up pictures of Soleimani as they mourned a man who was regarded as a national hero by many Iranians.\n\nSchoolgirls were heard shouting ‘death to Trump’ while crowds chanted ‘death to Israel’ when Hossein Salami swore revenge on Washington.\n\n‘The martyr Qassem Soleimani is more powerful… now that he is dead,’ the revolutionary guards leader told mourners today.\n\n";

describe('seed article (Kerman stampede)', () => {
  const r = extract({ text: normaliseText(SEED_TEXT), published: '2020-01-07' });
  it('killed 35 exact from the state TV sentence, not the rounder lead', () => {
    expect(r.casualties.killed).toMatchObject({ value: 35, qualifier: 'exact', attribution: 'state TV' });
    expect(r.casualties.killed?.quote).toContain('state TV said a stampede had broken out which left 35 people dead and 48 injured');
  });
  it('injured 48 exact (the later precise figure beats "dozens")', () => {
    expect(r.casualties.injured).toMatchObject({ value: 48, qualifier: 'exact', attribution: 'state TV' });
  });
  it('no other categories', () => {
    expect(Object.keys(r.casualties).sort()).toEqual(['injured', 'killed']);
  });
  it('threat: 13 revenge scenarios', () => {
    expect(r.threats.map((t) => ({ value: t.value, noun: t.noun }))).toEqual([{ value: 13, noun: 'revenge scenarios' }]);
  });
  it('incident: stampede in Kerman, Iran', () => {
    expect(r.incident.type).toBe('stampede');
    expect(r.incident.places).toEqual(['Kerman', 'Iran']);
  });
  it('is English', () => {
    expect(isEnglish(SEED_TEXT)).toBe(true);
  });
});
