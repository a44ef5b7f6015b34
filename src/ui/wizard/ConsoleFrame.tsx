import { Link } from '../components/Link.tsx';
import type { ComponentChildren } from 'preact';
import { useSession } from '../app/session.tsx';
import { Notice } from '../components/Notice.tsx';
import { DslGate } from '../console/DslGate.tsx';

/** The wizard's and chronology's pages open, like the console, only for an unlocked DSL. */
export function ConsoleFrame({ children }: { children: ComponentChildren }) {
  const { device } = useSession();
  if (device === undefined) return <p role="status">Loading…</p>;
  if (device?.role !== 'dsl') {
    return (
      <Notice tone="warn" title="This is not a safeguarding console">
        Guided procedures and chronologies open only in a safeguarding lead’s browser.{' '}
        <Link to="/">Go to the start page</Link>
      </Notice>
    );
  }
  return (
    <DslGate>
      <nav class="wizard-nav" aria-label="Safeguarding console">
        <Link to="/console">Console</Link>
        <Link to="/console/incidents" search={{}}>
          Incidents
        </Link>
        <Link to="/console/people">People</Link>
        <Link to="/console/guide" search={{}}>
          Guided procedures
        </Link>
        <Link to="/console/retention">Retention</Link>
        <Link to="/console/log">Incident log</Link>
        <Link to="/console/summary">Governor summary</Link>
      </nav>
      {children}
    </DslGate>
  );
}
