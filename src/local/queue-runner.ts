/**
 * Feeds Azurite queue messages to queue functions the way the Functions host does: base64 JSON
 * decoded, a failed message retried after its visibility timeout, and after the fifth failed
 * attempt moved to `<queue>-poison` where it stays visible.
 */
import type { DequeuedMessageItem, QueueClient, QueueServiceClient } from '@azure/storage-queue';
import type { HearthFunction, QueueFunction } from '../app/function-types';
import { decodeMessage, MAX_DEQUEUE_COUNT, poisonQueueName } from '../delivery/queues';
import type { LogLine } from './http-host';
import { invocationContext } from './http-host';

export interface QueueRunner {
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * One delivery of one message, as the Functions host makes it: deleted when the handler succeeds;
 * on failure left to reappear after its visibility timeout, or moved to the poison queue after the
 * last try.
 */
async function handleOne(
  fn: QueueFunction,
  queue: QueueClient,
  poison: QueueClient,
  message: DequeuedMessageItem,
  log: LogLine,
) {
  try {
    const context = invocationContext(fn.name, log, { dequeueCount: message.dequeueCount });
    await fn.handler(decodeMessage(message.messageText), context);
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
      log('error', fn.name, `message ${message.messageId} moved to ${poisonQueueName(fn.queueName)}`);
    }
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
  const poll = async (fn: QueueFunction) => {
    const queue = service.getQueueClient(fn.queueName);
    const poison = service.getQueueClient(poisonQueueName(fn.queueName));
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
        await sleep(idlePollMs * 4);
        continue;
      }
      if (received.receivedMessageItems.length === 0) await sleep(idlePollMs);
      else await Promise.all(received.receivedMessageItems.map((m) => handleOne(fn, queue, poison, m, log)));
    }
  };
  const loops = functions.filter((f): f is QueueFunction => f.kind === 'queue').map(poll);
  return {
    async stop() {
      stopping = true;
      await Promise.allSettled(loops);
    },
  };
}
