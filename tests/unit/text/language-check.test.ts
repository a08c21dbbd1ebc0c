/**
 * The language check itself: every form of an avoided word is found, ordinary words are not.
 * The choices behind each row are written at the top of src/text/language-check.ts.
 */
import { AVOID, checkLanguage } from '../../../src/text/language-check';

const terms = (text: string) => checkLanguage(text).map((p) => p.term);

describe('checkLanguage finds every form of an avoided word', () => {
  it.each<[string, string]>([
    // The forms issue 11 found passing
    ['Support for looked-after children', 'looked-after child'],
    ['The family is compliant with the plan', 'compliance'],
    ['Non-compliance with the plan', 'compliance'],
    ['Noncompliant with the plan', 'compliance'],
    ['Your caseloads this month', 'caseload'],
    ['The timescale was breached', 'breach'],
    ['Absconding from the home', 'abscond'],
    ['Team KPIs', 'KPI'],
    ['Statutory visits this week', 'statutory visit'],
    // Plurals, -ed, -ing, possessives
    ['Two placements ended', 'placement'],
    ['We contacted the school', 'contact'],
    ['Contacting dad', 'contact'],
    ['Mum is uncontactable', 'contact'],
    ['Three cases this week', 'case'],
    ['The case’s notes', 'case'],
    ["The case's notes", 'case'],
    ['Respites at weekends', 'respite'],
    ['Underperformance in the team', 'performance'],
    ['Targets for the quarter', 'target'],
    ['It is over-due', 'overdue'],
    ['Breaches of timescale', 'breach'],
    ['Breaching the standard', 'breach'],
    ['The visit fails the standard', 'failed'],
    ['Failing to visit', 'failed'],
    ['A failure to visit', 'failed'],
    ['Absconders from the home', 'abscond'],
    ['She absconds often', 'abscond'],
    ['It is outside timescale', 'out of timescale'],
    ['Out-of-timescale assessments', 'out of timescale'],
    ['Challenging behaviours at school', 'challenging behaviour'],
    ['Care-leavers in the area', 'care leaver'],
    ['Careleavers in the area', 'care leaver'],
    ['The secure units', 'unit'],
    ['Two facilities nearby', 'facility'],
    // Spacing and hyphenation
    ['Your case load', 'caseload'],
    ['Your case-load', 'caseload'],
    ['Children looked after by the council', 'looked-after child'],
    ['A looked after young person', 'looked-after child'],
    ['Statutory-visit figures', 'statutory visit'],
    // Acronyms, in capitals, with plurals, possessives and hyphenated words
    ['The LAC review', 'LAC'],
    ['Two CLAs', 'CLA'],
    ['The CIN plan', 'CIN'],
    ['CP-plan children', 'CP'],
    ["The ICPC's date", 'ICPC'],
    ['Ask the IRO', 'IRO'],
    ['PEPs this term', 'PEP'],
    ['SDQ scores', 'SDQ'],
  ])('%j: %s', (text, term) => {
    expect(terms(text)).toEqual([term]);
  });
});

describe('checkLanguage leaves ordinary words alone', () => {
  it.each<[string, string]>([
    ['Cinema trip on Saturday', 'CIN inside a word'],
    ['A visit to the capital', 'CP is not in capital'],
    ['A pep talk', 'an acronym is found in capitals only'],
    ['Child CP-1001', 'an acronym before a hyphen and digits is an id'],
    ['Contactless payments', 'a compound that is another word'],
    ['The recontacted family', 'only negating prefixes count'],
    ['A unitary authority', 'unitary is another word'],
    ['United in their care', 'united is another word'],
    ['Targeted early help for the family', 'targeted names a kind of help'],
    ['Please comply with the order', 'comply is an ordinary verb'],
    ['She performed in the school play', 'performing is not performance'],
    ['A bookcase and a showcase', 'other prefixes make other words'],
    ['Casework-free', 'a compound that is another word'],
    ['Lower-case letters, the worst-case date', 'a hyphenated word that ends in case'],
    ['We looked after the dog', 'looked after, not next to children'],
    ['The children were cared for', 'ordinary words'],
    ['Amira is due to be seen by Thursday 3 December.', 'a Hearth sentence'],
  ])('%j (%s)', (text) => {
    expect(checkLanguage(text)).toEqual([]);
  });
});

describe('checkLanguage reports', () => {
  it('each occurrence once, the longer where two overlap', () => {
    expect(checkLanguage('case load and case by case').map((p) => [p.term, p.index])).toEqual([
      ['caseload', 0],
      ['case', 14],
      ['case', 22],
    ]);
  });

  it('what to say instead', () => {
    expect(checkLanguage('non-compliance')).toEqual([
      { term: 'compliance', suggestion: 'what happened for the children', index: 0 },
    ]);
  });
});

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
