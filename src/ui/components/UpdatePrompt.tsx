import { useEffect, useState } from 'preact/hooks';
import { applyUpdate, onUpdateWaiting } from '../../platform/update-state.ts';

/** "A new version is ready": applied only when the user chooses, never mid-record. */
export function UpdatePrompt() {
  const [waiting, setWaiting] = useState(false);
  useEffect(() => onUpdateWaiting(setWaiting), []);
  if (!waiting) return null;
  return (
    <div class="notice no-print" role="status">
      <strong>A new version of Safetrail is ready.</strong>
      Your drafts and queued records are kept.{' '}
      <button type="button" class="secondary" onClick={applyUpdate}>
        Reload to update
      </button>
    </div>
  );
}
