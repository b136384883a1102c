import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';
import { CSS } from './styles';
import { formatDateTime, isoOf } from './format';

export interface LayoutProps {
  title: string;
  nonce: string;
  generatedMs: number;
  /** Show the sign-out button (a session cookie is in use and the dashboard is not public). */
  signedIn: boolean;
  children?: Child;
}

/** The <head> every server-rendered page shares: its one stylesheet carries the response's CSP nonce. */
export function PageHead({ title, nonce, css }: { title: string; nonce: string; css: string }) {
  return (
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="color-scheme" content="light dark" />
      <meta name="robots" content="noindex, nofollow" />
      <title>{title}</title>
      <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
      <style nonce={nonce} dangerouslySetInnerHTML={{ __html: css }} />
    </head>
  );
}

/** The page shell: header with generation time, skip link, nonce'd inline stylesheet, no scripts. */
export function Layout({ title, nonce, generatedMs, signedIn, children }: LayoutProps) {
  return (
    <>
      {raw('<!doctype html>')}
      <html lang="en">
        <PageHead title={title} nonce={nonce} css={CSS} />
        <body>
          <a class="skip" href="#main">
            Skip to content
          </a>
          <header class="top">
            <div class="in">
              <a class="brand" href="/">
                tollwatch
              </a>
              <p class="gen">
                Generated <time datetime={isoOf(generatedMs)}>{formatDateTime(generatedMs)}</time>
              </p>
              {signedIn ? (
                <form method="post" action="/logout">
                  <button type="submit">Sign out</button>
                </form>
              ) : null}
            </div>
          </header>
          <main id="main">{children}</main>
        </body>
      </html>
    </>
  );
}

/** Per-response random nonce for the stylesheet, so the CSP can forbid every other inline style and script. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export function htmlHeaders(nonce: string): Record<string, string> {
  return {
    'content-security-policy': `default-src 'none'; style-src 'nonce-${nonce}'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
    'x-frame-options': 'DENY',
  };
}
