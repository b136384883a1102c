/**
 * Generic JSON webhook, signed per Standard Webhooks (https://www.standardwebhooks.com/) when
 * ALERT_WEBHOOK_SECRET is set.
 *
 * ## Alert webhook payload (version 1)
 *
 * POST <ALERT_WEBHOOK_URL>, `content-type: application/json`, one alert per request.
 *
 * Headers (only when ALERT_WEBHOOK_SECRET is set):
 *   webhook-id         the alert_id; the same on every retry of one alert, so receivers can de-duplicate
 *   webhook-timestamp  Unix seconds at the time of this attempt
 *   webhook-signature  "v1,<base64 HMAC-SHA256 of `${id}.${timestamp}.${body}`>" keyed by the secret's bytes
 *
 * Body: the Standard Webhooks envelope `{type, timestamp, data}`.
 * {
 *   "type": "tollwatch.alert",          // constant ("tollwatch.digest" for the daily digest)
 *   "timestamp": string,                // when the alert was created, ISO 8601 UTC
 *   "data": {
 *     "version": 2,                     // bumped only on breaking changes; new fields may appear in any version
 *     "alert_id": string,               // unique per alert (one change set of one incident); also the webhook-id
 *     "incident": {
 *       "key": string,                  // stable incident id
 *       "title": string,                // e.g. "Kerman stampede"
 *       "type": string | null,          // e.g. "stampede"
 *       "places": string[],             // most specific first, e.g. ["Kerman", "Iran"]
 *       "is_new": boolean               // true when this alert opened the incident
 *     },
 *     "changes": [                      // casualties first (killed, injured, missing, arrested, displaced, hostages), then threats
 *       {
 *         "kind": "casualty" | "threat",
 *         "category": string,           // casualty category, or the threat's key
 *         "noun": string | null,        // threats: what is counted, e.g. "missiles"; casualties: null
 *         "from": { "value": number, "qualifier": Qualifier } | null,   // null for a new figure
 *         "to":   { "value": number, "qualifier": Qualifier },
 *         "change": "new" | "up" | "down" | "qualifier",
 *         "quote": string,              // the article sentence behind `to`
 *         "attribution": string | null  // who the article credits, e.g. "state TV"
 *       }
 *     ],
 *     "corroboration": { [category: string]: number },   // distinct outlets reporting each category's figure
 *     "text": string,                   // the plain-text alert, as the API and replay CLI show it
 *     "outlet": string,                 // outlet of the article that triggered the alert
 *     "article_title": string | null,   // that article's headline, as sent (null when it had none)
 *     "url": string | null,             // that article's http(s) URL
 *     "published": string | null        // its publication time, ISO 8601 UTC ("2020-01-07T00:00:00Z")
 *   }
 * }
 * Qualifier = "exact" | "at_least" | "approx" | "at_most"
 *
 * Receivers should answer 2xx quickly; 408, 409, 425, 429 and 5xx are retried with backoff (429 and 503 honour
 * Retry-After), any other 4xx drops the alert.
 */
import type { Alert } from '../schema';
import { webhookHeaders } from '../lib/standard-webhooks';
import { safeHttpUrl } from './escape';
import { jsonRequest, type DeliveryRequest } from './request';
import { alertText, isoTime, splitChanges } from './text';

/** `nowMs` stands in for the envelope's timestamp only for an alert stored before alerts carried their creation time. */
export function webhookPayload(alert: Alert, nowMs: number) {
  const { casualties, threats } = splitChanges(alert.changes);
  return {
    type: 'tollwatch.alert' as const,
    timestamp: isoTime(alert.created_ms) ?? new Date(nowMs).toISOString(),
    data: {
      version: 2 as const,
      alert_id: alert.alert_id,
      incident: {
        key: alert.incident_key,
        title: alert.incident_title,
        type: alert.incident_type,
        places: alert.places,
        is_new: alert.is_new_incident,
      },
      changes: [...casualties, ...threats].map((c) => ({
        kind: c.kind,
        category: c.category,
        noun: c.noun ?? null,
        from: c.from ? { value: c.from.value, qualifier: c.from.qualifier } : null,
        to: { value: c.to.value, qualifier: c.to.qualifier },
        change: c.change,
        quote: c.quote,
        attribution: c.attribution ?? null,
      })),
      corroboration: alert.corroboration,
      text: alertText(alert),
      outlet: alert.outlet,
      article_title: alert.article_title ?? null,
      url: safeHttpUrl(alert.url),
      published: isoTime(alert.published_ms),
    },
  };
}

/** `secret` absent → unsigned; the signature covers the exact body string sent. */
export async function webhookRequest(url: string, secret: string | undefined, alert: Alert, nowMs: number): Promise<DeliveryRequest> {
  const req = jsonRequest(url, webhookPayload(alert, nowMs));
  if (!secret) return req;
  const signed = await webhookHeaders(secret, alert.alert_id, req.init.body, Math.floor(nowMs / 1000));
  return { url, init: { ...req.init, headers: { ...req.init.headers, ...signed } } };
}
