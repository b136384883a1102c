// Bench-only worker (never deployed): runs the extractor `iterations` times over the posted
// articles. Timers inside workerd do not advance during synchronous work, so the caller
// times the request and subtracts an iterations=0 request for the same payload.
import { extract } from '../../src/extract/index';

interface Body { articles: Array<{ text: string; title?: string; published?: string }>; iterations: number }

export default {
  async fetch(req: Request): Promise<Response> {
    if (req.method !== 'POST') return new Response('POST {articles, iterations}', { status: 405 });
    const body = (await req.json()) as Body;
    let checksum = 0;
    const t0 = Date.now();
    for (let i = 0; i < body.iterations; i++) {
      for (const a of body.articles) checksum += Object.keys(extract(a).casualties).length;
    }
    return Response.json({ iterations: body.iterations, articles: body.articles.length, checksum, inWorkerMs: Date.now() - t0 });
  },
};
