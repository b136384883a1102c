// The read model's metadata: within KV's 1,024 bytes, titles and places kept whole, stored as ASCII and read back exactly.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { CATEGORIES, type CurrentFigure } from '../../src/schema';
import { fromAsciiJson, toAsciiJson } from '../../src/lib/ascii-json';
import { listIncidents, writeReadModel } from '../../src/durable/read-model-kv';
import { IncidentSummary, METADATA_MAX_BYTES, metaOf, SummaryMeta } from '../../src/track/read-model';

const figure = (value: number): CurrentFigure => ({
  value, qualifier: 'at_least', quote: 'q', published_ms: 0, article_id: 'a', outlet: 'o', outlets: ['o'],
});

function summary(title: string, places: string[], key = 'k'): IncidentSummary {
  return IncidentSummary.parse({
    v: 1, key, title, type: 'building collapse', places,
    figures: Object.fromEntries(CATEGORIES.map((c) => [c, figure(9_007_199_254_740_991)])),
    threats: {}, report_count: 1, last_published_ms: 1.7e12, last_received_ms: 1.7e12, last_change_ms: 1.7e12,
    muted: false, closed: false, version: 1,
  });
}

/** Bytes of the metadata as KV stores it: JSON of its ASCII form. */
const bytes = (v: unknown) => new TextEncoder().encode(JSON.stringify(toAsciiJson(v))).length;

describe('read-model metadata', () => {
  it('keeps an ordinary title and places whole', () => {
    const meta = metaOf(summary('Kerman stampede', ['Kerman', 'Iran']));
    expect(meta.title).toBe('Kerman stampede');
    expect(meta.places).toEqual(['Kerman', 'Iran']);
  });

  it('stays within KV’s 1,024 bytes however wide the characters, cutting only at code points', () => {
    const wide = [
      summary('地震'.repeat(60), ['東京都'.repeat(20), '大阪府'.repeat(20), '京都府'.repeat(20)]),
      summary('🚨'.repeat(120), ['🏚️'.repeat(30), '🌊'.repeat(60), '🔥'.repeat(60)]),
      summary('Ciudad Juárez '.repeat(10), ['Cap-Haïtien', 'Bucureşti', 'Zürich']),
    ];
    for (const s of wide) {
      const meta = metaOf(s);
      expect(bytes(meta)).toBeLessThanOrEqual(METADATA_MAX_BYTES);
      expect(SummaryMeta.parse(meta)).toEqual(meta);
      // A lone surrogate would be a cut emoji: it encodes to U+FFFD, changing the text.
      for (const text of [meta.title, ...meta.places]) expect(text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
      expect(meta.places.length).toBeGreaterThanOrEqual(1);
    }
  });

  it('is accepted by KV with the widest title, and listed back unchanged (a refused write would leave the listing stale)', async () => {
    const wide = summary('🚨'.repeat(120), ['🌊'.repeat(60), '🔥'.repeat(60), '🏚️'.repeat(30)], 'test-meta-wide');
    await writeReadModel(env.READ_MODEL, wide, { v: 1, key: wide.key, entries: [] });
    const listed = (await listIncidents(env.READ_MODEL)).find((i) => i.key === wide.key);
    expect(listed?.meta).toEqual(metaOf(wide));
  });

  it('is ASCII as stored (workerd sends it in a header) and reads back exactly, backslashes and lone surrogates too', async () => {
    const odd = summary('Café \\u00e9 \\ ‘quoted’ \u202e 地震 \ud800 🚨', ['Zürich'], 'test-meta-ascii');
    await writeReadModel(env.READ_MODEL, odd, { v: 1, key: odd.key, entries: [] });
    const raw = (await env.READ_MODEL.list({ prefix: 'incident:test-meta-ascii' })).keys[0]?.metadata;
    expect(JSON.stringify(raw)).toMatch(/^[\x20-\x7e]+$/);
    expect(fromAsciiJson(raw)).toEqual(metaOf(odd));
    expect(metaOf(odd).title).toBe(odd.title);
    expect(toAsciiJson({ t: 'plain ASCII title', n: 3, a: [null, true] })).toEqual({ t: 'plain ASCII title', n: 3, a: [null, true] });
  });
});
