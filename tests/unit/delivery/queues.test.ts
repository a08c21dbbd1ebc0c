/**
 * The send queue's contract, written once: the Functions host's try limit (host.json) is the one
 * delivery and the local queue runner use, and messages are base64 JSON both ways.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  decodeMessage,
  encodeMessage,
  MAX_DEQUEUE_COUNT,
  poisonQueueName,
} from '../../../src/delivery/queues';
import { DEFAULT_DELIVERY_OPTIONS } from '../../../src/delivery/deliver';

it('gives up after as many tries in Azure as delivery and the local host expect', () => {
  const host = JSON.parse(readFileSync(join(__dirname, '../../../host.json'), 'utf8')) as {
    extensions: { queues: { maxDequeueCount: number } };
  };
  expect(host.extensions.queues.maxDequeueCount).toBe(MAX_DEQUEUE_COUNT);
  expect(DEFAULT_DELIVERY_OPTIONS.maxDequeueCount).toBe(MAX_DEQUEUE_COUNT);
});

it('round-trips a message as the queue trigger reads it, and names the poison queue', () => {
  const message = { id: 'p1:2026-11-30:morning', recipientId: 'p1' };
  expect(decodeMessage(encodeMessage(message))).toEqual(message);
  expect(Buffer.from(encodeMessage(message), 'base64').toString('utf8')).toBe(JSON.stringify(message));
  expect(decodeMessage(Buffer.from('not json').toString('base64'))).toBe('not json');
  expect(poisonQueueName('hearth-outbox')).toBe('hearth-outbox-poison');
});
