/**
 * The DSL's guided procedures, incidents and chronologies as a person uses them on a phone:
 * by role and label. Selectors for these screens live only here.
 */
import type { Locator, Page } from 'playwright-core';
import { seriousViolations } from '../support/axe.ts';

export class WizardPages {
  constructor(private readonly page: Page) {}

  /** From the console (or any wizard page): the list of incidents. */
  async openIncidents() {
    await this.page.getByRole('link', { name: 'Incidents', exact: true }).first().click();
    await this.page.getByRole('heading', { level: 1, name: 'Incidents', exact: true }).waitFor();
    await this.idle();
  }

  async openChronology(reference: RegExp) {
    await this.page.getByRole('main').getByRole('link', { name: reference }).first().click();
    await this.page.getByRole('heading', { level: 1, name: /^Incident ST-/ }).waitFor();
    await this.idle();
  }

  /** Waits until a records page has finished opening what it holds. */
  async idle() {
    await this.page.getByRole('button', { name: 'Check for new records' }).waitFor();
  }

  async guideMe(flowchartTitle: string) {
    await this.page.getByRole('button', { name: `Guide me: ${flowchartTitle}` }).click();
    await this.page.getByRole('heading', { level: 1, name: flowchartTitle }).waitFor();
  }

  async chooseAnotherProcedure() {
    await this.page.getByRole('link', { name: 'Choose another procedure' }).click();
    await this.page
      .getByRole('heading', { level: 1, name: 'Guide me through a procedure' })
      .waitFor();
  }

  async pickFlowchart(title: string) {
    await this.page
      .getByRole('button', { name: new RegExp(`^${title}`) })
      .first()
      .click();
    await this.page.getByRole('heading', { level: 1, name: title }).waitFor();
  }

  /** The current step's heading (a question, a checklist's title, or "Outcome"). */
  step(name: string | RegExp) {
    return this.page.getByRole('heading', { level: 2, name });
  }

  async expectStep(name: string | RegExp) {
    await this.step(name).waitFor();
  }

  async answer(label: string | RegExp) {
    await this.page.getByRole('button', { name: label }).click();
  }

  /** Chooses an answer that needs a reason, then gives it (an empty reason is refused). */
  async answerWithReason(label: string | RegExp, reason: string) {
    await this.answer(label);
    await this.page.getByLabel('Reason for this decision').fill(reason);
    await this.page.getByRole('button', { name: 'Record this decision' }).click();
  }

  checklistItem(text: string | RegExp): Locator {
    return this.page.getByRole('group', { name: text });
  }

  async done(text: string | RegExp, by?: string) {
    const item = this.checklistItem(text);
    await item.getByRole('button', { name: 'Done', exact: true }).click();
    if (by) await item.getByLabel('Done by').fill(by);
    await item.getByRole('button', { name: 'Record as done' }).click();
    await item.getByTestId('step-record').waitFor();
  }

  async notDone(text: string | RegExp, reason: string) {
    const item = this.checklistItem(text);
    await item.getByRole('button', { name: 'Not done', exact: true }).click();
    await item.getByLabel('Why was it not done?').fill(reason);
    await item.getByRole('button', { name: 'Record as not done' }).click();
    await item.getByTestId('step-record').waitFor();
  }

  async continue() {
    await this.page.getByRole('button', { name: 'Continue to the next step' }).click();
  }

  async back() {
    await this.page.getByRole('button', { name: '← Back' }).click();
  }

  /** Locks the console (as an idle phone does) and unlocks it again with the passphrase. */
  async lockAndUnlock(passphrase: string) {
    await this.page.getByRole('button', { name: 'Lock (blank screen)' }).click();
    await this.page.getByLabel('Your passphrase').fill(passphrase);
    await this.page.getByRole('button', { name: 'Unlock' }).click();
  }

  async showDiagram() {
    await this.page.getByRole('button', { name: 'Show the whole flowchart' }).click();
    await this.page.getByRole('img', { name: /^Diagram of/ }).waitFor();
  }

  decidedSoFar(): Locator {
    return this.page.getByRole('region', { name: 'Decided so far' });
  }

  sendStatus(): Locator {
    return this.page.getByTestId('send-status');
  }

  async openChronologyFromEnd() {
    await this.page.getByRole('link', { name: /^See the chronology of ST-/ }).click();
    await this.page.getByRole('heading', { level: 1, name: /^Incident ST-/ }).waitFor();
    await this.idle();
  }

  chronology(): Locator {
    return this.page.locator('ol.chronology > li');
  }

  /** axe-core's serious and critical findings on the page as it is now. */
  async seriousViolations(): Promise<string[]> {
    return seriousViolations(this.page);
  }
}

/** Adding a second safeguarding lead, on the existing lead's console and the new one's. */
export class LeadPages {
  constructor(private readonly page: Page) {}

  async invite(name: string): Promise<string> {
    await this.page.getByLabel('Their name').fill(name);
    await this.page.getByRole('button', { name: 'Create a link for them' }).click();
    const link = this.page.getByLabel('Link for the new lead');
    await link.waitFor();
    return link.inputValue();
  }

  async join(link: string, name: string, passphrase: string) {
    const p = this.page;
    await p.goto(link);
    await p.getByLabel('Your name').fill(name);
    await p.getByLabel('Passphrase', { exact: true }).fill(passphrase);
    await p.getByLabel('Passphrase again').fill(passphrase);
    await p.getByRole('button', { name: 'Join' }).click();
    await p.getByRole('heading', { name: 'Waiting for approval' }).waitFor({ timeout: 30_000 });
  }

  async approve(name: string) {
    await this.page.getByRole('button', { name: `Approve ${name}` }).click();
    await this.page.getByText(`${name} is now a safeguarding lead.`).waitFor({ timeout: 30_000 });
  }

  async checkAgain() {
    await this.page.getByRole('button', { name: 'Check again' }).click();
    await this.page.getByRole('heading', { level: 1, name: 'Safeguarding console' }).waitFor();
  }
}
