// What an article says besides its figures: incident hints (type, places, dateline), text normalisation and the
// English check; threat figures are specified by rule family in rules/threat-specs/.
import { describe, expect, it } from 'vitest';
import { extract, isEnglish, normaliseText } from '../../src/extract/index';
import { headlineOf, TYPE_RULES, typeMatches } from '../../src/extract/incident';
import { run } from './support';

describe('incident hints', () => {
  it("each type row's cues are in every text its pattern matches, so skipping a span without them loses nothing", () => {
    const corpus = {
      ...import.meta.glob<{ text: string; title?: string }>('../../fixtures/corpus-dev/*.json', { eager: true, import: 'default' }),
      ...import.meta.glob<{ text: string; title?: string }>('../../fixtures/holdout/*.json', { eager: true, import: 'default' }),
    };
    // capitals and run-together spellings the patterns accept as well
    const spans = ['AIRSTRIKES HIT A MARKET', 'Air Raids Resume', 'A Dam Burst Upstream', 'Troops Massed', 'IED BLAST', 'The Plane Carrying 40 Went Down'];
    for (const a of Object.values(corpus)) spans.push(...(a.title ? [a.title] : []), ...a.text.split(/(?<=[.!?])\s+|\n+/));
    expect(spans.length).toBeGreaterThan(1000);
    const matched = new Set<number>();
    for (const span of spans) {
      const lower = span.toLowerCase();
      TYPE_RULES.forEach((rule, i) => {
        if (!rule.pattern.test(span)) return;
        matched.add(i);
        expect({ type: rule.type, span, cue: rule.cues.some((c) => lower.includes(c)) }).toEqual({ type: rule.type, span, cue: true });
      });
      // the one scan for all cues finds what trying every row would
      const everyRow = TYPE_RULES.flatMap((rule) => {
        const m = rule.pattern.exec(span);
        return m ? [[rule.type, m.index] as const] : [];
      });
      expect({ span, found: typeMatches(span) }).toEqual({ span, found: everyRow });
    }
    // most rows are exercised, so the check is not vacuous
    expect(matched.size).toBeGreaterThan(TYPE_RULES.length * 0.75);
  });
  it('type from the headline and lead', () => {
    expect(run('At least 14 people died when a bus plunged into a ravine.', 'Bus crash kills 14').incident.type).toBe('crash');
    expect(run('A powerful earthquake shook the region, killing 30.').incident.type).toBe('earthquake');
    expect(run('A car bomb exploded outside a police station, killing five.').incident.type).toBe('bombing');
    expect(run('Gunmen kidnapped 20 pupils from a school.').incident.type).toBe('kidnapping');
  });
  it('a killing whose weapon is not named is a homicide; a named type wins over it', () => {
    expect(run('Deputies found five people dead inside a farmhouse on Sunday.', 'Relatives speak out after triple murder near Oakdale').incident.type).toBe('homicide');
    expect(run('Two men were charged in the slaying of a store clerk.').incident.type).toBe('homicide');
    expect(run('A suicide bomber murdered 12 worshippers at a mosque.').incident.type).toBe('bombing');
    expect(run('Two teens were charged with murder after a man was shot dead outside a store.').incident.type).toBe('shooting');
  });
  it("ages: a suspect's are marked, and those given further down are kept apart", () => {
    const text = 'A 7-year-old girl was shot in her home on Tern Lane, police said.\n\nMara Quill, 23, was arrested on Sunday.\n\nPolice also charged a 41-year-old man.\n\nThe girl\'s 8-year-old friend was hurt too.';
    const hints = run(text).incident;
    expect(hints.ages).toEqual([7, 23, 41]);
    expect(hints.suspect_ages).toEqual([23, 41]);
    expect(hints.later_ages).toEqual([8]);
    expect(run('A 19-year-old was shot by a suspect who fled, police said.').incident.suspect_ages).toBeUndefined();
    expect(run('The man who died was identified as Tobin Ravel, 34. Two others were hurt.').incident.ages).toEqual([34]);
  });
  it('a gun that fires a shot is a shooting, not a fire', () => {
    expect(run('A 6-year-old boy picked up a pistol and fired at least one shot, police said.', 'Boy, 6, fires shot; sister hurt').incident.type).toBe('shooting');
    expect(run('Crews battled a fire that gutted a warehouse overnight.').incident.type).toBe('fire');
  });
  it('places: city before country', () => {
    expect(run('A fire in a market in Lagos, Nigeria killed 9 people.').incident.places.slice(0, 2)).toEqual(['Lagos', 'Nigeria']);
  });
  it('a US state written by its abbreviation after a town places the town in that state', () => {
    expect(run('Two men were wounded in a shooting outside a corner store late Saturday.', 'Two hurt in shooting in Springfield, Mo.').incident.places).toEqual(expect.arrayContaining(['Springfield', 'Missouri']));
    expect(run('Two men were wounded in a shooting outside a corner store late Saturday.', 'Two hurt in shooting in Springfield, Ill.').incident.places).toEqual(expect.arrayContaining(['Springfield', 'Illinois']));
    expect(run('Five people were hurt when someone opened fire on a porch early Sunday.', 'Five shot in Trenton, NJ').incident.places).toEqual(expect.arrayContaining(['Trenton', 'New Jersey']));
    expect(run('HEMPSTEAD, N.Y. - A teenager was shot in the leg while walking home, police said.').incident.places).toEqual(expect.arrayContaining(['Hempstead', 'New York']));
  });
  it('an abbreviation alone is no place, and "Ga." is not read as the country Georgia', () => {
    expect(run('Officers said the man was shot in the arm; Mo said he heard four shots.', 'Man shot on porch').incident.places).not.toContain('Missouri');
    expect(run('A woman was wounded in a drive-by shooting on Friday night.', 'Woman shot in Macon, Ga.').incident.places).not.toContain('Georgia');
  });
  it('a street named like a place ("shooting at Kestrel Rd.") is no place, nor is a city\'s "Metro" government', () => {
    expect(run('Two men were wounded outside a diner late Friday, officers said.', 'One dead after shooting at Kestrel Rd. diner').incident.places).not.toContain('Kestrel Rd');
    expect(run('Louisville Metro Police said two people were hurt in the shooting on Friday night.', 'Two hurt in shooting').incident.places).not.toContain('Indonesia');
  });
  it('a listed place of a country the report never names, in a report chiefly about another, is a namesake ("Mount Sinai Hospital" in Chicago)', () => {
    const p = run('A 10-year-old boy was shot in the leg on the West Side of Chicago on Sunday evening. He was taken to Mount Sinai Hospital in good condition, Chicago police said.', 'Boy, 10, shot in Chicago').incident.places;
    expect(p).toEqual(expect.arrayContaining(['Chicago', 'Illinois']));
    expect(p).not.toContain('Egypt');
  });
  it('…while a report naming both countries keeps both', () => {
    expect(run('Iranian missiles struck a base in Iraq housing American troops, officials in Baghdad and Tehran said.', 'Missiles hit base in Iraq').incident.places).toEqual(expect.arrayContaining(['Baghdad', 'Iraq', 'Tehran', 'Iran']));
  });
  it("a page's furniture paragraphs (a video notice, an editor's update note) come before the story's dateline and lead", () => {
    const hints = run('Please enable Javascript to watch this video\n\nKANSAS CITY, Mo. -- A teenager died after a shooting inside a home on Monday night.\n\nPolice gave few details.').incident;
    expect(hints.dateline).toBe('KANSAS CITY, Mo.');
    expect(hints.places).toEqual(expect.arrayContaining(['Kansas City', 'Missouri']));
    const update = run('UPDATE on Tuesday at noon: the boy is awake, his family says.\n\nBEXAR – A six-year-old boy was shot after an argument in Kerrville Saturday evening.\n\nThe Kerrville Police Department is investigating.').incident;
    expect(update.places).toEqual(expect.arrayContaining(['Kerrville', 'Texas']));
  });
  it("a report naming no place at all is placed, last, by its outlet's town in the headline", () => {
    expect(run('Five people were shot at an apartment complex late Tuesday, police said.', 'Five people shot in apartment complex - KQRX Action News 9 - Memphis, Tennessee').incident.places).toEqual(expect.arrayContaining(['Memphis', 'Tennessee']));
    // a report that names its own place keeps it, and the outlet's town is not added
    expect(run('Five people were shot at an apartment complex in Nashville late Tuesday, police said.', 'Five people shot in apartment complex - KQRX Action News 9 - Memphis, Tennessee').incident.places).not.toContain('Memphis');
  });
  it('a town before a weekday ("in Kerrville Saturday") or after a caption word ("Jail Kerrville police") is still the town', () => {
    expect(run('Photo: County Jail Kerrville police arrested a man on Tuesday.\n\nA girl was shot in Kerrville Saturday night, police said.', 'Kerrville police make arrest in shooting').incident.places).toEqual(expect.arrayContaining(['Kerrville', 'Texas']));
  });
  it('a neighbourhood, park or hospital named after a place is no mention of it ("Washington Heights" is not Washington state)', () => {
    expect(run('Four people were shot outside a bodega in Washington Heights late Saturday, New York police said.', 'Four shot in Washington Heights').incident.places).toEqual(['Washington Heights', 'New York', 'United States']);
    expect(run('Two men were shot near a gas station in Washington Park on the South Side of Chicago.', 'Two killed at Washington Park gas station').incident.places).not.toContain('Washington');
  });
  it('a dateline places a report before a city its body names in passing', () => {
    const p = run('HEMPSTEAD, N.Y. - A teenager was shot while walking home on Friday, police said.\n\nNeighbours said they feared the village would turn into the next Chicago.', 'Teen shot while walking home').incident.places;
    expect(p.slice(0, 2)).toEqual(['Hempstead', 'New York']);
  });
  it('a capitalised dateline of two words that is the only place is read as the listed city ("NEW YORK")', () => {
    expect(run('NEW YORK - Four people were shot on a boardwalk late Sunday, police said.', 'Four shot near boardwalk').incident.places).toEqual(['New York', 'United States']);
  });
  it('an outlet given by its web address, and its city, are cut from the headline', () => {
    expect(headlineOf('Two dead, one hurt in Dunmore triple shooting - wkxy.com - Harlan, Kentucky')).toBe('Two dead, one hurt in Dunmore triple shooting');
    expect(headlineOf('Deputies: farm shooting was a family dispute - wkxy.com-Harlan News, Weather & Sports')).toBe('Deputies: farm shooting was a family dispute');
  });
  it('the day after a town\'s name is no part of it ("in Dunmore Thursday morning")', () => {
    expect(run('Two people were killed and one was hurt in a shooting in Dunmore Thursday morning, police said.', 'Two dead, one hurt in Dunmore triple shooting - wkxy.com - Harlan, Kentucky').incident.places).toEqual(['Dunmore']);
  });
  it('dateline', () => {
    expect(run('NAIROBI, May 2 - Floods killed 12 people in Kenya, officials said.').incident.dateline).toBe('NAIROBI');
  });
});

describe('normaliseText', () => {
  it('strips tags, scripts and styles and decodes entities', () => {
    const html = '<html><head><style>p{color:red}</style></head><body><script>var x = "<p>9 killed</p>";</script><p>Five people were killed &amp; 12&nbsp;injured.</p><p>Caf&eacute; &#8220;blast&#x201D;</p></body></html>';
    expect(normaliseText(html)).toBe('Five people were killed & 12 injured.\n\nCafé “blast”');
  });
  it('collapses whitespace and keeps paragraph breaks', () => {
    expect(normaliseText('  One   line\nwrapped here.\n\n\n  Second   para. ')).toBe('One line wrapped here.\n\nSecond para.');
  });
  it('NFC', () => {
    expect(normaliseText('Cafe\u0301')).toBe('Café');
  });
  it('survives unclosed tags', () => {
    expect(normaliseText('Seven dead <script>never closed')).toBe('Seven dead');
  });
});

describe('isEnglish', () => {
  it.each(['3 killed in blast', 'Floods leave thousands homeless', 'The ministry said at least 20 people were wounded in the attack on Tuesday.'])('English: %s', (t) => {
    expect(isEnglish(t)).toBe(true);
  });
  it.each([
    'Al menos 20 personas murieron en el ataque y otras 30 resultaron heridas, según el ministerio.',
    "Au moins vingt personnes ont été tuées dans l'explosion, selon les autorités locales qui ont ouvert une enquête.",
    'Mindestens 20 Menschen wurden bei dem Anschlag getötet, wie die Polizei am Dienstag mitteilte und die Ermittlungen dauern an.',
    'قتل ما لا يقل عن 20 شخصا في الهجوم، بحسب وزارة الصحة.',
    '据当地官员称，爆炸造成至少20人死亡，数十人受伤。',
    'По меньшей мере 20 человек погибли в результате взрыва, сообщили власти.',
  ])('not English: %s', (t) => {
    expect(isEnglish(t)).toBe(false);
  });
});

describe('places the gazetteer does not list', () => {
  it('reads a town placed by its region and a name that labels the incident', () => {
    const a = extract({ text: 'Gunmen abducted 80 pupils from a school in Mariga, Niger State, on Tuesday, police said.' });
    expect(a.incident.places).toContain('Mariga');
    const b = extract({ text: 'Rescuers searching the rubble of the Bellmont apartment collapse found two more bodies on Friday.' });
    expect(b.incident.places).toContain('Bellmont');
    const c = extract({ text: 'On Monday the storm moved north. Officials said 4 people died.' });
    expect(c.incident.places).not.toContain('Monday');
  });
});
