// Values built on first use and kept: module-level schemas that would otherwise all be built at start-up.

/*
 * Every Zod schema made at module level is built while the isolate starts, before any request: about half of
 * start-up CPU (building and the garbage it leaves, bench/startup.ts). `lazy(() => z.object(...))` returns a
 * stand-in that builds the schema the first time anything touches it (a method, a property, `instanceof`) and
 * forwards everything to it from then on, so `X.parse`, `X.extend`, `z.infer<typeof X>` and schemas nested in
 * other schemas behave as before. A schema another module-level schema derives from must be lazy there too, or
 * deriving would build it at start-up.
 */
export function lazy<T extends object>(build: () => T): T {
  let value: T | undefined;
  const target = (): T => (value ??= build());
  return new Proxy({} as T, {
    get: (_, key) => Reflect.get(target(), key),
    set: (_, key, v) => Reflect.set(target(), key, v),
    has: (_, key) => Reflect.has(target(), key),
    ownKeys: () => Reflect.ownKeys(target()),
    // The stand-in itself holds nothing, so no property may be reported as fixed (a Proxy invariant).
    getOwnPropertyDescriptor: (_, key) => {
      const d = Reflect.getOwnPropertyDescriptor(target(), key);
      return d && { ...d, configurable: true };
    },
    defineProperty: (_, key, d) => Reflect.defineProperty(target(), key, d),
    deleteProperty: (_, key) => Reflect.deleteProperty(target(), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(target()),
  });
}
