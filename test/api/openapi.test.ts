// The OpenAPI document covers every route the app serves, and the docs page shows every one of them.
import { describe, expect, it } from 'vitest';
import { exports } from 'cloudflare:workers';
import { app } from '../../src/index';
import { openApiDocument } from '../../src/routes/openapi';

/** `METHOD /path/{param}` for each handler the app registered (middleware entries are `ALL`). */
function servedRoutes(): string[] {
  const routes = app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path.replace(/:([A-Za-z_]+)/g, '{$1}')}`);
  return [...new Set(routes)].sort();
}

function documentedRoutes(): string[] {
  const doc = openApiDocument();
  return Object.entries(doc.paths ?? {})
    .flatMap(([path, item]) => Object.keys(item ?? {}).filter((k) => ['get', 'post', 'put', 'patch', 'delete'].includes(k)).map((m) => `${m.toUpperCase()} ${path}`))
    .sort();
}

describe('OpenAPI document', () => {
  it('lists exactly the routes the app serves', () => {
    const served = servedRoutes();
    // Sanity: the app has its API, its health check and its dashboard routes.
    expect(served).toEqual(expect.arrayContaining(['POST /v1/articles', 'GET /health', 'GET /v1/incidents/{key}', 'POST /v1/dead-letters/{id}/redrive', 'GET /incidents/{key}']));
    expect(documentedRoutes()).toEqual(served);
  });

  it('declares every path parameter and a JSON error for every 4xx of the JSON API', () => {
    const doc = openApiDocument();
    for (const [path, item] of Object.entries(doc.paths ?? {})) {
      for (const method of ['get', 'post'] as const) {
        const op = item?.[method];
        if (!op) continue;
        const declared = (op.parameters ?? []).filter((p) => 'in' in p && p.in === 'path').map((p) => ('name' in p ? p.name : ''));
        const inPath = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
        expect(declared.sort(), `${method} ${path}`).toEqual(inPath.sort());
        if (!path.startsWith('/v1/') || path === '/v1/docs') continue;
        for (const [status, response] of Object.entries(op.responses ?? {})) {
          if (!status.startsWith('4')) continue;
          const schema = 'content' in response ? response.content?.['application/json']?.schema : undefined;
          expect(schema, `${method} ${path} ${status}`).toEqual({ $ref: '#/components/schemas/Error' });
        }
      }
    }
  });

  it('is served with a docs page naming every route, without a token and without scripts', async () => {
    const res = await exports.default.fetch('http://tollwatch.test/v1/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const page = await res.text();
    expect(page).not.toContain('<script');
    for (const route of documentedRoutes()) {
      const [method, path] = route.split(' ');
      expect(page, route).toContain(`id="${method?.toLowerCase()}-${path}"`);
    }
    expect(page).toContain('id="schema-ArticleInput"');
  });
});
