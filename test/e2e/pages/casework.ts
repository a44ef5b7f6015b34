/**
 * The DSL's casework screens (triage, incident view, people, retention) as a person uses
 * them: by role and label. Selectors for these screens live only here.
 */
import type { Locator, Page } from 'playwright-core';

export class CaseworkPages {
  constructor(private readonly page: Page) {}

  /** From any console page: the triage queue, once it has opened what it holds. */
  async openTriage() {
    await this.page.getByRole('link', { name: 'Incidents', exact: true }).first().click();
    await this.page.getByRole('heading', { level: 1, name: 'Incidents', exact: true }).waitFor();
    await this.idle();
  }

  async idle() {
    await this.page.getByRole('button', { name: 'Check for new records' }).waitFor();
  }

  urgent(): Locator {
    return this.page.getByRole('list', { name: 'Urgent incidents', exact: true }).locator('> li');
  }

  others(): Locator {
    return this.page.getByRole('list', { name: 'Incidents', exact: true }).locator('> li');
  }

  count(): Locator {
    return this.page.getByTestId('triage-count');
  }

  filter(label: 'Search' | 'Person' | 'From' | 'To'): Locator {
    return this.page
      .getByRole('form', { name: 'Search and filter incidents' })
      .getByLabel(label, { exact: true });
  }

  select(label: 'Category' | 'Status' | 'Urgent flag'): Locator {
    return this.page
      .getByRole('form', { name: 'Search and filter incidents' })
      .getByLabel(label, { exact: true });
  }

  async clearFilters() {
    await this.page.getByRole('button', { name: 'Clear filters' }).click();
  }

  async openIncident(reference: RegExp) {
    await this.page.getByRole('main').getByRole('link', { name: reference }).first().click();
    await this.page.getByRole('heading', { level: 1, name: /^Incident ST-/ }).waitFor();
    await this.idle();
  }

  private form(name: string): Locator {
    return this.page.getByRole('form', { name });
  }

  async recordAction(what: string, who: string) {
    await this.page.getByRole('button', { name: 'Record an action' }).click();
    const f = this.form('Record an action');
    await f.getByLabel('What was done').fill(what);
    await f.getByLabel('Who did it').fill(who);
    await this.save(f, 'Save');
  }

  async recordDecision(decision: string, reason: string) {
    await this.page.getByRole('button', { name: 'Record a decision' }).click();
    const f = this.form('Record a decision');
    await f.getByLabel('Decision', { exact: true }).fill(decision);
    await f.getByLabel('Reason for the decision').fill(reason);
    await this.save(f, 'Save');
  }

  async addNote(text: string) {
    await this.page.getByRole('button', { name: 'Add a note' }).click();
    const f = this.form('Add a note');
    await f.getByLabel('Note').fill(text);
    await this.save(f, 'Save');
  }

  async close(outcome: string) {
    await this.page.getByRole('button', { name: 'Close the incident' }).click();
    const f = this.form('Close the incident');
    await f.getByLabel('Outcome').fill(outcome);
    await this.save(f, 'Close the incident');
  }

  private async save(form: Locator, button: string) {
    const before = await this.chronology().count();
    await form.getByRole('button', { name: button }).click();
    await this.page.getByText(/: recorded\.$/).waitFor();
    // The new entry is in the chronology once the records have been read again.
    await this.page.waitForFunction(
      (n) => document.querySelectorAll('ol.chronology > li').length > n,
      before,
    );
  }

  chronology(): Locator {
    return this.page.locator('ol.chronology > li');
  }

  status(): Locator {
    return this.page.getByRole('heading', { level: 1 }).locator('.status-pill');
  }

  async openPerson(name: string) {
    await this.page.getByRole('link', { name: 'People', exact: true }).first().click();
    await this.page.getByRole('heading', { level: 1, name: 'People' }).waitFor();
    await this.page.getByRole('list', { name: 'People' }).getByRole('link', { name }).click();
    await this.page
      .getByRole('heading', { level: 1, name: `Incidents involving ${name}` })
      .waitFor();
    await this.page.getByText(/^\d+ incidents?, oldest first\.$/).waitFor();
  }

  personIncidents(): Locator {
    return this.page.locator('ol.person-chronology > li');
  }
}
