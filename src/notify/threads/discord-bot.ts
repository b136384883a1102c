/**
 * Discord through a bot (Create Message, Edit Message) instead of a webhook: the one chat API here that lets a
 * retry be safe. Create Message takes a `nonce` with `enforce_nonce: true`, and Discord then answers a second
 * post by the same bot with the same nonce, within a few minutes, with the message already created instead of
 * creating another. Execute Webhook takes no nonce, so a webhook cannot do this.
 */
import type { RESTPatchAPIChannelMessageJSONBody, RESTPostAPIChannelMessageJSONBody } from 'discord-api-types/v10';
import type { DeliveryRequest } from '../request';

/** Discord refuses a nonce longer than 25 characters. */
export const DISCORD_NONCE_MAX = 25;

/** 53 bits of a string (cyrb53): enough that two posts of one bot within minutes never share a nonce by chance. */
function hash53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * The nonce of one post: the same for every try of (alert or digest, destination), so a retry is answered with
 * the message an earlier try created; different across destinations, since one bot may post to several channels.
 */
export function discordNonce(postId: string, destination: string): string {
  const key = `${destination}\u0000${postId}`;
  const nonce = `tw${hash53(key, 1).toString(36)}${hash53(key, 2).toString(36)}`;
  return nonce.slice(0, DISCORD_NONCE_MAX);
}

type Bot = { token: string; channel: string; api_base: string };

/** Create Message in the bot's channel, de-duplicated by `nonce`; `replyTo` makes it a reply to that message. */
export function discordBotPost(bot: Bot, body: RESTPostAPIChannelMessageJSONBody, nonce: string, replyTo?: string): DeliveryRequest {
  // fail_if_not_exists false: a first message someone deleted must not block the incident's updates.
  const reference = replyTo !== undefined ? { message_reference: { message_id: replyTo, fail_if_not_exists: false } } : {};
  const payload: RESTPostAPIChannelMessageJSONBody = { ...body, ...reference, nonce, enforce_nonce: true };
  return {
    url: `${bot.api_base}/channels/${encodeURIComponent(bot.channel)}/messages`,
    init: { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bot ${bot.token}` }, body: JSON.stringify(payload) },
  };
}

/** Edit Message: states the whole message, so repeating it changes nothing. */
export function discordBotEdit(bot: Bot, messageId: string, body: RESTPatchAPIChannelMessageJSONBody): DeliveryRequest {
  return {
    url: `${bot.api_base}/channels/${encodeURIComponent(bot.channel)}/messages/${encodeURIComponent(messageId)}`,
    init: { method: 'PATCH', headers: { 'content-type': 'application/json', authorization: `Bot ${bot.token}` }, body: JSON.stringify(body) },
  };
}
