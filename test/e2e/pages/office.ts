/** The school office's computer as a person uses it: by role and label. Selectors live only here. */
import type { Page } from 'playwright-core';
import { TabletPages } from './tablet.ts';

export class OfficePages {
  constructor(private readonly page: Page) {
    // Revoking asks with window.confirm; the office says yes.
    page.on('dialog', (d) => void d.accept());
  }

  /** The office's computer enrolls on the same page as a tablet, with an office code. */
  async enroll(url: string, link: string, name: string) {
    await new TabletPages(this.page).enroll(url, link, name);
    await this.page.getByRole('heading', { name: 'School office' }).waitFor();
  }

  /** Anything that would ask for a passphrase or a PIN. */
  secretFields() {
    return this.page.getByLabel(/passphrase|PIN/i);
  }

  devices() {
    return this.page.getByRole('list', { name: 'Enrolled devices' });
  }

  /** The row of the device with exactly this name (another row may mention it as enroller). */
  device(name: string) {
    return this.devices()
      .getByRole('listitem')
      .filter({ has: this.page.getByText(name, { exact: true }) });
  }

  revokeButtons() {
    return this.devices().getByRole('button', { name: /^Revoke / });
  }

  async createTabletLink(): Promise<string> {
    await this.page.getByRole('button', { name: /^Create (an enrollment|another) code$/ }).click();
    const link = this.page.getByLabel('Enrollment link (paste it on the tablet)');
    await link.waitFor();
    return link.inputValue();
  }

  async revokeDevice(name: string) {
    await this.page.getByRole('button', { name: `Revoke ${name}` }).click();
    await this.page.getByText(`“${name}” is revoked.`).waitFor();
  }

  /**
   * What the endpoint answers when this browser asks for the school's sealed records, signed
   * with its own enrolled key (read from IndexedDB, as any script on the page could).
   */
  tryToPullEnvelopes(): Promise<{ status: number; body: string }> {
    return this.page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((res, rej) => {
        const r = indexedDB.open('safetrail');
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      const self = await new Promise<{ deviceId: string; signingKey: CryptoKey }>((res, rej) => {
        const r = db.transaction('device').objectStore('device').get('self');
        r.onsuccess = () => res(r.result as { deviceId: string; signingKey: CryptoKey });
        r.onerror = () => rej(r.error);
      });
      db.close();
      const b64 = (bytes: ArrayBuffer) =>
        btoa(String.fromCharCode(...new Uint8Array(bytes)))
          .replace(/\+/g, '-')
          .replace(/\//g, '_')
          .replace(/=+$/, '');
      const enc = new TextEncoder();
      const path = '/api/v1/envelopes?after=0';
      const time = String(Date.now());
      const nonce = b64(crypto.getRandomValues(new Uint8Array(16)).buffer);
      const bodyHash = b64(await crypto.subtle.digest('SHA-256', enc.encode('')));
      const statement = `safetrail/v1/request\nGET\n${path}\n${time}\n${nonce}\n${bodyHash}`;
      const signature = b64(
        await crypto.subtle.sign(
          { name: 'ECDSA', hash: 'SHA-256' },
          self.signingKey,
          enc.encode(statement),
        ),
      );
      const res = await fetch(path, {
        headers: {
          'x-safetrail-device': self.deviceId,
          'x-safetrail-time': time,
          'x-safetrail-nonce': nonce,
          'x-safetrail-signature': signature,
        },
      });
      return { status: res.status, body: await res.text() };
    });
  }
}
