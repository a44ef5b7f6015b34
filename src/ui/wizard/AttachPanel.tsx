import { useId, useState } from 'preact/hooks';
import { plainError } from '../components/errors.ts';
import type { IncidentSummary } from './incident-summary.ts';

/** Attaches a guide started from scratch to an incident, so it joins that chronology. */
export function AttachPanel({
  incidents,
  onAttach,
}: {
  incidents: IncidentSummary[];
  onAttach: (incidentId: string) => Promise<void>;
}) {
  const id = useId();
  const [chosen, setChosen] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!chosen) return setError('Choose the incident first.');
    setBusy(true);
    setError('');
    try {
      await onAttach(chosen);
    } catch (err) {
      setError(plainError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <details class="card wizard-attach">
      <summary>Attach this guide to an incident</summary>
      {incidents.length === 0 ? (
        <p>No incident this console can open yet. You can attach it later.</p>
      ) : (
        <form onSubmit={submit} noValidate>
          <p class="hint">
            Every decision and action in this guide, earlier ones included, then joins that
            incident’s chronology.
          </p>
          <div class={`field${error ? ' invalid' : ''}`}>
            <label for={`${id}-incident`}>Incident</label>
            <select
              id={`${id}-incident`}
              value={chosen}
              onChange={(e) => setChosen(e.currentTarget.value)}
              aria-describedby={error ? `${id}-error` : undefined}
              aria-invalid={error ? true : undefined}
            >
              <option value="">Choose an incident</option>
              {incidents.map((i) => (
                <option key={i.incidentId} value={i.incidentId}>
                  {i.reference}
                  {i.categoryLabel ? ` · ${i.categoryLabel}` : ''}
                  {i.where ? ` · ${i.where}` : ''}
                </option>
              ))}
            </select>
            {error && (
              <p class="error" id={`${id}-error`}>
                {error}
              </p>
            )}
          </div>
          <div class="actions">
            <button type="submit" disabled={busy}>
              {busy ? 'Sealing…' : 'Attach to this incident'}
            </button>
          </div>
        </form>
      )}
    </details>
  );
}
