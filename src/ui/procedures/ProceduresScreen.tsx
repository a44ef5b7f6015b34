/**
 * Every procedure in the school's policy pack, reachable offline: the flowcharts (walked
 * in the DSL's console), the "what we do if" guides with their numbered steps and contacts
 * one tap away, the record forms the policies ask for, and the standing messages (such as
 * the no-blame reporting culture). Procedures are not secret, so anyone can read them.
 */
import type { PolicyPack } from '../../policy/pack-schema.ts';
import { Notice } from '../components/Notice.tsx';
import { useRulesPack } from '../rules/use-rules-pack.ts';

type Pack = PolicyPack;

const POLICY_NAMES: Record<string, string> = {
  gracefield: 'Gracefield School',
  whiston: 'Whiston Junior & Infant School',
  belmont: 'Belmont Academy',
  odst: 'ODST',
  holywell: 'Holywell Primary School',
  school: 'This school',
};

function Source({ source }: { source: { policy: string; section: string } }) {
  return (
    <p class="muted">
      From {POLICY_NAMES[source.policy] ?? source.policy}: {source.section}
    </p>
  );
}

function ContactLine({ pack, id }: { pack: Pack; id: string }) {
  const c = pack.contacts.find((x) => x.id === id);
  if (!c) return null;
  return (
    <li>
      {c.name}:{' '}
      {c.phone ? (
        <a href={`tel:${c.phone.replace(/[^+0-9]/g, '')}`}>{c.phone}</a>
      ) : (
        <span>number set by the school</span>
      )}
    </li>
  );
}

export function ProceduresScreen() {
  const loaded = useRulesPack();
  if (loaded.state === 'loading') return <p role="status">Loading the school’s procedures…</p>;
  if (loaded.state === 'failed')
    return <Notice tone="bad">The procedures could not be loaded. Reload the app.</Notice>;
  const pack = loaded.pack;
  return (
    <>
      <h1>Procedures</h1>
      {!loaded.fromSchool && (
        <Notice>
          These are the default procedures from the seed policies, until this device has the
          school’s own pack.
        </Notice>
      )}
      {pack.messages.map((m) => (
        <Notice key={m.id} title={m.title}>
          {m.text}
        </Notice>
      ))}
      <nav aria-label="On this page" class="card">
        <a href="#flowcharts">Flowcharts</a> · <a href="#scenarios">What we do if…</a> ·{' '}
        <a href="#forms">Record forms</a>
      </nav>

      <section aria-labelledby="flowcharts">
        <h2 id="flowcharts">Flowcharts</h2>
        <p>
          A safeguarding lead walks these step by step in the console (“Guide me through a
          procedure”), and each decision is recorded.
        </p>
        <ul class="list">
          {pack.flowcharts.map((f) => (
            <li key={f.id}>
              <span>
                <strong>{f.title}</strong>
                <Source source={f.source} />
              </span>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="scenarios">
        <h2 id="scenarios">What we do if…</h2>
        {pack.scenarios.map((s) => (
          <details key={s.id} class="card" data-testid="scenario">
            <summary>
              <strong>{s.title}</strong>
            </summary>
            <Source source={s.source} />
            <ol>
              {s.steps.map((step) => (
                <li key={step.id}>
                  {step.text}
                  {step.substeps && (
                    <ol type="a">
                      {step.substeps.map((sub) => (
                        <li key={sub.id}>{sub.text}</li>
                      ))}
                    </ol>
                  )}
                </li>
              ))}
            </ol>
            {s.contacts.length > 0 && (
              <>
                <h3>Contacts</h3>
                <ul>
                  {s.contacts.map((id) => (
                    <ContactLine key={id} pack={pack} id={id} />
                  ))}
                </ul>
              </>
            )}
            {s.notes?.map((n) => (
              <p key={n} class="muted">
                {n}
              </p>
            ))}
          </details>
        ))}
      </section>

      <section aria-labelledby="forms">
        <h2 id="forms">Record forms</h2>
        {pack.recordForms.map((form) => (
          <details key={form.id} class="card" data-testid="record-form">
            <summary>
              <strong>{form.title}</strong>
            </summary>
            <Source source={form.source} />
            {form.purpose && <p>{form.purpose}</p>}
            {form.sections.map((section) => (
              <div key={section.id}>
                {section.title && <h3>{section.title}</h3>}
                <ul>
                  {section.fields.map((field) => (
                    <li key={field.id}>
                      {field.label}
                      {field.help ? <span class="muted"> ({field.help})</span> : null}
                    </li>
                  ))}
                </ul>
                {section.repeating && <p class="muted">One row per entry.</p>}
              </div>
            ))}
          </details>
        ))}
      </section>
    </>
  );
}
