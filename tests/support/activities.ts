/** Bot Framework activities as Teams sends them to /api/messages, for tests. */
import { randomUUID } from 'node:crypto';

export interface Who {
  aad: string;
  userId: string;
  conversationId: string;
}

export function activity(
  serviceUrl: string,
  who: Who,
  extra: Record<string, unknown>,
): Record<string, unknown> {
  return {
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl,
    timestamp: new Date().toISOString(),
    from: { id: who.userId, aadObjectId: who.aad, name: 'Test user' },
    recipient: { id: 'bot-id', name: 'Hearth' },
    conversation: { id: who.conversationId, conversationType: 'personal', tenantId: 'tenant-1' },
    channelData: { tenant: { id: 'tenant-1' } },
    ...extra,
  };
}

export const message = (serviceUrl: string, who: Who, text: string) =>
  activity(serviceUrl, who, { type: 'message', text });

export const install = (serviceUrl: string, who: Who, action: 'add' | 'remove' = 'add') =>
  activity(serviceUrl, who, { type: 'installationUpdate', action });

export const execute = (serviceUrl: string, who: Who, verb: string, data: Record<string, unknown>) =>
  activity(serviceUrl, who, {
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  });
