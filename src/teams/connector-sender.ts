/**
 * Proactive sends through the Bot Connector REST API (`POST {serviceUrl}/v3/conversations/{id}/
 * activities`), with a token for the bot's own identity. Written against the API rather than
 * through botbuilder's client because that client retries 429s and 5xx on its own, for up to a
 * minute, out of our sight: Hearth's delivery decides retries itself, shares one rate limit across
 * every send, and can time a request out. Errors carry the HTTP status and headers like the SDK's.
 */
import type { TokenCredential } from '@azure/identity';
import { ClientSecretCredential, ManagedIdentityCredential } from '@azure/identity';
import type { Config } from '../config';
import type { BotSender } from '../delivery/deliver';

const BOT_FRAMEWORK_SCOPE = 'https://api.botframework.com/.default';

export class ConnectorError extends Error {
  override name = 'ConnectorError';
  constructor(
    readonly statusCode: number,
    readonly response: { headers: Headers; bodyAsText: string },
  ) {
    super(`Bot Connector answered ${statusCode}: ${response.bodyAsText.slice(0, 200)}`);
  }
}

interface Reference {
  serviceUrl?: string;
  channelId?: string;
  conversation?: { id?: string; [key: string]: unknown };
  bot?: Record<string, unknown>;
  user?: Record<string, unknown>;
  locale?: string;
  activityId?: string;
}

export function botCredential(bot: NonNullable<Config['bot']>): TokenCredential {
  return bot.appType === 'UserAssignedMSI'
    ? new ManagedIdentityCredential({ clientId: bot.appId })
    : new ClientSecretCredential(bot.tenantId, bot.appId, bot.password ?? '');
}

/** `credential` undefined: local mode, where the Agents Playground needs no token. */
export function createConnectorSender(
  credential: TokenCredential | undefined,
  timeoutMs = 15_000,
): BotSender {
  return {
    async send(conversationReference, activity) {
      const reference = conversationReference as Reference;
      const serviceUrl = reference.serviceUrl?.replace(/\/+$/, '');
      const conversationId = reference.conversation?.id;
      if (!serviceUrl || !conversationId)
        throw new Error('the conversation reference has no serviceUrl or conversation id');
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (credential) {
        const token = await credential.getToken(BOT_FRAMEWORK_SCOPE);
        if (!token) throw new Error('no Bot Framework token for the bot identity');
        headers.authorization = `Bearer ${token.token}`;
      }
      const response = await fetch(
        `${serviceUrl}/v3/conversations/${encodeURIComponent(conversationId)}/activities`,
        {
          method: 'POST',
          headers,
          // As botbuilder's applyConversationReference does: the bot speaks, to the user, in their chat.
          body: JSON.stringify({
            ...activity,
            channelId: reference.channelId,
            serviceUrl: reference.serviceUrl,
            conversation: reference.conversation,
            from: reference.bot,
            recipient: reference.user,
            ...(reference.activityId ? { replyToId: reference.activityId } : {}),
            ...(reference.locale ? { locale: reference.locale } : {}),
          }),
          signal: AbortSignal.timeout(timeoutMs),
        },
      );
      const text = await response.text();
      if (!response.ok)
        throw new ConnectorError(response.status, { headers: response.headers, bodyAsText: text });
      try {
        return (JSON.parse(text) as { id?: string }).id;
      } catch {
        return undefined;
      }
    },
  };
}
