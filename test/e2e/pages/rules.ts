/**
 * The rules library and class display as a member of staff uses them: by role and label.
 * Selectors for these screens live only here.
 */
import type { Locator, Page } from 'playwright-core';
import { seriousViolations } from '../support/axe.ts';

export class RulesPages {
  constructor(private readonly page: Page) {}

  async openLibrary() {
    await this.page.getByRole('link', { name: 'Rules', exact: true }).click();
    await this.page.getByRole('heading', { level: 1, name: 'Rules and agreements' }).waitFor();
  }

  async showAudience(label: string) {
    await this.page.getByRole('button', { name: label, exact: true }).click();
    await this.page.getByRole('heading', { level: 2, name: label, exact: true }).waitFor();
  }

  async search(text: string) {
    await this.page.getByRole('searchbox', { name: 'Search all rules' }).fill(text);
  }

  /** The live count under the search box. */
  count(): Locator {
    return this.page.getByRole('status').filter({ hasText: /rule sets?\b/ });
  }

  marks(): Locator {
    return this.page.locator('main mark');
  }

  async openRuleSet(title: string) {
    await this.page.getByRole('link', { name: title, exact: true }).first().click();
    await this.page.getByRole('heading', { level: 1, name: title, exact: true }).waitFor();
  }

  /** Opens class display and waits until it holds the focus. */
  async enterDisplay() {
    await this.page.getByRole('button', { name: 'Show to the class' }).click();
    await this.dialog().waitFor();
    await this.page.waitForFunction(
      () => document.activeElement?.getAttribute('role') === 'dialog',
    );
  }

  dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  /** "Rule 2 of 6", as announced. */
  position(): Locator {
    return this.dialog().locator('[aria-live="polite"]');
  }

  displayedRule(): Locator {
    return this.dialog().locator('.rules-display-rule');
  }

  async press(key: string) {
    await this.page.keyboard.press(key);
  }

  async recordBreach(ruleNumber: number) {
    await this.page.getByRole('button', { name: `Record a breach of rule ${ruleNumber}` }).click();
  }

  /** Clicks a print button with the browser's print dialog stubbed out (headless has none). */
  async choosePrint(which: 'Print poster' | 'Print agreement form') {
    await this.page.evaluate(() => {
      window.print = () => {};
    });
    await this.page.getByRole('button', { name: which }).click();
  }

  /** axe-core's serious and critical findings on the page as it is now. */
  async seriousViolations(): Promise<string[]> {
    return seriousViolations(this.page);
  }
}
