// Feed formats: RSS 2.0, RDF, Atom and JSON Feed read into one item shape; main text read from article pages; FEEDS validated.
import { describe, expect, it } from 'vitest';
import { feedsFromEnv, FeedConfigError } from '../../src/feeds/config';
import { mainText } from '../../src/feeds/main-text';
import { feedDate, FeedParseError, parseFeedDocument } from '../../src/feeds/parse';

const RSS = `<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
  <channel><title>Harbour Wire</title><link>https://harbour.example/</link><description>x</description>
    <item>
      <title>Ferry fire near Portmere: 12 dead</title>
      <link>https://harbour.example/ferry-fire-12</link>
      <guid isPermaLink="false">hw-2041</guid>
      <pubDate>Tue, 07 Jan 2020 15:20:00 GMT</pubDate>
      <source url="https://valley.example/rss">Valley Post</source>
      <description>Twelve people died.</description>
      <content:encoded><![CDATA[<p>Officials said 12 people were killed when the ferry caught fire near Portmere.</p>]]></content:encoded>
    </item>
    <item><title>Only a link</title><link>https://harbour.example/only-link</link></item>
    <item><description>No title, no link, no guid: still an item, keyed by nothing</description></item>
  </channel>
</rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Ridge Monitor</title><id>urn:ridge</id><updated>2020-01-08T09:00:00Z</updated>
  <entry>
    <title>Landslide buries road above Kellby</title>
    <id>urn:ridge:77</id>
    <link rel="alternate" href="https://ridge.example/77"/>
    <updated>2020-01-08T09:00:00Z</updated>
    <published>2020-01-08T08:45:00+01:00</published>
    <summary>Four missing.</summary>
    <content type="html">&lt;p&gt;Four people are missing after a landslide buried the road above Kellby.&lt;/p&gt;</content>
  </entry>
</feed>`;

const JSON_FEED = JSON.stringify({
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Delta Notes',
  items: [{ id: 'dn-5', url: 'https://delta.example/5', title: 'Bridge collapse', content_text: 'Seven people were injured when the bridge gave way.', date_published: '2020-01-09T10:00:00Z' }],
});

const RDF = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://plain.example/"><title>Plain Gazette</title><link>https://plain.example/</link><description>x</description></channel>
  <item rdf:about="https://plain.example/a1"><title>Storm damage</title><link>https://plain.example/a1</link><description>Roofs torn off.</description><dc:date>2020-01-10T06:00:00Z</dc:date></item>
</rdf:RDF>`;

describe('feed formats read into one item shape', () => {
  it('RSS 2.0: guid is the key, content:encoded the body, the description the summary, <source> the outlet', () => {
    const feed = parseFeedDocument(RSS);
    expect(feed.format).toBe('rss');
    expect(feed.title).toBe('Harbour Wire');
    expect(feed.items[0]).toEqual({
      key: 'hw-2041',
      title: 'Ferry fire near Portmere: 12 dead',
      link: 'https://harbour.example/ferry-fire-12',
      body: '<p>Officials said 12 people were killed when the ferry caught fire near Portmere.</p>',
      summary: 'Twelve people died.',
      published: '2020-01-07T15:20:00.000Z',
      source: 'Valley Post',
    });
    // Without a guid the link is the key; without both, the title; without any of them the item is dropped.
    expect(feed.items.map((i) => i.key)).toEqual(['hw-2041', 'https://harbour.example/only-link']);
  });

  it('Atom: the entry id, the alternate link, the content over the summary, published before updated', () => {
    const [entry] = parseFeedDocument(ATOM).items;
    expect(entry).toMatchObject({ key: 'urn:ridge:77', link: 'https://ridge.example/77', summary: 'Four missing.', published: '2020-01-08T07:45:00.000Z' });
    expect(entry?.body).toContain('Four people are missing');
  });

  it('JSON Feed and RDF (RSS 1.0)', () => {
    expect(parseFeedDocument(JSON_FEED)).toMatchObject({ format: 'json', items: [{ key: 'dn-5', link: 'https://delta.example/5', body: 'Seven people were injured when the bridge gave way.', published: '2020-01-09T10:00:00.000Z' }] });
    expect(parseFeedDocument(RDF)).toMatchObject({ format: 'rdf', items: [{ key: 'https://plain.example/a1', title: 'Storm damage', published: '2020-01-10T06:00:00.000Z' }] });
  });

  it('refuses what is no feed, saying so', () => {
    expect(() => parseFeedDocument('<html><body>Not here</body></html>')).toThrow(FeedParseError);
    expect(() => parseFeedDocument('{"items": [')).toThrow('not valid JSON');
  });

  it('reads RFC 822 and RFC 3339 dates; anything else is no date', () => {
    expect(feedDate('Wed, 08 Jan 2020 08:45:00 +0000')).toBe('2020-01-08T08:45:00.000Z');
    expect(feedDate('2020-01-08T08:45:00-02:00')).toBe('2020-01-08T10:45:00.000Z');
    expect(feedDate('last Tuesday')).toBeUndefined();
  });
});

describe('main text of an article page (full_text)', () => {
  const para = (s: string) => `<p>${s} ${'Rescue teams worked through the night to reach the last of the trapped passengers. '.repeat(2)}</p>`;

  it('takes the paragraphs inside <article>, not the navigation, scripts or footer', async () => {
    const html = `<html><head><script>var x = "<p>no</p>";</script></head><body>
      <nav><p>Home | World | Sport</p></nav>
      <article><h1>Ferry fire</h1>${para('Officials said 12 people were killed.')}${para('The ferry had left Portmere at dawn.')}
        <noscript><p>Enable JavaScript</p></noscript></article>
      <footer><p>© Harbour Wire</p></footer></body></html>`;
    const text = await mainText(html);
    expect(text?.split('\n\n')).toHaveLength(2);
    expect(text).toMatch(/^Officials said 12 people were killed\./);
    expect(text).not.toContain('Home | World');
    expect(text).not.toContain('Enable JavaScript');
    expect(text).not.toContain('Harbour Wire');
  });

  it('falls back to every paragraph without an article container, and to nothing for a stub page', async () => {
    expect(await mainText(`<body><div>${para('Seven people were injured.')}${para('The bridge was closed.')}</div></body>`)).toMatch(/^Seven people were injured\./);
    expect(await mainText('<body><p>Subscribe to read this story.</p></body>')).toBeNull();
  });
});

describe('FEEDS setting', () => {
  it('reads a list, naming each feed by its host unless named', () => {
    expect(feedsFromEnv({})).toEqual([]);
    expect(feedsFromEnv({ FEEDS: ' ' })).toEqual([]);
    expect(feedsFromEnv({ FEEDS: '[{"url":"https://www.harbour.example/rss"},{"url":"https://ridge.example/atom","name":"Ridge","source":"Ridge Monitor","full_text":true}]' })).toEqual([
      { url: 'https://www.harbour.example/rss', name: 'harbour.example', fullText: false },
      { url: 'https://ridge.example/atom', name: 'Ridge', source: 'Ridge Monitor', fullText: true },
    ]);
  });

  it('names FEEDS and the entry in every error', () => {
    const error = (FEEDS: string) => {
      try {
        feedsFromEnv({ FEEDS });
      } catch (e) {
        if (e instanceof FeedConfigError) return e.message;
      }
      return 'no error';
    };
    expect(error('[{url:1}]')).toContain('FEEDS: must be valid JSON');
    expect(error('[{"url":"ftp://x.example/f"}]')).toContain('FEEDS.0.url: must be an absolute http(s) URL');
    expect(error('[{"url":"https://x.example/f","fulltext":true}]')).toContain('FEEDS.0');
    expect(error('[{"url":"https://x.example/f"},{"url":"https://x.example/f"}]')).toContain('FEEDS.1.url: is listed twice');
    expect(error('{"url":"https://x.example/f"}')).toContain('FEEDS');
  });
});
