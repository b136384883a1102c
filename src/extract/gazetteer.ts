// A deliberately small gazetteer: countries, US states, the first-level divisions of populous or
// often-in-the-news countries, and a few hundred major or frequently-in-the-news cities, each city with its
// country or division. Enough to order places and to match reports of one incident; not a geocoder.
import { DIVISIONS } from './gazetteer-divisions';
import { countiesNamed, townsNamed, type Town } from './gazetteer-towns-index';

const COUNTRIES =
  'Afghanistan|Albania|Algeria|Andorra|Angola|Argentina|Armenia|Australia|Austria|Azerbaijan|Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|Bosnia|Botswana|Brazil|Brunei|Bulgaria|Burkina Faso|Burundi|Cambodia|Cameroon|Canada|Chad|Chile|China|Colombia|Comoros|Congo|Costa Rica|Croatia|Cuba|Cyprus|Czech Republic|Denmark|Djibouti|Dominican Republic|Ecuador|Egypt|El Salvador|Eritrea|Estonia|Eswatini|Ethiopia|Fiji|Finland|France|Gabon|Gambia|Georgia|Germany|Ghana|Greece|Guatemala|Guinea|Guyana|Haiti|Honduras|Hong Kong|Hungary|Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|Ivory Coast|Jamaica|Japan|Jordan|Kazakhstan|Kenya|Kosovo|Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon|Lesotho|Liberia|Libya|Lithuania|Luxembourg|Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|Mauritania|Mauritius|Mexico|Moldova|Mongolia|Montenegro|Morocco|Mozambique|Myanmar|Namibia|Nepal|Netherlands|New Zealand|Nicaragua|Niger|Nigeria|North Korea|North Macedonia|Norway|Oman|Pakistan|Palestine|Panama|Papua New Guinea|Paraguay|Peru|Philippines|Poland|Portugal|Qatar|Romania|Russia|Rwanda|Saudi Arabia|Senegal|Serbia|Sierra Leone|Singapore|Slovakia|Slovenia|Somalia|South Africa|South Korea|South Sudan|Spain|Sri Lanka|Sudan|Suriname|Sweden|Switzerland|Syria|Taiwan|Tajikistan|Tanzania|Thailand|Togo|Trinidad and Tobago|Tunisia|Turkey|Turkmenistan|Uganda|Ukraine|United Arab Emirates|United Kingdom|United States|Uruguay|Uzbekistan|Venezuela|Vietnam|Yemen|Zambia|Zimbabwe|Gaza|West Bank|Scotland|England|Wales|Northern Ireland|Puerto Rico|Greenland|Tibet|Kashmir|Crimea|Chechnya|Darfur|Soviet Union';

// Alias → canonical name. Adjectives are included only where they rarely mean anything else.
const ALIASES: Record<string, string> = {
  'U.S.': 'United States', US: 'United States', USA: 'United States', 'U.S.A.': 'United States', America: 'United States',
  'United States of America': 'United States', UK: 'United Kingdom', 'U.K.': 'United Kingdom', Britain: 'United Kingdom',
  'Great Britain': 'United Kingdom', UAE: 'United Arab Emirates', Burma: 'Myanmar', 'Czechia': 'Czech Republic',
  "Côte d'Ivoire": 'Ivory Coast', 'Democratic Republic of Congo': 'Congo', DRC: 'Congo', 'Gaza Strip': 'Gaza',
  'Türkiye': 'Turkey', USSR: 'Soviet Union', 'Tadzhikistan': 'Tajikistan', Holland: 'Netherlands', Peking: 'Beijing',
  Bombay: 'Mumbai', Calcutta: 'Kolkata', Madras: 'Chennai', Rangoon: 'Yangon', Saigon: 'Ho Chi Minh City', Kiev: 'Kyiv',
  // Exonyms, transliterations and former names of places news still uses (general knowledge): one place, one name.
  // Russian-derived spellings of Ukrainian places
  Kharkov: 'Kharkiv', Odessa: 'Odesa', Dnepr: 'Dnipro', Lvov: 'Lviv', Nikolaev: 'Mykolaiv', Nikolayev: 'Mykolaiv',
  Zaporozhye: 'Zaporizhzhia', Zaporizhia: 'Zaporizhzhia', Lugansk: 'Luhansk', Chernigov: 'Chernihiv', 'Krivoy Rog': 'Kryvyi Rih',
  'Kryvyy Rih': 'Kryvyi Rih', Artemovsk: 'Bakhmut', Artemivsk: 'Bakhmut', Slavyansk: 'Sloviansk', Slovyansk: 'Sloviansk', Vinnitsa: 'Vinnytsia',
  Rovno: 'Rivne', Zhitomir: 'Zhytomyr', Ternopol: 'Ternopil', Uzhgorod: 'Uzhhorod', Severodonetsk: 'Sievierodonetsk', Avdeyevka: 'Avdiivka',
  Kirovograd: 'Kirovohrad', Cherkassy: 'Cherkasy', Chernovtsy: 'Chernivtsi', Khmelnitsky: 'Khmelnytskyi',
  // former names and older romanisations
  Leningrad: 'Saint Petersburg', 'St Petersburg': 'Saint Petersburg', 'St. Petersburg': 'Saint Petersburg', Stalingrad: 'Volgograd',
  Ekaterinburg: 'Yekaterinburg', Nanking: 'Nanjing', Tientsin: 'Tianjin', Chungking: 'Chongqing', Amoy: 'Xiamen',
  Poona: 'Pune', Baroda: 'Vadodara', Trivandrum: 'Thiruvananthapuram', Cochin: 'Kochi', Calicut: 'Kozhikode', Benares: 'Varanasi',
  Banaras: 'Varanasi', Simla: 'Shimla', Orissa: 'Odisha', Bangalore: 'Bengaluru', Gurgaon: 'Gurugram', Mysore: 'Mysuru', Allahabad: 'Prayagraj',
  Mangalore: 'Mangaluru', Cawnpore: 'Kanpur', Pondicherry: 'Puducherry', Dacca: 'Dhaka', Ceylon: 'Sri Lanka', Swaziland: 'Eswatini',
  Zaire: 'Congo', Kampuchea: 'Cambodia', Byelorussia: 'Belarus', Moldavia: 'Moldova', Kirghizia: 'Kyrgyzstan', Tiflis: 'Tbilisi',
  'Alma-Ata': 'Almaty', Frunze: 'Bishkek', Marrakech: 'Marrakesh', "Sana'a": 'Sanaa', Hodeida: 'Hodeidah', Hudaydah: 'Hodeidah',
  Falluja: 'Fallujah', Basrah: 'Basra', Raqqah: 'Raqqa', Makkah: 'Mecca', Jiddah: 'Jeddah',
};

// Adjectives of countries: they place an incident ("an Iranian city") but more often qualify a noun ("Iranian
// state media", "Haitian police"), so a mention through one counts for less than the country's name.
const DEMONYMS: Record<string, string> = {
  Afghan: 'Afghanistan', Albanian: 'Albania', Algerian: 'Algeria', Angolan: 'Angola', Argentine: 'Argentina', Argentinian: 'Argentina',
  Armenian: 'Armenia', Australian: 'Australia', Austrian: 'Austria', Azerbaijani: 'Azerbaijan', Bahraini: 'Bahrain',
  Bangladeshi: 'Bangladesh', Belarusian: 'Belarus', Belgian: 'Belgium', Bolivian: 'Bolivia', Bosnian: 'Bosnia', Brazilian: 'Brazil',
  Bulgarian: 'Bulgaria', Burkinabe: 'Burkina Faso', Burmese: 'Myanmar', Burundian: 'Burundi', Cambodian: 'Cambodia',
  Cameroonian: 'Cameroon', Canadian: 'Canada', Chadian: 'Chad', Chilean: 'Chile', Chinese: 'China', Colombian: 'Colombia',
  Congolese: 'Congo', 'Costa Rican': 'Costa Rica', Croatian: 'Croatia', Cuban: 'Cuba', Cypriot: 'Cyprus', Czech: 'Czech Republic',
  Danish: 'Denmark', Dominican: 'Dominican Republic', Dutch: 'Netherlands', Ecuadorian: 'Ecuador', Egyptian: 'Egypt',
  Salvadoran: 'El Salvador', Eritrean: 'Eritrea', Estonian: 'Estonia', Ethiopian: 'Ethiopia', Fijian: 'Fiji', Filipino: 'Philippines',
  Finnish: 'Finland', French: 'France', Gabonese: 'Gabon', Gambian: 'Gambia', Georgian: 'Georgia', German: 'Germany',
  Ghanaian: 'Ghana', Greek: 'Greece', Guatemalan: 'Guatemala', Guinean: 'Guinea', Haitian: 'Haiti', Honduran: 'Honduras',
  Hungarian: 'Hungary', Icelandic: 'Iceland', Indian: 'India', Indonesian: 'Indonesia', Iranian: 'Iran', Iraqi: 'Iraq', Irish: 'Ireland',
  Israeli: 'Israel', Italian: 'Italy', Ivorian: 'Ivory Coast', Jamaican: 'Jamaica', Japanese: 'Japan', Jordanian: 'Jordan',
  Kazakh: 'Kazakhstan', Kenyan: 'Kenya', Kosovar: 'Kosovo', Kuwaiti: 'Kuwait', Kyrgyz: 'Kyrgyzstan', Laotian: 'Laos',
  Latvian: 'Latvia', Lebanese: 'Lebanon', Liberian: 'Liberia', Libyan: 'Libya', Lithuanian: 'Lithuania', Malagasy: 'Madagascar',
  Malawian: 'Malawi', Malaysian: 'Malaysia', Malian: 'Mali', Maltese: 'Malta', Mauritanian: 'Mauritania', Mexican: 'Mexico',
  Moldovan: 'Moldova', Mongolian: 'Mongolia', Montenegrin: 'Montenegro', Moroccan: 'Morocco', Mozambican: 'Mozambique',
  Namibian: 'Namibia', Nepalese: 'Nepal', Nepali: 'Nepal', Nicaraguan: 'Nicaragua', Nigerien: 'Niger', Nigerian: 'Nigeria',
  'North Korean': 'North Korea', Norwegian: 'Norway', Omani: 'Oman', Pakistani: 'Pakistan', Palestinian: 'Palestine',
  Panamanian: 'Panama', Paraguayan: 'Paraguay', Peruvian: 'Peru', Philippine: 'Philippines', Polish: 'Poland',
  Portuguese: 'Portugal', Qatari: 'Qatar', Romanian: 'Romania', Russian: 'Russia', Rwandan: 'Rwanda', Saudi: 'Saudi Arabia',
  Senegalese: 'Senegal', Serbian: 'Serbia', Singaporean: 'Singapore', Slovak: 'Slovakia', Slovenian: 'Slovenia', Somali: 'Somalia',
  'South African': 'South Africa', 'South Korean': 'South Korea', 'South Sudanese': 'South Sudan', Spanish: 'Spain',
  'Sri Lankan': 'Sri Lanka', Sudanese: 'Sudan', Swedish: 'Sweden', Swiss: 'Switzerland', Syrian: 'Syria', Taiwanese: 'Taiwan',
  Tajik: 'Tajikistan', Tanzanian: 'Tanzania', Thai: 'Thailand', Togolese: 'Togo', Tunisian: 'Tunisia', Turkish: 'Turkey',
  Turkmen: 'Turkmenistan', Ugandan: 'Uganda', Ukrainian: 'Ukraine', Emirati: 'United Arab Emirates', British: 'United Kingdom',
  Uruguayan: 'Uruguay', Uzbek: 'Uzbekistan', Venezuelan: 'Venezuela', Vietnamese: 'Vietnam', Yemeni: 'Yemen', Zambian: 'Zambia',
  Zimbabwean: 'Zimbabwe', Scottish: 'Scotland', Welsh: 'Wales', Tibetan: 'Tibet', Kashmiri: 'Kashmir', Chechen: 'Chechnya',
  Soviet: 'Soviet Union',
};

/** Whether a name is a country's adjective ("Iranian") rather than a place's name. */
export function demonym(name: string): boolean {
  return Object.hasOwn(DEMONYMS, name);
}

const US_STATES =
  'Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York State|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington State|West Virginia|Wisconsin|Wyoming';

// City:Parent pairs. Parent is a country or a US state.
const CITIES =
  'Kabul:Afghanistan|Kandahar:Afghanistan|Algiers:Algeria|Luanda:Angola|Buenos Aires:Argentina|Yerevan:Armenia|Sydney:Australia|Melbourne:Australia|Vienna:Austria|Baku:Azerbaijan|Manama:Bahrain|Dhaka:Bangladesh|Minsk:Belarus|Brussels:Belgium|Antwerp:Belgium|La Paz:Bolivia|Sarajevo:Bosnia|Rio de Janeiro:Brazil|Sao Paulo:Brazil|Brasilia:Brazil|Sofia:Bulgaria|Ouagadougou:Burkina Faso|Phnom Penh:Cambodia|Yaounde:Cameroon|Toronto:Canada|Montreal:Canada|Ottawa:Canada|Vancouver:Canada|Santiago:Chile|Valparaiso:Chile|Beijing:China|Shanghai:China|Wuhan:China|Harbin:China|Guangzhou:China|Shenzhen:China|Chengdu:China|Chongqing:China|Tianjin:China|Bogota:Colombia|Medellin:Colombia|Kinshasa:Congo|Goma:Congo|Zagreb:Croatia|Havana:Cuba|Nicosia:Cyprus|Prague:Czech Republic|Copenhagen:Denmark|Quito:Ecuador|Cairo:Egypt|Alexandria:Egypt|San Salvador:El Salvador|Addis Ababa:Ethiopia|Helsinki:Finland|Paris:France|Marseille:France|Nice:France|Lyon:France|Tbilisi:Georgia|Berlin:Germany|Munich:Germany|Hamburg:Germany|Frankfurt:Germany|Bonn:Germany|Cologne:Germany|Accra:Ghana|Athens:Greece|Guatemala City:Guatemala|Port-au-Prince:Haiti|Tegucigalpa:Honduras|Budapest:Hungary|Reykjavik:Iceland|New Delhi:India|Delhi:India|Mumbai:India|Kolkata:India|Chennai:India|Bangalore:India|Hyderabad:India|Srinagar:India|Jakarta:Indonesia|Surabaya:Indonesia|Bali:Indonesia|Tehran:Iran|Kerman:Iran|Mashhad:Iran|Isfahan:Iran|Shiraz:Iran|Tabriz:Iran|Baghdad:Iraq|Mosul:Iraq|Basra:Iraq|Erbil:Iraq|Kirkuk:Iraq|Fallujah:Iraq|Dublin:Ireland|Belfast:Northern Ireland|Jerusalem:Israel|Tel Aviv:Israel|Haifa:Israel|Rome:Italy|Milan:Italy|Naples:Italy|Tokyo:Japan|Osaka:Japan|Hiroshima:Japan|Fukushima:Japan|Amman:Jordan|Almaty:Kazakhstan|Nairobi:Kenya|Mombasa:Kenya|Kuwait City:Kuwait|Bishkek:Kyrgyzstan|Vientiane:Laos|Riga:Latvia|Beirut:Lebanon|Monrovia:Liberia|Tripoli:Libya|Benghazi:Libya|Vilnius:Lithuania|Antananarivo:Madagascar|Kuala Lumpur:Malaysia|Bamako:Mali|Mexico City:Mexico|Guadalajara:Mexico|Monterrey:Mexico|Tijuana:Mexico|Chisinau:Moldova|Ulaanbaatar:Mongolia|Rabat:Morocco|Casablanca:Morocco|Marrakesh:Morocco|Marrakech:Morocco|Agadir:Morocco|Maputo:Mozambique|Yangon:Myanmar|Naypyidaw:Myanmar|Kathmandu:Nepal|Amsterdam:Netherlands|The Hague:Netherlands|Rotterdam:Netherlands|Wellington:New Zealand|Auckland:New Zealand|Christchurch:New Zealand|Managua:Nicaragua|Niamey:Niger|Lagos:Nigeria|Abuja:Nigeria|Kano:Nigeria|Kaduna:Nigeria|Maiduguri:Nigeria|Pyongyang:North Korea|Oslo:Norway|Muscat:Oman|Islamabad:Pakistan|Karachi:Pakistan|Lahore:Pakistan|Peshawar:Pakistan|Quetta:Pakistan|Panama City:Panama|Asuncion:Paraguay|Lima:Peru|Manila:Philippines|Cebu:Philippines|Davao:Philippines|Warsaw:Poland|Lisbon:Portugal|Doha:Qatar|Bucharest:Romania|Moscow:Russia|Saint Petersburg:Russia|St Petersburg:Russia|Grozny:Russia|Kigali:Rwanda|Riyadh:Saudi Arabia|Jeddah:Saudi Arabia|Mecca:Saudi Arabia|Dakar:Senegal|Belgrade:Serbia|Freetown:Sierra Leone|Mogadishu:Somalia|Johannesburg:South Africa|Cape Town:South Africa|Durban:South Africa|Pretoria:South Africa|Seoul:South Korea|Busan:South Korea|Juba:South Sudan|Madrid:Spain|Barcelona:Spain|Colombo:Sri Lanka|Khartoum:Sudan|Stockholm:Sweden|Geneva:Switzerland|Zurich:Switzerland|Bern:Switzerland|Damascus:Syria|Aleppo:Syria|Homs:Syria|Idlib:Syria|Raqqa:Syria|Taipei:Taiwan|Dushanbe:Tajikistan|Dar es Salaam:Tanzania|Bangkok:Thailand|Tunis:Tunisia|Ankara:Turkey|Istanbul:Turkey|Izmir:Turkey|Gaziantep:Turkey|Kampala:Uganda|Kyiv:Ukraine|Kharkiv:Ukraine|Odesa:Ukraine|Odessa:Ukraine|Mariupol:Ukraine|Donetsk:Ukraine|Lviv:Ukraine|Dnipro:Ukraine|Dubai:United Arab Emirates|Abu Dhabi:United Arab Emirates|London:United Kingdom|Manchester:United Kingdom|Birmingham:United Kingdom|Liverpool:United Kingdom|Glasgow:Scotland|Edinburgh:Scotland|Cardiff:Wales|Montevideo:Uruguay|Tashkent:Uzbekistan|Caracas:Venezuela|Hanoi:Vietnam|Ho Chi Minh City:Vietnam|Sanaa:Yemen|Aden:Yemen|Hodeidah:Yemen|Lusaka:Zambia|Harare:Zimbabwe|Gaza City:Gaza|Rafah:Gaza|Khan Younis:Gaza|Ramallah:West Bank|Jenin:West Bank|Hebron:West Bank|Lhasa:Tibet|' +
  'New York:New York State|New York City:New York State|Los Angeles:California|San Francisco:California|San Diego:California|Sacramento:California|Oakland:California|San Jose:California|Chicago:Illinois|Houston:Texas|Dallas:Texas|Austin:Texas|San Antonio:Texas|El Paso:Texas|Uvalde:Texas|Lubbock:Texas|Phoenix:Arizona|Tucson:Arizona|Philadelphia:Pennsylvania|Pittsburgh:Pennsylvania|Miami:Florida|Orlando:Florida|Tampa:Florida|Jacksonville:Florida|Fort Myers:Florida|Parkland:Florida|Atlanta:Georgia (US)|Boston:Massachusetts|Seattle:Washington State|Denver:Colorado|Las Vegas:Nevada|Detroit:Michigan|Minneapolis:Minnesota|Nashville:Tennessee|Memphis:Tennessee|New Orleans:Louisiana|Baton Rouge:Louisiana|Baltimore:Maryland|Honolulu:Hawaii|Maui:Hawaii|Oklahoma City:Oklahoma|Tulsa:Oklahoma|Kansas City:Missouri|St. Louis:Missouri|Cleveland:Ohio|Columbus:Ohio|Cincinnati:Ohio|Milwaukee:Wisconsin|Portland:Oregon|Salt Lake City:Utah|Charlotte:North Carolina|Charleston:South Carolina|Louisville:Kentucky|Indianapolis:Indiana|Buffalo:New York State|Albuquerque:New Mexico|Anchorage:Alaska|Washington:United States';

export interface Place {
  name: string;
  kind: 'country' | 'state' | 'city';
  parent?: string;
  /** A division named like its seat ("Herat", "Belgorod"): a mention may mean the city as much as the region. */
  seat?: true;
  /** People living there, for a town read from GeoNames. */
  population?: number;
}

/** "Şanlıurfa" → "Sanliurfa", "Querétaro" → "Queretaro": the spelling of outlets that drop diacritics. */
export function foldDiacritics(s: string): string {
  return s.replace(/ı/g, 'i').replace(/İ/g, 'I').normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
}

let INDEX: Map<string, Place> | undefined;
let MAX_WORDS = 1;
// First word of each name of two words or more → the most words such a name has ("New" → 3 for "New York City"):
// a capitalised run whose word starts no longer name is looked up one word at a time, not 1…MAX_WORDS.
let WORDS_FROM: Map<string, number> | undefined;

/** Lazily built: name (as written, case-sensitive) → place. */
export function gazetteer(): Map<string, Place> {
  if (INDEX) return INDEX;
  const m = new Map<string, Place>();
  for (const c of COUNTRIES.split('|')) m.set(c, { name: c, kind: 'country' });
  for (const s of US_STATES.split('|')) {
    const name = s.replace(/ State$/, '');
    m.set(s, { name, kind: 'state', parent: 'United States' });
    if (!m.has(name)) m.set(name, { name, kind: 'state', parent: 'United States' });
  }
  for (const pair of CITIES.split('|')) {
    const [city, parent] = pair.split(':') as [string, string];
    const p = parent === 'Georgia (US)' ? 'Georgia' : parent.replace(/ State$/, '');
    if (!m.has(city)) m.set(city, { name: city, kind: 'city', parent: p });
  }
  addDivisions(m);
  // An alias names the same place as its canonical name, even where a list above also gave it an entry of its own
  // ("Odessa" and "Odesa", "Bangalore" and "Bengaluru" would otherwise be two cities that conflict).
  for (const [alias, canon] of Object.entries(ALIASES)) {
    const target = m.get(canon);
    if (target && target.name === canon) m.set(alias, target);
  }
  for (const [alias, canon] of Object.entries(DEMONYMS)) {
    const target = m.get(canon);
    if (target && !m.has(alias)) m.set(alias, target);
  }
  for (const [name, place] of [...m]) {
    const folded = foldDiacritics(name);
    if (folded !== name && !m.has(folded)) m.set(folded, place);
  }
  const from = new Map<string, number>();
  for (const k of m.keys()) {
    const words = k.split(' ');
    MAX_WORDS = Math.max(MAX_WORDS, words.length);
    if (words.length > 1) from.set(words[0]!, Math.max(from.get(words[0]!) ?? 0, words.length));
  }
  WORDS_FROM = from;
  INDEX = m;
  return m;
}
/**
 * The country a place lies in, walking up from a city to its division to its country ("Kermanshah" → Iran,
 * "Mumbai" → Maharashtra → India, "Dallas" → Texas → United States). A division two countries share (Punjab)
 * has no country: its own name is returned, so it is never taken for either country nor for a third one.
 */
export function countryOf(p: Place): string {
  const g = gazetteer();
  let cur: Place | undefined = p;
  for (let hops = 0; cur && hops < 4; hops++) {
    if (cur.kind === 'country') return cur.name;
    if (!cur.parent) return cur.name;
    const up = g.get(cur.parent);
    if (!up) return cur.parent;
    cur = up;
  }
  return p.name;
}
export function maxPlaceWords(): number {
  gazetteer();
  return MAX_WORDS;
}

/** The most words a gazetteer name starting with `word` has (1 when none of two words or more starts so). */
export function placeWordsFrom(word: string): number {
  gazetteer();
  return WORDS_FROM!.get(word) ?? 1;
}

/**
 * Divisions become states of their country (a name two countries use, such as Punjab, belongs to neither); their
 * cities are added, and a listed city of that country is moved under its division ("Mumbai" → Maharashtra).
 * A name the gazetteer already knows as a country, US state or city keeps that meaning.
 */
function addDivisions(m: Map<string, Place>): void {
  const owners = new Map<string, string>();
  for (const block of DIVISIONS.split(';')) {
    const [country, list] = block.split('>') as [string, string];
    for (const item of list.split('|')) {
      const name = item.split('=')[0]!.replace(/\*$/, '');
      const prior = owners.get(name);
      owners.set(name, prior === undefined || prior === country ? country : '');
    }
  }
  for (const block of DIVISIONS.split(';')) {
    const [country, list] = block.split('>') as [string, string];
    if (!m.has(country)) continue;
    for (const item of list.split('|')) {
      const [head, cities] = item.split('=') as [string, string | undefined];
      const seat = head.endsWith('*');
      const name = head.replace(/\*$/, '');
      const owner = owners.get(name);
      if (!m.has(name)) m.set(name, { name, kind: 'state', ...(owner ? { parent: owner } : {}), ...(seat ? { seat: true as const } : {}) });
      const division = m.get(name)!;
      if (division.kind !== 'state' || division.name !== name) continue;
      for (const city of cities ? cities.split(',') : []) {
        const known = m.get(city);
        if (!known) m.set(city, { name: city, kind: 'city', parent: name });
        else if (known.kind === 'city' && known.parent === country) m.set(city, { ...known, parent: name });
      }
    }
  }
}

// US states as datelines and "Town, St." write them: the AP's abbreviations and the postal codes. They name a state
// only where a region is expected (after a town and a comma), never on their own: "Ind", "Mo" and "OK" are words too.
const US_STATE_ABBREVIATIONS: Record<string, string> = Object.fromEntries(
  ('Ala AL Alabama|Alaska AK Alaska|Ariz AZ Arizona|Ark AR Arkansas|Calif CA California|Colo CO Colorado|Conn CT Connecticut|' +
    'Del DE Delaware|Fla FL Florida|Ga GA Georgia|Hawaii HI Hawaii|Idaho ID Idaho|Ill IL Illinois|Ind IN Indiana|Iowa IA Iowa|' +
    'Kan KS Kansas|Ky KY Kentucky|La LA Louisiana|Maine ME Maine|Md MD Maryland|Mass MA Massachusetts|Mich MI Michigan|' +
    'Minn MN Minnesota|Miss MS Mississippi|Mo MO Missouri|Mont MT Montana|Neb NE Nebraska|Nev NV Nevada|N.H NH New Hampshire|' +
    'N.J NJ New Jersey|N.M NM New Mexico|N.Y NY New York|N.C NC North Carolina|N.D ND North Dakota|Ohio OH Ohio|' +
    'Okla OK Oklahoma|Ore OR Oregon|Pa PA Pennsylvania|R.I RI Rhode Island|S.C SC South Carolina|S.D SD South Dakota|' +
    'Tenn TN Tennessee|Tex TX Texas|Utah UT Utah|Vt VT Vermont|Va VA Virginia|Wash WA Washington|W.Va WV West Virginia|' +
    'Wis WI Wisconsin|Wyo WY Wyoming')
    .split('|')
    .flatMap((row) => {
      const [ap, postal, ...state] = row.split(' ') as [string, string, ...string[]];
      const name = state.join(' ');
      return [[ap, name], [postal, name], [ap.replace(/\./g, ''), name]] as Array<[string, string]>;
    }),
);

/**
 * The region written after a town and a comma ("Texas", "Borno State", "N.Y.", "Minn.", "NJ"): a curated state or
 * country, or a US state by its abbreviation. Georgia by its abbreviation is the US state, which the curated list
 * folds into the country's name, so it is left out rather than placed abroad.
 */
export function regionWritten(written: string): Place | undefined {
  const g = gazetteer();
  const bare = written.replace(/\.$/, '');
  const direct = g.get(written) ?? g.get(bare);
  if (direct) return direct;
  const state = US_STATE_ABBREVIATIONS[bare];
  if (!state || state === 'Georgia') return undefined;
  const p = g.get(state);
  return p?.kind === 'state' ? p : undefined;
}

// ---- GeoNames towns (gazetteer-towns.ts, generated): consulted only where the curated names above are silent ----

/**
 * Town names that news writes far more often as something else: a word ("Mobile", "Reading", "Independence"),
 * an institution or a part of a city. Such a name is a town only when its region is written beside it
 * ("Mobile, Alabama").
 */
export const NOT_TOWNS = new Set(
  ('Mobile Reading Independence Liberty Unity Victory Paradise Hope Friendship Enterprise Progress Harmony Union Center ' +
    'Central Commerce Industry Justice Mission Police Security Service Marine Court Beach Home Golden Temple Church Bank ' +
    'Post Star Sun Ocean Lake Hill Park Garden Spring Summer Winter Early Man Young Black White Brown Green Gray Love Joy ' +
    'Media Deputy Chief Memorial Medical University College Academy Street Avenue Road Highway Interstate North South East ' +
    'West Midway Crews Normal Price Rich Long Buffalo Sandy Rose Grace Faith Charity Virgin Bethlehem Canton Eureka ' +
    'Jordan Santiago Florence Victoria Charlotte Chester Marion Lincoln Jackson Madison Warren Tyler Troy Logan ' +
    'Aurora Camden Sidney Vernon Clinton Franklin Hamilton Washington Jefferson Monroe Lafayette Columbia Orange ' +
    'Alexandria Athens Cairo Berlin Paris Rome Moscow Lebanon Canton Shelby Dallas Houston Austin Phoenix Eugene ' +
    'Wayne Douglas Harrison Henderson Nelson Morgan Carson Spencer Taylor Mason Bryan Kent Hudson Milton Newton ' +
    // "Louisville Metro police", "Metro Nashville": a city's own government, not the city of Metro in Indonesia
    'Metro').split(' '),
);

/** Fewest people a town needs to be read with no region in the text, and how much larger than its namesakes. */
export const BARE_TOWN_MIN_POPULATION = 100_000;
/** …and when the text calls it a town ("Plantation police", "in Kerrville"), with no region in the text. */
export const CUED_TOWN_MIN_POPULATION = 20_000;
export const BARE_TOWN_DOMINANCE = 5;
/** Fewest people a town needs when only its country (not its state or province) is named. */
export const COUNTRY_TOWN_MIN_POPULATION = 5_000;

/** The curated place a GeoNames division or country name stands for ("Kaduna State" → Kaduna, "Texas" → Texas). */
function coreRegion(name: string): Place | undefined {
  const g = gazetteer();
  const p = g.get(name) ?? g.get(name.replace(/ (?:State|Province|Region|Governorate|Oblast|Prefecture|County|District)$/, ''));
  return p && p.kind !== 'city' ? p : undefined;
}

/** The GeoNames towns spelled so, else spelled so without diacritics ("Bogota" for "Bogotá"). */
function townsSpelled(name: string): readonly Town[] {
  const exact = townsNamed(name);
  return exact.length > 0 ? exact : townsNamed(foldDiacritics(name));
}

/** Whether any GeoNames town bears the name (a binary search): the cheap test before a name is weighed. */
export function isTownName(name: string): boolean {
  return townsSpelled(name).length > 0;
}

/**
 * A GeoNames town for a name the curated list does not know, read in the light of the regions (states,
 * provinces, countries, as the curated gazetteer names them) the report places itself in. A town in one of those
 * regions wins; with none named, only a large town far larger than any namesake is taken. Returns a city whose
 * parent is its curated state, else its country — or nothing when the name stays ambiguous.
 */
export function resolveTown(name: string, regions: ReadonlySet<string>, written = false, cued = false): Place | undefined {
  if (gazetteer().has(name) || (!written && NOT_TOWNS.has(name))) return undefined;
  const towns = townsSpelled(name);
  if (towns.length === 0) return undefined;
  const placed = towns.map((t) => {
    const division = coreRegion(t.division);
    const country = coreRegion(t.country)?.name ?? t.country;
    const inState = division !== undefined && regions.has(division.name);
    return { t, division, country, inState, inCountry: regions.has(country) };
  });
  const pick = (list: typeof placed, minPop: number, dominance: number) => {
    const [a, b] = list;
    if (!a || a.t.population < minPop) return undefined;
    return !b || a.t.population >= dominance * b.t.population ? a : undefined;
  };
  const chosen =
    pick(placed.filter((x) => x.inState), 1000, 3) ??
    pick(placed.filter((x) => x.inCountry), COUNTRY_TOWN_MIN_POPULATION, BARE_TOWN_DOMINANCE) ??
    (written ? undefined : pick(placed, cued ? CUED_TOWN_MIN_POPULATION : BARE_TOWN_MIN_POPULATION, BARE_TOWN_DOMINANCE));
  if (!chosen) return undefined;
  // A town of a region named after its city ("Krasnogorsk", Moscow Oblast) lies in that city's orbit: reports of
  // one incident name either.
  const orbit = gazetteer().get(chosen.t.division.replace(/ (?:Oblast|Province|Region|Governorate)$/, ''));
  const parent =
    orbit?.kind === 'city' && countryOf(orbit) === chosen.country ? orbit.name
    : chosen.division && chosen.division.parent === chosen.country ? chosen.division.name
    : chosen.country;
  return { name, kind: 'city', parent, population: chosen.t.population };
}

/** The state of a US county named so ("Tarrant County" → Texas), when only one state has it or the report names that state. */
export function countyState(name: string, regions: ReadonlySet<string>): string | undefined {
  const states = [...new Set(countiesNamed(name).map((c) => c.division))];
  const inText = states.filter((s) => regions.has(s));
  if (inText.length === 1) return inText[0];
  return states.length === 1 ? states[0] : undefined;
}
