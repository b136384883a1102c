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
/** Nouns after "both" that make a figure span the parts ("both sides"). */
export const BOTH_WHOLES = /^(sides|countries|nations)$/;
/** Counts before COUNTRY_NOUNS that make a figure span the parts ("the three countries"). */
export const FEW_COUNTS = /^(two|three|four|five|six|several)$/;
/** Nouns for countries after FEW_COUNTS. */
export const COUNTRY_NOUNS = /^(countries|nations)$/;
/** Possessives in "on their side of the border": one side's figure. */
export const SIDE_POSSESSIVES = /^(their|our|its)$/;
/** Determiners of BORDER_NOUNS in "on their side of the border". */
export const BORDER_DETERMINERS = /^(the|that)$/;
/** Nouns for the line between two sides ("on our side of the frontier"). */
export const BORDER_NOUNS = /^(border|frontier)$/;
/** Words allowed between a SCOPE_PREPS preposition and a country ("in northern Israel"). */
export const PLACE_MODIFIERS = /^(the|northern|southern|eastern|western|central|north|south|east|west|neighbouring|neighboring)$/;
/** Endings of a country's demonym ("Iranian", "Chinese", "Israeli", "Turkish", "Dutch", "Icelandic"): a demonym places a figure only before a place noun. */
export const DEMONYM_SUFFIXES = /(an|ese|i|ish|ch|ic)$/;
