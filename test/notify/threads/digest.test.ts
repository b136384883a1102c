// The daily digest to destinations set up for threads: a Slack bot posts through the Web API, a Discord forum opens a post.
import { describe, expect, it } from 'vitest';
import { buildDigestRequest, destinationsFromEnv, type Digest } from '../../../src/notify';

const DIGEST: Digest = {
  end_ms: Date.UTC(2026, 5, 10, 7),
  incidents: [{ key: 'inc_kerman', title: 'Kerman stampede', type: 'stampede', places: ['Iran'], figures: ['killed 56', 'injured 48'], changes: [], reports: 3 }],
};

const [slackBot, forum] = destinationsFromEnv({
  DESTINATIONS: JSON.stringify([
    { platform: 'slack', name: 'desk', secret: 'BOT', channel: 'C0123', threads: true },
    { platform: 'discord', name: 'forum', secret: 'HOOK', threads: true, forum: true },
  ]),
  BOT: 'xoxb-1234-5678-abcdefghijkl',
  HOOK: 'https://discord.com/api/webhooks/1/x',
});

describe('digest to a threaded destination', () => {
  it('a Slack bot posts the digest to its channel through chat.postMessage, on its own (not in a thread)', async () => {
    const req = await buildDigestRequest(slackBot!, DIGEST, 'digest:2026-06-10', DIGEST.end_ms);
    expect(req.url).toBe('https://slack.com/api/chat.postMessage');
    expect(req.init.headers.authorization).toBe('Bearer xoxb-1234-5678-abcdefghijkl');
    const body = JSON.parse(req.init.body) as Record<string, unknown>;
    expect(body.channel).toBe('C0123');
    expect(body.thread_ts).toBeUndefined();
    expect(String(body.text)).toContain('Kerman stampede');
  });

  it('a Discord forum webhook opens a post for each day\u2019s digest', async () => {
    const req = await buildDigestRequest(forum!, DIGEST, 'digest:2026-06-10', DIGEST.end_ms);
    expect((JSON.parse(req.init.body) as { thread_name?: string }).thread_name).toBe('tollwatch digest 2026-06-10');
  });
});
