import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import type { SafetrailDb } from '../../storage/db.ts';
import type { UploadScheduler } from './upload-scheduler.ts';

const UploadContext = createContext<UploadScheduler | null>(null);

/**
 * Runs the upload triggers for as long as an enrolled device has the app open. The
 * scheduler's code arrives after the first screen is drawn: nothing on that screen waits on
 * an upload, and its first attempt (at start-up) is one more task in the tablet's cold
 * start. Until it is running, screens see no scheduler, as they do on a console.
 */
export function UploadProvider({
  db,
  enabled,
  children,
}: {
  db: SafetrailDb;
  enabled: boolean;
  children: ComponentChildren;
}) {
  const [scheduler, setScheduler] = useState<UploadScheduler | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let running: UploadScheduler | null = null;
    let stopped = false;
    void import('./upload-scheduler.ts').then(({ startUploadScheduler }) => {
      if (stopped) return;
      running = startUploadScheduler(db);
      setScheduler(running);
    });
    return () => {
      stopped = true;
      running?.stop();
      setScheduler(null);
    };
  }, [db, enabled]);
  return <UploadContext.Provider value={scheduler}>{children}</UploadContext.Provider>;
}

export const useUploadScheduler = () => useContext(UploadContext);
