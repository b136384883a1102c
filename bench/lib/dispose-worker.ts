// Disposing a worker from wrangler's `unstable_startWorker` without its teardown race printing an error (bench and e2e tests).

/** Disposes a worker from `unstable_startWorker` without wrangler's teardown race printing an error (below). */
export async function disposeWorker(worker: { dispose(): Promise<void> }): Promise<void> {
  const restore = quietTeardownRace();
  try {
    await worker.dispose();
    // A moment for wrangler's last teardown logs, so they still fall inside the quiet window.
    await new Promise((r) => setTimeout(r, 200));
  } finally {
    restore();
  }
}

/**
 * The one error line wrangler 4.86 can print while a worker it started is disposed. Its dev bundler always runs
 * esbuild in watch mode, and the bundle's stop() (wrangler-dist/cli.js, bundleWorker) removes the bundle's tmp
 * directory (.wrangler/tmp/bundle-…, holding the generated middleware-loader.entry.ts) before it disposes the
 * esbuild context: when esbuild's watcher polls in between (likelier on a loaded machine), it rebuilds, cannot
 * find the entry and wrangler logs "✘ [ERROR] Build failed … Could not resolve …middleware-loader.entry.ts".
 * Nothing is rebuilt or served afterwards (the worker is already gone), and awaiting dispose or giving each worker
 * its own directory cannot prevent it (each already has its own, and dispose is awaited). So during dispose only
 * that exact message is dropped; any other error still prints.
 */
function quietTeardownRace(): () => void {
  const real = console.error;
  console.error = (...args: unknown[]) => {
    const text = args.map(String).join(' ');
    if (text.includes('Build failed') && text.includes('middleware-loader.entry.ts')) return;
    real.apply(console, args);
  };
  return () => {
    console.error = real;
  };
}

