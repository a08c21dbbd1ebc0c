/**
 * Azure Storage queues, through @azure/storage-queue. Messages are JSON, base64-encoded, because
 * that is what the Functions queue trigger decodes. Locally the same code talks to Azurite.
 */
import { DefaultAzureCredential } from '@azure/identity';
import { QueueServiceClient } from '@azure/storage-queue';

export const QUEUE_NAMES = {
  /** One message per morning bundle or digest waiting to be sent. */
  outbox: 'hearth-outbox',
} as const;
export type QueueName = (typeof QUEUE_NAMES)[keyof typeof QUEUE_NAMES];

/** Where the Functions host moves a message after its last failed delivery. */
export const poisonQueueName = (queue: string) => `${queue}-poison`;

/**
 * Deliveries of a queue message before the host gives up and moves it to the poison queue. The
 * Functions host reads this from host.json (`extensions.queues.maxDequeueCount`); a test keeps the
 * two equal, and the local queue runner uses this one.
 */
export const MAX_DEQUEUE_COUNT = 5;

/**
 * How the Functions host takes messages from the queue (host.json `extensions.queues`): this many
 * at once (32 is the most Azure allows), and more when those in hand fall to `newBatchThreshold`.
 * Each send waits its turn in the shared rate, so one instance needs many in hand to keep the
 * whole tenant's rate busy. The local queue runner does the same; a test keeps these equal.
 */
export const QUEUE_BATCH_SIZE = 32;
export const QUEUE_NEW_BATCH_THRESHOLD = 16;

/** Azure Storage hides a message for at most 7 days. */
export const MAX_QUEUE_DELAY_SECONDS = 7 * 24 * 60 * 60 - 60;

export interface QueueConnection {
  connectionString?: string | undefined;
  queueServiceUri?: string | undefined;
}

export interface Queues {
  service: QueueServiceClient;
  send(queue: QueueName, message: unknown, options?: { visibilityTimeoutSeconds?: number }): Promise<void>;
  /** Round-trips to the queue service; throws when it does not answer. */
  ping(signal?: AbortSignal): Promise<void>;
}

export function encodeMessage(message: unknown): string {
  return Buffer.from(JSON.stringify(message), 'utf8').toString('base64');
}

/** The message as the Functions queue trigger hands it over: JSON when it is JSON, else the text. */
export function decodeMessage(text: string): unknown {
  const decoded = Buffer.from(text, 'base64').toString('utf8');
  try {
    return JSON.parse(decoded);
  } catch {
    return decoded;
  }
}

/**
 * Bounded retries: the SDK's default backs off for many seconds, holding a caller long after a
 * request should have failed (and been retried by the queue trigger itself).
 */
const RETRY_OPTIONS = { maxTries: 3, retryDelayInMs: 500, maxRetryDelayInMs: 4_000, tryTimeoutInMs: 10_000 };

export function createQueueService(connection: QueueConnection): QueueServiceClient {
  // The SDK writes defaults into the options it is given, so each client gets its own copy.
  const options = { retryOptions: { ...RETRY_OPTIONS } };
  if (connection.connectionString) {
    return QueueServiceClient.fromConnectionString(connection.connectionString, options);
  }
  if (connection.queueServiceUri) {
    return new QueueServiceClient(connection.queueServiceUri, new DefaultAzureCredential(), options);
  }
  throw new Error('no queue connection configured');
}

/** Creates Hearth's queues (and their poison queues) when absent. */
export async function openQueues(service: QueueServiceClient): Promise<Queues> {
  await Promise.all(
    Object.values(QUEUE_NAMES).flatMap((name) => [
      service.getQueueClient(name).createIfNotExists(),
      service.getQueueClient(poisonQueueName(name)).createIfNotExists(),
    ]),
  );
  return queuesOver(service);
}

/** Hearth's queue operations over a service client, assuming the queues exist. */
export function queuesOver(service: QueueServiceClient): Queues {
  return {
    service,
    async send(queue, message, options) {
      await service
        .getQueueClient(queue)
        .sendMessage(encodeMessage(message), { visibilityTimeout: options?.visibilityTimeoutSeconds });
    },
    async ping(signal) {
      await service.getProperties(signal ? { abortSignal: signal } : {});
    },
  };
}
