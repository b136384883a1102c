// The shape of one threat spec line: the text, the threat figures it must give ("12 at_least ballistic missiles": a
// value, then optionally its qualifier and noun; [] for none), the rule, guard, context or choice that must fire
// ('none': nothing is read at all), and the publication date or headline when the line needs one.
export type ThreatSpec = readonly [text: string, expect: readonly string[], fires: string, opts?: { published?: string; title?: string }];

/** Written against a late-December date: "In November" is the month just past and "In August" an earlier one. */
export const LATE_DECEMBER = { published: '2022-12-26' } as const;
