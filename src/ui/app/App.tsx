import { RouterProvider } from '@tanstack/react-router';
import { SafetrailDb } from '../../storage/db.ts';
import { UploadProvider } from '../sync/UploadContext.tsx';
import { PolicyProvider } from './policy.tsx';
import { router } from './routes.tsx';
import { SessionProvider, useSession } from './session.tsx';

const db = new SafetrailDb();

function WithUploads() {
  const { device } = useSession();
  return (
    <UploadProvider db={db} enabled={device?.role === 'tablet'}>
      <RouterProvider router={router} />
    </UploadProvider>
  );
}

export function App() {
  return (
    <SessionProvider db={db}>
      <PolicyProvider>
        <WithUploads />
      </PolicyProvider>
    </SessionProvider>
  );
}
