/** Structured logs: one JSON object per line. Callers pass ids and counts, never secrets or article text. */
export function log(fields: Record<string, string | number | boolean | null | undefined>): void {
  console.log(JSON.stringify({ t: new Date().toISOString(), ...fields }));
}
