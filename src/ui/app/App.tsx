import { RouterProvider } from '@tanstack/react-router';
import type { SafetrailDb } from '../../storage/db.ts';
import type { DeviceRecord } from '../../storage/records.ts';
import { UploadProvider } from '../sync/UploadContext.tsx';
import { PolicyProvider } from './policy.tsx';
import { router } from './routes.tsx';
import { SessionProvider, useSession, type StaffSession } from './session.tsx';

function WithUploads({ db }: { db: SafetrailDb }) {
  const { device } = useSession();
  return (
    <UploadProvider db={db} enabled={device?.role === 'tablet'}>
      <RouterProvider router={router} />
    </UploadProvider>
  );
}

/**
 * The whole app, on the device's database; `firstDevice` is its record's read begun at
 * start, `firstStaff` whoever unlocked on the cold-start lock screen.
 */
export function App({
  db,
  firstDevice,
  firstStaff,
}: {
  db: SafetrailDb;
  firstDevice?: Promise<DeviceRecord | undefined>;
  firstStaff?: StaffSession | null;
}) {
  return (
    <SessionProvider db={db} firstDevice={firstDevice} firstStaff={firstStaff}>
      <PolicyProvider>
        <WithUploads db={db} />
      </PolicyProvider>
    </SessionProvider>
  );
}
