// Global setup of the workerd suites: starts, on 127.0.0.1, the chat destination the worker under test is
// configured with (vitest.config.ts), and fails the run if the runtime printed an error line while it passed.
import type { TestProject } from 'vitest/node';
import { startChatSink } from '../scripts/chat-sink';
import { guardOutput } from './output-guard';

declare module 'vitest' {
  export interface ProvidedContext {
    /** SLACK_WEBHOOK_URL of the worker under test: the stand-in's /slack route, path shaped like Slack's. */
    slackWebhookUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // An alert no test captures (the queue consumer runs on after a test ends) reaches this stand-in, which
  // answers like Slack, instead of an unresolvable host whose DNS failure workerd prints with a stack trace.
  const sink = await startChatSink({ port: 0, quiet: true });
  project.provide('slackWebhookUrl', `${sink.url}/slack/services/T000/B000/XXXX`);
  const guard = guardOutput();
  return async () => {
    // The filter stays: the pool closes the last runner's socket after this teardown.
    await sink.close();
    if (guard.noise.length > 0) {
      // Vitest reports an error thrown here but still exits 0, so the exit code is set as well.
      process.exitCode = 1;
      throw new Error(
        `the tests passed, but the runtime printed ${guard.noise.length} error line(s); find what caused each:\n  ${guard.noise.join('\n  ')}`,
      );
    }
  };
}
