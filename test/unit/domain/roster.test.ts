import { describe, expect, it } from 'vitest';
import {
  isRosterExpired,
  isTripToday,
  rosterPurgeAt,
  validateRoster,
} from '../../../src/domain/roster.ts';
import { parseRosterText } from '../../../src/domain/roster-text.ts';

describe('parseRosterText', () => {
  it.each<[string, string, { name: string; yearGroup: string }[]]>([
    [
      'typed lines',
      'Jo Bloggs, 5\nAmir K, Year 5',
      [
        { name: 'Jo Bloggs', yearGroup: 'Year 5' },
        { name: 'Amir K', yearGroup: 'Year 5' },
      ],
    ],
    [
      'initials only, no year',
      'J.B.\n\n  \nA.K.',
      [
        { name: 'J.B.', yearGroup: '' },
        { name: 'A.K.', yearGroup: '' },
      ],
    ],
    [
      'a CSV export with a header',
      '\uFEFFPupil name,Year group\r\n"Smith, Ann",Y4\r\n',
      [{ name: 'Smith, Ann', yearGroup: 'Year 4' }],
    ],
    [
      'semicolons and quotes in quotes',
      'Sean "Seany" O\'Neil;6\n"Li ""Lee"" Wu";Reception',
      [
        { name: 'Sean "Seany" O\'Neil', yearGroup: 'Year 6' },
        { name: 'Li "Lee" Wu', yearGroup: 'Reception' },
      ],
    ],
    [
      'surname and first name in columns',
      'Bloggs,Jo,Yr 3',
      [{ name: 'Bloggs Jo', yearGroup: 'Year 3' }],
    ],
  ])('reads %s', (_case, text, pupils) => {
    expect(parseRosterText(text)).toEqual({ pupils, problems: [] });
  });

  it('reports a line it cannot use instead of dropping it', () => {
    expect(parseRosterText('Jo, 5\n, 6')).toEqual({
      pupils: [{ name: 'Jo', yearGroup: 'Year 5' }],
      problems: ['Line 2 has no name: “, 6”.'],
    });
  });
});

describe('roster retention', () => {
  it('keeps a roster until the start of the day after its retention', () => {
    expect(new Date(rosterPurgeAt('2025-03-12', 7))).toEqual(new Date('2025-03-20T00:00'));
    expect(isRosterExpired('2025-03-12', new Date('2025-03-19T23:59').getTime(), 7)).toBe(false);
    expect(isRosterExpired('2025-03-12', new Date('2025-03-20T00:00').getTime(), 7)).toBe(true);
    expect(isRosterExpired('not a date', 0, 7)).toBe(true);
  });

  it('knows whether the trip is on today', () => {
    const trip = { startsOn: '2025-03-11', endsOn: '2025-03-12' };
    expect(isTripToday(trip, new Date('2025-03-10T23:00'))).toBe(false);
    expect(isTripToday(trip, new Date('2025-03-11T07:00'))).toBe(true);
    expect(isTripToday(trip, new Date('2025-03-12T22:00'))).toBe(true);
    expect(isTripToday(trip, new Date('2025-03-13T00:01'))).toBe(false);
  });
});

describe('validateRoster', () => {
  const now = new Date('2025-03-01T09:00');
  const ok = {
    tripName: 'Farm',
    startsOn: '2025-03-10',
    endsOn: '2025-03-10',
    pupils: [{ name: 'Jo', yearGroup: '' }],
  };
  it.each([
    ['a good roster', {}, {}],
    ['no name', { tripName: ' ' }, { tripName: 'Name the trip or visit.' }],
    [
      'a trip already over',
      { startsOn: '2025-02-01', endsOn: '2025-02-02' },
      { endsOn: 'This trip has already ended: its roster would be deleted straight away.' },
    ],
    [
      'a last day before the first',
      { endsOn: '2025-03-09' },
      { endsOn: 'The last day cannot be before the first day.' },
    ],
    [
      'a two-month trip',
      { endsOn: '2025-05-10' },
      { endsOn: 'A trip roster covers at most 31 days.' },
    ],
    ['no pupils', { pupils: [] }, { pupils: 'Add at least one pupil (name or initials).' }],
    [
      'a date that is not one',
      { startsOn: '2025-02-30' },
      { startsOn: 'Give the first day of the trip.' },
    ],
  ])('%s', (_case, change, errors) => {
    expect(validateRoster({ ...ok, ...change }, now)).toEqual(errors);
  });
});
