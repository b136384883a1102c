/**
 * Threaded delivery as HTTP requests: the first message of an incident, a reply under it, and the edit that
 * brings the first message to the current figures, for Slack's Web API, Discord webhooks and bots and Telegram's Bot
 * API; and reading the posted message's id from the answer. Pure: the queue consumer does the fetch.
 */
import type { ApiMethods } from '@grammyjs/types';
import type { MessageMetadata } from '@slack/types';
import type { APIMessage, RESTPatchAPIWebhookWithTokenMessageJSONBody, RESTPostAPIWebhookWithTokenJSONBody } from 'discord-api-types/v10';
import { destinationId, type DestinationConfig } from '../config';
import { discordPayload } from '../discord';
import { jsonRequest, type DeliveryRequest } from '../request';
import { slackPayload, type SlackPayload } from '../slack';
import { telegramPayload } from '../telegram';
import { incidentName, type AlertLinks } from '../text';
import type { Alert } from '../../schema';
import { discordBotEdit, discordBotPost, discordNonce } from './discord-bot';
import { MessageRef } from './ref';
import { slackMetadata } from './slack-recovery';

type Slack = Extract<DestinationConfig, { name: 'slack' }>;
type Discord = Extract<DestinationConfig, { name: 'discord' }>;
type Telegram = Extract<DestinationConfig, { name: 'telegram' }>;
/** A destination delivered through an API that answers with the message it posted. */
export type ApiDestination = (Slack & { token: string; channel: string; api_base: string }) | Discord | Telegram;

/**
 * How a destination is delivered: `thread` (first message, replies, edited first message), `flat` (a Slack bot
 * without threads: one chat.postMessage per alert, checked for Slack's ok:false), or null (one POST as before).
 */
export function deliveryMode(dest: DestinationConfig): { mode: 'thread' | 'flat'; dest: ApiDestination } | null {
  if (dest.name === 'slack' && dest.token !== undefined && dest.channel !== undefined && dest.api_base !== undefined) {
    return { mode: dest.threads === true ? 'thread' : 'flat', dest: { ...dest, token: dest.token, channel: dest.channel, api_base: dest.api_base } };
  }
  // A Discord bot posts through Create Message even without threads: its nonce makes a retried post safe.
  if (dest.name === 'discord' && discordBot(dest)) return { mode: dest.threads === true ? 'thread' : 'flat', dest };
  if ((dest.name === 'discord' || dest.name === 'telegram') && dest.threads === true) return { mode: 'thread', dest };
  return null;
}

/** chat.postMessage / chat.update arguments as we send them (Slack publishes no types for these in @slack/types). */
type SlackPost = SlackPayload & { channel: string; thread_ts?: string; unfurl_links: false; unfurl_media: false; metadata: MessageMetadata };
type SlackUpdate = SlackPayload & { channel: string; ts: string };
type TelegramSend = Parameters<ApiMethods<unknown>['sendMessage']>[0];
type TelegramEdit = Parameters<ApiMethods<unknown>['editMessageText']>[0];

// Discord caps a thread (forum post) name at 100 characters.
const THREAD_NAME_MAX = 100;

const slackApi = (dest: ApiDestination & { name: 'slack' }, method: string, body: SlackPost | SlackUpdate): DeliveryRequest =>
  jsonRequest(`${dest.api_base}/${method}`, body, { authorization: `Bearer ${dest.token}` });

/** The webhook URL with query parameters set (a configured URL may already carry some). */
function discordUrl(base: string, suffix: string, params: Record<string, string | undefined>): string {
  const url = new URL(base);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}${suffix}`;
  for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, v);
  return url.toString();
}

/** A Discord destination with a bot token and channel (Create Message), rather than a webhook. */
export function discordBot(dest: Discord): { token: string; channel: string; api_base: string } | null {
  return dest.token !== undefined && dest.channel !== undefined && dest.api_base !== undefined ? { token: dest.token, channel: dest.channel, api_base: dest.api_base } : null;
}

const telegramMethod = (dest: Telegram, method: string) => `${dest.api_base.replace(/\/+$/, '')}/bot${dest.token}/${method}`;

/** The incident's first message (or, for a flat Slack bot, any alert). */
export function firstMessageRequest(dest: ApiDestination, alert: Alert, links: AlertLinks = {}): DeliveryRequest {
  switch (dest.name) {
    case 'slack':
      return slackApi(dest, 'chat.postMessage', { channel: dest.channel, ...slackPayload(alert, links), unfurl_links: false, unfurl_media: false, metadata: slackMetadata(alert.alert_id) });
    case 'discord': {
      const bot = discordBot(dest);
      if (bot) return discordBotPost(bot, discordPayload(alert, links), discordNonce(alert.alert_id, destinationId(dest)));
      const payload: RESTPostAPIWebhookWithTokenJSONBody = discordPayload(alert, links);
      // In a forum the webhook must open a post; its name is the incident's, so the forum lists incidents.
      const body = dest.forum === true ? { ...payload, thread_name: threadName(alert) } : payload;
      return jsonRequest(discordUrl(dest.url, '', { wait: 'true' }), body);
    }
    case 'telegram': {
      const body: TelegramSend = telegramPayload(dest.chat_id, alert, links);
      return jsonRequest(telegramMethod(dest, 'sendMessage'), body);
    }
  }
}

/** A later alert of the incident, under its first message where the platform can (a Discord text channel cannot). */
export function replyRequest(dest: ApiDestination, first: MessageRef, alert: Alert, links: AlertLinks = {}): DeliveryRequest {
  switch (dest.name) {
    case 'slack': {
      const channel = first.platform === 'slack' ? first.channel : dest.channel;
      const thread = first.platform === 'slack' ? { thread_ts: first.ts } : {};
      return slackApi(dest, 'chat.postMessage', { channel, ...slackPayload(alert, links), ...thread, unfurl_links: false, unfurl_media: false, metadata: slackMetadata(alert.alert_id) });
    }
    case 'discord': {
      const bot = discordBot(dest);
      if (bot) return discordBotPost(bot, discordPayload(alert, links), discordNonce(alert.alert_id, destinationId(dest)), first.platform === 'discord' ? first.id : undefined);
      const thread = first.platform === 'discord' && first.thread_id !== undefined ? { thread_id: first.thread_id } : {};
      return jsonRequest(discordUrl(dest.url, '', { wait: 'true', ...thread }), discordPayload(alert, links));
    }
    case 'telegram': {
      // allow_sending_without_reply: a first message someone deleted must not block the incident's updates.
      const reply = first.platform === 'telegram' ? { reply_parameters: { message_id: first.message_id, allow_sending_without_reply: true } } : {};
      const body: TelegramSend = { ...telegramPayload(dest.chat_id, alert, links), ...reply };
      return jsonRequest(telegramMethod(dest, 'sendMessage'), body);
    }
  }
}

/** The first message rewritten to `current` (see currentFiguresAlert). Sending it twice changes nothing. */
export function editFirstRequest(dest: ApiDestination, first: MessageRef, current: Alert, links: AlertLinks = {}): DeliveryRequest | null {
  if (dest.name === 'slack' && first.platform === 'slack') {
    return slackApi(dest, 'chat.update', { channel: first.channel, ts: first.ts, ...slackPayload(current, links) });
  }
  if (dest.name === 'discord' && first.platform === 'discord') {
    const { embeds, allowed_mentions } = discordPayload(current, links);
    const body: RESTPatchAPIWebhookWithTokenMessageJSONBody = { embeds, allowed_mentions };
    const bot = discordBot(dest);
    if (bot) return discordBotEdit(bot, first.id, body);
    const thread = first.thread_id !== undefined ? { thread_id: first.thread_id } : {};
    const req = jsonRequest(discordUrl(dest.url, `/messages/${encodeURIComponent(first.id)}`, thread), body);
    return { ...req, init: { ...req.init, method: 'PATCH' } };
  }
  if (dest.name === 'telegram' && first.platform === 'telegram') {
    const { chat_id, text, parse_mode, link_preview_options } = telegramPayload(dest.chat_id, current, links);
    const body: TelegramEdit = { chat_id, message_id: first.message_id, text, parse_mode, link_preview_options };
    return jsonRequest(telegramMethod(dest, 'editMessageText'), body);
  }
  return null;
}

/** The forum post's name: the incident as headlines name it, without "New incident:". */
export function threadName(alert: Alert): string {
  const name = incidentName({ ...alert, is_new_incident: false });
  return name.length > THREAD_NAME_MAX ? `${name.slice(0, THREAD_NAME_MAX - 1)}\u2026` : name;
}

function json(text: string): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * The posted message's id, from a 2xx answer; null when the answer does not carry one. `opened` is true for
 * the first message of a Discord forum post, whose channel_id is the post that replies go to.
 */
export function postedMessageRef(dest: ApiDestination, bodyText: string, opened: boolean, first?: MessageRef): MessageRef | null {
  const body = json(bodyText);
  if (!body) return null;
  switch (dest.name) {
    case 'slack':
      return MessageRef.safeParse({ platform: 'slack', channel: body.channel, ts: body.ts }).data ?? null;
    case 'discord': {
      const msg = body as Partial<APIMessage>;
      const thread = dest.forum === true ? (opened ? msg.channel_id : first?.platform === 'discord' ? first.thread_id : undefined) : undefined;
      return MessageRef.safeParse({ platform: 'discord', id: msg.id, ...(thread ? { thread_id: thread } : {}) }).data ?? null;
    }
    case 'telegram': {
      const result = body.result as { message_id?: unknown } | undefined;
      return MessageRef.safeParse({ platform: 'telegram', message_id: result?.message_id }).data ?? null;
    }
  }
}
