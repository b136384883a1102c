/** Discord execute-webhook: one embed; nothing in it can ping (allowed_mentions.parse = []). */
import type { Alert } from '../schema';
import { escapeDiscord, safeHttpUrl } from './escape';
import { jsonRequest, type DeliveryRequest } from './request';
import { corroborationText, fitEscaped, headline, outletName, packLines, quoteLines, quoteText, threatsLine } from './text';

// Embed limits: title 256, description 4,096, field name 256 / value 1,024, footer 2,048, all text 6,000.
const TITLE_MAX = 256;
const DESCRIPTION_MAX = 4_096;
const FIELD_VALUE_MAX = 1_024;
const EMBED_TOTAL_MAX = 6_000;
const THREATS_MAX = 1_024;
const URL_MAX = 2_048;
const FOOTER = 'tollwatch';

type Field = { name: string; value: string; inline: boolean };
type Embed = { title: string; description?: string; url?: string; fields: Field[]; footer: { text: string }; timestamp?: string };

export function discordPayload(alert: Alert): { embeds: [Embed]; allowed_mentions: { parse: [] } } {
  const url = safeHttpUrl(alert.url);
  const linkable = url !== null && url.length <= URL_MAX ? url : null;
  const title = fitEscaped(headline(alert), TITLE_MAX, escapeDiscord);

  const outlet = fitEscaped(outletName(alert), 200, escapeDiscord);
  // Masked-link targets end at `)`; percent-encoding keeps the whole URL inside the link.
  const link = linkable ? `[${outlet}](${linkable.replace(/\(/g, '%28').replace(/\)/g, '%29')})` : outlet;
  const fields: Field[] = [{ name: 'Source', value: link.length <= FIELD_VALUE_MAX ? link : outlet, inline: true }];
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
  const embed: Embed = {
    title,
    ...(description ? { description } : {}),
    ...(linkable ? { url: linkable } : {}),
    fields,
    footer: { text: FOOTER },
    ...(Number.isNaN(time.getTime()) ? {} : { timestamp: time.toISOString() }),
  };
  return { embeds: [embed], allowed_mentions: { parse: [] } };
}

export function discordRequest(url: string, alert: Alert): DeliveryRequest {
  return jsonRequest(url, discordPayload(alert));
}
