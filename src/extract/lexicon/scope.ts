// Word lists for placing a figure in one country or one side of an incident that spans several ("In Malawi
// alone", "Lebanon's health ministry said"). Data only; figures.ts's placeScope reads them.

/** Nouns after a country's name that make it the figure's source ("Malawi police", "Lebanon's health ministry"). */
export const AUTHORITY = new Set(
  ('ministry government officials official authorities authority police military army broadcaster media agency department ' +
    'minister president governor side state-run').split(' '),
);
/** Nouns after a demonym that make it a place ("the Iranian town of", "the Indian side"), not a nationality. */
export const PLACE_NOUNS_AFTER_DEMONYM = new Set('town towns city cities village villages province provinces region regions district districts state territory capital port border side part parts areas area'.split(' '));
/** Prepositions that place a figure in the country after them ("in Pakistan", "across Malawi"). */
export const SCOPE_PREPS = new Set(['in', 'across', 'throughout', 'inside']);
