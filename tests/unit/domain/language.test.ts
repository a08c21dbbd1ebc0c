import { shortName } from '../../../src/domain/language';
import { AVOID, checkLanguage } from '../../../src/text/language-check';

describe('checkLanguage', () => {
  it.each([
    ['Your visit performance is 82%', 'performance', 'what happened for the children'],
    ['3 OVERDUE visits', 'overdue', 'not seen yet / not done yet, and by when'],
    ['Amira’s LAC review', 'LAC', 'child in care, or the child’s name'],
    ['Placement stability', 'placement', 'home, or where they live'],
    ['contact with mum on Tuesday', 'contact', 'family time'],
    ['He absconded overnight', 'abscond', 'went missing, or ran away'],
    ['a looked-after child', 'looked-after child', 'child in care, or the child’s name'],
    ['Assessment out of timescale', 'out of timescale', 'not done yet, and by when'],
    ['Your caseload this week', 'caseload', 'the children you work with'],
    ['Respite at the weekend', 'respite', 'short break'],
    ['The ICPC is on Monday', 'ICPC', 'first child protection conference'],
  ])('finds the avoided term in %j', (text, term, suggestion) => {
    expect(checkLanguage(text)).toEqual([expect.objectContaining({ term, suggestion })]);
  });

  it.each([
    'Contactless payments', // part of another word
    'The recontacted family', // part of another word
    'Amira is due to be seen today.',
    'You have seen 14 of your 17 children this week.',
    'Uniting families',
    'casework-free sentence about a bookcase',
  ])('leaves %j alone', (text) => {
    expect(checkLanguage(text)).toEqual([]);
  });

  it('reports every occurrence with its position', () => {
    expect(checkLanguage('case by case').map((p) => p.index)).toEqual([0, 8]);
  });

  it('covers every row of the DOMAIN.md avoid table', () => {
    const terms = AVOID.map((a) => a.term.toLowerCase());
    for (const row of [
      'contact',
      'placement',
      'lac',
      'respite',
      'statutory visit',
      'case',
      'caseload',
      'performance',
      'kpi',
      'compliance',
      'target',
      'overdue',
      'breach',
      'failed',
      'out of timescale',
      'abscond',
      'challenging behaviour',
      'care leaver',
      'unit',
      'facility',
      'cin',
      'cp',
      'icpc',
      'iro',
      'pep',
      'sdq',
      'cla',
      'looked-after child',
    ]) {
      expect(terms).toContain(row);
    }
  });
});

describe('shortName', () => {
  const child = { id: '12345', name: { first: 'Zoë', familyInitial: 'Ó' } };
  it.each([
    ['first-name-initial', 'Zoë Ó.'],
    ['initials', 'Z.Ó.'],
    ['case-number', 'Ref 12345'],
  ] as const)('%s gives %s', (style, name) => expect(shortName(child, style)).toBe(name));
});
