/** The DSL's screens as a person uses them: by role and label. Selectors live only here. */
import type { Page } from 'playwright-core';

export class DslPages {
  /** The printed recovery shares, when set-up split the key. */
  shares: string[] = [];

  constructor(private readonly page: Page) {
    // Console actions that need a second thought ask with window.confirm; a DSL says yes.
    page.on('dialog', (d) => void d.accept());
  }

  async setUpSchool(
    url: string,
    code: string,
    school: string,
    name: string,
    passphrase: string,
    options: { split?: boolean } = {},
  ) {
    const p = this.page;
    await p.goto(`${url}/setup?code=${encodeURIComponent(code)}`);
    await p.getByLabel('School name').fill(school);
    await p.getByLabel('Your name').fill(name);
    await p.getByLabel('Passphrase', { exact: true }).fill(passphrase);
    await p.getByLabel('Passphrase again').fill(passphrase);
    await p.getByRole('button', { name: 'Create the school’s keys' }).click();
    await p.getByRole('heading', { name: 'Print the recovery sheet now' }).waitFor();
    const recoveryKey = (await p.getByTestId('recovery-key').textContent()) ?? '';
    if (options.split) {
      await p.getByRole('button', { name: 'Split into 3 shares (any 2 open it)' }).click();
      await p.getByTestId('recovery-share').first().waitFor();
      this.shares = await p.getByTestId('recovery-share').allTextContents();
    }
    await p.getByLabel(/I have printed or written down the recovery key/).check();
    await p.getByRole('button', { name: 'Continue to the safeguarding console' }).click();
    return recoveryKey;
  }

  /** Where most journeys begin: the school set up by Dana Lead, and the console unlocked. */
  async setUpAndUnlock(
    endpoint: { url: string; setupCode: string },
    school: string,
    passphrase: string,
    options: { split?: boolean } = {},
  ): Promise<string> {
    const recoveryKey = await this.setUpSchool(
      endpoint.url,
      endpoint.setupCode,
      school,
      'Dana Lead',
      passphrase,
      options,
    );
    await this.unlock(passphrase);
    return recoveryKey;
  }

  async unlock(passphrase: string) {
    await this.page.getByLabel('Your passphrase').fill(passphrase);
    await this.page.getByRole('button', { name: 'Unlock' }).click();
    await this.page.getByRole('heading', { name: 'Safeguarding console' }).waitFor();
  }

  async createEnrollmentLink(): Promise<string> {
    const link = this.page.getByLabel('Enrollment link (paste it on the tablet)');
    const before = (await link.count()) > 0 ? await link.inputValue() : '';
    await this.page.getByRole('button', { name: /^Create (an enrollment|another) code$/ }).click();
    await link.waitFor();
    // A second code replaces the first in the same field.
    await this.page.waitForFunction(
      (old) =>
        [...document.querySelectorAll('input, textarea')].some(
          (el) =>
            (el as HTMLInputElement).value.includes('/enroll') &&
            (el as HTMLInputElement).value !== old,
        ),
      before,
    );
    return link.inputValue();
  }

  /** A code for the school office's computer (devices only, never records), as a link. */
  async createOfficeLink(): Promise<string> {
    await this.page.getByLabel('The school office’s computer').check();
    await this.page.getByRole('button', { name: /^Create (an enrollment|another) code$/ }).click();
    const link = this.page.getByLabel('Enrollment link (paste it on the office computer)');
    await link.waitFor();
    const value = await link.inputValue();
    // Back to the usual choice, so the next code is a tablet's again.
    await this.page.getByLabel('A teacher’s tablet').check();
    return value;
  }

  async checkForIncidents() {
    await this.page.getByRole('button', { name: 'Check for new incidents' }).click();
    await this.page.getByRole('button', { name: 'Check for new incidents' }).waitFor();
  }

  incidents() {
    return this.page.locator('article.incident');
  }

  async revokeDevice(name: string) {
    await this.page.getByRole('button', { name: `Revoke ${name}` }).click();
    await this.page.getByText(`“${name}” is revoked.`).waitFor();
  }

  async inviteLead(name: string): Promise<string> {
    await this.page.getByLabel('Their name').fill(name);
    await this.page.getByRole('button', { name: 'Create a link for them' }).click();
    const link = this.page.getByLabel('Link for the new lead');
    await link.waitFor();
    return link.inputValue();
  }

  /** The key id the console lists for a pending lead, as shown to the approver. */
  pendingKeyId(name: string) {
    return this.page
      .getByRole('list', { name: 'Leads waiting for approval' })
      .getByRole('listitem')
      .filter({ hasText: name });
  }

  async approveLead(name: string) {
    await this.page.getByRole('button', { name: `Approve ${name}` }).click();
    await this.page.getByText(`${name} is now a safeguarding lead.`).waitFor({ timeout: 30_000 });
  }

  async uploadPolicy(json: string) {
    await this.page.getByLabel('Replace it with a policy pack file (.json)').setInputFiles({
      name: 'pack.json',
      mimeType: 'application/json',
      buffer: Buffer.from(json),
    });
    await this.page.getByText(/is now the school’s policy pack/).waitFor();
  }

  async lock() {
    await this.page.getByRole('button', { name: 'Lock (blank screen)' }).click();
  }

  async breakGlass(shares: string[]) {
    await this.page.getByRole('button', { name: 'Use the break-glass recovery shares' }).click();
    for (const [i, share] of shares.entries())
      await this.page.getByLabel(new RegExp(`^Share ${i + 1}`)).fill(share);
    await this.page.getByRole('button', { name: 'Open records' }).click();
  }
}
