/**
 * breachSuggestion: the category suggested for a breach of each kind of rule (table-driven
 * over the default pack), the note naming the rule, and the `fromRule` address contract the
 * capture screens read. Pure code; it sits with the rules tests by name.
 */
import { describe, expect, it } from 'vitest';
import { defaultPack } from '../../src/policy/default-pack/index.ts';
import type { PolicyPack } from '../../src/policy/pack-schema.ts';
import {
  breachHref,
  breachSuggestion,
  fromRuleValue,
  parseFromRule,
} from '../../src/ui/rules/breach.ts';

describe('breachSuggestion: the category for a breach of a rule', () => {
  // [rule set, rule, expected category, why]
  const cases: [string, string, string | null, string][] = [
    ['whiston-ks1-agreement', 'r1', 'non-educational-use', 'using the internet without an adult'],
    ['whiston-ks1-agreement', 'r6', 'cyberbullying', 'unkind e-mails'],
    ['whiston-fs2-ks1-poster', 'r4', null, 'asking for help is not an incident'],
    [
      'whiston-ks2-poster',
      'r2',
      'inappropriate-site-accidental',
      'not telling about what was seen',
    ],
    ['whiston-ks2-poster', 'r5', 'privacy-personal-information', 'giving out personal information'],
    ['whiston-ks2-agreement', 'r6', 'account-misuse', 'other people’s files'],
    ['whiston-ks2-agreement', 'r7', 'security-breach', 'a USB drive brought in by a pupil'],
    ['whiston-ks2-agreement', 'r8', 'inappropriate-contact-grooming', 'arranging to meet'],
    ['whiston-ks2-agreement', 'r10', null, 'the school may monitor: not a promise to break'],
    ['belmont-ks1-safe', 'r6', 'sexting-youth-produced-imagery', 'clothes in front of a camera'],
    ['belmont-ks1-safe', 'r5', 'inappropriate-contact-grooming', 'secrets'],
    ['belmont-i-am', 'r16', 'cyberbullying', 'I am not a bully'],
    ['belmont-i-am', 'r18', 'copyright-file-sharing', 'other people’s work'],
    ['gracefield-pupil-rules', 'r7', 'inappropriate-site-deliberate', 'looking for nasty things'],
    ['gracefield-pupil-rules', 'r14', 'age-inappropriate-games-apps', 'signing up underage'],
    ['gracefield-pupil-rules', 'r13', 'personal-device-misuse', 'a smart watch'],
    ['odst-older-pupils', 'r8', 'non-educational-use', 'gaming and shopping on school systems'],
    // Staff: the staff AUP's breaches are misuse of school IT by an adult, or sharper.
    ['whiston-staff-aup', 'r1', 'misuse-of-it-by-adult', 'non-professional use'],
    ['whiston-staff-aup', 'r2', 'password-compromise', 'revealing a password'],
    ['whiston-staff-aup', 'r8', 'staff-inappropriate-communication', 'contacting pupils'],
    ['whiston-staff-aup', 'r9', 'misuse-of-it-by-adult', 'offensive material'],
    ['whiston-staff-aup', 'r12', 'copyright-file-sharing', 'copyright'],
    ['whiston-staff-aup', 'r13', 'virus', 'no anti-virus'],
    ['whiston-staff-aup', 'r14', 'unauthorised-recording', 'photos of pupils on a personal phone'],
    ['whiston-staff-aup', 'r19', 'data-sent-insecurely', 'unencrypted confidential data'],
    ['whiston-staff-aup', 'r21', 'personal-device-misuse', 'a personal phone at work'],
    ['whiston-staff-aup', 'r22', null, 'teaching the curriculum'],
    ['whiston-staff-aup', 'r26', null, 'the disciplinary warning'],
    ['gracefield-staff-visitor-code', 'r7', 'security-breach', 'installing software'],
    ['belmont-data-security', 'r2', 'password-compromise', 'sharing passwords'],
    ['belmont-data-security', 'r11', 'security-breach', 'strangers in staff areas'],
    // Visitors and community users read as adults.
    ['belmont-visitors', 'r4', 'staff-inappropriate-communication', 'contacting pupils'],
    ['belmont-visitors', 'r10', 'unauthorised-recording', 'photographs on site'],
    ['odst-community-users', 'r3', 'suspected-illegal-material', 'child abuse images'],
    ['odst-community-users', 'r5', 'account-misuse', 'other users’ files'],
    // Parents.
    ['gracefield-home-school', 'r1', 'parent-posts-about-school', 'posts that upset or offend'],
    ['whiston-parent-agreement', 'r2', 'privacy-personal-information', 'other children’s photos'],
    ['gracefield-home-school', 'r4', 'age-inappropriate-games-apps', 'underage accounts'],
    ['belmont-parent', 'r5', null, 'supporting remote learning'],
  ];

  it.each(cases)('%s %s → %s (%s)', (setId, ruleId, categoryId) => {
    expect(breachSuggestion(defaultPack, setId, ruleId).categoryId).toBe(categoryId);
  });

  it('only ever suggests a category the pack has', () => {
    const ids = new Set(defaultPack.categories.map((c) => c.id));
    let suggested = 0;
    for (const set of defaultPack.ruleSets) {
      for (const rule of set.rules) {
        const { categoryId } = breachSuggestion(defaultPack, set.id, rule.id);
        if (categoryId === null) continue;
        suggested++;
        expect(ids.has(categoryId), `${set.id} ${rule.id}: ${categoryId}`).toBe(true);
      }
    }
    expect(suggested).toBeGreaterThan(100);
  });

  it('suggests nothing when the school’s pack lacks the category', () => {
    const pack: Pick<PolicyPack, 'ruleSets' | 'categories'> = {
      ruleSets: defaultPack.ruleSets,
      categories: defaultPack.categories.filter((c) => c.id !== 'cyberbullying'),
    };
    expect(breachSuggestion(pack, 'whiston-ks1-agreement', 'r6').categoryId).toBeNull();
  });

  it('notes the rule: its number, set, id, version and words', () => {
    expect(breachSuggestion(defaultPack, 'whiston-ks2-poster', 'r7').note).toBe(
      'Breach of rule 7 of “‘Think, then Click!’ Key Stage 2 e-Safety Rules” (whiston-ks2-poster, version 1.0): “We will not bring USB flash drives or any other form of stored information to school.”',
    );
    expect(breachSuggestion(defaultPack, 'belmont-i-am', 'r16').note).toMatch(
      /^Breach of rule 16 of .*: “I am not a bully: I do not post/,
    );
  });

  it('gives no category and says so for a rule the pack does not hold', () => {
    expect(breachSuggestion(defaultPack, 'whiston-ks2-poster', 'r99')).toEqual({
      categoryId: null,
      note: 'Breach of rule r99 of rule set whiston-ks2-poster (not in this school’s current rules).',
    });
    expect(breachSuggestion(defaultPack, 'gone', 'r1').categoryId).toBeNull();
  });
});

describe('the fromRule address', () => {
  it('round-trips through the capture address', () => {
    expect(fromRuleValue('whiston-ks2-poster', 'r3')).toBe('whiston-ks2-poster:r3');
    expect(breachHref('whiston-ks2-poster', 'r3')).toBe(
      '/capture?fromRule=whiston-ks2-poster%3Ar3',
    );
    const url = new URL(breachHref('whiston-ks2-poster', 'r3'), 'https://school.example');
    expect(parseFromRule(url.searchParams.get('fromRule'))).toEqual({
      ruleSetId: 'whiston-ks2-poster',
      ruleId: 'r3',
    });
  });

  it.each([undefined, 42, '', 'whiston-ks2-poster', 'a:b:c', 'Upper:r1', 'a:', ':r1', 'a b:r1'])(
    'refuses %j',
    (value) => expect(parseFromRule(value)).toBeNull(),
  );
});
