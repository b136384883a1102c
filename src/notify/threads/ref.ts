// What identifies a posted chat message for a later reply or edit, per platform, as stored with the incident's thread.
import * as z from 'zod';
import { lazy } from '../../lib/lazy';

export const MessageRef = lazy(() =>
  z.discriminatedUnion('platform', [
    /** Slack: the channel id the API answered (not the configured name) and the message's ts. */
    z.object({ platform: z.literal('slack'), channel: z.string().min(1), ts: z.string().min(1) }),
    /** Discord: the message id; in a forum channel, the post (thread) it opened, which replies and edits name. */
    z.object({ platform: z.literal('discord'), id: z.string().min(1), thread_id: z.string().min(1).optional() }),
    z.object({ platform: z.literal('telegram'), message_id: z.number().int() }),
  ]),
);
export type MessageRef = z.infer<typeof MessageRef>;
