/**
 * Teams via a Workflows ("When a Teams webhook request is received") URL: one full-width Adaptive Card 1.4
 * whose headline container is styled by severity, with buttons to the incident page and the article.
 */
import type { Alert } from '../schema';
import { severityOf } from './severity';
import { escapeTeams, safeHttpUrl } from './escape';
import { jsonRequest, type DeliveryRequest } from './request';
import { corroborationText, fitEscaped, headline, isoTime, quoteLines, quoteText, sourceLabel, threatsLine, type AlertLinks } from './text';

// Teams rejects messages over 28 KB; leave room for the envelope Workflows adds when it posts the card.
export const TEAMS_MAX_BYTES = 27_000;
const HEADLINE_MAX = 2_000;
const URL_MAX = 2_048;

type TextBlock = { type: 'TextBlock'; text: string; wrap: true; weight?: 'Bolder'; size?: 'Medium'; isSubtle?: true };
type FactSet = { type: 'FactSet'; facts: { title: string; value: string }[] };
type OpenUrl = { type: 'Action.OpenUrl'; title: string; url: string };
/** A container's style paints its background: the severity colour where Adaptive Cards have one. */
type Container = { type: 'Container'; style: 'default' | 'accent' | 'warning' | 'attention'; bleed: true; items: TextBlock[] };

export function teamsPayload(alert: Alert, maxBytes = TEAMS_MAX_BYTES, links: AlertLinks = {}) {
  const headline_: TextBlock = { type: 'TextBlock', text: fitEscaped(headline(alert), HEADLINE_MAX, escapeTeams), wrap: true, weight: 'Bolder', size: 'Medium' };
  const head: Container = { type: 'Container', style: severityOf(alert).teams, bleed: true, items: [headline_] };
  const threats = threatsLine(alert);
  const threatBlock: TextBlock[] = threats ? [{ type: 'TextBlock', text: fitEscaped(threats, HEADLINE_MAX, escapeTeams), wrap: true }] : [];
  const quotes: TextBlock[] = quoteLines(alert).map((q) => ({ type: 'TextBlock', text: escapeTeams(quoteText(q)), wrap: true, isSubtle: true }));

  // `Outlet: “headline”`; the "Read the article" button below links it.
  const facts = [{ title: 'Source', value: sourceLabel(alert, escapeTeams) }];
  const corroboration = corroborationText(alert);
  if (corroboration) facts.push({ title: 'Corroboration', value: fitEscaped(corroboration, 1_000, escapeTeams) });
  const time = isoTime(alert.published_ms);
  if (time) facts.push({ title: 'Published', value: time });
  const button = (title: string, raw: string | undefined): OpenUrl[] => {
    const url = safeHttpUrl(raw);
    return url && url.length <= URL_MAX ? [{ type: 'Action.OpenUrl', title, url }] : [];
  };
  const actions: OpenUrl[] = [...button('Open the incident', links.incident), ...button('Read the article', alert.url)];

  const build = (shown: TextBlock[]) => ({
    type: 'message' as const,
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive' as const,
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard' as const,
          version: '1.4',
          // Without it Teams draws the card at a fixed narrow width, wrapping quotes into tall columns.
          msteams: { width: 'Full' as const },
          body: [head, ...threatBlock, ...shown, { type: 'FactSet', facts } satisfies FactSet],
          ...(actions.length > 0 ? { actions } : {}),
        },
      },
    ],
  });

  // Quotes are the only unbounded part; drop from the end until the card fits.
  const encoder = new TextEncoder();
  const size = (shown: TextBlock[]) => encoder.encode(JSON.stringify(build(shown))).length;
  if (size(quotes) <= maxBytes) return build(quotes);
  let lo = 0;
  let hi = quotes.length - 1;
  const more = (k: number): TextBlock[] => [...quotes.slice(0, k), { type: 'TextBlock', text: `\u2026and ${quotes.length - k} more`, wrap: true, isSubtle: true }];
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (size(more(mid)) <= maxBytes) lo = mid;
    else hi = mid - 1;
  }
  return build(more(lo));
}

export function teamsRequest(url: string, alert: Alert, links: AlertLinks = {}): DeliveryRequest {
  return jsonRequest(url, teamsPayload(alert, TEAMS_MAX_BYTES, links));
}
