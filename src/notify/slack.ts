/**
 * Slack incoming webhook: `text` is the notification fallback, the headline its one top-level block, and the
 * rest (threats, quotes, source) one attachment whose bar is coloured by severity. Typed with @slack/types
 * (types only: nothing of it reaches the bundle).
 */
import type { ContextBlock, KnownBlock, MessageAttachment, SectionBlock } from '@slack/types';
import type { Alert } from '../schema';
import { severityOf } from './severity';
import { escapeSlack, safeHttpUrl } from './escape';
import { jsonRequest, type DeliveryRequest } from './request';
import { corroborationText, fitEscaped, headline, isoTime, quoteLines, quoteText, sourceLabel, threatsLine, type AlertLinks } from './text';

// Block Kit limits: section and context-element text 3,000 characters, 50 blocks per message (the headline
// block and the attachment's blocks together, to be safe).
const SECTION_MAX = 3_000;
const MAX_BLOCKS = 50;
// The footer is one context element: link target + `<|>` + outlet + `: “…”` + headline + corroboration + time +
// separators, each bounded after escaping (`&` in a URL becomes `&amp;`), so the whole stays under 3,000
// (1,500 + 3 + 200 + 4 + 250 + 1,000 + 20 + 6 = 2,983).
const HREF_MAX = 1_500;
const OUTLET_MAX = 200;
const ARTICLE_TITLE_MAX = 250;
const CORROBORATION_MAX = 1_000;

/** What Slack's incoming webhook accepts, as far as we use it. */
export interface SlackPayload {
  text: string;
  blocks: KnownBlock[];
  attachments: [MessageAttachment & { color: string; blocks: KnownBlock[] }];
}

const section = (text: string): SectionBlock => ({ type: 'section', text: { type: 'mrkdwn', text } });

export function slackPayload(alert: Alert, links: AlertLinks = {}): SlackPayload {
  // Not wrapped in *bold*: Slack has no way to escape an article's own `*`, which would end the bold early.
  const head = fitEscaped(headline(alert), SECTION_MAX, escapeSlack);
  // The incident page as a link after the headline, when PUBLIC_URL is set (the headline itself stays plain text).
  const incident = links.incident ? slackLink(links.incident, 'Incident page') : null;
  const top: KnownBlock[] = [section(incident && head.length + incident.length + 3 <= SECTION_MAX ? `${head} \u00b7 ${incident}` : head)];
  const details: KnownBlock[] = [];
  const threats = threatsLine(alert);
  if (threats) details.push(section(fitEscaped(threats, SECTION_MAX, escapeSlack)));

  const quotes = quoteLines(alert).map((q) => section(`>${fitEscaped(quoteText(q), SECTION_MAX - 1, escapeSlack)}`));
  const room = MAX_BLOCKS - top.length - details.length - 1;
  const shown = quotes.length > room ? [...quotes.slice(0, room - 1), section(`_\u2026and ${quotes.length - room + 1} more quotes_`)] : quotes;

  // `Outlet: “headline”`, linked to the article.
  const label = sourceLabel(alert, escapeSlack, OUTLET_MAX, ARTICLE_TITLE_MAX);
  const source = slackLink(alert.url, label) ?? label;
  const corroboration = corroborationText(alert);
  const context = [source, corroboration && fitEscaped(corroboration, CORROBORATION_MAX, escapeSlack), isoTime(alert.published_ms)]
    .filter((p): p is string => !!p)
    .join(' \u00b7 ');

  const footer: ContextBlock = { type: 'context', elements: [{ type: 'mrkdwn', text: context }] };
  return {
    text: head,
    blocks: top,
    attachments: [{ color: severityOf(alert).slack, blocks: [...details, ...shown, footer] }],
  };
}

/** `<href|label>`, or null when the URL is unsafe or, escaped, too long to link (then the label stands alone). */
function slackLink(url: string | undefined, label: string): string | null {
  // A parsed href has `<`/`>` percent-encoded already; `&` must be an entity and `|` would end the target.
  const href = safeHttpUrl(url)?.replace(/&/g, '&amp;').replace(/\|/g, '%7C');
  // Measured as sent: a URL of many `&` grows fivefold when escaped.
  return href && href.length <= HREF_MAX ? `<${href}|${label}>` : null;
}

export function slackRequest(url: string, alert: Alert, links: AlertLinks = {}): DeliveryRequest {
  return jsonRequest(url, slackPayload(alert, links));
}
