/**
 * The send queue's contract, written once: the Functions host's try limit and batches (host.json)
 * are the ones the local queue runner uses, and messages are base64 JSON both ways.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  decodeMessage,
  encodeMessage,
  MAX_DEQUEUE_COUNT,
  poisonQueueName,
  QUEUE_BATCH_SIZE,
  QUEUE_NEW_BATCH_THRESHOLD,
} from '../../../src/delivery/queues';

const host = JSON.parse(readFileSync(join(__dirname, '../../../host.json'), 'utf8')) as {
  extensions: { queues: Record<string, unknown> };
};

it('gives up after as many tries in Azure as the local host does', () => {
  expect(host.extensions.queues.maxDequeueCount).toBe(MAX_DEQUEUE_COUNT);
});

it('takes messages in the same batches in Azure as the local queue runner does', () => {
  expect(host.extensions.queues.batchSize).toBe(QUEUE_BATCH_SIZE);
  expect(host.extensions.queues.newBatchThreshold).toBe(QUEUE_NEW_BATCH_THRESHOLD);
});

it('round-trips a message as the queue trigger reads it, and names the poison queue', () => {
  const message = { id: 'p1:2026-11-30:morning', recipientId: 'p1' };
  expect(decodeMessage(encodeMessage(message))).toEqual(message);
  expect(Buffer.from(encodeMessage(message), 'base64').toString('utf8')).toBe(JSON.stringify(message));
  expect(decodeMessage(Buffer.from('not json').toString('base64'))).toBe('not json');
  expect(poisonQueueName('hearth-outbox')).toBe('hearth-outbox-poison');
});
