/** The teacher's tablet screens, selected by role and label as a person would find them. */
import type { Page } from 'playwright-core';

export class TabletPages {
  constructor(private readonly page: Page) {}

  async enroll(url: string, link: string, name: string) {
    const p = this.page;
    await p.goto(`${url}/enroll`);
    await p.getByLabel('Enrollment link').fill(link);
    await p.getByLabel('Tablet name').fill(name);
    await p.getByRole('button', { name: 'Enroll this tablet' }).click();
  }

  /** Enrols this browser as a tablet and creates its first staff profile. */
  async enrollAs(url: string, link: string, tabletName: string, person: string, pin: string) {
    await this.enroll(url, link, tabletName);
    await this.createProfile(person, pin);
  }

  async createProfile(name: string, pin: string) {
    const p = this.page;
    await p.getByLabel('Your name').fill(name);
    await p.getByLabel('Choose a PIN').fill(pin);
    await p.getByLabel('PIN again').fill(pin);
    await p.getByRole('button', { name: 'Create my profile' }).click();
    await p.getByRole('heading', { name: 'Record an incident' }).waitFor();
  }

  async unlock(pin: string, who?: string) {
    await this.page.getByRole('heading', { name: 'Unlock' }).waitFor();
    if (who) await this.page.getByLabel('Who are you?').selectOption({ label: who });
    await this.page.getByLabel('PIN').fill(pin);
    await this.page.getByRole('button', { name: 'Unlock' }).click();
  }

  async lock() {
    await this.page.getByRole('button', { name: 'Lock (blank screen)' }).click();
    await this.page.getByRole('heading', { name: 'Unlock' }).waitFor();
  }

  async addColleague(name: string, pin: string) {
    await this.page.getByRole('button', { name: 'I am not listed' }).click();
    await this.createProfile(name, pin);
  }

  /** Records and submits a minimal incident, leaving the capture page showing the outbox. */
  async recordIncident(what: string, where = 'Classroom 4') {
    await this.startIncident();
    await this.field('What happened').fill(what);
    await this.field('Where it happened').fill(where);
    await this.submit();
    await this.page.getByText(/is sealed and queued/).waitFor();
  }

  async startIncident() {
    await this.page.getByRole('button', { name: 'New incident' }).click();
    await this.page.getByRole('heading', { name: 'New incident' }).waitFor();
  }

  field(label: 'What happened' | 'When it happened' | 'Where it happened' | 'Who reported it') {
    return this.page.getByLabel(label);
  }

  saveStatus() {
    return this.page.getByTestId('save-status');
  }

  /**
   * The save status once it covers every change made, or null while a newer change is still
   * to be written (the last "Draft saved" stays on screen meanwhile, marked busy).
   */
  settledSaveStatus(): Promise<string | null> {
    return this.saveStatus().evaluate((el) =>
      el.getAttribute('aria-busy') === 'true' ? null : el.textContent,
    );
  }

  outboxStatus() {
    return this.page.getByTestId('outbox-status');
  }

  /** The reference of the incident just sealed, from the "is sealed and queued" notice. */
  async sealedReference(): Promise<string> {
    const notice = await this.page.getByText(/is sealed and queued/).textContent();
    const reference = /ST-[0-9A-Z]{6}/.exec(notice ?? '')?.[0];
    if (!reference) throw new Error(`No reference in "${notice}"`);
    return reference;
  }

  /** What "Sent and waiting" says about one incident (empty until it is listed). */
  async sentItem(reference: string): Promise<string> {
    const items = this.page.getByRole('listitem').filter({ hasText: reference });
    return (await items.allTextContents()).join('\n');
  }

  async submit() {
    await this.page.getByRole('button', { name: 'Submit to the safeguarding leads' }).click();
  }

  async syncNow() {
    await this.page.getByRole('button', { name: 'Sync now' }).click();
  }

  async saveAndClose() {
    await this.page.getByRole('link', { name: 'Save and close' }).click();
    await this.page.getByRole('heading', { name: 'Record an incident' }).waitFor();
  }

  async continueDraft(preview: RegExp) {
    await this.page
      .getByRole('link', { name: new RegExp(`^Continue draft: ${preview.source}`) })
      .click();
    await this.page.getByLabel('What happened').waitFor();
  }

  /** A problem shown on the screen (role=alert), such as a failed start or submit. */
  problem() {
    return this.page.getByRole('alert');
  }

  /** "A new version of Safetrail is ready", offered and never applied without the user. */
  updatePrompt() {
    return this.page.getByRole('status').filter({ hasText: 'A new version of Safetrail is ready' });
  }

  async acceptUpdate() {
    await this.updatePrompt().getByRole('button', { name: 'Reload to update' }).click();
  }

  /** Every row of every object store in every IndexedDB database of this origin, as text. */
  dumpIndexedDb(): Promise<string> {
    return this.page.evaluate(async () => {
      const dump: string[] = [];
      for (const info of await indexedDB.databases()) {
        const db = await new Promise<IDBDatabase>((res, rej) => {
          const r = indexedDB.open(info.name!);
          r.onsuccess = () => res(r.result);
          r.onerror = () => rej(r.error);
        });
        for (const store of Array.from(db.objectStoreNames)) {
          const rows = await new Promise<unknown[]>((res, rej) => {
            const r = db.transaction(store).objectStore(store).getAll();
            r.onsuccess = () => res(r.result);
            r.onerror = () => rej(r.error);
          });
          dump.push(`${info.name}/${store}: ${JSON.stringify(rows)}`);
        }
        db.close();
      }
      return dump.join('\n');
    });
  }
}
