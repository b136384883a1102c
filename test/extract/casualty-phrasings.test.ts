// How a count attaches to the casualty word or verb it belongs to, and which numbers near one are no count at all; every sentence is our own.
import { describe, expect, it } from 'vitest';
import { fig } from './support';

describe('a subject kept apart from its verb', () => {
  it('a descriptive participle phrase between the subject and its verb', () => {
    expect(fig('Four men suspected of running the smuggling ring were arrested on Friday.').arrested).toEqual(expect.objectContaining({ value: 4, qualifier: 'exact' }));
    expect(fig("A woman believed to be the gang's leader was taken into custody.").arrested).toEqual(expect.objectContaining({ value: 1 }));
    expect(fig('Twelve miners believed to have died in the blast were named by the company.').killed).toEqual(expect.objectContaining({ value: 12 }));
    expect(fig('About 40 people thought to be trapped in the mine.').missing).toEqual(expect.objectContaining({ value: 40, qualifier: 'approx' }));
  });
  it('a longer relative clause with a measure inside it', () => {
    expect(fig('Five of the 11 fishermen who survived a voyage that ended when their boat sank 20 miles off the coast have been detained.').arrested).toEqual(expect.objectContaining({ value: 5 }));
    // a clause with its own category verb is not skipped over
    expect(fig('Three men who injured a guard were arrested.').arrested).toEqual(expect.objectContaining({ value: 3 }));
  });
  it('a relative clause between a subject and its verb: "Seven men who refused to leave were arrested"', () => {
    expect(fig('Seven men who refused to leave the square were arrested, police said.').arrested).toEqual(expect.objectContaining({ value: 7 }));
    expect(fig('Two climbers who set out on Friday are missing.').missing).toEqual(expect.objectContaining({ value: 2 }));
  });
  it('a possessive stands where a determiner would: "the victim\'s mother was also wounded"', () => {
    expect(fig("The victim's mother was also wounded in the shooting.").injured).toEqual(expect.objectContaining({ value: 1 }));
    expect(fig("Navarro's stepson, Eli Navarro, was hurt and is in stable condition.").injured).toEqual(expect.objectContaining({ value: 1 }));
  });
  it('a named person and "his three bodyguards" add up: the possessive opens the counted phrase', () => {
    expect(fig('Governor Halim and his three bodyguards were killed in the ambush.').killed).toEqual(expect.objectContaining({ value: 4 }));
  });
  it('"N people, including X, …": the count before "including" is the subject, a comma after it or not', () => {
    expect(fig('At least three people, including Haidari, a district police chief, were killed in the blast.').killed).toEqual(expect.objectContaining({ value: 3, qualifier: 'at_least' }));
    expect(fig('Six guards including a captain were wounded.').injured).toEqual(expect.objectContaining({ value: 6 }));
  });
  it('the members of an organisation: the count stands before "of" and a name that is no person', () => {
    expect(fig('Three members of the Workers Union party were killed in the raid.').killed).toEqual(expect.objectContaining({ value: 3 }));
    expect(fig('Two members of the Front for Unity—Renewal (FUR) youth league were wounded in the grenade attack.').injured).toEqual(expect.objectContaining({ value: 2 }));
  });
  it('a counted place phrase inside the subject: "80 people in eight cities were detained"', () => {
    expect(fig('More than 80 people in eight cities were detained after the riots.').arrested).toEqual(expect.objectContaining({ value: 80, qualifier: 'at_least' }));
  });
});

describe('a definite plural names a group counted before', () => {
  it('"the hostages" after an abduction takes the number abducted', () => {
    const x = fig('Gunmen seized five road workers near Karam on Monday. The hostages were executed two days later, officials said.');
    expect(x.killed).toEqual(expect.objectContaining({ value: 5 }));
    // with an apposition or a relative clause between the subject and its verb
    expect(fig('Gunmen seized three aid workers at a roadblock. The captives, all nurses, were killed the same night.').killed).toEqual(expect.objectContaining({ value: 3 }));
  });
  it('"the soldiers" takes the count of the soldiers named before', () => {
    expect(fig('Militants abducted four soldiers at a fake checkpoint. The soldiers were killed later that day.').killed).toEqual(expect.objectContaining({ value: 4 }));
  });
  it('with no earlier count of that group, a definite plural gives no figure', () => {
    expect(fig('The soldiers were killed later that day, the ministry said.').killed).toBeUndefined();
    expect(fig('Militants abducted four soldiers at a fake checkpoint. The farmers were killed later that day.').killed).toBeUndefined();
  });
});

describe('counted groups add up', () => {
  it('the dead at the scene and those who died later add up once', () => {
    expect(fig('Two victims died on the scene and two more died on the way to the trauma center.').killed).toEqual(expect.objectContaining({ value: 4 }));
    // one person, then another: told one by one, they are added once
    expect(fig('A 40-year-old man died at the scene and a woman in her sixties died in hospital on Monday.').killed).toEqual(expect.objectContaining({ value: 2 }));
  });
  it('people described one by one and added up come after a stated count, the headline\'s included', () => {
    const body = 'A 40-year-old woman was shot in the arm and a 22-year-old man was shot in the leg, police said.';
    expect(fig(body, 'Five people shot outside corner store').injured).toEqual(expect.objectContaining({ value: 5 }));
    expect(fig(`${body} Four people were shot in all, police said.`).injured).toEqual(expect.objectContaining({ value: 4 }));
    expect(fig(body).injured).toEqual(expect.objectContaining({ value: 2 }));
  });
  it('a list after "N victims" names them and adds nobody; after "two men" it adds', () => {
    expect(fig('Police said three other victims, a 20-year-old man, an 18-year-old woman and a 4-year-old boy were taken to hospitals.').injured).toEqual(expect.objectContaining({ value: 3 }));
    expect(fig('Two men, a woman and a boy were wounded by the gunfire.').injured).toEqual(expect.objectContaining({ value: 4 }));
  });
  it('a counted object of two groups adds up: "killed 19 children and two teachers"', () => {
    expect(fig('A gunman killed 14 pupils and two staff members at the school on Monday.').killed).toEqual(expect.objectContaining({ value: 16, qualifier: 'exact' }));
    expect(fig('The blast killed at least 40 villagers and three U.S. soldiers, officials said.').killed).toEqual(expect.objectContaining({ value: 43, qualifier: 'at_least' }));
    // attackers and a second clause are not added
    expect(fig('Troops killed 12 civilians and four gunmen in the raid.').killed).toEqual(expect.objectContaining({ value: 12 }));
    expect(fig('The storm killed nine people and 30 others were injured.').killed).toEqual(expect.objectContaining({ value: 9 }));
  });
  it('a comma list of counted groups ending in "and" adds up', () => {
    expect(fig('Gunmen kidnapped 20 pupils, two teachers and five parents from the school.').hostages).toEqual(expect.objectContaining({ value: 27 }));
    expect(fig('The storm killed 12 people, 30 were injured and five are missing.').killed).toEqual(expect.objectContaining({ value: 12 }));
    expect(fig('The attack killed 12 people, three of them children.').killed).toEqual(expect.objectContaining({ value: 12 }));
  });
  it('coordinated subjects add up, attackers excepted', () => {
    expect(fig('Two soldiers and three civilians were killed in the ambush.').killed).toEqual(expect.objectContaining({ value: 5 }));
    expect(fig('Three hostages and four attackers were killed, police said.').killed).toEqual(expect.objectContaining({ value: 3 }));
    expect(fig('The death toll stood at 80 people and 900 were wounded.').injured).toEqual(expect.objectContaining({ value: 900 }));
  });
});

describe('the counted object of a casualty verb', () => {
  it('a unit\'s abbreviation in brackets inside the object, with more modifiers after it', () => {
    expect(fig('Gunmen shot dead a Harbour Guard Service (HGS) patrol commander near the docks.').killed).toEqual(expect.objectContaining({ value: 1 }));
    expect(fig('Gunmen shot dead a Harbour Guard Service (HGS) sergeant near the docks.').killed).toEqual(expect.objectContaining({ value: 1 }));
  });
  it('"hurt" as an active verb with a counted object', () => {
    expect(fig('Heavy storms cut off 3,000 people and hurt at least 40 in the region, officials said.').injured).toEqual(expect.objectContaining({ value: 40, qualifier: 'at_least' }));
    // the passive stays a subject reading
    expect(fig('Twelve people were hurt when the roof fell in.').injured).toEqual(expect.objectContaining({ value: 12 }));
  });
  it('a single person with an age compound as the object of a category verb', () => {
    expect(fig('Officers arrested a 44-year-old bus driver on Tuesday.').arrested).toEqual(expect.objectContaining({ value: 1, qualifier: 'exact' }));
    expect(fig('Police detained a 30-year-old station master after the crash.').arrested).toEqual(expect.objectContaining({ value: 1 }));
    // an age compound before a thing is no person
    expect(fig('Police seized a 20-year-old car.').arrested).toBeUndefined();
  });
  it('a count of things before an active verb with its own counted object is not the toll', () => {
    expect(fig('The blasts at two mosques and a market also wounded about 300 people, police said.').injured).toEqual(expect.objectContaining({ value: 300, qualifier: 'approx' }));
    expect(fig('Four car bombs killed 31 people in the capital.').killed).toEqual(expect.objectContaining({ value: 31 }));
  });
  it('"found 23 survivors and 7 bodies" gives the bodies as the dead', () => {
    const f = fig('Rescuers found 23 survivors and 7 bodies in the wreckage on Sunday.');
    expect(f.killed).toEqual(expect.objectContaining({ value: 7, qualifier: 'exact' }));
    expect(fig('Divers pulled out five survivors and at least 11 bodies from the hull.').killed).toEqual(expect.objectContaining({ value: 11, qualifier: 'at_least' }));
  });
  it('bodies recovered, "bodies of N", "all N on board", "stabbed to death"', () => {
    expect(fig('Divers pulled 9 bodies from the lake on Sunday.').killed).toEqual(expect.objectContaining({ value: 9 }));
    expect(fig('The bodies of 6 climbers were found near the summit.').killed).toEqual(expect.objectContaining({ value: 6 }));
    expect(fig('Divers pulled 9 cars from the lake on Sunday.').killed).toBeUndefined();
    expect(fig('The plane crash killed all 132 people on board.').killed).toEqual(expect.objectContaining({ value: 132, qualifier: 'exact' }));
    expect(fig('Four villagers were hacked to death by a mob.').killed).toEqual(expect.objectContaining({ value: 4 }));
  });
});

describe('wording for the dead and the injured', () => {
  it('adverbs of degree before an injury verb: "lightly hurt", "moderately injured"', () => {
    expect(fig('Three people in Haifa were lightly hurt by flying glass.').injured).toEqual(expect.objectContaining({ value: 3 }));
    expect(fig('Two soldiers were moderately injured.').injured).toEqual(expect.objectContaining({ value: 2 }));
  });
  it('"was shot and wounded" joins two verbs', () => {
    expect(fig('A security guard was shot and wounded during the raid.').injured).toEqual(expect.objectContaining({ value: 1 }));
    expect(fig('Three traders were beaten and killed by the mob.').killed).toEqual(expect.objectContaining({ value: 3 }));
  });
  it('"being treated in hospitals" and "in hospital" are injured', () => {
    expect(fig('More than 120 people were being treated in hospitals, the ministry said.').injured).toEqual(expect.objectContaining({ value: 120, qualifier: 'at_least' }));
    expect(fig('Fourteen people remain in hospital after the crash.').injured).toEqual(expect.objectContaining({ value: 14 }));
  });
  it('"the deaths of N", "rushed to hospital", parenthetical and "N of the M killed" sub-counts', () => {
    expect(fig('Officials confirmed the deaths of 18 people.').killed).toEqual(expect.objectContaining({ value: 18 }));
    expect(fig('Over 30 people were rushed to hospital.').injured).toEqual(expect.objectContaining({ value: 30, qualifier: 'at_least' }));
    expect(fig('About 20 people were taken to local hospitals with burns.').injured).toEqual(expect.objectContaining({ value: 20, qualifier: 'approx' }));
    expect(fig('Ten people, among them three children, were injured.').injured).toEqual(expect.objectContaining({ value: 10 }));
    expect(fig('Two of the 14 people killed were police officers.').killed).toEqual(expect.objectContaining({ value: 14 }));
    expect(fig('Nine of the 200 passengers were confirmed dead.').killed).toEqual(expect.objectContaining({ value: 9 }));
  });
  it('"killed or wounded N" and "were killed, wounded or captured" are combined figures, not split', () => {
    expect(fig('The rebels said they had killed or wounded 900 government troops.')).toEqual({});
    expect(fig('The radio said at least 700 soldiers had been killed, wounded or captured.')).toEqual({});
    expect(fig('The blast killed 12 people and wounded 40.').injured).toEqual(expect.objectContaining({ value: 40 }));
  });
});

describe('wording for the displaced and the arrested', () => {
  it('"made homeless" is displaced', () => {
    expect(fig('About 5,000 people were made homeless by the floods.').displaced).toEqual(expect.objectContaining({ value: 5000, qualifier: 'approx' }));
  });
  it('active "forced N from their homes" is displaced', () => {
    expect(fig('The floods forced some 30,000 residents from their homes.').displaced).toEqual(expect.objectContaining({ value: 30000, qualifier: 'approx' }));
    expect(fig('The fighting drove more than 4,000 villagers to flee across the border.').displaced).toEqual(expect.objectContaining({ value: 4000, qualifier: 'at_least' }));
    expect(fig('The law forced 300 workers to retire early.').displaced).toBeUndefined();
  });
  it('"moved N people to safety" is displaced, other moves are not', () => {
    expect(fig('Officials moved more than 500,000 residents to safety before the storm.').displaced).toEqual(
      expect.objectContaining({ value: 500000, qualifier: 'at_least' }),
    );
    expect(fig('The company moved 300 workers to a new plant.').displaced).toBeUndefined();
  });
  it('more displacement phrasings', () => {
    expect(fig('About 150,000 people were forced to flee.').displaced).toEqual(expect.objectContaining({ value: 150000, qualifier: 'approx' }));
    expect(fig('Some 8,000 villagers fled the fighting over the weekend.').displaced).toEqual(expect.objectContaining({ value: 8000 }));
    expect(fig('4,000 people were relocated to camps.').displaced).toEqual(expect.objectContaining({ value: 4000 }));
  });
  it('"rounded up" is an arrest', () => {
    expect(fig('Troops rounded up 150 protesters in the main square.').arrested).toEqual(expect.objectContaining({ value: 150, qualifier: 'exact' }));
    expect(fig('Farmers rounded up 150 cattle before the storm.').arrested).toBeUndefined();
  });
  it('"a dozen" before a casualty keyword, "took N into custody"', () => {
    expect(fig('A dozen tourists were abducted near the border.').hostages).toEqual(expect.objectContaining({ value: 12, qualifier: 'exact' }));
    expect(fig('Officers took 23 fans into custody after the match.').arrested).toEqual(expect.objectContaining({ value: 23 }));
    expect(fig('Officers took 23 fans to the stadium.').arrested).toBeUndefined();
  });
  it('"half a million", "treated N people", "made N arrests"', () => {
    expect(fig('Half a million people have fled their homes.').displaced).toEqual(expect.objectContaining({ value: 500000 }));
    expect(fig('Medics treated 43 people for burns.').injured).toEqual(expect.objectContaining({ value: 43 }));
    expect(fig('Medics treated 43 cases of food poisoning.').injured).toBeUndefined();
    expect(fig('Police made 76 arrests overnight.').arrested).toEqual(expect.objectContaining({ value: 76 }));
  });
});

describe('attackers are not the toll', () => {
  it('attackers who die are not the toll', () => {
    expect(fig('Police said two of the attackers were killed in a gunfight with soldiers.').killed).toBeUndefined();
    expect(fig('Troops killed three gunmen at the checkpoint.').killed).toBeUndefined();
    expect(fig('The gunmen killed three guards at the checkpoint.').killed).toEqual(expect.objectContaining({ value: 3 }));
  });
});

describe('numbers that are no count of people', () => {
  it('a day in words after a month is a date; "killed one of" needs people', () => {
    expect(fig('The March five earthquake killed up to 1,000 people.').killed).toEqual(expect.objectContaining({ value: 1000, qualifier: 'at_most' }));
    expect(fig('In March nine people died in the floods.').killed).toEqual(expect.objectContaining({ value: 9 }));
    expect(fig('He said the reform had killed one of the sacred cows of French finance.')).toEqual({});
    expect(fig('The blast killed one of the guards.').killed).toEqual(expect.objectContaining({ value: 1 }));
  });
  it('a population of a place is not a count of people: "parts of the 7,000 town were evacuated"', () => {
    expect(fig('Parts of the 7,000 town have been evacuated.').displaced).toBeUndefined();
  });
  it('digits naming an aircraft type ("Dash 8") are no count of the dead', () => {
    const text = 'A passenger jet hit a coast guard plane on the runway. Four of the Dash 8\'s crew died, officials said.';
    expect(fig(text, 'Planes collide on runway').killed).toEqual(expect.objectContaining({ value: 4 }));
    expect(fig('Six crew on the patrol aircraft, a Dash 8 turboprop, were killed.', 'Planes collide').killed?.value).not.toBe(8);
    expect(fig('A Boeing 737 crashed near the city, killing 44 people.').killed).toEqual(expect.objectContaining({ value: 44 }));
  });
});
