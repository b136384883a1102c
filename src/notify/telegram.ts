/**
 * Telegram Bot API sendMessage with parse_mode HTML: its escaping is three characters (plus `"` in
 * attributes), far less error-prone than MarkdownV2's eighteen. Typed with @grammyjs/types (types only).
 */
import type { ApiMethods } from '@grammyjs/types';
import type { Alert } from '../schema';
import { escapeTelegramAttr, escapeTelegramHtml, safeHttpUrl } from './escape';
import { jsonRequest, type DeliveryRequest } from './request';
import { corroborationText, fitEscaped, headline, isoTime, packLines, quoteLines, quoteText, sourceLabel, threatsLine, type AlertLinks } from './text';

// The limit is 4,096 characters after entity parsing; keeping the raw HTML under it is stricter and simpler.
const MESSAGE_MAX = 4_096;
const HEADLINE_MAX = 1_024;
const THREATS_MAX = 1_024;
const URL_MAX = 1_024;

/** sendMessage's parameters as the Bot API defines them, narrowed to what we send. */
type SendMessage = Parameters<ApiMethods<unknown>['sendMessage']>[0];
/** `link_preview_options` replaced the deprecated `disable_web_page_preview` in Bot API 7.0. */
export type TelegramPayload = SendMessage & { chat_id: string; text: string; parse_mode: 'HTML'; link_preview_options: { is_disabled: true } };

export function telegramText(alert: Alert, links: AlertLinks = {}): string {
  const head = `<b>${fitEscaped(headline(alert), HEADLINE_MAX, escapeTelegramHtml)}</b>`;

  const url = safeHttpUrl(alert.url);
  // `Outlet: “headline”` (≤ 454 escaped), linked to the article.
  const label = sourceLabel(alert, escapeTelegramHtml);
  const source = url && url.length <= URL_MAX ? `<a href="${escapeTelegramAttr(url)}">${label}</a>` : label;
  const corroboration = corroborationText(alert);
  const incidentUrl = safeHttpUrl(links.incident);
  const incident = incidentUrl && incidentUrl.length <= URL_MAX ? `<a href="${escapeTelegramAttr(incidentUrl)}">Incident page</a>` : null;
  const footer = [`Source: ${source}`, corroboration && fitEscaped(corroboration, 500, escapeTelegramHtml), isoTime(alert.published_ms), incident]
    .filter((p): p is string => !!p)
    .join(' \u00b7 ');

  const budget = MESSAGE_MAX - head.length - footer.length - 2;
  const threats = threatsLine(alert);
  const lines = [
    // Capped so one enormous threats line can't crowd out every quote: at most half of what a long footer
    // (linked URL, headline, corroboration) leaves.
    ...(threats ? [fitEscaped(threats, Math.min(Math.floor(budget / 2), THREATS_MAX), escapeTelegramHtml)] : []),
    ...quoteLines(alert).map((q) => fitEscaped(quoteText(q), budget, escapeTelegramHtml)),
  ];
  const body = packLines(lines, budget - 1, '\n');
  return [head, ...body, footer].join('\n');
}

export function telegramPayload(chatId: string, alert: Alert, links: AlertLinks = {}): TelegramPayload {
  return { chat_id: chatId, text: telegramText(alert, links), parse_mode: 'HTML', link_preview_options: { is_disabled: true } };
}

export function telegramRequest(apiBase: string, token: string, chatId: string, alert: Alert, links: AlertLinks = {}): DeliveryRequest {
  return jsonRequest(`${apiBase.replace(/\/+$/, '')}/bot${token}/sendMessage`, telegramPayload(chatId, alert, links));
}
