import { shortName } from '../../../src/domain/names';

describe('shortName', () => {
  const child = { id: '12345', name: { first: 'Zoë', familyInitial: 'Ó' } };
  it.each([
    ['first-name-initial', 'Zoë Ó.'],
    ['initials', 'Z.Ó.'],
    ['case-number', 'Ref 12345'],
  ] as const)('%s gives %s', (style, name) => expect(shortName(child, style)).toBe(name));
});
