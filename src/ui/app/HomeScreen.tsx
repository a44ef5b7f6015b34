import { Navigate } from '@tanstack/react-router';
import { Link } from '../components/Link.tsx';
import { useEffect, useState } from 'preact/hooks';
import { Notice } from '../components/Notice.tsx';
import { useSession } from './session.tsx';

/** Sends an enrolled browser to its work; explains the two ways to start otherwise. */
export function HomeScreen() {
  const { device } = useSession();
  const [configured, setConfigured] = useState<boolean | null>(null);
  useEffect(() => {
    if (device !== null) return;
    // Only a browser that is not set up asks the endpoint, so only it loads the client: an
    // enrolled tablet starting here goes straight on to its capture screen.
    import('../../sync/api-client.ts')
      .then(({ createApiClient }) => createApiClient({ endpoint: location.origin }).schoolStatus())
      .then((s) => setConfigured(s.configured))
      .catch(() => setConfigured(null));
  }, [device]);

  if (device === undefined) return <p role="status">Loading…</p>;
  if (device?.role === 'dsl') return <Navigate to="/console" />;
  if (device?.role === 'tablet') return <Navigate to="/capture" />;
  if (device?.role === 'office') return <Navigate to="/office" />;
  return (
    <>
      <h1>Welcome to Safetrail</h1>
      <p>
        Safetrail records e-safety and safeguarding incidents, even with no signal, and seals each
        record so that only your school’s safeguarding leads can read it.
      </p>
      <div class="card">
        <h2>A tablet or laptop for staff</h2>
        <p>Ask your Designated Safeguarding Lead for an enrollment code.</p>
        <Link className="button" to="/enroll">
          Enroll this device
        </Link>
      </div>
      <div class="card">
        <h2>Rules and agreements</h2>
        <p>
          “Think, then Click!” and the school’s acceptable-use agreements, ready to show a class or
          print. They work offline.
        </p>
        <Link className="button secondary" to="/rules">
          Open the rules
        </Link>
      </div>
      {configured === false && (
        <div class="card">
          <h2>A new school endpoint</h2>
          <p>
            This endpoint has no school yet. The lead DSL sets it up with the set-up code the
            endpoint printed when it started.
          </p>
          <Link className="button secondary" to="/setup">
            Set up the school
          </Link>
        </div>
      )}
      {configured === null && (
        <Notice tone="warn">The school endpoint cannot be reached right now.</Notice>
      )}
    </>
  );
}
