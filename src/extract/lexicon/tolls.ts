// Word lists for toll phrases ("the death toll rose to 212", "the number of injured stands at 40"): the words that
// link a toll noun to its number, and which of them mark a change or a floor. Data only.

/** Words right before a toll's number that link it to the toll noun ("rose to", "stood at", "reached", "Dead:"). */
export const TOLL_LINKERS = new Set(['to', 'at', 'of', 'reached', 'hit', 'was', 'is', 'stood', 'stands', 'now', ':', 'been', 'topped', 'passed', 'from', 'reaching', 'exceeded', 'surpassed', 'passing', 'topping', 'exceeding']);
/** Verbs of a toll changing: before "above"/"over"/"beyond" ("rose above 5,000") they link like "passed". */
export const CHANGE_VERBS = new Set(['rose', 'risen', 'rises', 'rising', 'climbed', 'climbs', 'climbing', 'jumped', 'soared', 'increased', 'went', 'gone']);
/** "the toll has passed 5,000": the figure is a floor. */
export const OVER_LINKERS = new Set(['topped', 'passed', 'exceeded', 'surpassed', 'passing', 'topping', 'exceeding']);
/** Prepositions after a CHANGE_VERBS verb that make the toll a floor ("rose above 5,000"). */
export const FLOOR_PREPS = /^(above|over|beyond)$/;
/** Words between a toll noun and its number that make the toll an update ("the death toll rose to 212"). */
export const TOLL_UPDATE_WORDS = /^(rose|risen|rises|climbed|climbs|reached|jumped|increased|soared|now|gone|went|stands|lifting|taking|bringing|brought)$/;
/** Verbs before a toll noun that make it an update ("…, bringing the death toll to four"). */
export const TOLL_BRINGING_VERBS = /^(bringing|brought|taking|took|lifting|lifted|pushing|pushed|raising|raised)$/;
