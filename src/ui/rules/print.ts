/**
 * Choosing what a rule set prints as. The print CSS (styles/rules.css) shows the
 * A4 poster or the agreement form according to `data-print` on <html>; printing from the
 * browser's own menu, with no choice made, gives the poster.
 */

export type PrintLayout = 'poster' | 'agreement';

export const PRINT_ATTRIBUTE = 'data-print';

export function setPrintLayout(layout: PrintLayout | null): void {
  const root = document.documentElement;
  if (layout) root.setAttribute(PRINT_ATTRIBUTE, layout);
  else root.removeAttribute(PRINT_ATTRIBUTE);
}

/** Marks the layout, opens the print dialog, and clears the mark once printing is done. */
export function printAs(layout: PrintLayout): void {
  setPrintLayout(layout);
  window.addEventListener(
    'afterprint',
    () => {
      if (document.documentElement.getAttribute(PRINT_ATTRIBUTE) === layout) setPrintLayout(null);
    },
    { once: true },
  );
  window.print();
}
