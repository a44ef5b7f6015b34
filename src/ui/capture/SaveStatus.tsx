import type { SaveState } from './use-autosave.ts';

/** Whether the draft is saved, announced politely; a failed save says what to do. */
export function SaveStatus({ state }: { state: SaveState }) {
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
      data-testid="save-status"
    >
      {text}
    </p>
  );
}
