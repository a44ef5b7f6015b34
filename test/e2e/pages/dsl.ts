/** The DSL's screens as a person uses them: by role and label. Selectors live only here. */
import type { Page } from 'playwright-core';

export class DslPages {
  constructor(private readonly page: Page) {}

  async setUpSchool(url: string, code: string, school: string, name: string, passphrase: string) {
    const p = this.page;
    await p.goto(`${url}/setup?code=${encodeURIComponent(code)}`);
    await p.getByLabel('School name').fill(school);
    await p.getByLabel('Your name').fill(name);
    await p.getByLabel('Passphrase', { exact: true }).fill(passphrase);
    await p.getByLabel('Passphrase again').fill(passphrase);
    await p.getByRole('button', { name: 'Create the school’s keys' }).click();
    await p.getByRole('heading', { name: 'Print the recovery sheet now' }).waitFor();
    const recoveryKey = (await p.getByTestId('recovery-key').textContent()) ?? '';
    await p.getByLabel(/I have printed or written down the recovery key/).check();
    await p.getByRole('button', { name: 'Continue to the safeguarding console' }).click();
    return recoveryKey;
  }

  async unlock(passphrase: string) {
    await this.page.getByLabel('Your passphrase').fill(passphrase);
    await this.page.getByRole('button', { name: 'Unlock' }).click();
    await this.page.getByRole('heading', { name: 'Safeguarding console' }).waitFor();
  }

  async createEnrollmentLink(): Promise<string> {
    await this.page.getByRole('button', { name: /Create (an|another) enrollment code/ }).click();
    const link = this.page.getByLabel('Enrollment link (paste it on the tablet)');
    await link.waitFor();
    return link.inputValue();
  }

  async checkForIncidents() {
    await this.page.getByRole('button', { name: 'Check for new incidents' }).click();
    await this.page.getByRole('button', { name: 'Check for new incidents' }).waitFor();
  }

  incidents() {
    return this.page.locator('article.incident');
  }
}
