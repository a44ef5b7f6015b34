import { RouterProvider } from '@tanstack/react-router';
import type { SafetrailDb } from '../../storage/db.ts';
import type { DeviceRecord } from '../../storage/records.ts';
import { UploadProvider } from '../sync/UploadContext.tsx';
import { PolicyProvider } from './policy.tsx';
import { router } from './routes.tsx';
import { SessionProvider, useSession } from './session.tsx';

function WithUploads({ db }: { db: SafetrailDb }) {
  const { device } = useSession();
  return (
    <UploadProvider db={db} enabled={device?.role === 'tablet'}>
      <RouterProvider router={router} />
    </UploadProvider>
  );
}

/** The whole app, on the device's database; `firstDevice` is its record's read begun at start. */
export function App({
  db,
  firstDevice,
}: {
  db: SafetrailDb;
  firstDevice?: Promise<DeviceRecord | undefined>;
}) {
  return (
    <SessionProvider db={db} firstDevice={firstDevice}>
      <PolicyProvider>
        <WithUploads db={db} />
      </PolicyProvider>
    </SessionProvider>
  );
}
