import { describe, expect, it } from 'vitest';
import { EMPTY_INCIDENT, type IncidentFields } from '../../../src/domain/incident.ts';
import { validateIncident } from '../../../src/domain/incident-validation.ts';
import { newPerson } from '../../../src/domain/people.ts';

const NOW = new Date('2025-03-12T10:00:00');
const valid: IncidentFields = {
  ...EMPTY_INCIDENT,
  what: 'Unkind messages in a game chat',
  when: '2025-03-12T09:30',
  where: 'Science Museum, gallery 3',
  reportedBy: 'Sam Teacher',
};
const photo = {
  id: 'ph1',
  mediaType: 'image/jpeg' as const,
  bytes: 10,
  width: 1,
  height: 1,
  sha256: 'x',
  addedAt: 'x',
};
const device = {
  id: 'dv1',
  description: 'Phone',
  takenBy: 'Sam',
  takenAt: '2025-03-12T09:40',
  keptAt: 'Safe',
};

describe('validateIncident', () => {
  it('accepts a complete record, with only the four required fields', () => {
    expect(validateIncident(valid, NOW)).toEqual({});
  });

  it.each<[string, Partial<IncidentFields>, Record<string, string>]>([
    ['nothing written', { what: '  ' }, { what: 'Describe what happened.' }],
    ['no place', { where: '' }, { where: 'Say where it happened (for a trip, name the visit).' }],
    ['no reporter', { reportedBy: '' }, { reportedBy: 'Say who reported it.' }],
    ['no time', { when: '' }, { when: 'Give the date and time it happened.' }],
    ['a nonsense time', { when: 'yesterday-ish' }, { when: 'Enter a real date and time.' }],
    [
      'a time in the future',
      { when: '2025-03-12T11:00' },
      { when: 'The time it happened cannot be in the future.' },
    ],
    [
      'the DSL told but not when',
      { told: { dslToldVerbally: 'yes', dslName: 'Dana', dslToldAt: '', others: '' } },
      { 'told.dslToldAt': 'Say when the DSL was told.' },
    ],
    [
      'a person with no name or part',
      { people: [newPerson('a')] },
      {
        'people.a.name': 'Give a name or initials, or remove this person.',
        'people.a.role': 'Choose this person’s part in the incident.',
      },
    ],
    [
      'an action with nothing said',
      { actions: [{ id: 'x', what: '', by: '', when: '2025-03-12T09:45' }] },
      {
        'actions.x.what': 'Say what was done, or remove this action.',
        'actions.x.by': 'Say who did it.',
      },
    ],
    [
      'a device without custody',
      {
        evidence: { notes: '', webAddresses: '', photos: [], devices: [{ ...device, keptAt: '' }] },
      },
      { 'evidence.devices.dv1.keptAt': 'Say where the device is kept now.' },
    ],
    [
      'possibly illegal, with no device recorded',
      { suspectedIllegal: true },
      {
        'evidence.devices':
          'Record the device: what it is, who took it and where it is kept now. Do not look at it again.',
      },
    ],
    [
      'possibly illegal, with a photo',
      {
        suspectedIllegal: true,
        evidence: { notes: '', webAddresses: '', devices: [device], photos: [photo] },
      },
      {
        'evidence.photos':
          'Remove the photos: material that may be illegal must not be copied or sent.',
      },
    ],
    [
      'a text too long',
      { childWords: 'x'.repeat(20_001) },
      { childWords: 'This is too long: at most 20,000 characters.' },
    ],
  ])('explains %s', (_case, change, errors) => {
    expect(validateIncident({ ...valid, ...change }, NOW)).toEqual(errors);
  });

  it('never changes the record it checks', () => {
    const record = structuredClone({ ...valid, what: '' });
    validateIncident(record, NOW);
    expect(record).toEqual({ ...valid, what: '' });
  });
});
