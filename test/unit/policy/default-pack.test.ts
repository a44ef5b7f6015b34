/**
 * What the default pack must hold, from issues 4, 5 and 6 and the seed policies: the nine
 * Belmont scenarios, the rule sets with their audiences, the record forms, the categories'
 * routing, only well-known public numbers, and every procedure reachable from somewhere.
 */
import { describe, expect, it } from 'vitest';
import { defaultPack } from '../../../src/policy/default-pack/index.ts';
import { answer, proceed, startWalk, type Walk } from '../../../src/policy/flowchart.ts';

const byId = <T extends { id: string }>(items: T[], id: string): T => {
  const found = items.find((item) => item.id === id);
  if (!found) throw new Error(`missing ${id}`);
  return found;
};

describe('default pack: scenarios', () => {
  it('holds all nine Belmont "What we do if?" scenarios with their numbered steps', () => {
    const belmont = defaultPack.scenarios.filter((s) => s.source.policy === 'belmont');
    expect(belmont.map((s) => [s.id, s.steps.length])).toEqual([
      ['belmont-site-unintentional', 3],
      ['belmont-site-intentional-child', 3],
      ['belmont-site-intentional-staff', 5],
      ['belmont-adult-misuse', 4],
      ['belmont-bullying', 8],
      ['belmont-malicious-comments', 5],
      ['belmont-inappropriate-contact', 6],
      ['belmont-inappropriate-games', 5],
      ['belmont-parent-posts', 2],
    ]);
    for (const scenario of belmont) {
      expect(scenario.notes).toEqual(
        expect.arrayContaining([
          expect.stringMatching(
            /reported immediately to the Headteacher and Designated Safeguarding Lead/,
          ),
          expect.stringMatching(/no-blame culture/),
        ]),
      );
    }
  });

  it('makes every scenario and flowchart reachable from a category, an end node or another chart', () => {
    const ends = defaultPack.flowcharts
      .flatMap((f) => Object.values(f.nodes))
      .filter((n) => n.kind === 'end');
    const scenarioRefs = new Set([
      ...defaultPack.categories.flatMap((c) => c.scenarios ?? []),
      ...ends.flatMap((n) => n.scenarios ?? []),
    ]);
    const chartRefs = new Set([
      ...defaultPack.categories.flatMap((c) => (c.flowchart ? [c.flowchart] : [])),
      ...ends.flatMap((n) => (n.continueWith ? [n.continueWith] : [])),
    ]);
    expect(defaultPack.scenarios.map((s) => s.id).filter((id) => !scenarioRefs.has(id))).toEqual(
      [],
    );
    expect(defaultPack.flowcharts.map((f) => f.id).filter((id) => !chartRefs.has(id))).toEqual([]);
  });
});

describe('default pack: categories', () => {
  it('covers the four Cs and the incident types issue 4 names', () => {
    const risks = new Set(defaultPack.categories.map((c) => c.risk));
    expect(risks).toEqual(new Set(['content', 'contact', 'conduct', 'commerce', null]));
    const ids = defaultPack.categories.map((c) => c.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'inappropriate-site-accidental',
        'inappropriate-site-deliberate',
        'cyberbullying',
        'inappropriate-contact-grooming',
        'sexting-youth-produced-imagery',
        'malicious-posts',
        'age-inappropriate-games-apps',
        'misuse-of-it-by-adult',
        'security-breach',
        'lost-stolen-device-or-data',
        'virus',
        'phishing-unsolicited-email',
        'password-compromise',
        'suspected-illegal-material',
        'radicalisation-extremism',
      ]),
    );
  });

  it('routes flagged categories to the matching procedure', () => {
    for (const category of defaultPack.categories) {
      if (category.flags.includes('suspectedIllegal'))
        expect(category.flowchart).toBe('gracefield-illegal');
      if (category.flags.includes('dataBreach')) expect(category.flowchart).toBe('data-breach');
    }
    const illegal = defaultPack.categories
      .filter((c) => c.flags.includes('suspectedIllegal'))
      .map((c) => c.id);
    expect(illegal).toEqual(['suspected-illegal-material', 'sexting-youth-produced-imagery']);
    expect(byId(defaultPack.categories, 'misuse-of-it-by-adult').flags).toEqual(['staffInvolved']);
  });
});

describe('default pack: rule sets (issue 6)', () => {
  it.each([
    [
      'whiston-ks1-agreement',
      'eyfs-ks1',
      'agreement',
      6,
      /^I will only use the internet when an adult is with me\.$/,
    ],
    [
      'whiston-ks2-agreement',
      'ks2',
      'agreement',
      10,
      /^I will ask permission before using the Internet/,
    ],
    [
      'whiston-fs2-ks1-poster',
      'eyfs-ks1',
      'poster',
      6,
      /^We will only use the internet when an adult is with us\.$/,
    ],
    ['whiston-ks2-poster', 'ks2', 'poster', 10, /^We will ask permission/],
    ['whiston-staff-aup', 'staff', 'agreement', 26, /Professional purposes/],
    ['belmont-ks1-safe', 'eyfs-ks1', 'agreement', 10, /ALLOWED/],
    ['belmont-i-am', 'ks2', 'agreement', 19, /schoolwork, homework and remote learning/],
    ['belmont-parent', 'parents', 'agreement', 11, /uses technology as part of the daily life/],
    ['belmont-visitors', 'visitors', 'agreement', 11, /may be captured/],
    ['belmont-data-security', 'staff', 'guidance', 17, /strong password/],
    [
      'gracefield-pupil-rules',
      'ks2',
      'agreement',
      14,
      /only use ICT in school for school purposes/,
    ],
    ['gracefield-staff-visitor-code', 'staff', 'code-of-conduct', 17, /professional purposes/],
    [
      'gracefield-smile-poster',
      'ks2',
      'poster',
      5,
      /^Staying safe means keeping your personal details private/,
    ],
    ['odst-younger-pupils', 'eyfs-ks1', 'agreement', 6, /ask a teacher or suitable adult/],
    ['odst-older-pupils', 'ks2', 'agreement', 17, /monitor my use of the systems/],
    ['odst-community-users', 'community', 'agreement', 14, /will be monitored/],
  ] as const)('%s: %s %s with %i rules', (id, audience, form, count, first) => {
    const set = byId(defaultPack.ruleSets, id);
    expect(set.audience).toBe(audience);
    expect(set.form).toBe(form);
    expect(set.rules).toHaveLength(count);
    expect(set.rules[0]!.text).toMatch(first);
    expect(set.version).toBeTruthy();
  });

  it('gives the "I am ..." statements their headings, and the SMILE poster its letters', () => {
    const iAm = byId(defaultPack.ruleSets, 'belmont-i-am').rules;
    expect(iAm.every((r) => /^I /.test(r.title ?? ''))).toBe(true);
    const smile = byId(defaultPack.ruleSets, 'gracefield-smile-poster')
      .rules.map((r) => r.title)
      .join('');
    expect(smile).toBe('SMILE');
  });
});

describe('default pack: record forms, contacts, settings', () => {
  it('holds the ODST Appendix G record form and the Reporting Log columns', () => {
    const fields = (id: string) =>
      byId(defaultPack.recordForms, id).sections.flatMap((s) => s.fields.map((f) => f.label));
    expect(fields('odst-misuse-record')).toEqual([
      'Group',
      'Date',
      'Reason for investigation',
      'Name',
      'Position',
      'Signature',
      'Name',
      'Position',
      'Signature',
      'Name and location of computer used for review (for web sites)',
      'Web site(s) address / device',
      'Reason for concern',
      'Conclusion and Action proposed or taken',
    ]);
    expect(fields('odst-reporting-log')).toEqual([
      'Group',
      'Date',
      'Time',
      'Incident',
      'Action taken: what?',
      'Action taken: by whom?',
      'Incident reported by',
      'Signature',
    ]);
  });

  it('fills in only well-known public numbers and leaves names empty', () => {
    const numbers = defaultPack.contacts.filter((c) => c.phone !== '').map((c) => [c.id, c.phone]);
    expect(numbers).toEqual([
      ['police-emergency', '999'],
      ['police', '101'],
      ['childline', '0800 1111'],
      ['posh', '0344 381 4772'],
      ['ico', '0303 123 1113'],
    ]);
    for (const contact of defaultPack.contacts.filter((c) => c.phone === '')) {
      expect(contact.notes).toMatch(
        /Set by the school|Reports are made online|Internet Watch Foundation/,
      );
    }
    expect(defaultPack.school.roles.every((role) => role.person === '')).toBe(true);
  });

  it('takes the settings from the seeds where they give them', () => {
    expect(defaultPack.settings).toMatchObject({
      idleLockMinutes: 10,
      hiddenLockSeconds: 60,
      dataBreachReportingHours: 72,
      unsentWarningHours: 24,
      protectiveMarkingDefault: 'OFFICIAL-SENSITIVE',
    });
    const confirmed = defaultPack.retention.filter((r) => r.status === 'from-seed');
    expect(confirmed.every((r) => r.source !== undefined)).toBe(true);
    expect(byId(defaultPack.retention, 'default')).toMatchObject({
      years: null,
      status: 'school-to-confirm',
    });
  });
});

describe('default pack: decisions that need a reason', () => {
  const walkTo = (chartId: string, answers: string[]): Walk => {
    let walk = startWalk(byId(defaultPack.flowcharts, chartId));
    for (const id of answers) {
      const result = id === 'continue' ? proceed(walk) : answer(walk, id, 'because');
      if (!result.ok) throw new Error(result.error.message);
      walk = result.walk;
    }
    return walk;
  };

  it('data breach: "do not report" to the ICO is refused without a reason', () => {
    const atDecision = walkTo('data-breach', ['continue', 'lost', 'continue', 'yes', 'continue']);
    expect(answer(atDecision, 'do-not-report')).toMatchObject({
      ok: false,
      error: { code: 'reason-required' },
    });
    expect(answer(atDecision, 'do-not-report', 'Encrypted laptop; key not lost.')).toMatchObject({
      ok: true,
    });
    expect(answer(atDecision, 'report')).toMatchObject({ ok: true });
  });

  it('illegal incident: deciding nothing illegal happened needs a reason', () => {
    const start = walkTo('gracefield-illegal', []);
    expect(answer(start, 'no')).toMatchObject({ ok: false, error: { code: 'reason-required' } });
    expect(answer(start, 'yes')).toMatchObject({ ok: true });
  });
});
