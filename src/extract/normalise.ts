// HTML → plain text for the extractor. Written with indexOf scans instead of lazy
// regexes so an unclosed <script> on a 1 MB page cannot turn quadratic.

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', sbquo: '‚', bdquo: '„', hellip: '…',
  laquo: '«', raquo: '»', middot: '·', bull: '•', deg: '°', pound: '£', euro: '€', yen: '¥',
  cent: '¢', copy: '©', reg: '®', trade: '™', times: '×', minus: '−', shy: '',
  eacute: 'é', egrave: 'è', ecirc: 'ê', aacute: 'á', agrave: 'à', acirc: 'â', iacute: 'í',
  oacute: 'ó', uacute: 'ú', ntilde: 'ñ', ccedil: 'ç', uuml: 'ü', ouml: 'ö', auml: 'ä', szlig: 'ß',
  Eacute: 'É', Aacute: 'Á', Oacute: 'Ó', Uacute: 'Ú', Ntilde: 'Ñ', Uuml: 'Ü', Ouml: 'Ö', Auml: 'Ä',
  thinsp: ' ', ensp: ' ', emsp: ' ', zwj: '', zwnj: '',
};

// Tags that end a block of text: their boundary becomes a paragraph break.
const BLOCK = new Set([
  'p', 'br', 'div', 'li', 'ul', 'ol', 'tr', 'td', 'th', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'blockquote', 'section', 'article', 'header', 'footer', 'figure', 'figcaption', 'pre', 'hr', 'dd', 'dt', 'main', 'aside',
]);
// Tags whose content is never article text.
const DROP = ['script', 'style', 'noscript', 'template', 'svg', 'head'];

export function decodeEntities(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,7});/g, (m, body: string) => {
    if (body.charCodeAt(0) === 35) {
      const hex = body[1] === 'x' || body[1] === 'X';
      const code = parseInt(body.slice(hex ? 2 : 1), hex ? 16 : 10);
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return m;
      return String.fromCodePoint(code);
    }
    const v = NAMED[body];
    return v === undefined ? m : v;
  });
}

function stripTags(raw: string): string {
  const lower = raw.toLowerCase();
  let out = '';
  let i = 0;
  const n = raw.length;
  while (i < n) {
    const lt = raw.indexOf('<', i);
    if (lt < 0) {
      out += raw.slice(i);
      break;
    }
    out += raw.slice(i, lt);
    // Comments
    if (raw.startsWith('<!--', lt)) {
      const end = raw.indexOf('-->', lt + 4);
      i = end < 0 ? n : end + 3;
      continue;
    }
    const m = /^<\/?([A-Za-z][A-Za-z0-9-]{0,20})/.exec(raw.slice(lt, lt + 24));
    if (!m) {
      // A bare "<" in text ("fewer than <5") stays.
      out += '<';
      i = lt + 1;
      continue;
    }
    const name = (m[1] ?? '').toLowerCase();
    const gt = raw.indexOf('>', lt);
    if (gt < 0) break; // unterminated tag: drop the rest
    const closing = raw[lt + 1] === '/';
    if (!closing && DROP.includes(name)) {
      const end = lower.indexOf(`</${name}`, gt);
      if (end < 0) {
        i = n;
        continue;
      }
      const gt2 = raw.indexOf('>', end);
      i = gt2 < 0 ? n : gt2 + 1;
      continue;
    }
    out += BLOCK.has(name) ? '\n\n' : ' ';
    i = gt + 1;
  }
  return out;
}

/** HTML or plain text → NFC plain text, paragraphs separated by exactly "\n\n". */
export function normaliseText(raw: string): string {
  if (typeof raw !== 'string' || raw.length === 0) return '';
  const looksHtml = /<\/?[A-Za-z][^>]{0,200}>/.test(raw.slice(0, 200_000)) || raw.includes('<!--');
  let s = looksHtml ? stripTags(raw) : raw;
  s = decodeEntities(s).normalize('NFC');
  s = s.replace(/\r\n?/g, '\n').replace(/[\u200b\u200c\u200d\ufeff\u00ad]/g, '');
  const paras = s.split(/\n[ \t\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]*\n/);
  const out: string[] = [];
  for (const p of paras) {
    const q = p.replace(/\s+/g, ' ').trim();
    if (q) out.push(q);
  }
  return out.join('\n\n');
}
