/**
 * Reads a trip roster typed into a box or exported from the school's MIS as CSV: one pupil
 * per line, name (or initials) then year group, separated by a comma. Quoted CSV fields
 * ("Smith, Jo") and a header row (any first row mentioning "name") are understood; blank
 * lines are skipped. Lines it cannot use are reported, never silently dropped.
 */

export interface ParsedRoster {
  pupils: { name: string; yearGroup: string }[];
  problems: string[];
}

/** Splits one CSV line into fields (RFC 4180 quoting, "" for a literal quote). */
function csvFields(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (c === ',' || c === ';' || c === '\t') {
      fields.push(field);
      field = '';
    } else field += c;
  }
  fields.push(field);
  return fields.map((f) => f.trim());
}

/** Splits into lines, keeping line breaks that sit inside quotes. */
function csvLines(text: string): string[] {
  const lines: string[] = [];
  let line = '';
  let quoted = false;
  for (const c of text.replace(/^\uFEFF/, '')) {
    if (c === '"') quoted = !quoted;
    if ((c === '\n' || c === '\r') && !quoted) {
      lines.push(line);
      line = '';
    } else line += c;
  }
  lines.push(line);
  return lines;
}

/** "4" or "Y4" becomes "Year 4"; anything else is kept as written. */
function yearGroup(raw: string): string {
  const m = /^(?:y(?:ear|r)?\s*)?(\d{1,2})$/i.exec(raw.trim());
  return m ? `Year ${m[1]}` : raw.trim();
}

export function parseRosterText(text: string): ParsedRoster {
  const pupils: ParsedRoster['pupils'] = [];
  const problems: string[] = [];
  const lines = csvLines(text);
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    const fields = csvFields(line);
    const [first = '', second = ''] = fields;
    if (i === 0 && /name|pupil/i.test(first) && (!second || /year|group|class/i.test(second)))
      return; // a header row
    if (!first) {
      problems.push(`Line ${i + 1} has no name: “${line.trim().slice(0, 60)}”.`);
      return;
    }
    // A third field or more is usually "Surname, First name, Year": join the names.
    const name = fields.length > 2 ? fields.slice(0, -1).filter(Boolean).join(' ') : first;
    const year = fields.length > 2 ? fields[fields.length - 1]! : second;
    pupils.push({ name, yearGroup: yearGroup(year) });
  });
  return { pupils, problems };
}
