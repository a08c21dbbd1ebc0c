/**
 * Feeds Azurite queue messages to queue functions the way the Functions host does: a batch taken
 * at once and the next fetched when those in hand fall to the threshold (host.json `batchSize`,
 * `newBatchThreshold`); each message kept hidden while its handler runs (renewed, as the host
 * renews it) and deleted when the handler succeeds; on failure hidden for the retry interval
 * (host.json `visibilityTimeout`), and after the fifth failed attempt moved to `<queue>-poison`
 * where it stays visible. A process that dies leaves its messages to reappear once their hiding
 * runs out, as an instance that dies in Azure does.
 */
import type { DequeuedMessageItem, QueueClient, QueueServiceClient } from '@azure/storage-queue';
import type { HearthFunction, QueueFunction } from '../app/function-types';
import {
  decodeMessage,
  MAX_DEQUEUE_COUNT,
  poisonQueueName,
  QUEUE_BATCH_SIZE,
  QUEUE_NEW_BATCH_THRESHOLD,
} from '../delivery/queues';
import type { LogLine } from './http-host';
import { invocationContext } from './http-host';

export interface QueueRunner {
  stop(): Promise<void>;
}

export interface QueueRunnerOptions {
  /** How long a failed message waits before its next attempt (host.json; Azure's default is 30 s). */
  visibilityTimeoutSeconds?: number;
  /** How long a message in hand stays hidden between renewals. */
  holdSeconds?: number;
  batchSize?: number;
  newBatchThreshold?: number;
  idlePollMs?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const text = (error: unknown) => (error instanceof Error ? error.message : String(error));

interface Queues {
  queue: QueueClient;
  poison: QueueClient;
}

/** Keeps a message hidden while its handler runs; `receipt()` is the latest pop receipt. */
function holdWhileRunning(queue: QueueClient, message: DequeuedMessageItem, holdSeconds: number) {
  let receipt = message.popReceipt;
  let renewing: Promise<void> = Promise.resolve();
  const timer = setInterval(
    () => {
      renewing = queue
        .updateMessage(message.messageId, receipt, undefined, holdSeconds)
        .then((r) => {
          receipt = r.popReceipt ?? receipt;
        })
        .catch(() => undefined);
    },
    (holdSeconds * 1000) / 2,
  );
  return {
    async release(): Promise<string> {
      clearInterval(timer);
      await renewing;
      return receipt;
    },
  };
}

/** One delivery of one message, as the Functions host makes it. */
async function handleOne(
  fn: QueueFunction,
  { queue, poison }: Queues,
  message: DequeuedMessageItem,
  log: LogLine,
  options: Required<QueueRunnerOptions>,
) {
  const hold = holdWhileRunning(queue, message, options.holdSeconds);
  try {
    const context = invocationContext(fn.name, log, {
      dequeueCount: message.dequeueCount,
      id: message.messageId,
    });
    await fn.handler(decodeMessage(message.messageText), context);
    await queue.deleteMessage(message.messageId, await hold.release());
  } catch (error) {
    const receipt = await hold.release();
    log('error', fn.name, `attempt ${message.dequeueCount} failed`, text(error));
    try {
      if (message.dequeueCount >= MAX_DEQUEUE_COUNT) {
        await poison.sendMessage(message.messageText);
        await queue.deleteMessage(message.messageId, receipt);
        log('error', fn.name, `message ${message.messageId} moved to ${poisonQueueName(fn.queueName)}`);
      } else {
        await queue.updateMessage(message.messageId, receipt, undefined, options.visibilityTimeoutSeconds);
      }
    } catch (queueError) {
      // The message reappears when its hiding runs out, and is tried again then.
      log('warn', fn.name, 'could not hand the message back to the queue', text(queueError));
    }
  }
}

export function startQueueRunner(
  functions: readonly HearthFunction[],
  service: QueueServiceClient,
  log: LogLine,
  options: QueueRunnerOptions = {},
): QueueRunner {
  const settings: Required<QueueRunnerOptions> = {
    visibilityTimeoutSeconds: options.visibilityTimeoutSeconds ?? 30,
    holdSeconds: options.holdSeconds ?? 60,
    batchSize: options.batchSize ?? QUEUE_BATCH_SIZE,
    newBatchThreshold: options.newBatchThreshold ?? QUEUE_NEW_BATCH_THRESHOLD,
    idlePollMs: options.idlePollMs ?? 500,
  };
  let stopping = false;
  const poll = async (fn: QueueFunction) => {
    const queues: Queues = {
      queue: service.getQueueClient(fn.queueName),
      poison: service.getQueueClient(poisonQueueName(fn.queueName)),
    };
    await Promise.all([queues.queue.createIfNotExists(), queues.poison.createIfNotExists()]);
    const inHand = new Set<Promise<void>>();
    while (!stopping) {
      if (inHand.size > settings.newBatchThreshold) {
        await Promise.race(inHand);
        continue;
      }
      let received: DequeuedMessageItem[];
      try {
        const response = await queues.queue.receiveMessages({
          numberOfMessages: settings.batchSize,
          visibilityTimeout: settings.holdSeconds,
        });
        received = response.receivedMessageItems;
      } catch (error) {
        log('warn', fn.name, 'could not read the queue', text(error));
        await sleep(settings.idlePollMs * 4);
        continue;
      }
      for (const message of received) {
        const running = handleOne(fn, queues, message, log, settings).finally(() => inHand.delete(running));
        inHand.add(running);
      }
      if (received.length === 0) await sleep(settings.idlePollMs);
    }
    await Promise.allSettled(inHand);
  };
  const loops = functions.filter((f): f is QueueFunction => f.kind === 'queue').map(poll);
  return {
    async stop() {
      stopping = true;
      await Promise.allSettled(loops);
    },
  };
}
