/**
 * The default policy pack: the five seed policies (Gracefield, Whiston, Belmont, ODST,
 * Holywell) encoded as one pack a school starts from and edits. Each part lives in its own
 * file, one per source policy or flowchart, and cites the seed section it transcribes.
 * `npm run policy:check` and the unit tests hold it to `checkPack`.
 */
// Types only: the capture screen loads this pack, and must not pull zod into its bundle.
import type { PolicyPack } from '../pack-schema.ts';
import { belmontHandling } from './belmont-handling.ts';
import { belmontScenarios } from './belmont-scenarios.ts';
import { misuseCategories } from './categories-misuse.ts';
import { onlineCategories } from './categories-online.ts';
import { dataBreach } from './data-breach.ts';
import { gracefieldIllegal } from './gracefield-illegal.ts';
import { gracefieldManaging } from './gracefield-managing.ts';
import { gracefieldStaffVictims } from './gracefield-staff-victims.ts';
import { odstMisuse } from './odst-misuse.ts';
import { otherScenarios } from './other-scenarios.ts';
import { recordForms } from './record-forms.ts';
import { belmontRuleSets } from './rules-belmont.ts';
import { gracefieldRuleSets } from './rules-gracefield.ts';
import { odstRuleSets } from './rules-odst.ts';
import { whistonRuleSets } from './rules-whiston.ts';
import { contacts, roles } from './school.ts';
import { messages, retention, settings } from './settings.ts';
import { whistonIncidents } from './whiston-incidents.ts';

export const defaultPack: PolicyPack = {
  // PACK_FORMAT; the type (literal 1) keeps the two in step without importing the schema.
  format: 1,
  id: 'safetrail-default',
  version: '1.0.0',
  name: 'Safetrail default policy pack (from the five seed policies)',
  school: { name: 'Your school', roles },
  contacts,
  categories: [...onlineCategories, ...misuseCategories],
  flowcharts: [
    gracefieldIllegal,
    gracefieldManaging,
    gracefieldStaffVictims,
    belmontHandling,
    odstMisuse,
    whistonIncidents,
    dataBreach,
  ],
  scenarios: [...belmontScenarios, ...otherScenarios],
  ruleSets: [...whistonRuleSets, ...belmontRuleSets, ...gracefieldRuleSets, ...odstRuleSets],
  recordForms,
  messages,
  retention,
  settings,
};
