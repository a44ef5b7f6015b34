import type { StaffProfileRecord } from './records.ts';

/**
 * The order the PIN screen lists staff profiles in: by name, then by id so two people with
 * one name keep their places. Apart from profile-repo.ts so a screen can sort rows it read
 * without loading Dexie (src/ui/start).
 */
export function byName<P extends Pick<StaffProfileRecord, 'id' | 'name'>>(profiles: P[]): P[] {
  return profiles.sort((a, b) => a.name.localeCompare(b.name, 'en-GB') || a.id.localeCompare(b.id));
}
