/**
 * Fixtures for the capture screens: a fresh database per test holding an enrolled tablet
 * (with a real reader key, so sealing works and can be opened again), an unlocked member of
 * staff (a random key: the PIN gate has its own test), and the capture routes under a
 * memory router, with the categories given explicitly.
 */
import {
  createMemoryHistory,
  createRootRoute,
  createRoute,
  createRouter,
  Outlet,
  RouterProvider,
  useParams,
  useSearch,
} from '@tanstack/react-router';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { afterEach, beforeEach, expect, vi } from 'vitest';
import { importAesKey } from '../../src/crypto/aead.ts';
import { randomBytes } from '../../src/crypto/bytes.ts';
import { generateReaderKeyPair, type ReaderKeyPair } from '../../src/crypto/hpke.ts';
import { exportPublicJwk, generateSigningKeyPair } from '../../src/crypto/signing.ts';
import { DEFAULT_CAPTURE_POLICY, type CapturePolicy } from '../../src/domain/categories.ts';
import type { CategoryOption } from '../../src/domain/incident.ts';
import { SafetrailDb } from '../../src/storage/db.ts';
import { saveDevice } from '../../src/storage/device-repo.ts';
import type { DeviceRecord } from '../../src/storage/records.ts';
import type { SignedRecipientSet } from '../../src/sync/recipient-set.ts';
import { SessionProvider, useSession, type StaffSession } from '../../src/ui/app/session.tsx';
import { CaptureHome } from '../../src/ui/capture/CaptureHome.tsx';
import { CategoriesProvider } from '../../src/ui/capture/categories-context.tsx';
import { IncidentFormScreen } from '../../src/ui/capture/IncidentFormScreen.tsx';

export const CATEGORIES: CategoryOption[] = [
  { id: 'cyberbullying', label: 'Cyberbullying', area: 'conduct' },
  { id: 'grooming', label: 'Inappropriate contact or suspected grooming', area: 'contact' },
  {
    id: 'indecent-images',
    label: 'Indecent images of children (suspected)',
    area: 'content',
    suspectedIllegal: true,
  },
  { id: 'lost-device', label: 'Lost or stolen device or data', area: null, dataBreach: true },
];

export const POLICY: CapturePolicy = {
  ...DEFAULT_CAPTURE_POLICY,
  categories: CATEGORIES,
  source: 'pack',
};

export interface Tablet {
  db: SafetrailDb;
  staff: StaffSession;
  device: DeviceRecord;
  reader: ReaderKeyPair;
  devicePublicKey: CryptoKey;
}

/** Registers a fresh tablet per test; call the returned function inside a test. */
export function useTablet(): () => Tablet {
  let tablet: Tablet | null = null;
  beforeEach(async () => {
    const db = new SafetrailDb(`component-${crypto.randomUUID()}`);
    const keys = await generateSigningKeyPair(false);
    const reader = await generateReaderKeyPair();
    const device: DeviceRecord = {
      key: 'self',
      deviceId: 'dev1',
      schoolId: 'sch1',
      schoolName: 'Gracefield School',
      endpoint: 'https://school.example',
      name: 'Year 4 trip tablet',
      role: 'tablet',
      signingKey: keys.privateKey,
      publicKey: await exportPublicJwk(keys.publicKey),
      pinnedFingerprint: 'fp',
      recipientSet: {
        version: 1,
        school: 'sch1',
        schoolName: 'Gracefield School',
        readers: [{ kid: reader.kid, publicKey: reader.publicKey, name: 'Dana Lead', role: 'dsl' }],
      } as unknown as SignedRecipientSet,
      nextSeq: 1,
      enrolledAt: '2025-01-01T00:00:00.000Z',
    };
    await saveDevice(db, device);
    const staff = {
      profileId: 'p1',
      name: 'Sam Teacher',
      key: await importAesKey(randomBytes(32)),
    };
    tablet = { db, staff, device, reader, devicePublicKey: keys.publicKey };
  });
  afterEach(async () => {
    cleanup();
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
    // Reads a screen started just before it went (SentPanel's refresh) finish first.
    await new Promise((r) => setTimeout(r, 100));
    await tablet?.db.delete();
    tablet = null;
  });
  return () => {
    if (!tablet) throw new Error('useTablet: no tablet (called outside a test?)');
    return tablet;
  };
}

/** Unlocks the given member of staff as soon as the session exists. */
function Unlocked({ staff, children }: { staff: StaffSession; children: ComponentChildren }) {
  const session = useSession();
  useEffect(() => session.setStaff(staff), [session.setStaff, staff]);
  return session.staff && session.device ? <>{children}</> : <p>Unlocking for the test…</p>;
}

function makeRouter(path: string, policy: CapturePolicy) {
  const root = createRootRoute({ component: () => <Outlet /> });
  const home = createRoute({
    getParentRoute: () => root,
    path: '/capture',
    validateSearch: (s: Record<string, unknown>): { sealed?: string } => ({
      sealed: typeof s.sealed === 'string' ? s.sealed : undefined,
    }),
    component: function Home() {
      const { sealed } = useSearch({ strict: false }) as { sealed?: string };
      return (
        <CategoriesProvider policy={policy}>
          <CaptureHome sealed={sealed} />
        </CategoriesProvider>
      );
    },
  });
  const draft = createRoute({
    getParentRoute: () => root,
    path: '/capture/$draftId',
    component: function Draft() {
      const { draftId } = useParams({ strict: false }) as { draftId: string };
      return (
        <CategoriesProvider policy={policy}>
          <IncidentFormScreen draftId={draftId} />
        </CategoriesProvider>
      );
    },
  });
  return createRouter({
    routeTree: root.addChildren([home, draft]),
    history: createMemoryHistory({ initialEntries: [path] }),
  });
}

/** Renders the capture screens at `path` for the tablet's unlocked member of staff. */
export function renderCapture(t: Tablet, path = '/capture', policy: CapturePolicy = POLICY) {
  const router = makeRouter(path, policy);
  const result = render(
    <SessionProvider db={t.db}>
      <Unlocked staff={t.staff}>
        {/* The test router is not the app's registered one; its routes have the same paths. */}
        <RouterProvider router={router as never} />
      </Unlocked>
    </SessionProvider>,
  );
  return { ...result, router };
}

/** Types into the field with this label (inside `container` when given), as input events do. */
export const type = (label: string | RegExp, value: string, container?: HTMLElement) =>
  fireEvent.input((container ? within(container) : screen).getByLabelText(label), {
    target: { value },
  });

/**
 * Picks an option as a browser does (input, then change). fireEvent.change cannot be used:
 * with preact/compat on the page (the router) it fires only `input`, which a select's
 * onChange never hears.
 */
export function choose(select: HTMLElement, value: string) {
  (select as HTMLSelectElement).value = value;
  fireEvent(select, new Event('input', { bubbles: true }));
  fireEvent(select, new Event('change', { bubbles: true }));
}

/** A small PNG (header and padding: enough for the type check; happy-dom cannot decode). */
export function pngFile(bytes = 1200, name = 'screenshot.png'): File {
  const data = new Uint8Array(bytes);
  data.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  data.set(new TextEncoder().encode('PHOTO-MARKER-9q2'), 16);
  return new File([data], name, { type: 'image/png' });
}

/** Chooses a file in a file input, as the tablet's picker does. */
export function pickFile(input: HTMLElement, file: File) {
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent(input, new Event('change', { bubbles: true }));
}

/** The message shown next to a field (the element its aria-describedby names as an error). */
export function errorOf(field: HTMLElement): string | null {
  const ids = field.getAttribute('aria-describedby')?.split(' ') ?? [];
  const id = ids.find((i) => i.endsWith('-error'));
  return id ? (document.getElementById(id)?.textContent ?? null) : null;
}

/** happy-dom has no window.confirm: answer every question with `answer`, and record them. */
export function answerConfirm(answer: boolean) {
  const confirm = vi.fn((_message?: string) => answer);
  window.confirm = confirm;
  return confirm;
}

/** Opens a disclosure section (loading its code on first use) and returns its button. */
export async function openSection(name: RegExp) {
  const button = screen.getByRole('button', { name });
  if (button.getAttribute('aria-expanded') !== 'true') fireEvent.click(button);
  await waitFor(() => expect(screen.queryAllByText('Loading…')).toHaveLength(0), {
    timeout: 10_000,
  });
  return button;
}

/** Starts a new incident from the home screen and waits for the form. */
export async function startIncident() {
  fireEvent.click(await screen.findByRole('button', { name: 'New incident' }));
  await screen.findByRole('heading', { name: 'New incident' }, { timeout: 10_000 });
}

/** Waits until the autosave has written the latest change. */
export async function waitForSave() {
  await waitFor(
    () => {
      const status = screen.getByTestId('save-status');
      expect(status.textContent).toMatch(/Draft saved/);
      expect(status.getAttribute('aria-busy')).toBe('false');
    },
    {
      timeout: 5_000,
    },
  );
}
