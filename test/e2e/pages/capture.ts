/**
 * The full incident record and trip rosters on the tablet, as a teacher finds them: by
 * role and label. Selectors live only here.
 */
import type { Locator, Page } from 'playwright-core';

export class CapturePages {
  constructor(private readonly page: Page) {}

  async loadRoster(tripName: string, pupils: string) {
    const p = this.page;
    await p.getByRole('button', { name: 'Load a trip roster' }).click();
    await p.getByLabel('Trip or visit name').fill(tripName);
    await p.getByLabel('Pupils', { exact: true }).fill(pupils);
    await p.getByRole('button', { name: 'Save the roster' }).click();
    await this.rosters().getByText(tripName).waitFor();
  }

  rosters() {
    return this.page.getByRole('list', { name: 'Loaded trip rosters' });
  }

  field(label: string) {
    return this.page.getByLabel(label, { exact: true });
  }

  /** Chooses the category whose label matches `pattern` (the list comes from the policy pack). */
  async chooseCategory(pattern: RegExp) {
    const select = this.field('Category');
    const options = await select
      .locator('option')
      .evaluateAll((os) =>
        os.map((o) => ({ value: (o as HTMLOptionElement).value, label: o.textContent ?? '' })),
      );
    const option = options.find((o) => o.value && pattern.test(o.label));
    if (!option) throw new Error(`No category matches ${pattern}`);
    await select.selectOption(option.value);
    return option.label;
  }

  async openSection(name: RegExp) {
    const button = this.page.getByRole('button', { name });
    if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
    const region = this.page.locator(`[id="${await button.getAttribute('aria-controls')}"]`);
    // The section's code loads on first use: wait for its controls, not the "Loading…".
    await region.locator('input, select, textarea, button').first().waitFor();
  }

  group(name: string): Locator {
    return this.page.getByRole('group', { name, exact: true });
  }

  async pickPupil(label: string, role: string) {
    const picker = this.page.getByLabel('Add a pupil from the trip roster');
    await picker.selectOption({ label });
    const n = await this.page.getByRole('group', { name: /^Person \d+$/ }).count();
    await this.group(`Person ${n}`).getByLabel('Their part in it').selectOption({ label: role });
  }

  async addPerson(name: string, kind: string, role: string) {
    await this.page.getByRole('button', { name: 'Add a person' }).click();
    const n = await this.page.getByRole('group', { name: /^Person \d+$/ }).count();
    const person = this.group(`Person ${n}`);
    await person.getByLabel('Name or initials').fill(name);
    await person.getByLabel('Who they are').selectOption({ label: kind });
    await person.getByLabel('Their part in it').selectOption({ label: role });
  }

  async addAction(what: string) {
    await this.page.getByRole('button', { name: 'Add an action' }).click();
    const n = await this.page.getByRole('group', { name: /^Action \d+$/ }).count();
    await this.group(`Action ${n}`).getByLabel('What was done').fill(what);
  }

  illegalGuard() {
    return this.page.getByLabel(/This may involve illegal material/);
  }

  instructions() {
    return this.page.getByTestId('illegal-instructions');
  }

  photoPicker() {
    return this.page.getByLabel('Choose a photo or screenshot');
  }

  /** Every file input on the page, visible or not: the guard must leave none. */
  fileInputs() {
    return this.page.locator('input[type=file]');
  }

  thumbnails() {
    return this.page.getByRole('img', { name: /^Photo \d+/ });
  }

  async recordDevice(description: string, keptAt: string) {
    const device = this.group('Device 1');
    await device.getByLabel('What the device is').fill(description);
    await device.getByLabel('Where it is kept now').fill(keptAt);
  }

  async submit() {
    await this.page.getByRole('button', { name: 'Submit to the safeguarding leads' }).click();
    await this.page.getByText(/is sealed and queued/).waitFor({ timeout: 20_000 });
  }

  /** The accessibility tree of the main area, for checking every control has a name. */
  ariaSnapshot() {
    return this.page.locator('main').ariaSnapshot();
  }
}
