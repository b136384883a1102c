// Types `env` and `exports` from cloudflare:workers in tests: the generated Cloudflare.Env plus the settings
// wrangler.jsonc does not declare (tests set secrets such as WEBHOOK_SECRETS through Miniflare bindings).
import type { UndeclaredSettings } from '../src/env';

declare global {
  namespace Cloudflare {
    interface Env extends UndeclaredSettings {}
  }
}
