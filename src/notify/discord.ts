/**
 * Discord execute-webhook: one embed coloured by severity, titled by the headline and linked to the incident
 * page when PUBLIC_URL is set (else to the article); nothing in it can ping (allowed_mentions.parse = []).
 * Typed with discord-api-types (types only: nothing of it reaches the bundle).
 */
import type { APIEmbed, APIEmbedField, RESTPostAPIWebhookWithTokenJSONBody } from 'discord-api-types/v10';
import type { Alert } from '../schema';
import { severityOf } from './severity';
import { escapeDiscord, safeHttpUrl } from './escape';
import { jsonRequest, type DeliveryRequest } from './request';
import { corroborationText, fitEscaped, headline, packLines, quoteLines, quoteText, sourceLabel, threatsLine, type AlertLinks } from './text';

// Embed limits: title 256, description 4,096, field name 256 / value 1,024, footer 2,048, all text 6,000.
const TITLE_MAX = 256;
const DESCRIPTION_MAX = 4_096;
const FIELD_VALUE_MAX = 1_024;
const EMBED_TOTAL_MAX = 6_000;
const THREATS_MAX = 1_024;
const URL_MAX = 2_048;
const FOOTER = 'tollwatch';

/** The request body: exactly one embed, and no mention may ping. */
export type DiscordPayload = RESTPostAPIWebhookWithTokenJSONBody & { embeds: [APIEmbed]; allowed_mentions: { parse: [] } };

const linkable = (raw: string | undefined): string | null => {
  const url = safeHttpUrl(raw);
  return url !== null && url.length <= URL_MAX ? url : null;
};

export function discordPayload(alert: Alert, links: AlertLinks = {}): DiscordPayload {
  const article = linkable(alert.url);
  const incidentPage = linkable(links.incident);
  const title = fitEscaped(headline(alert), TITLE_MAX, escapeDiscord);

  // `Outlet: “headline”` (≤ 454 escaped), linked to the article; `]` in it is escaped, so the label can't end early.
  const label = sourceLabel(alert, escapeDiscord);
  // Masked-link targets end at `)`; percent-encoding keeps the whole URL inside the link.
  const link = article ? `[${label}](${article.replace(/\(/g, '%28').replace(/\)/g, '%29')})` : label;
  const fields: APIEmbedField[] = [{ name: 'Source', value: link.length <= FIELD_VALUE_MAX ? link : label, inline: true }];
  const corroboration = corroborationText(alert);
  if (corroboration) fields.push({ name: 'Corroboration', value: fitEscaped(corroboration, FIELD_VALUE_MAX, escapeDiscord), inline: true });

  const used = title.length + FOOTER.length + fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
  const budget = Math.min(DESCRIPTION_MAX, EMBED_TOTAL_MAX - used);
  const threats = threatsLine(alert);
  const lines = [
    // Capped so one enormous threats line can't crowd out every quote.
    ...(threats ? [fitEscaped(threats, Math.min(budget, THREATS_MAX), escapeDiscord)] : []),
    ...quoteLines(alert).map((q) => fitEscaped(quoteText(q), budget, escapeDiscord)),
  ];
  const description = packLines(lines, budget, '\n', (n) => `\u2026and ${n} more`).join('\n');

  const time = new Date(alert.published_ms);
  const url = incidentPage ?? article;
  const embed: APIEmbed = {
    title,
    ...(description ? { description } : {}),
    ...(url ? { url } : {}),
    color: severityOf(alert).discord,
    fields,
    footer: { text: FOOTER },
    ...(Number.isNaN(time.getTime()) ? {} : { timestamp: time.toISOString() }),
  };
  return { embeds: [embed], allowed_mentions: { parse: [] } };
}

export function discordRequest(url: string, alert: Alert, links: AlertLinks = {}): DeliveryRequest {
  return jsonRequest(url, discordPayload(alert, links));
}
