/**
 * The capture screen (/capture): the PIN screen, then the teacher's start page. It is the
 * first screen of every tablet start, and a start is always locked, so this file's chunk
 * carries only the PIN screen: the start page loads once that has been drawn, while the
 * teacher types, and is there by the time the PIN has been checked. An open draft's form is
 * a route of its own (DraftRoute.tsx) and loads when a draft is opened.
 */
import { useSearch } from '@tanstack/react-router';
import { TabletOnly } from './TabletOnly.tsx';
import { useLazy } from './use-lazy.ts';

const loadCaptureHome = () => import('./CaptureHome.tsx');

export function CaptureIndexRoute() {
  const { sealed, fromRule } = useSearch({ from: '/capture' });
  const home = useLazy(loadCaptureHome);
  return (
    <TabletOnly>
      {home ? (
        <home.CaptureHome sealed={sealed} fromRule={fromRule} />
      ) : (
        <p role="status">Loading…</p>
      )}
    </TabletOnly>
  );
}
