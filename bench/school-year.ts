/**
 * A school year of incident records for the console figures: `incident.created` payloads
 * in the shape the capture form seals (src/domain/incident.ts), with the default policy
 * pack's categories (each copied as capture copies it), zero to three people from a few
 * hundred pupils and staff, places, trips, a paragraph of "what happened" and dates from
 * September to July. Seeded, so every run seals the same records (ids and sealing aside).
 */
import { categoryChoice, type IncidentCreatedPayload } from '../src/domain/incident.ts';
import { EMPTY_EVIDENCE } from '../src/domain/evidence.ts';
import type { PersonKind, PersonRole } from '../src/domain/people.ts';
import { createUlidFactory } from '../src/domain/ulid.ts';
import { defaultPack } from '../src/policy/default-pack/index.ts';

/** Mulberry32: a small seeded generator, so the data set is the same on every run. */
function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = [
  'Amy',
  'Ben',
  'Chloe',
  'Daniel',
  'Ella',
  'Finn',
  'Grace',
  'Harry',
  'Isla',
  'Jack',
  'Kai',
  'Lily',
  'Mason',
  'Nia',
  'Oscar',
  'Poppy',
  'Quinn',
  'Ruby',
  'Sami',
  'Theo',
  'Uma',
  'Vinnie',
  'Willow',
  'Xander',
  'Yasmin',
  'Zac',
  'Aisha',
  'Bilal',
  'Caitlin',
  'Dylan',
];
const LAST = [
  'Ahmed',
  'Brown',
  'Clarke',
  'Davies',
  'Evans',
  'Farah',
  'Green',
  'Hughes',
  'Iqbal',
  'Jones',
  'Khan',
  'Lewis',
  'Morgan',
  'Nowak',
  'Okafor',
  'Patel',
  'Quinn',
  'Roberts',
  'Singh',
  'Taylor',
];
const STAFF = [
  'Mrs Able',
  'Mr Baker',
  'Ms Carter',
  'Mr Dhillon',
  'Mrs Ellis',
  'Miss Fox',
  'Mr Grant',
  'Mrs Hart',
  'Mr Irving',
  'Ms Joshi',
  'Mrs Kaur',
  'Mr Lowe',
];
const PLACES = [
  'Year 6 classroom',
  'ICT suite',
  'Library',
  'Playground',
  'Dining hall',
  'School office',
  'Sports hall',
  'Science lab 2',
  'Music room',
  'Corridor by the hall',
  'Coach to the museum',
  'At home (reported next day)',
  'Class chat group',
  'Staff room',
  'Reception',
];
const TRIPS = ['', '', '', '', 'Year 6 residential', 'Science museum trip', 'Swimming gala'];
const OPENINGS = [
  'During the lesson a pupil showed the class teacher messages on their phone.',
  'A parent phoned the office about something their child saw online at the weekend.',
  'Unkind messages, then "jokes", were posted in the class chat.',
  'A pupil was found using another pupil’s login on the library computer.',
  'A video was shared around the year group without the consent of the person in it.',
  'Pupils were playing an age-inappropriate game on a tablet at break.',
  'A spreadsheet of pupil contact details was emailed to the wrong address.',
  'An adult the pupil met in an online game asked them to move to a private app.',
  'The filtering log flagged repeated searches for self-harm content.',
  'A member of staff reported a suspicious email asking for passwords.',
];
const MIDDLES = [
  'The pupil was upset and asked for it to stop.',
  'Screenshots were taken by the teacher and the phone was kept in the office.',
  'Other pupils said this had been going on for a couple of weeks.',
  'The device was switched off and handed to the DSL.',
  'No one else seems to have seen it yet.',
  'The pupil said they did not know who had started it.',
];
const ENDINGS = [
  'Parents have not been told yet.',
  'The class teacher will keep an eye on the group this week.',
  'IT support were asked to check the filtering settings.',
  'The pupil went back to lessons after talking it through.',
  'Reported straight away, as the policy asks.',
];

const ROLES: PersonRole[] = ['victim', 'instigator', 'witness', 'reporter'];
/** Mostly pupils, some staff and parents, as the seeds' examples are. */
const KINDS: PersonKind[] = ['pupil', 'pupil', 'pupil', 'pupil', 'pupil', 'staff', 'parent'];

/** Local `YYYY-MM-DDTHH:MM`, as the capture form's "When it happened" holds it. */
const localMinute = (d: Date) => d.toISOString().slice(0, 16);

/**
 * `count` incident payloads over one school year (1 September 2025 to 20 July 2026, school
 * days and hours), each with the `created` time its envelope carries.
 */
export function schoolYear(
  count: number,
  seed = 2025,
): { created: string; payload: IncidentCreatedPayload }[] {
  const rnd = seeded(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const start = Date.UTC(2025, 8, 1);
  const span = Date.UTC(2026, 6, 20) - start;
  const categories = defaultPack.categories;
  const out: { created: string; payload: IncidentCreatedPayload }[] = [];
  for (let i = 0; i < count; i++) {
    const day = new Date(start + Math.floor(rnd() * span));
    if (day.getUTCDay() === 0 || day.getUTCDay() === 6) day.setUTCDate(day.getUTCDate() - 2);
    day.setUTCHours(8 + Math.floor(rnd() * 8), Math.floor(rnd() * 60), 0, 0);
    const recorded = new Date(day.getTime() + Math.floor(rnd() * 3 * 3_600_000));
    const c = rnd() < 0.1 ? null : pick(categories);
    const people = Array.from({ length: Math.floor(rnd() * 4) }, (_, p) => {
      const kind = pick(KINDS);
      return {
        id: `p${p}`,
        name: kind === 'staff' ? pick(STAFF) : `${pick(FIRST)} ${pick(LAST)}`,
        role: pick(ROLES),
        kind,
        yearGroup: kind === 'pupil' ? `Year ${3 + Math.floor(rnd() * 9)}` : '',
        rosterPupilId: '',
      };
    });
    const reporter = pick(STAFF);
    const trip = pick(TRIPS);
    const incidentId = createUlidFactory(() => day.getTime())();
    out.push({
      created: recorded.toISOString(),
      payload: {
        type: 'incident.created',
        incidentId,
        recordedAt: recorded.toISOString(),
        recordedBy: reporter,
        fields: {
          what: [pick(OPENINGS), pick(MIDDLES), pick(MIDDLES), pick(ENDINGS)].join(' '),
          when: localMinute(day),
          where: trip ? 'Coach to the museum' : pick(PLACES),
          reportedBy: rnd() < 0.8 ? reporter : pick(STAFF),
          trip,
          category: c
            ? categoryChoice({
                id: c.id,
                label: c.label,
                area: c.risk,
                suspectedIllegal: c.flags.includes('suspectedIllegal'),
                dataBreach: c.flags.includes('dataBreach'),
              })
            : null,
          childWords: rnd() < 0.3 ? '“I just want it to stop, I didn’t do anything to them.”' : '',
          people,
          actions:
            rnd() < 0.5
              ? [
                  {
                    id: 'a0',
                    what: 'Screenshots taken and the phone kept in the office',
                    by: reporter,
                    when: localMinute(recorded),
                  },
                ]
              : [],
          told: {
            dslToldVerbally: rnd() < 0.6 ? 'yes' : '',
            dslName: 'Dana Lead',
            dslToldAt: '',
            others: '',
          },
          marking: 'OFFICIAL-SENSITIVE',
          suspectedIllegal: c?.flags.includes('suspectedIllegal') ?? false,
          evidence: EMPTY_EVIDENCE,
        },
      },
    });
  }
  return out;
}
