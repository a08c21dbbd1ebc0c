/**
 * What src/functions/ registers with Azure Functions must be exactly what the local host serves.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

import type * as AzureFunctions from '@azure/functions';

const registered: { kind: string; name: string; options: Record<string, unknown> }[] = [];

jest.mock('@azure/functions', () => {
  const actual = jest.requireActual<typeof AzureFunctions>('@azure/functions');
  const record = (kind: string) => (name: string, options: Record<string, unknown>) => {
    registered.push({ kind, name, options });
  };
  return { ...actual, app: { http: record('http'), timer: record('timer'), storageQueue: record('queue') } };
});

import { hearthFunctions as allFunctions } from '../../../src/functions/hearth';

describe('Azure Functions registrations', () => {
  beforeAll(() => {
    const dir = join(__dirname, '../../../src/functions');
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      // Loading each file is what the Functions host does; that is the thing under test.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require(join(dir, file));
    }
  });

  it('registers every function the local host serves, once, and nothing else', () => {
    expect(registered.map((r) => r.name).sort()).toEqual(allFunctions.map((f) => f.name).sort());
  });

  it('hands Azure the very same handler object, route and schedule as the local host uses', () => {
    for (const fn of allFunctions) {
      const entry = registered.find((r) => r.name === fn.name);
      expect(entry?.kind).toBe(fn.kind);
      expect(entry?.options.handler).toBe(fn.handler);
      if (fn.kind === 'http') expect(entry?.options).toMatchObject({ route: fn.route, methods: fn.methods });
      if (fn.kind === 'timer') expect(entry?.options).toMatchObject({ schedule: fn.schedule });
      if (fn.kind === 'queue') expect(entry?.options).toMatchObject({ queueName: fn.queueName });
    }
  });
});
