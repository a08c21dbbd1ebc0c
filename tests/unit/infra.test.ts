/**
 * The Bicep templates declare the containers Azure needs (the app's identity cannot create them);
 * they must match what the code expects, each operational container expiring items after the
 * retention the code sweeps by.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTAINERS } from '../../src/store/containers';

const bicep = readFileSync(join(__dirname, '../../infra/app/cosmos.bicep'), 'utf8');

it.each(Object.values(CONTAINERS))('declares container $id with partition key $partitionKey', (spec) => {
  const ttl = 'retention' in spec ? `retentionDays.${spec.retention} * day` : '-1';
  expect(bicep).toContain(`{ id: '${spec.id}', partitionKey: '${spec.partitionKey}', ttl: ${ttl} }`);
});

it('declares no container the code does not know', () => {
  const declared = [...bicep.matchAll(/\{ id: '([a-z]+)', partitionKey/g)].map((m) => m[1]);
  expect(declared.sort()).toEqual(Object.keys(CONTAINERS).sort());
});

it('counts a day as the code does', () => {
  expect(bicep).toContain('var day = 86400');
});
