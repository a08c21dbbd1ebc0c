/**
 * Feeds Azurite queue messages to queue functions the way the Functions host does: base64 JSON
 * decoded, a failed message retried after its visibility timeout, and after the fifth failed
 * attempt moved to `<queue>-poison` where it stays visible.
 */
import type { QueueServiceClient } from '@azure/storage-queue';
import type { HearthFunction, QueueFunction } from '../app/function-types';
import type { LogLine } from './http-host';
import { invocationContext } from './http-host';

export const MAX_DEQUEUE_COUNT = 5;

export interface QueueRunner {
  stop(): Promise<void>;
}

function decode(text: string): unknown {
  const decoded = Buffer.from(text, 'base64').toString('utf8');
  try {
    return JSON.parse(decoded);
  } catch {
    return decoded;
  }
}

export function startQueueRunner(
  functions: readonly HearthFunction[],
  service: QueueServiceClient,
  log: LogLine,
  options: { visibilityTimeoutSeconds?: number; idlePollMs?: number } = {},
): QueueRunner {
  const visibilityTimeout = options.visibilityTimeoutSeconds ?? 30;
  const idlePollMs = options.idlePollMs ?? 500;
  let stopping = false;
  const loops = functions
    .filter((f): f is QueueFunction => f.kind === 'queue')
    .map(async (fn) => {
      const queue = service.getQueueClient(fn.queueName);
      const poison = service.getQueueClient(`${fn.queueName}-poison`);
      await Promise.all([queue.createIfNotExists(), poison.createIfNotExists()]);
      while (!stopping) {
        let received;
        try {
          received = await queue.receiveMessages({ numberOfMessages: 16, visibilityTimeout });
        } catch (error) {
          log(
            'warn',
            fn.name,
            'could not read the queue',
            error instanceof Error ? error.message : String(error),
          );
          await new Promise((r) => setTimeout(r, idlePollMs * 4));
          continue;
        }
        if (received.receivedMessageItems.length === 0) {
          await new Promise((r) => setTimeout(r, idlePollMs));
          continue;
        }
        await Promise.all(
          received.receivedMessageItems.map(async (message) => {
            try {
              const context = invocationContext(fn.name, log, { dequeueCount: message.dequeueCount });
              await fn.handler(decode(message.messageText), context);
              await queue.deleteMessage(message.messageId, message.popReceipt);
            } catch (error) {
              log(
                'error',
                fn.name,
                `attempt ${message.dequeueCount} failed`,
                error instanceof Error ? error.message : String(error),
              );
              if (message.dequeueCount >= MAX_DEQUEUE_COUNT) {
                await poison.sendMessage(message.messageText);
                await queue.deleteMessage(message.messageId, message.popReceipt);
                log('error', fn.name, `message ${message.messageId} moved to ${fn.queueName}-poison`);
              }
            }
          }),
        );
      }
    });
  return {
    async stop() {
      stopping = true;
      await Promise.allSettled(loops);
    },
  };
}
