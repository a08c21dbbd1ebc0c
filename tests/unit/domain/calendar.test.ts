import fc from 'fast-check';
import { bankHolidays, CALENDAR_REGIONS, easterSunday } from '../../../src/domain/bank-holidays';
import { createCalendar } from '../../../src/domain/calendar';
import { addDays, londonDate, londonInstant, londonTime } from '../../../src/domain/dates';

const england = createCalendar('england-and-wales');

describe('bank holidays, England and Wales (as published)', () => {
  it.each<[number, string[]]>([
    [2018, ['01-01', '03-30', '04-02', '05-07', '05-28', '08-27', '12-25', '12-26']],
    [2019, ['01-01', '04-19', '04-22', '05-06', '05-27', '08-26', '12-25', '12-26']],
    [2020, ['01-01', '04-10', '04-13', '05-08', '05-25', '08-31', '12-25', '12-28']],
    [2021, ['01-01', '04-02', '04-05', '05-03', '05-31', '08-30', '12-27', '12-28']],
    [2022, ['01-03', '04-15', '04-18', '05-02', '06-02', '06-03', '08-29', '09-19', '12-26', '12-27']],
    [2023, ['01-02', '04-07', '04-10', '05-01', '05-08', '05-29', '08-28', '12-25', '12-26']],
    [2024, ['01-01', '03-29', '04-01', '05-06', '05-27', '08-26', '12-25', '12-26']],
    [2025, ['01-01', '04-18', '04-21', '05-05', '05-26', '08-25', '12-25', '12-26']],
    [2026, ['01-01', '04-03', '04-06', '05-04', '05-25', '08-31', '12-25', '12-28']],
    [2027, ['01-01', '03-26', '03-29', '05-03', '05-31', '08-30', '12-27', '12-28']],
  ])('%i', (year, days) => {
    expect(bankHolidays(year, 'england-and-wales')).toEqual(days.map((d) => `${year}-${d}`));
  });
});

describe('bank holidays in the other regions', () => {
  it.each<[string, number, string[]]>([
    [
      'scotland',
      2022,
      ['01-03', '01-04', '04-15', '05-02', '06-02', '06-03', '08-01', '09-19', '11-30', '12-26', '12-27'],
    ],
    ['scotland', 2026, ['01-01', '01-02', '04-03', '05-04', '05-25', '08-03', '11-30', '12-25', '12-28']],
    ['scotland', 2027, ['01-01', '01-04', '03-26', '05-03', '05-31', '08-02', '11-30', '12-27', '12-28']],
    [
      'northern-ireland',
      2026,
      ['01-01', '03-17', '04-03', '04-06', '05-04', '05-25', '07-13', '08-31', '12-25', '12-28'],
    ],
  ])('%s %i', (region, year, days) => {
    expect(bankHolidays(year, region as 'scotland')).toEqual(days.map((d) => `${year}-${d}`));
  });

  it('lets an authority add a future proclaimed holiday and remove a moved one', () => {
    const adjusted = createCalendar('england-and-wales', { add: ['2027-06-07'], remove: ['2027-05-31'] });
    expect(adjusted.isWorkingDay('2027-06-07')).toBe(false);
    expect(adjusted.isWorkingDay('2027-05-31')).toBe(true);
  });
});

it.each([
  [2024, '2024-03-31'],
  [2025, '2025-04-20'],
  [2026, '2026-04-05'],
  [2038, '2038-04-25'],
  [2285, '2285-03-22'],
])('Easter Sunday %i is %s', (year, date) => {
  expect(easterSunday(year)).toBe(date);
});

describe('working days (X itself is day 0)', () => {
  it.each([
    ['across Easter 2026', '2026-03-31', 3, '2026-04-07'],
    ['across Christmas 2026', '2026-12-23', 2, '2026-12-29'],
    ['across New Year 2027', '2026-12-31', 1, '2027-01-04'],
    ['45 for an assessment from a Monday referral', '2026-11-23', 45, '2027-01-28'],
    ['15 for a conference across the 2022 Jubilee', '2022-05-25', 15, '2022-06-17'],
    ['over the 2020 VE Day move', '2020-05-07', 1, '2020-05-11'],
    ['on the day the 2020 holiday moved away from', '2020-05-01', 1, '2020-05-04'],
    ['over the 2023 Coronation', '2023-05-05', 1, '2023-05-09'],
    ['over the 2022 state funeral', '2022-09-16', 1, '2022-09-20'],
    ['from a Saturday', '2026-11-28', 1, '2026-11-30'],
    ['backwards over a weekend', '2026-11-30', -1, '2026-11-27'],
    ['zero', '2026-11-28', 0, '2026-11-28'],
  ])('%s: %s + %i = %s', (_, from, n, expected) => {
    expect(england.addWorkingDays(from, n)).toBe(expected);
    if (n !== 0) expect(england.workingDaysBetween(from, expected)).toBe(n);
  });

  it('knows substitute days are not working days', () => {
    expect(england.isWorkingDay('2026-12-28')).toBe(false);
    expect(england.isWorkingDay('2021-12-27')).toBe(false);
    expect(england.isWorkingDay('2026-12-24')).toBe(true);
  });

  it('lists bank holidays between two dates', () => {
    expect(england.bankHolidaysBetween('2026-12-01', '2027-01-31')).toEqual([
      '2026-12-25',
      '2026-12-28',
      '2027-01-01',
    ]);
  });
});

describe('working-day properties', () => {
  const dates = fc.integer({ min: 0, max: 365 * 12 }).map((n) => addDays('2018-01-01', n));
  const regions = fc.constantFrom(...CALENDAR_REGIONS);
  const calendars = Object.fromEntries(
    (['england-and-wales', 'scotland', 'northern-ireland'] as const).map((r) => [r, createCalendar(r)]),
  );

  it('addWorkingDays(d, n) is a working day, and workingDaysBetween undoes it', () => {
    fc.assert(
      fc.property(regions, dates, fc.integer({ min: 1, max: 400 }), (region, d, n) => {
        const calendar = calendars[region]!;
        const later = calendar.addWorkingDays(d, n);
        const earlier = calendar.addWorkingDays(d, -n);
        return (
          calendar.isWorkingDay(later) &&
          calendar.workingDaysBetween(d, later) === n &&
          calendar.isWorkingDay(earlier) &&
          calendar.workingDaysBetween(d, earlier) === -n
        );
      }),
    );
  });

  it('addWorkingDays is strictly increasing in n', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: 0, max: 300 }), fc.integer({ min: 1, max: 50 }), (d, n, more) => {
        return england.addWorkingDays(d, n) < england.addWorkingDays(d, n + more);
      }),
    );
  });

  it('agrees with counting day by day', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: 0, max: 120 }), (d, span) => {
        let count = 0;
        for (let i = 1; i <= span; i++) if (england.isWorkingDay(addDays(d, i))) count++;
        return england.workingDaysBetween(d, addDays(d, span)) === count;
      }),
    );
  });
});

describe('clock changes in London', () => {
  it.each([
    ['winter', '2026-01-15', '08:30', '2026-01-15T08:30:00.000Z'],
    ['the day before the spring change', '2026-03-28', '08:30', '2026-03-28T08:30:00.000Z'],
    ['the spring change day', '2026-03-29', '08:30', '2026-03-29T07:30:00.000Z'],
    ['summer', '2026-07-01', '08:30', '2026-07-01T07:30:00.000Z'],
    ['the autumn change day', '2026-10-25', '08:30', '2026-10-25T08:30:00.000Z'],
    ['the day before the autumn change', '2026-10-24', '08:30', '2026-10-24T07:30:00.000Z'],
  ])('08:30 local in %s is 08:30 on the wall clock', (_, date, time, utc) => {
    const instant = londonInstant(date, time);
    expect(instant.toISOString()).toBe(utc);
    expect(londonTime(instant)).toBe(time);
    expect(londonDate(instant)).toBe(date);
  });

  it('reads late evening UTC in summer as the next London day', () => {
    expect(londonDate(new Date('2026-07-01T23:30:00Z'))).toBe('2026-07-02');
  });
});
