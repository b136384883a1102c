// Reversible ASCII form of a JSON value's strings, for values the runtime sends in an HTTP header (KV metadata).

/*
 * Workerd carries KV metadata in a request header and warns for every non-ASCII byte there (a browser's fetch
 * would refuse such a header). Each string is therefore stored with `\` doubled and every non-ASCII UTF-16 unit
 * as `\uXXXX`: plain ASCII titles stay as they are, lone surrogates survive, and reading undoes it exactly.
 */

const ESCAPE = /[\\\u0080-\uffff]/g;
const UNESCAPE = /\\(\\|u[0-9a-f]{4})/g;

const escapeUnit = (unit: string) => (unit === '\\' ? '\\\\' : `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`);
const unescapeUnit = (_: string, code: string) => (code === '\\' ? '\\' : String.fromCharCode(parseInt(code.slice(1), 16)));

function mapStrings(value: unknown, f: (s: string) => string): unknown {
  if (typeof value === 'string') return f(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, f));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, f)]));
  return value;
}

/** The same value with every string (not key) in ASCII; the shape and every non-string are unchanged. */
export function toAsciiJson<T>(value: T): T {
  return mapStrings(value, (s) => s.replace(ESCAPE, escapeUnit)) as T;
}

/** Undoes toAsciiJson. */
export function fromAsciiJson(value: unknown): unknown {
  return mapStrings(value, (s) => s.replace(UNESCAPE, unescapeUnit));
}
