// Word lists for finding who a figure comes from ("…, the governor's office said"): where a speaker's name stops
// and which words are never one. Data only.

/** Words that end a speaker's name read leftward from a reporting verb (a clause starts there). */
export const BOUNDARY_WORDS = new Set(
  'that which who and but while as when after because if although so where before with than whereas since though then'.split(' '),
);
/** Pronouns that stand for a speaker without naming one: no attribution. */
export const PRONOUNS = new Set('he she it they we i you this that there one someone'.split(' '));
