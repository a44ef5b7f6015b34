/**
 * The DSL's reading path: pull new sealed envelopes by cursor (stored still sealed), then
 * open them in memory with the unlocked reader key (or, for a record sealed before this DSL
 * joined, with the `key.granted` re-wrap another DSL made for it: grants.ts), checking each
 * device's signature and the envelope MAC. Plaintext is never written anywhere. Events that
 * belong to an incident's chronology (steps, actions, grants) are read by the wizard, not here.
 *
 * Photos arrive as `evidence.added` envelopes, one per part, naming their incident. A part
 * joins its incident only if it comes from the same device and matches the photo the
 * incident lists (id, type, size, digest, part count); the console checks the reassembled
 * image's digest before showing it. Parts for an incident marked as possibly involving
 * illegal material are never kept or shown, only counted.
 */
import type { Envelope } from '../../crypto/envelope.ts';
import type { UnlockedDslKeys } from '../../crypto/dsl-keys.ts';
import type { GrantSlot } from '../../crypto/key-grant.ts';
import { openPool, type OpenJob } from '../../crypto/open-pool.ts';
import { partsFor, type PhotoRef } from '../../domain/evidence.ts';
import { illegalSuspected } from '../../domain/illegal-content.ts';
import {
  isEvidenceAddedPayload,
  type EvidenceAddedPayload,
} from '../../domain/evidence-payload.ts';
import { completeFields, incidentReference, type IncidentFields } from '../../domain/incident.ts';
import { isIncidentCreatedPayload } from '../../domain/incident-payload.ts';
import type { SafetrailDb } from '../../storage/db.ts';
import { erasureCursor } from '../../storage/erasure-cursor.ts';
import { addPulled, applyErasures, inboxCursor, listInbox } from '../../storage/inbox-repo.ts';
import type { InboxRecord } from '../../storage/records.ts';
import type { createApiClient } from '../../sync/api-client.ts';
import { MAX_PULL, type DeviceInfo, type PulledEnvelope } from '../../sync/protocol.ts';
import { keepOpened, openedAhead, openedEarlier } from '../wizard/opened-session.ts';
import { collectGrants } from './grants.ts';

type Api = ReturnType<typeof createApiClient>;

export interface ReceivedPhoto {
  ref: PhotoRef;
  /** Each part's bytes (base64url) once it has arrived. */
  parts: (string | undefined)[];
}

export interface OpenedIncident {
  ok: true;
  logIndex: number;
  id: string;
  incidentId: string;
  reference: string;
  fields: IncidentFields;
  recordedBy: string;
  recordedAt: string;
  deviceName: string;
  receivedAt: string;
  photos: ReceivedPhoto[];
  /** Image parts received for an incident marked as possibly illegal: dropped, not shown. */
  withheld: number;
}

export interface UnopenedItem {
  ok: false;
  logIndex: number;
  id: string;
  problem: string;
  /** Not a fault: photo parts whose incident record has not been pulled yet. */
  waiting?: true;
}

/** The latest pull started on each console's database in this page. */
const pulls = new WeakMap<SafetrailDb, Promise<number>>();

/**
 * Pulls everything after what is held, page by page, and applies the erasure log. Answers
 * how many envelopes the pages carried. `onPage` is told each page once it is stored (the
 * console starts opening it while the next page is fetched). Pulls in one page take turns:
 * two screens asking at once (the console's inbox and the triage list) would otherwise
 * fetch and store the same thousands of records side by side; the second then finds only
 * what arrived since.
 */
export function pullNew(
  db: SafetrailDb,
  api: Api,
  onProgress?: (fetched: number) => void,
  onPage?: (envelopes: PulledEnvelope[]) => void,
): Promise<number> {
  const before = pulls.get(db);
  const mine = (async () => {
    await before?.catch(() => undefined); // its failure is its caller's to report
    return pullPages(db, api, onProgress, onPage);
  })();
  pulls.set(db, mine);
  void mine.catch(() => undefined).then(() => pulls.get(db) === mine && pulls.delete(db));
  return mine;
}

async function pullPages(
  db: SafetrailDb,
  api: Api,
  onProgress?: (fetched: number) => void,
  onPage?: (envelopes: PulledEnvelope[]) => void,
): Promise<number> {
  // Read before pulling, so an erasure made while this pull runs is applied below too.
  const erasedUpTo = await erasureCursor(db);
  const fetchPage = (after: number) => {
    const page = api.pull(after, MAX_PULL);
    page.catch(() => undefined); // awaited below; not "unhandled" if storing fails first
    return page;
  };
  let next = fetchPage(await inboxCursor(db));
  let added = 0;
  for (;;) {
    const page = await next;
    // The next page is asked for while this one is stored, so the endpoint and IndexedDB
    // work at the same time. Its cursor comes from the answer, not from what is stored.
    if (page.more) next = fetchPage(page.cursor);
    await addPulled(db, page.envelopes);
    added += page.envelopes.length;
    onProgress?.(added);
    onPage?.(page.envelopes);
    if (!page.more) break;
  }
  await applyErasures(db, (after) => api.listErasures(after), erasedUpTo);
  return added;
}

interface OpenedPart {
  logIndex: number;
  id: string;
  device: string;
  payload: EvidenceAddedPayload;
}

/** The kinds this list shows; the rest (steps, actions, grants) belong to the chronology. */
const SHOWN_HERE: ReadonlySet<string> = new Set(['incident.created', 'evidence.added']);

const matches = (ref: PhotoRef, p: EvidenceAddedPayload) =>
  ref.id === p.evidenceId &&
  ref.mediaType === p.mediaType &&
  ref.bytes === p.bytes &&
  ref.sha256 === p.sha256 &&
  partsFor(ref.bytes) === p.parts;

/** A record to show, opened now or earlier in this session, from a device on the list. */
interface Readable {
  item: InboxRecord;
  device: DeviceInfo;
  kind: string;
  payload: unknown;
}

export async function openInbox(
  db: SafetrailDb,
  keys: UnlockedDslKeys,
  devices: DeviceInfo[],
): Promise<(OpenedIncident | UnopenedItem)[]> {
  const byId = new Map(devices.map((d) => [d.id, d]));
  const incidents = new Map<string, OpenedIncident & { device: string }>();
  const parts: OpenedPart[] = [];
  const problems: UnopenedItem[] = [];
  const problem = (item: { logIndex: number; id: string }, text: string) =>
    problems.push({ ok: false, logIndex: item.logIndex, id: item.id, problem: text });
  const unknownDevice = (item: InboxRecord) =>
    problem(
      item,
      'Sent by a device this console does not know, so its signature cannot be checked.',
    );

  // Incidents another console screen opened (and checked against the device list) in this
  // session are taken as they are; every other row is parsed, and what this list shows is
  // opened now, in the open workers.
  const readable: Readable[] = [];
  const pulled: { item: InboxRecord; envelope: Envelope }[] = [];
  openPool().warm(); // the workers start while the inbox is read
  // The inbox is read while the pages opened ahead finish: both come before the lookup.
  const [rows] = await Promise.all([listInbox(db), openedAhead(keys.reader)]);
  for (const item of rows) {
    const held = openedEarlier(keys.reader, item.id, item.logIndex);
    if (!held) pulled.push({ item, envelope: JSON.parse(item.envelope) as Envelope });
    else if (!SHOWN_HERE.has(held.kind)) continue;
    else if (!byId.has(held.device)) unknownDevice(item);
    else
      readable.push({
        item,
        device: byId.get(held.device)!,
        kind: held.kind,
        payload: held.payload,
      });
  }
  const shown = pulled.filter(({ envelope }) => SHOWN_HERE.has(envelope.kind));
  // Grants are needed only for records this reader has no slot in (a lead who joined later).
  const needGrants = shown.some(
    ({ envelope: e }) =>
      !(Array.isArray(e.readers) && e.readers.some((r) => r.kid === keys.reader.kid)),
  );
  const { slots } = needGrants
    ? await collectGrants(
        pulled.map((p) => p.envelope),
        keys.reader,
        (id) => byId.get(id)?.publicKey,
      )
    : { slots: new Map<string, GrantSlot>() };

  const jobs: OpenJob[] = [];
  const targets: { item: InboxRecord; device: DeviceInfo }[] = [];
  for (const { item, envelope } of shown) {
    const device = byId.get(envelope.device);
    if (!device) {
      unknownDevice(item);
      continue;
    }
    const grant = slots.get(envelope.id);
    jobs.push({
      envelope: item.envelope,
      deviceKey: device.publicKey,
      ...(grant ? { grant } : {}),
    });
    targets.push({ item, device });
  }
  const outcomes = await openPool().open(jobs, keys.reader);
  for (const [i, outcome] of outcomes.entries()) {
    const { item, device } = targets[i]!;
    if (!outcome.ok) {
      problem(item, outcome.problem);
      continue;
    }
    readable.push({ item, device, kind: outcome.header.kind, payload: outcome.payload });
    await keepOpened(keys.reader, outcome, device.publicKey, device.name, item.logIndex);
  }

  for (const { item, device, kind, payload } of readable) {
    try {
      if (kind === 'incident.created' && isIncidentCreatedPayload(payload)) {
        const fields = completeFields(payload.fields);
        incidents.set(payload.incidentId, {
          ok: true,
          logIndex: item.logIndex,
          id: item.id,
          incidentId: payload.incidentId,
          reference: incidentReference(payload.incidentId),
          fields,
          recordedBy: payload.recordedBy,
          recordedAt: payload.recordedAt,
          deviceName: device.name,
          device: device.id,
          receivedAt: item.receivedAt,
          photos: fields.evidence.photos.map((ref) => ({
            ref,
            parts: new Array<string | undefined>(partsFor(ref.bytes)).fill(undefined),
          })),
          withheld: 0,
        });
      } else if (kind === 'evidence.added' && isEvidenceAddedPayload(payload)) {
        parts.push({ logIndex: item.logIndex, id: item.id, device: device.id, payload });
      } else {
        problem(item, 'Opened, but it is not a record this version understands.');
      }
    } catch (e) {
      problem(item, e instanceof Error ? e.message : 'Could not be opened.');
    }
  }

  let waiting = 0;
  for (const part of parts) {
    const incident = incidents.get(part.payload.incidentId);
    if (!incident) {
      waiting++; // its incident has not arrived yet (or cannot be opened)
      continue;
    }
    if (incident.device !== part.device) {
      problem(part, `A photo for ${incident.reference} was sent by a different device: not shown.`);
      continue;
    }
    if (illegalSuspected(incident.fields)) {
      incident.withheld++;
      continue;
    }
    const photo = incident.photos.find((p) => matches(p.ref, part.payload));
    if (!photo) {
      problem(part, `A photo for ${incident.reference} does not match the record: not shown.`);
      continue;
    }
    photo.parts[part.payload.part] = part.payload.data;
  }
  if (waiting) {
    problems.push({
      ok: false,
      logIndex: 0,
      id: 'waiting-parts',
      problem: `${waiting} photo ${waiting === 1 ? 'part has' : 'parts have'} arrived before ${waiting === 1 ? 'its' : 'their'} incident record. Check again shortly.`,
      waiting: true,
    });
  }
  const opened = [...incidents.values()].map(({ device: _device, ...rest }) => rest);
  return [...opened, ...problems].sort((a, b) => b.logIndex - a.logIndex);
}
