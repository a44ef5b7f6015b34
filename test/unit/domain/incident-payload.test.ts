import { describe, expect, it } from 'vitest';
import { completeFields, EMPTY_INCIDENT } from '../../../src/domain/incident.ts';
import { isIncidentCreatedPayload } from '../../../src/domain/incident-payload.ts';

const spine = {
  type: 'incident.created',
  incidentId: '01J0000000000000000000000A',
  fields: { what: 'w', when: '2025-01-01T09:00', where: 'x', reportedBy: 'r' },
  recordedAt: '2025-01-01T09:05:00.000Z',
  recordedBy: 'Sam',
};
const full = {
  ...spine,
  fields: {
    ...EMPTY_INCIDENT,
    ...spine.fields,
    category: {
      id: 'c',
      label: 'Cyberbullying',
      area: 'conduct',
      suspectedIllegal: false,
      dataBreach: false,
    },
    people: [
      {
        id: 'p',
        name: 'Jo',
        role: 'victim',
        kind: 'pupil',
        yearGroup: 'Year 5',
        rosterPupilId: '',
      },
    ],
    actions: [{ id: 'a', what: 'Took the phone', by: 'Sam', when: '2025-01-01T09:01' }],
  },
};

describe('isIncidentCreatedPayload', () => {
  it('accepts the spine’s four-field record and the full record', () => {
    expect(isIncidentCreatedPayload(spine)).toBe(true);
    expect(isIncidentCreatedPayload(full)).toBe(true);
  });

  it.each([
    ['a missing required field', { ...spine, fields: { what: 'w', when: 'x', where: 'y' } }],
    [
      'a person with an unknown role',
      { ...full, fields: { ...full.fields, people: [{ ...full.fields.people[0], role: 'boss' }] } },
    ],
    ['people that are not a list', { ...full, fields: { ...full.fields, people: 'Jo' } }],
    ['an unknown marking', { ...full, fields: { ...full.fields, marking: 'SECRET' } }],
    [
      'a category in no known area',
      { ...full, fields: { ...full.fields, category: { ...full.fields.category, area: 'cash' } } },
    ],
    [
      'a photo of another type',
      {
        ...full,
        fields: {
          ...full.fields,
          evidence: {
            notes: '',
            webAddresses: '',
            devices: [],
            photos: [
              {
                id: 'x',
                mediaType: 'image/svg+xml',
                bytes: 1,
                width: 1,
                height: 1,
                sha256: 's',
                addedAt: 'a',
              },
            ],
          },
        },
      },
    ],
    ['another kind of payload', { ...spine, type: 'evidence.added' }],
  ])('refuses %s', (_case, payload) => {
    expect(isIncidentCreatedPayload(payload)).toBe(false);
  });
});

describe('completeFields', () => {
  it('fills the parts an older record lacks and keeps everything it has', () => {
    const done = completeFields(spine.fields);
    expect(done).toEqual({ ...EMPTY_INCIDENT, ...spine.fields });
    expect(done.marking).toBe('OFFICIAL-SENSITIVE');
    expect(done.evidence).toEqual({ notes: '', webAddresses: '', devices: [], photos: [] });
  });
});
