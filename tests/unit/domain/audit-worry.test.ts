/** Worries raised during an audit: working hours, who may acknowledge, what escalates when. */
import { DEFAULT_PROGRAMME } from '../../../src/domain/audit-programme';
import type { AuditWorry } from '../../../src/domain/audit-worry';
import { acknowledgeWorry, addWorkingHours, worriesDueToEscalate } from '../../../src/domain/audit-worry';
import { createCalendar } from '../../../src/domain/calendar';

const calendar = createCalendar('england-and-wales');
const hours = { start: '09:00', end: '17:00' };

describe('addWorkingHours', () => {
  it.each([
    ['within the day (winter, UTC)', '2026-12-07T10:00:00Z', '2026-12-07T14:00:00.000Z'],
    ['across the evening', '2026-12-07T15:30:00Z', '2026-12-08T11:30:00.000Z'],
    ['raised before the working day', '2026-12-07T06:00:00Z', '2026-12-07T13:00:00.000Z'],
    ['raised in the evening', '2026-12-07T20:00:00Z', '2026-12-08T13:00:00.000Z'],
    ['across a weekend', '2026-12-04T16:00:00Z', '2026-12-07T12:00:00.000Z'],
    ['raised on a Saturday', '2026-12-05T11:00:00Z', '2026-12-07T13:00:00.000Z'],
    [
      'across Christmas and Boxing Day (a Saturday, so Monday 28th is off)',
      '2026-12-24T15:00:00Z',
      '2026-12-29T11:00:00.000Z',
    ],
    ['in summer time (London is UTC+1)', '2026-07-06T09:00:00Z', '2026-07-06T13:00:00.000Z'],
  ])('4 working hours %s', (_, from, expected) => {
    expect(addWorkingHours(new Date(from), 4, calendar, hours).toISOString()).toBe(expected);
  });
});

const worry = (extra: Partial<AuditWorry> = {}): AuditWorry => ({
  id: 'worry:a:1',
  teamId: 'T1',
  childId: 'C1',
  auditId: 'a',
  raisedBy: 'M2',
  raisedAt: '2026-12-07T10:00:00.000Z',
  notified: ['M1', 'H1'],
  ...extra,
});

describe('worriesDueToEscalate', () => {
  it.each<[string, Partial<AuditWorry>, string, boolean]>([
    ['before its time', {}, '2026-12-07T13:59:00Z', false],
    ['at its time', {}, '2026-12-07T14:00:00Z', true],
    [
      'acknowledged in time',
      { acknowledgedAt: '2026-12-07T11:00:00Z', acknowledgedBy: 'M1' },
      '2026-12-08T10:00:00Z',
      false,
    ],
    [
      'already escalated',
      { escalatedAt: '2026-12-07T14:00:00Z', escalatedTo: ['H1'] },
      '2026-12-08T10:00:00Z',
      false,
    ],
  ])('a worry %s escalates: %s', (_, extra, now, due) => {
    expect(worriesDueToEscalate([worry(extra)], new Date(now), calendar, DEFAULT_PROGRAMME)).toHaveLength(
      due ? 1 : 0,
    );
  });
});

describe('acknowledgeWorry', () => {
  const now = new Date('2026-12-07T11:00:00Z');
  it('records the first person it went to who acknowledges it', () => {
    const result = acknowledgeWorry(worry(), 'H1', now);
    expect(result).toEqual({
      outcome: 'acknowledged',
      worry: expect.objectContaining({ acknowledgedBy: 'H1', acknowledgedAt: now.toISOString() }),
    });
    if (result.outcome !== 'acknowledged') throw new Error('not acknowledged');
    expect(acknowledgeWorry(result.worry, 'M1', now)).toEqual({ outcome: 'already', worry: result.worry });
  });

  it('refuses someone it did not go to, and accepts someone it escalated to', () => {
    expect(acknowledgeWorry(worry(), 'P1', now)).toEqual({ outcome: 'not-yours' });
    expect(acknowledgeWorry(worry({ escalatedTo: ['PSW'] }), 'PSW', now).outcome).toBe('acknowledged');
  });
});
