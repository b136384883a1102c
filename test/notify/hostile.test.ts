/** Article text is untrusted: nothing in it may ping, link, format or inject markup on any platform. */
import { describe, expect, it } from 'vitest';
import { Alert as AlertSchema } from '../../src/schema';
import { alertText, buildDeliveryRequest, type DestinationConfig } from '../../src/notify';
import { escapeDiscord, escapeSlack, escapeTeams, escapeTelegramHtml, neutraliseMentions } from '../../src/notify/escape';
import { EXAMPLE_DESTINATIONS, HOSTILE, HOSTILE_TITLE, hostile, kermanNew, NOW_MS } from './fixtures';

const dest = EXAMPLE_DESTINATIONS;

async function body(d: DestinationConfig, alert = hostile()): Promise<unknown> {
  const req = await buildDeliveryRequest(d, alert, NOW_MS);
  return JSON.parse(req.init.body) as unknown;
}

/** Every string anywhere in a JSON value. */
function strings(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap(strings);
  if (v && typeof v === 'object') return Object.values(v).flatMap(strings);
  return [];
}

/** Characters from `specials` not preceded by a backslash escape. */
function unescaped(text: string, specials: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    if (c === '\\') i++;
    else if (specials.includes(c)) out.push(c);
  }
  return out;
}

const BARE_MENTION = /@(everyone|here|channel|U123)/;

describe('hostile article text', () => {
  it('Slack: &, <, > are escaped, *, _, ~, ` neutralised, no <!…> or <@…> token and no bare @everyone/@here/@channel survives', async () => {
    const texts = strings(await body(dest.slack)).filter((s) => s !== 'section' && s !== 'mrkdwn' && s !== 'context');
    const joined = texts.join('\n').replace('<https://example.com/kerman|', '');
    expect(joined).not.toMatch(/[<]/);
    expect(joined).not.toMatch(/&(?!amp;|lt;|gt;)/);
    expect(joined).not.toMatch(BARE_MENTION);
    expect(joined).toContain('&lt;!channel&gt;');
    expect(joined).toContain('&lt;script&gt;');
    // Slack cannot escape its formatting characters: the article's own become look-alikes.
    expect(joined).not.toMatch(/[*_~`]/);
    expect(joined).toContain('\u2217\u2217bold\u2217\u2217');
  });

  it('Discord: markdown is backslash-escaped, mentions neutralised and allowed_mentions empty', async () => {
    const payload = (await body(dest.discord)) as { embeds: { title: string; description: string; fields: { value: string }[] }[]; allowed_mentions: unknown };
    expect(payload.allowed_mentions).toEqual({ parse: [] });
    const embed = payload.embeds[0];
    if (!embed) throw new Error('no embed');
    const source = embed.fields[0]?.value ?? '';
    const link = /^\[(.*)\]\(https:\/\/example\.com\/kerman\)$/.exec(source);
    expect(link).not.toBeNull();
    for (const text of [embed.title, embed.description, link?.[1] ?? '']) {
      expect(unescaped(text, '*_~`|<>[]#')).toEqual([]);
      expect(text).not.toMatch(BARE_MENTION);
    }
    expect(embed.description).toContain('\\*\\*bold\\*\\*');
    expect(embed.description).toContain('\\[link\\](https://evil.test)');
  });

  it('Telegram: the only tags are ours, entities are well-formed, mentions neutralised', async () => {
    const { text } = (await body(dest.telegram)) as { text: string };
    const tags = text.match(/<[^>]*>/g) ?? [];
    expect(new Set(tags)).toEqual(new Set(['<b>', '</b>', '<a href="https://example.com/kerman">', '</a>']));
    expect(text).not.toMatch(/&(?!amp;|lt;|gt;|quot;)/);
    expect(text).not.toMatch(BARE_MENTION);
    expect(text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('Teams: markdown is backslash-escaped in every TextBlock and fact, mentions neutralised', async () => {
    type TextBlock = { type: 'TextBlock'; text: string };
    type Element = TextBlock | { type: 'FactSet'; facts: { title: string; value: string }[] } | { type: 'Container'; items: TextBlock[] };
    const payload = (await body(dest.teams)) as { attachments: { content: { body: Element[] } }[] };
    const blocks = payload.attachments[0]?.content.body ?? [];
    const texts = blocks.flatMap((b) => (b.type === 'TextBlock' ? [b.text] : b.type === 'Container' ? b.items.map((i) => i.text) : b.facts.map((f) => f.value)));
    expect(texts.length).toBeGreaterThan(3);
    for (const t of texts) {
      expect(unescaped(t, '*_~`[]')).toEqual([]);
      expect(t).not.toMatch(BARE_MENTION);
    }
  });

  it('generic webhook and alertText carry the article text verbatim (receivers escape for themselves)', async () => {
    const payload = ((await body(dest.webhook)) as { data: { changes: { quote: string }[]; text: string } }).data;
    expect(payload.changes[0]?.quote).toBe(HOSTILE);
    expect(payload.text).toBe(alertText(hostile()));
    expect(alertText(hostile())).toContain(HOSTILE);
  });

  it('never links a non-http URL and keeps hostile URL characters inside the link', async () => {
    for (const d of Object.values(dest)) {
      const req = await buildDeliveryRequest(d, { ...kermanNew, url: 'javascript:alert(document.cookie)' }, NOW_MS);
      expect(req.init.body).not.toContain('javascript:');
    }
    const tricky = { ...kermanNew, url: 'https://example.com/a_(b)?x=1&y=|"z"' };
    const slackText = strings(await body(dest.slack, tricky)).join('\n');
    expect(slackText).toContain('<https://example.com/a_(b)?x=1&amp;y=%7C%22z%22|Daily Mail: “Crush at general’s funeral procession leaves 35 dead”>');
    const discordSource = strings(await body(dest.discord, tricky)).find((s) => s.startsWith('[Daily Mail'));
    expect(discordSource).toBe('[Daily Mail: “Crush at general’s funeral procession leaves 35 dead”](https://example.com/a_%28b%29?x=1&y=|%22z%22)');
    const { text } = (await body(dest.telegram, tricky)) as { text: string };
    expect(text).toContain('<a href="https://example.com/a_(b)?x=1&amp;y=|%22z%22">Daily Mail: “Crush at general’s funeral procession leaves 35 dead”</a>');
  });

  it('escapers handle each platform’s specials', () => {
    expect(escapeSlack('a & <b> @here')).toBe('a &amp; &lt;b&gt; @\u200bhere');
    expect(escapeSlack('*b* _i_ ~s~ `c`')).toBe('\u2217b\u2217 \u02cdi\u02cd \u223cs\u223c \u02cbc\u02cb');
    expect(escapeDiscord('**x** _y_ [z](u) @everyone')).toBe('\\*\\*x\\*\\* \\_y\\_ \\[z\\](u) @\u200beveryone');
    expect(escapeTelegramHtml('<a href="x">&</a>')).toBe('&lt;a href="x"&gt;&amp;&lt;/a&gt;');
    expect(escapeTeams('**x** [y](z) \\')).toBe('\\*\\*x\\*\\* \\[y\\](z) \\\\');
    expect(escapeTeams('1. FC Köln - 2. x')).toBe('1\\. FC Köln - 2. x');
    expect(escapeTeams('- breaking')).toBe('\\- breaking');
    // An @ inside a word starts no mention: e-mail addresses stay whole (and linkable).
    expect(neutraliseMentions('mail me@example.com or first.last+tag@news.example, @user, (@here), @ alone')).toBe(
      'mail me@example.com or first.last+tag@news.example, @\u200buser, (@\u200bhere), @ alone',
    );
  });
});

describe('hostile article headline', () => {
  // The headline is quoted after the outlet in the source line; both are escaped for the platform, the e-mail
  // address stays whole and linkable, and no mention, tag or link of the article's own survives.
  const Z = '\u200b';

  it('Slack: escaped entities and look-alikes inside the article link', async () => {
    const texts = strings(await body(dest.slack));
    expect(texts).toContainEqual(
      `<https://example.com/kerman|Daily &lt;Mail&gt; &amp; @${Z}everyone: “\u2217\u2217Toll\u2217\u2217 &lt;!here&gt; @${Z}everyone \u02cdrises\u02cd \u223cagain\u223c &amp; &lt;b&gt;[more](https://evil.test)&lt;/b&gt; | write to desk@example.org #tip”> · reported by 1 outlet · 2020-01-07T00:00:00Z`,
    );
  });

  it('Discord: backslash-escaped inside the masked link, so `]` cannot end it early', async () => {
    const payload = (await body(dest.discord)) as { embeds: { fields: { name: string; value: string }[] }[] };
    expect(payload.embeds[0]?.fields[0]).toEqual({
      name: 'Source',
      value: `[Daily \\<Mail\\> & @${Z}everyone: “\\*\\*Toll\\*\\* \\<!here\\> @${Z}everyone \\_rises\\_ \\~again\\~ & \\<b\\>\\[more\\](https://evil.test)\\</b\\> \\| write to desk@example.org \\#tip”](https://example.com/kerman)`,
      inline: true,
    });
  });

  it('Telegram: entities inside our own <a>, no tag of the article’s', async () => {
    const { text } = (await body(dest.telegram)) as { text: string };
    expect(text).toContain(
      `<a href="https://example.com/kerman">Daily &lt;Mail&gt; &amp; @${Z}everyone: “**Toll** &lt;!here&gt; @${Z}everyone _rises_ ~again~ &amp; &lt;b&gt;[more](https://evil.test)&lt;/b&gt; | write to desk@example.org #tip”</a>`,
    );
  });

  it('Teams: the Source fact, markdown backslash-escaped', async () => {
    const payload = (await body(dest.teams)) as { attachments: { content: { body: { type: string; facts?: { title: string; value: string }[] }[] } }[] };
    const facts = payload.attachments[0]?.content.body.find((b) => b.type === 'FactSet')?.facts ?? [];
    expect(facts[0]).toEqual({
      title: 'Source',
      value: `Daily <Mail> & @${Z}everyone: “\\*\\*Toll\\*\\* <!here> @${Z}everyone \\_rises\\_ \\~again\\~ & <b>\\[more\\](https://evil.test)</b> | write to desk@example.org #tip”`,
    });
  });

  it('generic webhook: verbatim in data.article_title and in the text’s source line', async () => {
    const { data } = (await body(dest.webhook)) as { data: { article_title: string | null; text: string } };
    expect(data.article_title).toBe(HOSTILE_TITLE);
    expect(data.text).toContain(`Source: Daily <Mail> & @everyone: “${HOSTILE_TITLE}” https://example.com/kerman`);
  });

  it('an alert queued before alerts carried the headline still renders, naming the outlet alone', async () => {
    const { article_title: _dropped, ...old } = kermanNew;
    expect(AlertSchema.parse(old)).toEqual(old);
    expect(strings(await body(dest.slack, old))).toContain('<https://example.com/kerman|Daily Mail> · reported by 1 outlet · 2020-01-07T00:00:00Z');
    const { data } = (await body(dest.webhook, old)) as { data: { article_title: string | null } };
    expect(data.article_title).toBeNull();
  });
});
