import type { SaveState } from './use-autosave.ts';

/**
 * Whether the draft is saved, announced politely; a failed save says what to do. While a
 * newer change is still to be written the region is busy, so a screen reader waits for the
 * outcome rather than reading out a "saved" that is about to be superseded.
 */
export function SaveStatus({ state, unsaved }: { state: SaveState; unsaved: boolean }) {
  const text =
    state.kind === 'saving'
      ? 'Saving…'
      : state.kind === 'saved'
        ? `Draft saved (encrypted) at ${state.at.toLocaleTimeString('en-GB')}`
        : state.kind === 'failed'
          ? `Not saved: ${state.message} Keep this page open; we will try again.`
          : 'Changes save automatically, encrypted on this tablet.';
  return (
    <p
      class={state.kind === 'failed' ? 'notice bad' : 'muted'}
      role="status"
      aria-busy={unsaved ? 'true' : 'false'}
      data-testid="save-status"
    >
      {text}
    </p>
  );
}
