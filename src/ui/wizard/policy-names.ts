import type { PolicyName } from '../../policy/pack-schema.ts';

/** How each source policy is named on screen. */
export const POLICY_NAMES: Record<PolicyName, string> = {
  gracefield: 'Gracefield',
  whiston: 'Whiston',
  belmont: 'Belmont',
  odst: 'ODST',
  holywell: 'Holywell',
  school: 'The school’s own policy',
};
