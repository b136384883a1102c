// One thread per incident: the pure parts (requests, answers, figures) the queue consumer drives.
export { currentFiguresAlert, figureKey, mergeFigures, ThreadFigures } from './figures';
export { DISCORD_NONCE_MAX, discordBotPost, discordNonce } from './discord-bot';
export { classifyApiResponse, SLACK_RETRYABLE_ERRORS } from './outcome';
export { MessageRef } from './ref';
export { deliveryMode, editFirstRequest, firstMessageRequest, postedMessageRef, replyRequest, threadName, type ApiDestination } from './requests';
export { SLACK_METADATA_EVENT, slackLookupRequest, slackPostedTs } from './slack-recovery';
