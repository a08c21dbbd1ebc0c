/**
 * The feed's edge against hostile and mistaken input (issue 10 items 1, 5 and 9): dates far outside
 * any child's life, names that hide or reorder what a reader sees, text that is not whole Unicode,
 * keys that reach an object's prototype, clocks that do not exist, and events that contradict
 * themselves. Each is refused with a reason that names the field, or cleaned where it is harmless.
 */
import { parseRecord } from '../../../src/domain/feed-records';
import { cleanName, dateLimits, DEFAULT_DATE_LIMITS } from '../../../src/domain/schemas';

const today = '2026-11-23';
const limits = dateLimits(today);
const child = {
  type: 'child',
  id: 'C-1',
  teamId: 'T1',
  firstName: 'Amira',
  familyName: 'Khan',
  kind: 'child-in-need',
  anchors: { referral: '2026-10-01' },
};
const event = { type: 'event', id: 'E-1', childId: 'C-1', kind: 'visit', dueDate: '2026-11-30' };
const person = {
  type: 'person',
  id: 'P-1',
  teamId: 'T1',
  displayName: 'Sam Taylor',
  roles: ['practitioner'],
};

const reasonFor = (raw: unknown) => {
  const result = parseRecord(raw, limits);
  return result.ok ? 'ok' : result.reason;
};

describe('dates outside the range Hearth accepts', () => {
  it('runs from 1990-01-01 to ten years after today, and moves with today', () => {
    expect(limits).toEqual({ earliest: '1990-01-01', latest: '2036-11-23' });
    expect(dateLimits('2027-05-02')).toEqual({ earliest: '1990-01-01', latest: '2037-05-02' });
    expect(dateLimits('2028-02-29').latest).toBe('2038-02-28');
    expect(dateLimits(today, { earliest: '2000-01-01', yearsAhead: 2 })).toEqual({
      earliest: '2000-01-01',
      latest: '2028-11-23',
    });
    expect(DEFAULT_DATE_LIMITS).toEqual({ earliest: '1990-01-01', yearsAhead: 10 });
  });

  it.each<[string, unknown, string]>([
    ['a referral in 9999', { ...child, anchors: { referral: '9999-12-31' } }, 'anchors.referral: 9999-12-31'],
    ['a referral in the year 1000', { ...child, anchors: { referral: '1000-01-01' } }, 'anchors.referral'],
    ['a birth in 1899', { ...child, dateOfBirth: '1899-12-31' }, 'dateOfBirth: 1899-12-31'],
    ['a move in 2299', { ...child, anchors: { lastMove: '2299-12-20' } }, 'anchors.lastMove'],
    ['a visit done in 9999', { ...event, status: 'completed', completedDate: '9999-01-01' }, 'completedDate'],
    ['a visit due the day after the limit', { ...event, dueDate: '2036-11-24' }, 'dueDate'],
    ['a visit booked in 1989', { ...event, scheduledDate: '1989-12-31' }, 'scheduledDate'],
    ['a record made in 3000', { ...event, recordedAt: '3000-01-01T09:00:00Z' }, 'recordedAt'],
    ['a practitioner who started in 1970', { ...person, startedOn: '1970-09-01' }, 'startedOn'],
  ])('refuses %s, naming the field and the range', (_, raw, field) => {
    const reason = reasonFor(raw);
    expect(reason).toContain(field);
    expect(reason).toContain('is outside the dates Hearth accepts (1990-01-01 to 2036-11-23)');
  });

  it.each([
    ['the first day', '1990-01-01'],
    ['the last day', '2036-11-23'],
    ['today', today],
  ])('accepts %s of the range', (_, date) => {
    expect(reasonFor({ ...child, dateOfBirth: date })).toBe('ok');
  });

  it('checks no range when no limits are given (a preview of a file)', () => {
    expect(parseRecord({ ...child, dateOfBirth: '1899-12-31' }).ok).toBe(true);
  });
});

describe('names at the feed', () => {
  it.each<[string, string, string]>([
    ['a right-to-left override', 'Sam\u202Eheyt', 'Samheyt'],
    ['every bidi embedding and isolate', '\u202AA\u202B\u202C\u202Dm\u2066i\u2067r\u2068a\u2069', 'Amira'],
    ['left-to-right and right-to-left marks', '\u200EAmira\u200F', 'Amira'],
    ['zero-width spaces and joiners', 'Am\u200Bi\u200Cr\u200Da\u2060\uFEFF', 'Amira'],
    ['Hangul fillers', '\u3164Amira\u115F\u1160\uFFA0', 'Amira'],
    ['a soft hyphen and a variation selector', 'Am\u00ADira\uFE0F', 'Amira'],
    ['tag characters', 'Amira\u{E0041}\u{E007F}', 'Amira'],
    ['a blank Braille cell', '\u2800Amira', 'Amira'],
    ['decomposed accents (kept, composed)', 'Zoe\u0308', 'Zoë'],
    ['runs of spaces of any width', 'Mary\u00A0\u2003 Jane', 'Mary Jane'],
  ])('removes %s', (_, raw, clean) => {
    expect(cleanName(raw)).toBe(clean);
    const result = parseRecord({ ...child, firstName: raw }, limits);
    expect(result.ok && result.record.type === 'child' && result.record.firstName).toBe(clean);
  });

  it.each([
    ['only zero-width characters', '\u200B\u200C\u200D'],
    ['only Hangul fillers', '\u3164\u3164'],
    ['only bidi controls and spaces', ' \u202E \u2066 '],
  ])('refuses a name that is %s, as empty', (_, raw) => {
    expect(reasonFor({ ...person, displayName: raw })).toBe(
      'displayName: must not be empty once spaces and invisible characters are removed',
    );
  });

  it('keeps names that only look like markup as text (every surface escapes them)', () => {
    const result = parseRecord(
      { ...person, displayName: '[Click](https://evil.example/login) Smith' },
      limits,
    );
    expect(result.ok && result.record.type === 'person' && result.record.displayName).toBe(
      '[Click](https://evil.example/login) Smith',
    );
  });
});

describe('text and keys no schema should have to guess at', () => {
  it.each<[string, unknown, string]>([
    [
      'a lone high surrogate in a name',
      { ...child, firstName: 'Am\uD800ira' },
      'firstName: holds a broken character',
    ],
    ['a lone low surrogate in an id', { ...event, id: 'E\uDC00' }, 'id: holds a broken character'],
    [
      'a lone surrogate in a list',
      { ...person, roles: ['practitioner', '\uDFFF'] },
      'roles.1: holds a broken character',
    ],
  ])('refuses %s', (_, raw, reason) => {
    expect(reasonFor(raw)).toContain(reason);
  });

  it('accepts characters outside the basic plane, whole', () => {
    expect(reasonFor({ ...child, firstName: 'Amira 😀' })).toBe('ok');
  });

  const anchorsList =
    '(anchors are referral, caseOpened, concern, strategyDiscussion, initialConference, cameIntoCare, lastMove, leftCare)';
  it.each([
    ['__proto__', '{"anchors":{"__proto__":"2020-01-01"}}'],
    ['constructor', '{"anchors":{"constructor":"2020-01-01"}}'],
    ['prototype', '{"anchors":{"prototype":"2020-01-01"}}'],
  ])('refuses anchors.%s the same way as any unknown anchor', (key, json) => {
    const raw = { ...child, ...(JSON.parse(json) as object) };
    expect(reasonFor(raw)).toBe(`anchors.${key}: is not a known field ${anchorsList}`);
  });

  it('refuses a __proto__ key at the top of a record', () => {
    const raw = JSON.parse(`{"__proto__":{"closed":true},${JSON.stringify(child).slice(1)}`) as object;
    expect(reasonFor(raw)).toBe('__proto__: is not a known field');
  });
});

describe('times and events that cannot be', () => {
  it.each([
    ['+99:99', '2026-11-23T09:30:00+99:99'],
    ['+15:00', '2026-11-23T09:30:00+15:00'],
    ['-12:60', '2026-11-23T09:30:00-12:60'],
  ])('refuses a recordedAt offset of %s', (_, recordedAt) => {
    expect(reasonFor({ ...event, recordedAt })).toBe(
      'recordedAt: has a time offset no clock uses (offsets run from -12:00 to +14:00)',
    );
  });

  it('refuses a recordedAt on a day that does not exist', () => {
    expect(reasonFor({ ...event, recordedAt: '2026-02-30T09:30:00Z' })).toMatch(/^recordedAt: /);
  });

  it.each(['2026-11-23T09:30:00Z', '2026-11-23T09:30:00+14:00', '2026-06-23T09:30:00.123+01:00'])(
    'accepts a recordedAt of %s',
    (recordedAt) => {
      expect(reasonFor({ ...event, recordedAt })).toBe('ok');
    },
  );

  it('refuses a planned event with only a completion date', () => {
    expect(reasonFor({ ...event, status: 'planned', dueDate: undefined, completedDate: '2026-11-02' })).toBe(
      'completedDate: a planned event needs its dueDate or scheduledDate (a completedDate alone means it happened: send status completed)',
    );
  });

  it('accepts the same dates on a completed event, and a planned one with a due date', () => {
    expect(
      reasonFor({ ...event, status: 'completed', dueDate: undefined, completedDate: '2026-11-02' }),
    ).toBe('ok');
    expect(reasonFor({ ...event, status: 'planned', completedDate: '2026-11-02' })).toBe('ok');
  });
});
