import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import type { SafetrailDb } from '../../storage/db.ts';
import { startUploadScheduler, type UploadScheduler } from './upload-scheduler.ts';

const UploadContext = createContext<UploadScheduler | null>(null);

/** Runs the upload triggers for as long as an enrolled device has the app open. */
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
    const s = startUploadScheduler(db);
    setScheduler(s);
    return () => s.stop();
  }, [db, enabled]);
  return <UploadContext.Provider value={scheduler}>{children}</UploadContext.Provider>;
}

export const useUploadScheduler = () => useContext(UploadContext);
