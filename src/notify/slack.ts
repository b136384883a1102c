/** Slack incoming webhook: `text` is the notification fallback, `blocks` the message. */
import type { Alert } from '../schema';
import { escapeSlack, safeHttpUrl } from './escape';
import { jsonRequest, type DeliveryRequest } from './request';
import { corroborationText, fitEscaped, headline, isoTime, outletName, quoteLines, quoteText, threatsLine } from './text';

// Block Kit limits: section and context-element text 3,000 characters, 50 blocks per message.
const SECTION_MAX = 3_000;
const MAX_BLOCKS = 50;
// The footer is one context element: link target + outlet + corroboration + time + separators, each bounded
// after escaping (`&` in a URL becomes `&amp;`), so the whole stays under 3,000 (1,500 + 200 + 1,000 + 20 + 9).
const HREF_MAX = 1_500;
const OUTLET_MAX = 200;
const CORROBORATION_MAX = 1_000;

type TextObject = { type: 'mrkdwn'; text: string };
type Block = { type: 'section'; text: TextObject } | { type: 'context'; elements: TextObject[] };

const section = (text: string): Block => ({ type: 'section', text: { type: 'mrkdwn', text } });

export function slackPayload(alert: Alert): { text: string; blocks: Block[] } {
  // Not wrapped in *bold*: Slack has no way to escape an article's own `*`, which would end the bold early.
  const head = fitEscaped(headline(alert), SECTION_MAX, escapeSlack);
  const top: Block[] = [section(head)];
  const threats = threatsLine(alert);
  if (threats) top.push(section(fitEscaped(threats, SECTION_MAX, escapeSlack)));

  const quotes = quoteLines(alert).map((q) => section(`>${fitEscaped(quoteText(q), SECTION_MAX - 1, escapeSlack)}`));
  const room = MAX_BLOCKS - top.length - 1;
  const shown = quotes.length > room ? [...quotes.slice(0, room - 1), section(`_\u2026and ${quotes.length - room + 1} more quotes_`)] : quotes;

  const outlet = fitEscaped(outletName(alert), OUTLET_MAX, escapeSlack);
  // A parsed href has `<`/`>` percent-encoded already; `&` must be an entity and `|` would end the target.
  const href = safeHttpUrl(alert.url)?.replace(/&/g, '&amp;').replace(/\|/g, '%7C');
  // Measured as sent: a URL of many `&` grows fivefold when escaped. Too long to link, the outlet stands alone.
  const source = href && href.length <= HREF_MAX ? `<${href}|${outlet}>` : outlet;
  const corroboration = corroborationText(alert);
  const context = [source, corroboration && fitEscaped(corroboration, CORROBORATION_MAX, escapeSlack), isoTime(alert.published_ms)]
    .filter((p): p is string => !!p)
    .join(' \u00b7 ');

  return {
    text: head,
    blocks: [...top, ...shown, { type: 'context', elements: [{ type: 'mrkdwn', text: context }] }],
  };
}

export function slackRequest(url: string, alert: Alert): DeliveryRequest {
  return jsonRequest(url, slackPayload(alert));
}
