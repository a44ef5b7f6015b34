/**
 * CSV for spreadsheets (RFC 4180, CRLF, UTF-8 with a byte-order mark so Excel reads the
 * accents). A cell a spreadsheet would run as a formula (one starting with =, +, -, @, a tab
 * or a carriage return, even after spaces) gets a leading apostrophe: a child's account or a
 * URL in the log must never become a formula on the office PC.
 */

const FORMULA_START = /^[\s]*[=+\-@]|^[\t\r]/;

/** One cell, neutralised and quoted where it needs to be. */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number)[])[]) {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
