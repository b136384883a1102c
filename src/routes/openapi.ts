// The OpenAPI 3.1 document of every route, generated from the Zod schemas the handlers use.
import { extendZodWithOpenApi, OpenAPIRegistry, OpenApiGeneratorV31, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import * as z from 'zod';
import { DEFAULT_LIMIT } from '../dashboard/paging';
import { ArticleInput, ArticleResult, ErrorBody } from '../schema';
import {
  CloseBody,
  CloseResult,
  DeadLetterList,
  Health,
  MergeBody,
  MergeResult,
  MoveBody,
  MoveResult,
  MuteBody,
  MuteResult,
  RedriveBody,
  RedriveResult,
} from './api-schemas';
import { IncidentDetail, IncidentList } from './incidents';

/*
 * The generator is @asteasolutions/zod-to-openapi, the engine of @hono/zod-openapi, used directly:
 * @hono/zod-openapi imports zod as one `z` object, which defeats tree-shaking and doubled the bundle
 * (407 → 798 KiB, gzip 143 → 220 KiB, `wrangler deploy --dry-run`). It only needs `ZodType` to add `.openapi()`.
 * Handlers keep their own checks (signature before parsing, 413 before buffering, our error shape), so routes are
 * registered here as contracts rather than through `app.openapi()`'s validators. test/api/openapi.test.ts fails
 * when a route the app serves is missing from this list.
 */

/*
 * Everything below is built inside apiRoutes(), on the first request for the document, not at module level:
 * extending Zod, cloning the named schemas and building every route's schemas cost start-up CPU that no webhook
 * needs (bench/startup.ts). The document is generated once per isolate and kept, so it is built exactly as before.
 */
function apiRoutes(): RouteConfig[] {
  extendZodWithOpenApi({ ZodType: z.ZodType } as unknown as typeof z);

  // Named components: the document and the docs page show each big schema once and refer to it by name.
  // zod copies methods onto each schema when it is made, so `.openapi` exists only on schemas made after
  // extendZodWithOpenApi ran: clone the app's schemas (made earlier, elsewhere) before naming them.
  const ArticleInputDoc = ArticleInput.clone().openapi('ArticleInput');
  const ArticleResultDoc = ArticleResult.clone().openapi('ArticleResult');
  const IncidentListDoc = IncidentList.clone().openapi('IncidentList');
  const IncidentDetailDoc = IncidentDetail.clone().openapi('IncidentDetail');
  const HealthDoc = Health.clone().openapi('Health');
  const DeadLetterListDoc = DeadLetterList.clone().openapi('DeadLetterList');
  const ErrorDoc = ErrorBody.clone().openapi('Error');

  const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
  const html = (description: string) => ({ description, content: { 'text/html': { schema: z.string() } } });
  const error = (description: string) => json(ErrorDoc, description);
  const jsonBody = <T extends z.ZodType>(schema: T) => ({ required: true, content: { 'application/json': { schema } } });

  const unauthorized = error('missing or wrong READ_TOKEN');
  const readSecurity: Record<string, string[]>[] = [{ readToken: [] }, { session: [] }];
  /** The dashboard is public when DASHBOARD_PUBLIC is on, else it needs the session cookie. */
  const dashboardSecurity: Record<string, string[]>[] = [{ session: [] }, {}];
  const writeErrors = {
    400: error('empty, partial or invalid body (details.issues names each field)'),
    401: unauthorized,
    403: error('signed in with the cookie but not sent from the dashboard (cross_site)'),
    404: error('no such incident or report'),
    413: error('body over 1 MiB'),
    415: error('not application/json'),
  };
  const IncidentKeyParam = z.object({ key: z.string().min(1).describe('incident key, e.g. 2020-01-07-kerman-stampede') });

  /** Identity, so each entry is checked as a RouteConfig where it is written. */
  const route = (config: RouteConfig): RouteConfig => config;

  /** An incident care action: POST /v1/incidents/{key}/<action>, JSON body in, the changed state out. */
  function careRoute(action: string, summary: string, params: z.ZodObject, body: z.ZodType, result: z.ZodType): RouteConfig {
    return route({
      method: 'post',
      path: `/v1/incidents/{key}/${action}`,
      tags: ['incident care'],
      summary,
      security: readSecurity,
      request: { params, body: jsonBody(body) },
      responses: { 200: json(result, 'done'), ...writeErrors },
    });
  }

  return [
    route({
      method: 'post',
      path: '/v1/articles',
      tags: ['ingest'],
      summary: 'Extract, file under an incident, track, alert',
      security: [{ webhookSignature: [] }, { ingestToken: [] }] as Record<string, string[]>[],
      request: {
        headers: z.object({
          'webhook-id': z.string().max(200).optional().describe('Standard Webhooks message id (the idempotency key)'),
          'webhook-timestamp': z.string().optional().describe('Unix seconds, within ±5 minutes'),
          'webhook-signature': z.string().optional().describe('v1,<base64 HMAC-SHA256 of id.timestamp.body>'),
        }),
        body: jsonBody(ArticleInputDoc),
      },
      responses: {
        200: json(ArticleResultDoc, 'the article as extracted and filed, with the changes it made and its alert'),
        400: error('invalid JSON or fields (details.issues names each field)'),
        401: error('bad signature or token'),
        403: error('no WEBHOOK_SECRETS or INGEST_TOKENS configured'),
        409: error('an id reused for another body'),
        413: error('body over 1 MiB'),
        415: error('not application/json'),
        422: error('not English'),
        429: error('rate limited; see Retry-After'),
      },
    }),
    route({
      method: 'get',
      path: '/health',
      tags: ['operations'],
      summary: 'Liveness, dead-letter depth, last delivery per destination',
      responses: { 200: json(HealthDoc, 'configuration valid'), 503: json(HealthDoc, 'a setting is malformed; config_error names it') },
    }),
    route({
      method: 'get',
      path: '/v1/incidents',
      tags: ['read'],
      summary: 'Recent incidents, newest activity first',
      security: readSecurity,
      request: {
        query: z.object({
          limit: z.coerce.number().int().min(1).max(100).default(DEFAULT_LIMIT).optional(),
          cursor: z.string().optional().describe('next_cursor from the previous page'),
        }),
      },
      responses: { 200: json(IncidentListDoc, 'a page of incidents'), 400: error('bad limit or cursor'), 401: unauthorized },
    }),
    route({
      method: 'get',
      path: '/v1/incidents/{key}',
      tags: ['read'],
      summary: 'One incident: current figures and the full timeline',
      security: readSecurity,
      request: { params: IncidentKeyParam },
      responses: { 200: json(IncidentDetailDoc, 'the incident'), 401: unauthorized, 404: error('no incident with that key') },
    }),
    careRoute('merge', 'Move every report into another incident and recompute', IncidentKeyParam, MergeBody, MergeResult),
    careRoute('reports/{articleId}/move', 'Move one report to another incident, or to a new one', IncidentKeyParam.extend({ articleId: z.string().min(1) }), MoveBody, MoveResult),
    careRoute('mute', 'Keep tracking, stop (or resume) alerting', IncidentKeyParam, MuteBody, MuteResult),
    careRoute('close', 'Close (or reopen): a closed incident is matched by no new report', IncidentKeyParam, CloseBody, CloseResult),
    route({
      method: 'get',
      path: '/v1/dead-letters',
      tags: ['operations'],
      summary: 'Alerts that could not be delivered, with the reason',
      security: readSecurity,
      responses: { 200: json(DeadLetterListDoc, 'every dead letter'), 401: unauthorized },
    }),
    route({
      method: 'post',
      path: '/v1/dead-letters/{id}/redrive',
      tags: ['operations'],
      summary: 'Put a dead letter back on the delivery queue',
      security: readSecurity,
      request: { params: z.object({ id: z.coerce.number().int().positive() }), body: jsonBody(RedriveBody) },
      responses: {
        202: json(RedriveResult, 'queued again'),
        ...writeErrors,
        409: error('another request is re-driving it'),
        503: error('the queue refused it; the letter is kept'),
      },
    }),
    route({
      method: 'get',
      path: '/v1/openapi.json',
      tags: ['documentation'],
      summary: 'This document',
      responses: { 200: { description: 'OpenAPI 3.1', content: { 'application/json': { schema: z.record(z.string(), z.unknown()) } } } },
    }),
    route({ method: 'get', path: '/v1/docs', tags: ['documentation'], summary: 'This document as a page', responses: { 200: html('the API reference') } }),
    route({ method: 'get', path: '/', tags: ['dashboard'], summary: 'Dashboard: incidents, figures, charts', security: dashboardSecurity, responses: { 200: html('the incident list'), 302: { description: 'to /login' } } }),
    route({
      method: 'get',
      path: '/table',
      tags: ['dashboard'],
      summary: 'Dense incident table, filtered by type, country, change date and text, sortable',
      security: dashboardSecurity,
      request: {
        query: z.object({
          type: z.string().optional(),
          country: z.string().optional().describe('the widest place of an incident'),
          since: z.string().optional().describe('YYYY-MM-DD: figures changed on or after this day (UTC)'),
          q: z.string().optional().describe('text in the title, key or places'),
          sort: z.enum(['recent', 'toll', 'title']).optional(),
        }),
      },
      responses: { 200: html('the table'), 302: { description: 'to /login' }, 400: html('a filter is malformed; the form says which') },
    }),
    route({ method: 'get', path: '/dashboard', tags: ['dashboard'], summary: 'Dashboard (same as /)', security: dashboardSecurity, responses: { 200: html('the incident list'), 302: { description: 'to /login' } } }),
    route({
      method: 'get',
      path: '/incidents/{key}',
      tags: ['dashboard'],
      summary: "One incident's page and timeline",
      security: dashboardSecurity,
      request: { params: IncidentKeyParam },
      responses: { 200: html('the incident'), 302: { description: 'to /login' }, 404: html('no such incident') },
    }),
    route({ method: 'get', path: '/login', tags: ['dashboard'], summary: 'Sign-in form', responses: { 200: html('the form') } }),
    route({
      method: 'post',
      path: '/login',
      tags: ['dashboard'],
      summary: 'Enter the READ_TOKEN once; sets an HttpOnly, Secure, SameSite=Strict cookie',
      request: { body: { required: true, content: { 'application/x-www-form-urlencoded': { schema: z.object({ token: z.string(), next: z.string().optional() }) } } } },
      responses: { 303: { description: 'signed in; to `next`' }, 401: html('wrong token'), 403: html('not from the dashboard'), 413: html('form too large'), 429: html('too many attempts') },
    }),
    route({ method: 'post', path: '/logout', tags: ['dashboard'], summary: 'Forget the session cookie', responses: { 303: { description: 'to /login' }, 403: html('not from the dashboard') } }),
    route({ method: 'get', path: '/favicon.svg', tags: ['dashboard'], summary: 'Icon', responses: { 200: { description: 'SVG', content: { 'image/svg+xml': { schema: z.string() } } } } }),
    route({ method: 'get', path: '/favicon.ico', tags: ['dashboard'], summary: 'Icon (redirect)', responses: { 301: { description: 'to /favicon.svg' } } }),
  ];
}

type OpenApiDocument = ReturnType<OpenApiGeneratorV31['generateDocument']>;
let documentCache: OpenApiDocument | null = null;

/** OpenAPI 3.1 for every route, generated once per isolate. */
export function openApiDocument(): OpenApiDocument {
  if (documentCache) return documentCache;
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'webhookSignature', {
    type: 'apiKey',
    in: 'header',
    name: 'webhook-signature',
    description: 'Standard Webhooks: with webhook-id and webhook-timestamp, signed with a WEBHOOK_SECRETS secret',
  });
  registry.registerComponent('securitySchemes', 'ingestToken', { type: 'http', scheme: 'bearer', description: 'one of INGEST_TOKENS' });
  registry.registerComponent('securitySchemes', 'readToken', { type: 'http', scheme: 'bearer', description: 'the READ_TOKEN secret' });
  registry.registerComponent('securitySchemes', 'session', { type: 'apiKey', in: 'cookie', name: 'tollwatch_session', description: 'set by POST /login' });
  for (const r of apiRoutes()) registry.registerPath(r);
  documentCache = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'tollwatch API',
      version: '1',
      description: 'Articles in by webhook; incidents, figures, incident care and dead letters out. Errors are always {"error": {"code", "message", "details"}}.',
    },
  });
  return documentCache;
}
