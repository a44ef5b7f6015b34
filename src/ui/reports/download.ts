/**
 * Hands a file the browser built to the person, through a temporary Blob URL and a download
 * link. The file exists only in memory until they save it: nothing goes to the endpoint or
 * to IndexedDB.
 */
export function downloadText(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked a moment later, not at once: some browsers start the download after click returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Resolves after the browser has painted, so a "Preparing…" label shows before long work. */
export const afterPaint = (): Promise<void> =>
  new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
