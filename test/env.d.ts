// Types `env` and `exports` from cloudflare:workers in tests.
declare global {
  namespace Cloudflare {
    interface Env extends import('../src/env').Env {}
    interface GlobalProps {
      mainModule: typeof import('../src/index');
      durableNamespaces: 'IncidentTracker' | 'IncidentIndex' | 'DeliveryLedger' | 'RateLimiter';
    }
  }
}
export {};
