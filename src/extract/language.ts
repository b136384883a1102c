// A stopword vote rather than a language model: cheap, deterministic, and good enough
// to turn away whole non-English articles. News-casualty vocabulary is included so a
// terse English headline ("3 killed in blast") still carries enough English signal.

const EN = new Set(
  ('the of and to in a is was were are be been has have had it its that this with for on at by from as an ' +
    'or but not he she they his her their them who which said says after over more than people killed ' +
    'dead died injured wounded missing blast attack police officials after were will would could also ' +
    'into about when where there after while we our you your i me my no up out after these those one two three ' +
    'least some many several said told reported toll death deaths storm fire flood quake earthquake explosion ' +
    'troops missiles rockets arrested detained kidnapped hostages homeless evacuated shooting crash')
    .split(' '),
);
const OTHER: Record<string, Set<string>> = {
  es: new Set('el la los las de del que y en un una por con para es se su al lo como más pero sus le ha fue son muertos heridos según'.split(' ')),
  fr: new Set('le la les de des du et en un une est que qui pour dans par sur au aux pas plus ce cette il elle sont ont été morts blessés selon'.split(' ')),
  de: new Set('der die das und ist nicht ein eine zu den von mit sich des auf für im dem wurde wurden sind bei auch nach tote verletzte'.split(' ')),
  it: new Set('il di che e la per un una sono gli le del della con non si da nel alla morti feriti'.split(' ')),
  pt: new Set('o os as de do da dos das que e em um uma para com não por mais foram mortos feridos segundo'.split(' ')),
  nl: new Set('de het een en van is dat op te zijn met voor niet door werd doden gewonden'.split(' ')),
};

export function isEnglish(text: string): boolean {
  if (typeof text !== 'string') return false;
  const sample = text.length > 20_000 ? text.slice(0, 20_000) : text;
  let letters = 0;
  let latin = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
      letters++;
      latin++;
    } else if (c > 127 && /\p{L}/u.test(sample[i] ?? '')) letters++;
  }
  // Arabic, Cyrillic, CJK …: almost no ASCII letters.
  if (letters === 0 || latin / letters < 0.7) return false;
  const words = sample.toLowerCase().match(/[a-zà-öø-ÿ]+/g) ?? [];
  if (words.length === 0) return false;
  let en = 0;
  const other: Record<string, number> = {};
  for (const w of words) {
    if (EN.has(w)) en++;
    for (const [k, set] of Object.entries(OTHER)) if (set.has(w)) other[k] = (other[k] ?? 0) + 1;
  }
  const bestOther = Math.max(0, ...Object.values(other));
  if (words.length <= 6) return en >= 1 && en >= bestOther;
  return en / words.length >= 0.12 && en > bestOther * 1.2;
}
