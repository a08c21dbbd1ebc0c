import { parseRecord } from '../../../src/domain/feed-records';

const child = {
  type: 'child',
  id: 'C-1001',
  teamId: 'team-1',
  firstName: 'Amira',
  familyName: 'Khan',
  kind: 'child-in-need',
  anchors: { referral: '2026-10-01' },
};
const event = { type: 'event', id: 'E-1', childId: 'C-1001', kind: 'visit', dueDate: '2026-11-30' };

const reasonFor = (raw: unknown) => {
  const result = parseRecord(raw);
  return result.ok ? 'ok' : result.reason;
};

describe('parseRecord', () => {
  it('accepts a well-formed child and fills defaults', () => {
    const result = parseRecord(child);
    expect(result).toEqual({
      ok: true,
      record: { ...child, closed: false },
    });
  });

  it.each<[string, unknown, string]>([
    ['a non-object', 'child', 'must be an object with a "type" field'],
    ['an array', [child], 'must be an object with a "type" field'],
    ['null', null, 'must be an object with a "type" field'],
    ['an unknown type', { ...child, type: 'household' }, 'type: must be one of team, person, child, event'],
    ['a missing type', { id: 'x' }, 'type: must be one of team, person, child, event'],
    ['a number for a name', { ...child, firstName: 42 }, 'firstName: must be text'],
    ['an empty name', { ...child, firstName: '   ' }, 'firstName: must not be empty'],
    [
      'a name with a line break',
      { ...child, firstName: 'Am\nira' },
      'firstName: must not contain control characters or line breaks',
    ],
    [
      'an unknown kind of child',
      { ...child, kind: 'LAC' },
      'kind: must be one of child-in-need, child-protection, child-in-care, care-experienced',
    ],
    [
      'a date in the wrong format',
      { ...child, dateOfBirth: '01/02/2015' },
      'dateOfBirth: must be a date like 2026-11-23',
    ],
    ['an impossible date', { ...child, dateOfBirth: '2015-02-30' }, 'dateOfBirth: is not a real date'],
    [
      'an unknown anchor',
      { ...child, anchors: { birthday: '2020-01-01' } },
      'anchors.birthday: is not a known field (anchors are referral, caseOpened, concern, strategyDiscussion, initialConference, cameIntoCare, lastMove, leftCare)',
    ],
    [
      'an id with a slash',
      { ...child, id: 'a/b' },
      'id: must be 1 to 128 letters, digits, dots, colons, underscores or dashes, starting with a letter or digit',
    ],
    [
      'a formula-looking id',
      { ...child, id: '=1+1' },
      'id: must be 1 to 128 letters, digits, dots, colons, underscores or dashes, starting with a letter or digit',
    ],
    ['an unknown field', { ...child, notes: 'narrative' }, 'unknown field(s) notes'],
    [
      'a completed event with no date',
      { ...event, status: 'completed', dueDate: undefined },
      'completedDate: a completed event needs its completedDate',
    ],
    [
      'an event with no dates at all',
      { ...event, dueDate: undefined },
      'dueDate: needs at least one of dueDate, scheduledDate or completedDate',
    ],
    ['an unknown event kind', { ...event, kind: 'LAC review' }, 'kind: must be one of visit'],
    [
      'a reason a visit could not happen that Hearth does not know',
      { ...event, status: 'not-possible', notPossibleReason: 'abducted by aliens' },
      'notPossibleReason: must be one of no-one-home, family-declined, child-unwell, family-rearranged, other',
    ],
    [
      'a flag the feed does not know',
      { ...child, flags: ['neglect', 'naughty'] },
      'flags.1: must be one of neglect, missing, exploitation',
    ],
    [
      'the same flag twice',
      { ...child, flags: ['missing', 'missing'] },
      'flags: must list each flag at most once',
    ],
    ['flags as one string', { ...child, flags: 'neglect' }, 'flags: '],
    [
      'an allocation date in the wrong format',
      { ...child, allocatedSince: '03/11/2026' },
      'allocatedSince: must be a date like 2026-11-23',
    ],
    [
      'a bad recordedAt',
      { ...event, recordedAt: 'yesterday' },
      'recordedAt: must be a date and time like 2026-11-23T09:30:00Z',
    ],
    [
      'a section 47 mark on a visit',
      { ...event, startedSection47: true },
      'startedSection47: only a strategy-discussion event can start a section 47 enquiry',
    ],
    [
      'a section 47 mark that is not yes or no',
      { ...event, kind: 'strategy-discussion', startedSection47: 'yes' },
      'startedSection47: must be true or false',
    ],
    [
      'a practitioner start date in the wrong format',
      {
        type: 'person',
        id: 'p1',
        teamId: 't',
        displayName: 'Sam',
        roles: ['practitioner'],
        startedOn: '1/9/2026',
      },
      'startedOn: must be a date like 2026-11-23',
    ],
  ])('rejects %s with a reason that says where', (_, raw, reason) => {
    expect(reasonFor(raw)).toContain(reason);
  });

  it('accepts the strategy discussion that started the section 47 enquiry, and a start date', () => {
    expect(
      reasonFor({
        ...event,
        kind: 'strategy-discussion',
        status: 'completed',
        completedDate: '2026-11-02',
        startedSection47: true,
      }),
    ).toBe('ok');
    expect(
      reasonFor({
        type: 'person',
        id: 'p1',
        teamId: 't',
        displayName: 'Sam',
        roles: ['practitioner'],
        newlyQualified: true,
        startedOn: '2026-09-01',
      }),
    ).toBe('ok');
  });

  it('accepts the flags an audit theme picks out and when the practitioner took the child on', () => {
    const result = parseRecord({ ...child, flags: ['neglect', 'missing'], allocatedSince: '2026-09-14' });
    expect(result).toEqual({
      ok: true,
      record: { ...child, flags: ['neglect', 'missing'], allocatedSince: '2026-09-14', closed: false },
    });
  });

  it("accepts why a visit could not happen, as one of the card's codes", () => {
    expect(reasonFor({ ...event, status: 'not-possible', notPossibleReason: 'child-unwell' })).toBe('ok');
  });

  it('keeps formula-looking names as plain text (they are escaped wherever they are shown)', () => {
    const result = parseRecord({ ...child, firstName: '=HYPERLINK("x")' });
    expect(result.ok && result.record.type === 'child' && result.record.firstName).toBe('=HYPERLINK("x")');
  });

  it('rejects a person with no roles and a malformed Entra id', () => {
    const reason = reasonFor({
      type: 'person',
      id: 'p1',
      teamId: 't',
      displayName: 'Sam',
      roles: [],
      entraObjectId: 'not an id!',
    });
    expect(reason).toContain('roles: must list at least one role');
    expect(reason).toContain('entraObjectId: must be an Entra object id');
  });
});
