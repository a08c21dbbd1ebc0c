/** The alerts on delivery's own logs search for the words delivery really logs. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DELIVERY_LOG } from '../../../src/delivery/deliver';

const alerts = readFileSync(join(__dirname, '../../../infra/app/alerts.bicep'), 'utf8');

it.each([
  ['send-credentials', DELIVERY_LOG.credentials],
  ['stale-messages', DELIVERY_LOG.stale],
])('%s watches for what delivery logs', (id, logged) => {
  const query = new RegExp(`id: '${id}'[\\s\\S]*?query: '([^']+)'`).exec(alerts)?.[1] ?? '';
  const words = /startswith "([^"]+)"/.exec(query)?.[1];
  expect(words).toBeDefined();
  expect(logged.startsWith(words as string)).toBe(true);
});
