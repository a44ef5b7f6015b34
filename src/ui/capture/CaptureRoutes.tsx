/**
 * The capture screen (/capture): the PIN screen, then the teacher's start page. It is the
 * first screen of every tablet start, so it carries only what those two need; an open
 * draft's form is a route of its own (DraftRoute.tsx) and loads when a draft is opened.
 */
import { useSearch } from '@tanstack/react-router';
import { CaptureHome } from './CaptureHome.tsx';
import { TabletOnly } from './TabletOnly.tsx';

export function CaptureIndexRoute() {
  const { sealed, fromRule } = useSearch({ from: '/capture' });
  return (
    <TabletOnly>
      <CaptureHome sealed={sealed} fromRule={fromRule} />
    </TabletOnly>
  );
}
