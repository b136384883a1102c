// Word lists for reading a threat's count: the quotation marks a threat noun phrase may be wrapped in and the words
// linking "the number of" a threat to its count. Data only; rules/engine.ts reads them.

/** Quotation marks skipped inside a threat noun phrase ("12 'kamikaze' drones"); unlike the count readers'
 *  QUOTE_CHARS, without guillemets. */
export const QUOTE_MARKS = new Set(['"', "'", '‘', '’', '“', '”']);
/** Words between "the number of …" and its count ("the number of troops rose to 4,000", "could reach 300"). */
export const NUMBER_OF_LINKS = new Set(['to', 'at', 'reach', 'of']);
