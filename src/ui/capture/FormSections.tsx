/**
 * The parts of an incident record beyond the common path: people involved, actions
 * taken, who has been told (and the protective marking), and evidence. One chunk, loaded
 * only when a section is opened or the tablet is idle, so they cost the first screen nothing.
 */
export { ActionsSection } from './ActionsSection.tsx';
export { EvidenceSection } from './EvidenceSection.tsx';
export { PeopleSection } from './PeopleSection.tsx';
export { ToldSection } from './ToldSection.tsx';
