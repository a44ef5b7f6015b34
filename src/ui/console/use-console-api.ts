import { useMemo } from 'preact/hooks';
import { createApiClient, type ApiClient } from '../../sync/api-client.ts';
import { useSession } from '../app/session.tsx';

/** The signed API client for this console's device. */
export function useConsoleApi(): ApiClient {
  const { device } = useSession();
  return useMemo(
    () =>
      createApiClient({
        endpoint: device!.endpoint,
        device: { deviceId: device!.deviceId, signingKey: device!.signingKey },
      }),
    [device],
  );
}
