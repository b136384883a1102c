// Word lists for finding who a figure comes from ("…, the governor's office said"): where a speaker's name stops
// and which words are never one. Data only.

/** Words that end a speaker's name read leftward from a reporting verb (a clause starts there). */
export const BOUNDARY_WORDS = new Set(
  'that which who and but while as when after because if although so where before with than whereas since though then'.split(' '),
);
/** Pronouns that stand for a speaker without naming one: no attribution. */
export const PRONOUNS = new Set('he she it they we i you this that there one someone'.split(' '));
/** Time words and auxiliaries trimmed from the end of a speaker's name ("officials on Friday"). */
export const TRAILING_TIME_WORDS = /^(today|yesterday|tonight|also|later|earlier|then|now|had|has|have)$/;
/** Words that make a span a clause, not a speaker's name. */
export const NOT_SUBJECT_WORDS = /^(no|not|were|was|is|are|been|had|have|has|did|do|does|will|would|could)$/;
/** Pronouns that are a whole speaker span: no attribution. */
export const SUBJECT_PRONOUNS = /^(he|she|it|they|we|i)$/i;
/** Articles before "estimated" that make it an adjective ("an estimated 15,000"), not a reporting verb. */
export const ARTICLES = /^(an|the|a)$/;
/** Prepositions trimmed from the start of a speaker span ("on Friday police said"). */
export const PLACE_TIME_PREPS = /^(on|in|at)$/;
/** Words after a reporting verb that open no inverted speaker ("…, said on Friday"). */
export const NOT_INVERTED_SUBJECT = /^(on|in|at|that)$/;
