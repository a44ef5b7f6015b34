/**
 * The category suggested for a breach of a rule (breach.ts), by keywords.
 *
 * The category is a suggestion the member of staff can change, chosen by a short table of
 * keyword rows over the rule's heading, group and text. Who the rule is for picks the
 * column; the rows are read top to bottom and the first that matches with a category in
 * that column wins ("–": the row says nothing for that reader, and reading goes on):
 *
 * | the rule is about                                            | pupils                         | staff, visitors, community        | parents                      |
 * | ------------------------------------------------------------ | ------------------------------ | --------------------------------- | ---------------------------- |
 * | child abuse images, indecent images, pornography, racism     | suspected-illegal-material     | suspected-illegal-material        | –                            |
 * | clothes, bodies                                              | sexting-youth-produced-imagery | –                                 | –                            |
 * | meeting people, strangers, secrets, "who they say they are"  | inappropriate-contact-grooming | –                                 | –                            |
 * | contact with pupils, contact details                         | –                              | staff-inappropriate-communication | –                            |
 * | looking for, saving or sending nasty things                  | inappropriate-site-deliberate  | misuse-of-it-by-adult             | –                            |
 * | reporting what was seen or found by accident                 | inappropriate-site-accidental  | inappropriate-site-accidental     | –                            |
 * | viruses, anti-virus                                          | virus                          | virus                             | –                            |
 * | kind, polite, bullying, upsetting or excluding others        | cyberbullying                  | misuse-of-it-by-adult             | –                            |
 * | disrepute, negative comments, the school in a bad light      | –                              | misuse-of-it-by-adult             | parent-posts-about-school    |
 * | age limits, signing up to services                           | age-inappropriate-games-apps   | –                                 | age-inappropriate-games-apps |
 * | gaming, shopping, file sharing on school systems             | non-educational-use            | misuse-of-it-by-adult             | –                            |
 * | copyright, other people's work                               | copyright-file-sharing         | copyright-file-sharing            | –                            |
 * | personal information, addresses, phone numbers               | privacy-personal-information   | –                                 | privacy-personal-information |
 * | photos, video, cameras, recording                            | unauthorised-recording         | unauthorised-recording            | privacy-personal-information |
 * | personal data, encryption, confidential data, off-site       | –                              | data-sent-insecurely              | –                            |
 * | passwords, user names                                        | account-misuse                 | password-compromise               | –                            |
 * | other people's files or accounts                             | account-misuse                 | account-misuse                    | –                            |
 * | offensive, inappropriate or illegal material                 | inappropriate-site-deliberate  | misuse-of-it-by-adult             | –                            |
 * | filtering, bypassing, security systems                       | filter-circumvention           | filter-circumvention              | –                            |
 * | USB drives, removable media                                  | security-breach                | data-sent-insecurely              | –                            |
 * | unauthorised people, remote access, locking and signing out  | –                              | security-breach                   | –                            |
 * | installing software or hardware                              | –                              | security-breach                   | –                            |
 * | mobile phones, smart watches, personal devices               | personal-device-misuse         | personal-device-misuse            | –                            |
 * | the internet, websites, e-mail, chat, social media, devices  | non-educational-use            | misuse-of-it-by-adult             | –                            |
 *
 * Rules that promise to ask for help, teach or support online safety, or say what the school
 * will do (monitoring, sanctions) are checked before all of these and suggest nothing, as
 * does a rule no row matches and a category the school's pack does not have: `categoryId`
 * is then null and the member of staff chooses. The note always names the rule.
 * test/component/rules-breach.test.tsx holds the table to the default pack's rules.
 */
import type { Rule, RuleSet } from '../../policy/pack-schema.ts';

type Reader = 'pupil' | 'adult' | 'parent';

/** null in a column: this reading of the keyword suggests nothing. */
interface Row {
  about: RegExp;
  pupil: string | null;
  adult: string | null;
  parent: string | null;
}

const row = (about: RegExp, pupil: string | null, adult: string | null, parent: string | null) =>
  ({ about, pupil, adult, parent }) satisfies Row;

/**
 * Rules that promise to ask for help, teach or support online safety, or that say what the
 * school will do (monitoring, sanctions): breaking them is not an incident of a category.
 */
const NO_CATEGORY = new RegExp(
  [
    'embed',
    'curriculum',
    'child protection officer',
    'cause for concern',
    'whole-school safeguarding',
    'disciplinary action',
    'terms and conditions',
    'contract of employment',
    'support and promote',
    'i understand that (the school (will|may|also|takes|cannot)|all|my use|internet)',
    'may be captured',
    'can be checked',
    'may check',
    'sanctions',
    'if i break the rules',
    'fail to comply',
    'read and understood',
    'support my child',
    'talk to my child',
    'find out more',
    'will encourage',
    'i can apply',
    'i give permission',
    'i agree to',
    'agree and accept',
    'school (will|takes|cannot|uses|sometimes)',
    'ask for help',
    'funny feeling',
    'upset, worried',
    'tell my parents',
    'responsible for my behavio',
    'take care of',
    'safeguarding is highest priority',
    'damage',
  ]
    .map((p) => `\\b${p}\\b`)
    .join('|'),
);

const ROWS: readonly Row[] = [
  row(
    /\b(child (sexual )?abuse images?|indecent|pornograph\w*|criminally racist)\b/,
    'suspected-illegal-material',
    'suspected-illegal-material',
    null,
  ),
  row(
    /\b(clothes|what i wear|my body|nudes?|naked)\b/,
    'sexting-youth-produced-imagery',
    null,
    null,
  ),
  row(
    /\b(arrange to meet|meet(ing)? (up|them|someone)|stranger|secrets?|who they (say|are)|new friends|live streams?|met in real life|face to face|stop chatting)\b/,
    'inappropriate-contact-grooming',
    null,
    null,
  ),
  row(
    /\b(with pupils|to pupils|contact with any pupils|contact details)\b/,
    null,
    'staff-inappropriate-communication',
    null,
  ),
  row(
    /\b(look for, save or send)\b/,
    'inappropriate-site-deliberate',
    'misuse-of-it-by-adult',
    null,
  ),
  row(
    /\b(report any (accidental|illegal|unpleasant|inappropriate)|see (anything|something)|uncomfortable|accidentally find)\b/,
    'inappropriate-site-accidental',
    'inappropriate-site-accidental',
    null,
  ),
  row(/\b(anti-virus|virus(es)?|malware)\b/, 'virus', 'virus', null),
  row(
    /\b(polite|friendly|kind|bull(y|ying)|nasty|unpleasant|upset (any|other|them)|could upset|hurt\w*|harass\w*|threatening|make fun|exclude)\b/,
    'cyberbullying',
    'misuse-of-it-by-adult',
    null,
  ),
  row(
    /\b(disrepute|bad light|negative|undermine|distress|upload or add)\b/,
    null,
    'misuse-of-it-by-adult',
    'parent-posts-about-school',
  ),
  row(
    /\b(old enough|underage|minimum age|age restrictions?|sign(ing)? up)\b/,
    'age-inappropriate-games-apps',
    null,
    'age-inappropriate-games-apps',
  ),
  row(
    /\b(on-?line gaming|internet shopping|file sharing)\b/,
    'non-educational-use',
    'misuse-of-it-by-adult',
    null,
  ),
  row(
    /\b(copyright|intellectual property|people's work|work of others)\b/,
    'copyright-file-sharing',
    'copyright-file-sharing',
    null,
  ),
  row(
    /\b(personal (information|details)|private information|home address|phone number|details such as)\b/,
    'privacy-personal-information',
    null,
    'privacy-personal-information',
  ),
  row(
    /\b(photos?|photographs?|images?|videos?|cameras?|camera phones|record(ing|ings)?)\b/,
    'unauthorised-recording',
    'unauthorised-recording',
    'privacy-personal-information',
  ),
  row(
    /\b(personal data|encrypt\w*|confidential|sensitive (information|data)|data protection|data security|school data|share information|information about the school|information i have obtained|off-?site|off site)\b/,
    null,
    'data-sent-insecurely',
    null,
  ),
  row(/\b(passwords?|user ?names?)\b/, 'account-misuse', 'password-compromise', null),
  row(
    /\b(other (people's|person's|user's) (files|accounts?|username)|my own files|someone else's)\b/,
    'account-misuse',
    'account-misuse',
    null,
  ),
  row(
    /\b(offensive|inappropriate|illegal|discriminatory)\b/,
    'inappropriate-site-deliberate',
    'misuse-of-it-by-adult',
    null,
  ),
  row(
    /\b(filter(ing)?|bypass|circumvent|security systems?)\b/,
    'filter-circumvention',
    'filter-circumvention',
    null,
  ),
  row(
    /\b(usb|flash drives?|memory stick|removable media|stored information)\b/,
    'security-breach',
    'data-sent-insecurely',
    null,
  ),
  row(
    /\b(unauthorised (individuals|people)|strangers?|remote(ly)?|log(-| )?off|lock your|sign out|screens?)\b/,
    null,
    'security-breach',
    null,
  ),
  row(
    /\b(install\w*|download (any )?software|programmes|hardware)\b/,
    null,
    'security-breach',
    null,
  ),
  row(
    /\b(mobile phones?|smart ?watch(es)?|personal (digital |electronic )?devices?|my phone)\b/,
    'personal-device-misuse',
    'personal-device-misuse',
    null,
  ),
  row(
    /\b(internet|websites?|sites?|e-?mails?|chat|social (media|network\w*)|games?|apps?|ict|computers?|tablets?|devices?|online|search|click|technology|equipment|learning platform|school purposes|professional purposes)\b/,
    'non-educational-use',
    'misuse-of-it-by-adult',
    null,
  ),
];

function readerOf(set: RuleSet): Reader {
  if (set.audience === 'parents') return 'parent';
  if (set.audience === 'staff' || set.audience === 'visitors' || set.audience === 'community')
    return 'adult';
  return 'pupil';
}

/** Lower case, with curly apostrophes straightened so the table can say "people's". */
const plain = (s: string) => s.toLowerCase().replace(/[‘’]/g, "'");

/** The category the table suggests for this rule, before checking the pack has it. */
export function suggestedCategory(set: RuleSet, rule: Rule): string | null {
  const text = plain([rule.title, rule.group, rule.text].filter(Boolean).join(' '));
  if (NO_CATEGORY.test(text)) return null;
  const reader = readerOf(set);
  for (const r of ROWS) {
    const id = r[reader];
    if (id && r.about.test(text)) return id;
  }
  return null;
}
