/**
 * Trip rosters: the pupils on one trip or visit (names or initials and year groups), loaded
 * by a member of staff beforehand so people can be picked quickly when something happens.
 * A roster is personal data taken off site, so it is kept encrypted and only for a short
 * while: it is deleted automatically a set number of days after the trip's last day.
 */
import { isLocalDate, localDate, startOfLocalDate } from './datetime.ts';

export interface RosterPupil {
  id: string;
  name: string;
  yearGroup: string;
}

export interface Roster {
  id: string;
  tripName: string;
  /** First and last day of the trip, `YYYY-MM-DD` local dates. */
  startsOn: string;
  endsOn: string;
  pupils: RosterPupil[];
}

export const MAX_ROSTER_PUPILS = 500;
/** A roster for a trip further ahead than this is almost certainly a typing mistake. */
const MAX_TRIP_DAYS = 31;

const DAY_MS = 24 * 60 * 60_000;

/**
 * When a roster must be gone: the start of the day `retentionDays` full days after the
 * trip's last day (a trip ending on 12 March with 7 days is deleted from 20 March, 00:00).
 */
export function rosterPurgeAt(endsOn: string, retentionDays: number): number {
  const end = new Date(`${endsOn}T00:00`);
  end.setDate(end.getDate() + 1 + Math.max(0, Math.floor(retentionDays)));
  return end.getTime();
}

export function isRosterExpired(endsOn: string, now: number, retentionDays: number): boolean {
  // A date that cannot be read cannot be kept safely either.
  if (!isLocalDate(endsOn)) return true;
  return now >= rosterPurgeAt(endsOn, retentionDays);
}

/** Whether the trip is running today (so new incidents are offered its name and pupils). */
export function isTripToday(r: Pick<Roster, 'startsOn' | 'endsOn'>, now: Date): boolean {
  const today = localDate(now);
  return r.startsOn <= today && today <= r.endsOn;
}

export interface RosterDraft {
  tripName: string;
  startsOn: string;
  endsOn: string;
  pupils: { name: string; yearGroup: string }[];
}

/** Problems keyed by field (`tripName`, `startsOn`, `endsOn`, `pupils`), in plain words. */
export function validateRoster(r: RosterDraft, now: Date): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!r.tripName.trim()) errors.tripName = 'Name the trip or visit.';
  else if (r.tripName.length > 200) errors.tripName = 'At most 200 characters.';
  if (!isLocalDate(r.startsOn)) errors.startsOn = 'Give the first day of the trip.';
  if (!isLocalDate(r.endsOn)) errors.endsOn = 'Give the last day of the trip.';
  else if (isLocalDate(r.startsOn) && r.endsOn < r.startsOn)
    errors.endsOn = 'The last day cannot be before the first day.';
  else if (r.endsOn < localDate(now))
    errors.endsOn = 'This trip has already ended: its roster would be deleted straight away.';
  else if (
    isLocalDate(r.startsOn) &&
    startOfLocalDate(r.endsOn) - startOfLocalDate(r.startsOn) > MAX_TRIP_DAYS * DAY_MS
  )
    errors.endsOn = `A trip roster covers at most ${MAX_TRIP_DAYS} days.`;
  if (r.pupils.length === 0) errors.pupils = 'Add at least one pupil (name or initials).';
  else if (r.pupils.length > MAX_ROSTER_PUPILS)
    errors.pupils = `A roster holds at most ${MAX_ROSTER_PUPILS} pupils.`;
  else if (r.pupils.some((p) => p.name.length > 200 || p.yearGroup.length > 40))
    errors.pupils = 'A name is longer than 200 characters or a year group longer than 40.';
  return errors;
}

/** "Jo B (Year 5)" */
export const pupilLabel = (p: Pick<RosterPupil, 'name' | 'yearGroup'>) =>
  p.yearGroup ? `${p.name} (${p.yearGroup})` : p.name;
