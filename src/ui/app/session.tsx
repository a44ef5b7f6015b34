/**
 * What this browser is (enrolled tablet, DSL console, or nothing yet) and who has unlocked
 * it. Unlocked keys live only here, in memory; locking runs the registered flushes (so an
 * open draft's last keystrokes are saved encrypted) and then drops every key.
 */
import { createContext, type ComponentChildren } from 'preact';
import { useCallback, useContext, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { UnlockedDslKeys } from '../../crypto/dsl-keys.ts';
import { SafetrailDb } from '../../storage/db.ts';
import { getDevice } from '../../storage/device-repo.ts';
import type { DeviceRecord } from '../../storage/records.ts';

export interface StaffSession {
  profileId: string;
  name: string;
  key: CryptoKey;
}

export interface DslSession {
  name: string;
  keys: UnlockedDslKeys;
}

export interface SessionValue {
  db: SafetrailDb;
  /** undefined while loading; null when this browser is neither set up nor enrolled. */
  device: DeviceRecord | null | undefined;
  reloadDevice: () => Promise<void>;
  staff: StaffSession | null;
  setStaff: (s: StaffSession | null) => void;
  dsl: DslSession | null;
  setDsl: (s: DslSession | null) => void;
  lock: () => Promise<void>;
  /** Work that must finish before keys are dropped (e.g. saving the open draft). */
  onBeforeLock: (flush: () => Promise<void>) => () => void;
}

const SessionContext = createContext<SessionValue | null>(null);

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

export function SessionProvider({
  db,
  firstDevice,
  firstStaff = null,
  children,
}: {
  db: SafetrailDb;
  /** The device record's read, if begun already (start-reads.ts); otherwise read here. */
  firstDevice?: Promise<DeviceRecord | undefined> | undefined;
  /** Who unlocked on the cold-start lock screen (src/ui/start), before the app had loaded. */
  firstStaff?: StaffSession | null;
  children: ComponentChildren;
}) {
  const [device, setDevice] = useState<DeviceRecord | null | undefined>(undefined);
  const [staff, setStaff] = useState<StaffSession | null>(firstStaff);
  const [dsl, setDsl] = useState<DslSession | null>(null);
  const flushes = useRef(new Set<() => Promise<void>>());

  const reloadDevice = useCallback(async () => setDevice((await getDevice(db)) ?? null), [db]);
  // A layout effect runs before the first paint, so the first screen's wait for the device
  // record is not lengthened by a frame.
  useLayoutEffect(() => {
    if (firstDevice) void firstDevice.then((d) => setDevice(d ?? null));
    else void reloadDevice();
  }, [reloadDevice, firstDevice]);

  const onBeforeLock = useCallback((flush: () => Promise<void>) => {
    flushes.current.add(flush);
    return () => void flushes.current.delete(flush);
  }, []);

  const lock = useCallback(async () => {
    await Promise.allSettled([...flushes.current].map((f) => f()));
    setStaff(null);
    setDsl(null);
  }, []);

  const value = useMemo(
    () => ({ db, device, reloadDevice, staff, setStaff, dsl, setDsl, lock, onBeforeLock }),
    [db, device, reloadDevice, staff, dsl, lock, onBeforeLock],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
