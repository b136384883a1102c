// The daily digest as each platform's HTTP request: plain text within each platform's message limit, signed for the webhook.
import { webhookHeaders } from '../lib/standard-webhooks';
import { destinationId, type DestinationConfig } from './config';
import { digestText, type Digest } from './digest';
import { escapeDiscord, escapeSlack, escapeTeams, neutraliseMentions } from './escape';
import { jsonRequest, type DeliveryRequest } from './request';
import { isoTime } from './text';
import { discordBotPost, discordNonce } from './threads/discord-bot';

/** Message limits (PLATFORM.md): Slack section text 3,000; Discord content 2,000; Telegram 4,096; Teams ≤ 28 KB. */
const LIMITS = { slack: 3_000, discord: 2_000, telegram: 4_096, teams: 20_000, webhook: 100_000 } as const;

/**
 * `digestId` (e.g. `digest:2026-12-05`) is the webhook-id, so a receiver de-duplicates a retried digest as it
 * does a retried alert.
 */
export async function buildDigestRequest(dest: DestinationConfig, digest: Digest, digestId: string, nowMs: number): Promise<DeliveryRequest> {
  switch (dest.name) {
    case 'slack': {
      const text = digestText(digest, LIMITS.slack, escapeSlack);
      // A bot token posts through the Web API, to its channel, as a message of its own (not in any incident's thread).
      if (dest.token && dest.channel && dest.api_base) {
        return jsonRequest(`${dest.api_base}/chat.postMessage`, { channel: dest.channel, text, unfurl_links: false, unfurl_media: false }, { authorization: `Bearer ${dest.token}` });
      }
      return jsonRequest(dest.url, { text });
    }
    case 'discord': {
      const content = digestText(digest, LIMITS.discord, escapeDiscord);
      // A bot posts to its channel with the digest's nonce, so a retry that outran a lost answer is not a second digest.
      if (dest.token && dest.channel && dest.api_base) {
        return discordBotPost({ token: dest.token, channel: dest.channel, api_base: dest.api_base }, { content, allowed_mentions: { parse: [] } }, discordNonce(digestId, destinationId(dest)));
      }
      // A forum webhook must open a post; each day's digest is one.
      const post = dest.forum === true ? { thread_name: `tollwatch digest ${(isoTime(digest.end_ms) ?? '').slice(0, 10)}`.trim() } : {};
      return jsonRequest(dest.url, { content, allowed_mentions: { parse: [] }, ...post });
    }
    case 'telegram':
      // No parse_mode: plain text needs no escaping beyond breaking mentions.
      return jsonRequest(`${dest.api_base}/bot${dest.token}/sendMessage`, {
        chat_id: dest.chat_id,
        text: digestText(digest, LIMITS.telegram, neutraliseMentions),
        link_preview_options: { is_disabled: true },
      });
    case 'teams': {
      const [header, ...lines] = digestText(digest, LIMITS.teams, escapeTeams).split('\n');
      const card = {
        type: 'AdaptiveCard',
        $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
        version: '1.4',
        body: [{ type: 'TextBlock', text: header, weight: 'Bolder', wrap: true }, ...lines.map((text) => ({ type: 'TextBlock', text, wrap: true, spacing: 'Small' }))],
      };
      return jsonRequest(dest.url, { type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] });
    }
    case 'webhook': {
      // the Standard Webhooks envelope, as for alerts
      const payload = {
        type: 'tollwatch.digest' as const,
        timestamp: new Date(nowMs).toISOString(),
        data: {
          version: 2 as const,
          digest_id: digestId,
          window_end: isoTime(digest.end_ms),
          incidents: digest.incidents,
          text: digestText(digest, LIMITS.webhook),
        },
      };
      const body = JSON.stringify(payload);
      const headers = dest.secret ? await webhookHeaders(dest.secret, digestId, body, Math.floor(nowMs / 1000)) : { 'webhook-id': digestId };
      return { url: dest.url, init: { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body } };
    }
  }
}
