import { useEffect } from 'preact/hooks';
import { useLazy } from './use-lazy.ts';

export type Sections = typeof import('./FormSections.tsx');
const loadSections = () => import('./FormSections.tsx');

/**
 * The rarer parts of the record, loaded when a section is opened, or fetched ahead once the
 * tablet has been idle a moment so opening one is instant.
 */
export function useSections(wanted: boolean): Sections | null {
  useEffect(() => {
    const idle = setTimeout(() => void loadSections(), 1_500);
    return () => clearTimeout(idle);
  }, []);
  return useLazy(loadSections, wanted);
}
