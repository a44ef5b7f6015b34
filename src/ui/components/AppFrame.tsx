/**
 * The page frame every screen is drawn in: skip link, header, main landmark. Layout.tsx
 * draws it for the app's screens with the router's links; the cold-start lock screen
 * (src/ui/start/StartLock.tsx) draws the same frame with plain links, before the router
 * has loaded, so the page does not change under a teacher's fingers when the app takes over.
 */
import type { ComponentChildren, VNode } from 'preact';
import type { DeviceRecord } from '../../storage/records.ts';

/** The header's destinations, each a screen anyone can open. */
export type FrameDestination = '/' | '/rules' | '/procedures';

export type FrameLink = (to: FrameDestination, className: string, text: string) => VNode;

export function AppFrame({
  device,
  who,
  onLock,
  link,
  beforeMain,
  children,
}: {
  device: Pick<DeviceRecord, 'schoolName' | 'name' | 'role'> | null | undefined;
  /** The unlocked person's name, if any. */
  who?: string | undefined;
  /** Given only while someone is unlocked: the always-reachable lock button. */
  onLock?: (() => void) | undefined;
  link: FrameLink;
  beforeMain?: ComponentChildren;
  children: ComponentChildren;
}) {
  return (
    <>
      <a class="skip-link" href="#main">
        Skip to main content
      </a>
      <header class="app-header">
        {link('/', 'brand', 'Safetrail')}
        {link('/rules', 'rules-link', 'Rules')}
        {link('/procedures', 'rules-link', 'Procedures')}
        {device && (
          <span class="where">
            {device.schoolName} · {device.role === 'dsl' ? 'Safeguarding console' : device.name}
            {who ? ` · ${who}` : ''}
          </span>
        )}
        {onLock && (
          <button type="button" class="lock" onClick={onLock}>
            Lock (blank screen)
          </button>
        )}
      </header>
      {beforeMain}
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
