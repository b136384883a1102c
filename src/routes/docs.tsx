// GET /v1/openapi.json and GET /v1/docs: the OpenAPI document, and the same document as a plain HTML page.
import { Hono } from 'hono';
import { raw } from 'hono/html';
import type { AppEnv } from '../app-env';
import { htmlHeaders, newNonce, PageHead } from '../dashboard/layout';
import { openApiDocument } from './openapi';

/*
 * The docs page is rendered on the server from the document: no CDN, no script (the dashboard's CSP applies),
 * nothing to keep in step by hand. Swagger UI or Scalar would need their bundles served or fetched from a CDN.
 */

export const apiDocs = new Hono<AppEnv>();

apiDocs.get('/openapi.json', (c) => c.json(openApiDocument()));
apiDocs.get('/docs', (c) => {
  const nonce = newNonce();
  return c.html(DocsPage({ nonce }), 200, htmlHeaders(nonce));
});

type Json = Record<string, unknown>;
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

const CSS = `
body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:72rem;padding:1rem;color:#1b1b1b;background:#fff}
@media (prefers-color-scheme:dark){body{color:#e6e6e6;background:#141414}code,pre{background:#222!important}}
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #8884}h3{font-size:1rem;margin:1.2rem 0 .3rem}
code,pre{font:13px/1.4 ui-monospace,monospace;background:#f3f3f3;border-radius:3px}code{padding:0 .25em}
pre{padding:.6rem;overflow-x:auto;white-space:pre-wrap;overflow-wrap:anywhere}
.m{display:inline-block;min-width:3.2rem;font-weight:700;text-transform:uppercase}
table{border-collapse:collapse;width:100%;margin:.3rem 0}td,th{border:1px solid #8884;padding:.2rem .4rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}
nav a{margin-right:1rem}`;

/** `#/components/schemas/Name` → a link to that schema's section; anything else as compact JSON. */
function SchemaRef({ schema }: { schema: unknown }) {
  const ref = (schema as Json | undefined)?.$ref;
  if (typeof ref === 'string') {
    const name = ref.split('/').pop() ?? ref;
    return <a href={`#schema-${name}`}>{name}</a>;
  }
  return <code>{JSON.stringify(schema)}</code>;
}

function Content({ content }: { content: unknown }) {
  if (!content || typeof content !== 'object') return <></>;
  return (
    <>
      {Object.entries(content as Json).map(([type, media]) => (
        <div>
          <code>{type}</code>: <SchemaRef schema={(media as Json).schema} />
        </div>
      ))}
    </>
  );
}

function Operation({ method, path, op }: { method: string; path: string; op: Json }) {
  const params = (op.parameters as Json[] | undefined) ?? [];
  const security = (op.security as Json[] | undefined)?.map((s) => Object.keys(s).join(' + ') || 'none').join(' or ');
  const body = op.requestBody as Json | undefined;
  return (
    <section id={`${method}-${path}`}>
      <h3>
        <span class="m">{method}</span> <code>{path}</code>
      </h3>
      <p>
        {String(op.summary ?? '')}
        {security ? <> · auth: {security}</> : null}
      </p>
      {params.length > 0 ? (
        <table>
          <tr>
            <th>parameter</th>
            <th>in</th>
            <th>required</th>
            <th>schema</th>
          </tr>
          {params.map((p) => (
            <tr>
              <td>
                <code>{String(p.name)}</code>
              </td>
              <td>{String(p.in)}</td>
              <td>{p.required ? 'yes' : 'no'}</td>
              <td>
                <SchemaRef schema={p.schema} />
              </td>
            </tr>
          ))}
        </table>
      ) : null}
      {body ? (
        <p>
          body: <Content content={body.content} />
        </p>
      ) : null}
      <table>
        <tr>
          <th>status</th>
          <th>meaning</th>
          <th>body</th>
        </tr>
        {Object.entries((op.responses as Json | undefined) ?? {}).map(([status, r]) => (
          <tr>
            <td>{status}</td>
            <td>{String((r as Json).description ?? '')}</td>
            <td>
              <Content content={(r as Json).content} />
            </td>
          </tr>
        ))}
      </table>
    </section>
  );
}

function DocsPage({ nonce }: { nonce: string }) {
  const doc = openApiDocument() as unknown as Json;
  const info = doc.info as Json;
  const paths = Object.entries((doc.paths as Json | undefined) ?? {});
  const schemas = Object.entries(((doc.components as Json | undefined)?.schemas as Json | undefined) ?? {});
  return (
    <>
      {raw('<!doctype html>')}
      <html lang="en">
        <PageHead title={`${String(info.title)} — reference`} nonce={nonce} css={CSS} />
        <body>
          <h1>{String(info.title)}</h1>
          <p>{String(info.description ?? '')}</p>
          <nav>
            <a href="/v1/openapi.json">openapi.json</a>
            <a href="#schemas">schemas</a>
            <a href="/">dashboard</a>
          </nav>
          <h2>Routes</h2>
          {paths.flatMap(([path, item]) =>
            METHODS.filter((m) => (item as Json)[m]).map((m) => <Operation method={m} path={path} op={(item as Json)[m] as Json} />),
          )}
          <h2 id="schemas">Schemas</h2>
          {schemas.map(([name, schema]) => (
            <section id={`schema-${name}`}>
              <h3>{name}</h3>
              <pre>{JSON.stringify(schema, null, 2)}</pre>
            </section>
          ))}
        </body>
      </html>
    </>
  );
}
