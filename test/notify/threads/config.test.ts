// DESTINATIONS fields for threads (channel, threads, forum, api_base) and SLACK_API_BASE, as the edge checks them.
import { describe, expect, it } from 'vitest';
import { destinationsFromEnv } from '../../../src/notify';
import { configError } from '../fixtures';

const BOT = 'xoxb-1234-5678-abcdefghijkl';
const list = (...entries: unknown[]) => JSON.stringify(entries);

describe('a Slack destination with a bot token', () => {
  it('channel makes secret a bot token: alerts go to the Web API, threaded when asked', () => {
    const [desk] = destinationsFromEnv({ DESTINATIONS: list({ platform: 'slack', name: 'desk', secret: 'SLACK_BOT_TOKEN_DESK', channel: 'C0123', threads: true }), SLACK_BOT_TOKEN_DESK: BOT });
    expect(desk).toEqual({ name: 'slack', id: 'desk', url: 'https://slack.com/api/chat.postMessage', token: BOT, channel: 'C0123', api_base: 'https://slack.com/api', threads: true });
  });

  it('SLACK_API_BASE, or the entry\u2019s api_base, moves the Web API (tests point it at a fake)', () => {
    const env = { DESTINATIONS: list({ platform: 'slack', name: 'desk', secret: 'T', channel: 'C0123' }), T: BOT, SLACK_API_BASE: 'http://127.0.0.1:8788/api/' };
    expect(destinationsFromEnv(env)[0]).toMatchObject({ api_base: 'http://127.0.0.1:8788/api', url: 'http://127.0.0.1:8788/api/chat.postMessage' });
    const own = { ...env, DESTINATIONS: list({ platform: 'slack', name: 'desk', secret: 'T', channel: 'C0123', api_base: 'https://slack.example/api' }) };
    expect(destinationsFromEnv(own)[0]).toMatchObject({ api_base: 'https://slack.example/api' });
  });

  it('a webhook URL where a bot token belongs is refused, naming the setting and not quoting it', () => {
    const e = configError({ DESTINATIONS: list({ platform: 'slack', name: 'desk', secret: 'SLACK_DESK', channel: 'C0123' }), SLACK_DESK: 'https://hooks.slack.com/services/T/B/SECRETPART' });
    expect(e.message).toContain('DESTINATIONS.0.secret: SLACK_DESK must be a Slack bot token');
    expect(e.message).not.toContain('SECRETPART');
  });

  it('a channel name instead of its id is refused with where to find the id', () => {
    expect(configError({ DESTINATIONS: list({ platform: 'slack', name: 'desk', secret: 'T', channel: '#desk' }), T: BOT }).message).toContain('DESTINATIONS.0.channel: must be a Slack channel id');
  });
});

describe('threads where the platform cannot', () => {
  it('a Slack incoming webhook cannot thread: threads without channel is refused', () => {
    const e = configError({ DESTINATIONS: list({ platform: 'slack', name: 'desk', secret: 'U', threads: true }), U: 'https://hooks.slack.com/services/T/B/X' });
    expect(e.message).toContain('DESTINATIONS.0.threads: needs a bot token and a channel');
  });

  it('Teams and the signed webhook have no threads', () => {
    expect(configError({ DESTINATIONS: list({ platform: 'teams', name: 't', secret: 'U', threads: true }), U: 'https://teams.example/x' }).message).toContain(
      'DESTINATIONS.0.threads: is not available for a teams destination',
    );
  });

  it('forum is for a threaded Discord destination only; channel for Slack and Discord only', () => {
    expect(configError({ DESTINATIONS: list({ platform: 'discord', name: 'd', secret: 'U', forum: true }), U: 'https://discord.com/api/webhooks/1/x' }).message).toContain(
      'DESTINATIONS.0.forum: is only for a discord destination with threads: true',
    );
    expect(configError({ DESTINATIONS: list({ platform: 'telegram', name: 't', secret: 'T', chat_id: '-1', channel: 'C0123' }), T: '1:ABCDEFGHIJKLMNOPQRSTUVWXYZ' }).message).toContain(
      'DESTINATIONS.0.channel: is only for a slack or discord destination',
    );
  });

  it('threads must be true or false', () => {
    expect(configError({ DESTINATIONS: list({ platform: 'telegram', name: 'tg', secret: 'T', chat_id: '-1', threads: 'yes' }), T: '1:ABCDEFGHIJKLMNOPQRSTUVWXYZ' }).message).toContain('DESTINATIONS.0.threads');
  });

  it('Discord and Telegram keep their threads and forum flags', () => {
    const env = {
      DESTINATIONS: list({ platform: 'discord', name: 'forum', secret: 'U', threads: true, forum: true }, { platform: 'telegram', name: 'tg', secret: 'T', chat_id: '-1', threads: true }),
      U: 'https://discord.com/api/webhooks/1/x',
      T: '1:ABCDEFGHIJKLMNOPQRSTUVWXYZ',
    };
    expect(destinationsFromEnv(env).map((d) => ({ id: d.id, threads: 'threads' in d ? d.threads : undefined }))).toEqual([
      { id: 'forum', threads: true },
      { id: 'tg', threads: true },
    ]);
    expect(destinationsFromEnv(env)[0]).toMatchObject({ forum: true });
  });
});
