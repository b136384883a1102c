/**
 * The alert layer: pure functions from an Alert and a destination's settings to an HTTP request, and from
 * the response to what the queue consumer should do next. No I/O here; the consumer does the fetch.
 */
import type { Alert } from '../schema';
import type { DestinationConfig } from './config';
import { discordRequest } from './discord';
import type { DeliveryRequest } from './request';
import type { AlertLinks } from './text';
import { slackRequest } from './slack';
import { teamsRequest } from './teams';
import { telegramRequest } from './telegram';
import { webhookRequest } from './webhook';
import { deliveryMode, firstMessageRequest } from './threads/requests';

export { DestinationConfig, DestinationConfigError, DestinationFilter, DEFAULT_TELEGRAM_API_BASE, destinationId, destinationsFromEnv, digestHoursFromEnv } from './config';
export { digestFor, digestOf, digestText, type Digest } from './digest';
export { buildDigestRequest } from './digest-request';
export { wantsAlert } from './filters';
export { alertLinks, alertText, type AlertLinks } from './text';
export { backoffSeconds, classifyDeliveryResponse, classifyNetworkError, MAX_DELAY_SECONDS, type DeliveryOutcome } from './outcome';
export type { DeliveryRequest } from './request';

/** `links` come from settings (PUBLIC_URL), never from the alert's article, so a payload cannot redirect them. */
export async function buildDeliveryRequest(dest: DestinationConfig, alert: Alert, nowMs: number, links: AlertLinks = {}): Promise<DeliveryRequest> {
  switch (dest.name) {
    case 'slack': {
      // A bot token posts through the Web API (the queue consumer threads it; this is the single-message form).
      const api = deliveryMode(dest);
      return api ? firstMessageRequest(api.dest, alert, links) : slackRequest(dest.url, alert, links);
    }
    case 'discord':
      return discordRequest(dest.url, alert, links);
    case 'telegram':
      return telegramRequest(dest.api_base, dest.token, dest.chat_id, alert, links);
    case 'teams':
      return teamsRequest(dest.url, alert, links);
    case 'webhook':
      return webhookRequest(dest.url, dest.secret, alert, nowMs);
  }
}
