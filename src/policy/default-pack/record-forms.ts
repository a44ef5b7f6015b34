/**
 * The record forms the seeds print, as the fields they ask for: ODST's Appendix G record form
 * for responding to incidents of misuse and its Reporting Log (seed 003, lines 611-720),
 * Gracefield's and Holywell's Information Risk Actions Form (seed 000 lines 600-608, seed 004
 * Appendix 1), and Gracefield's and Holywell's disposal record for ICT equipment.
 */
import type { RecordForm } from '../pack-schema.ts';
import { DATED, src } from './build.ts';

export const recordForms: RecordForm[] = [
  {
    id: 'odst-misuse-record',
    title: 'Responding to incidents of misuse – record form',
    source: src(
      'odst',
      'Appendix G: Responding to incidents of misuse – record form (lines 611-643)',
      DATED.odst,
    ),
    purpose:
      'The completed form should be retained by the investigating panel for evidence and reference purposes (ODST 12.8).',
    sections: [
      {
        id: 'investigation',
        fields: [
          { id: 'group', label: 'Group', type: 'text' },
          { id: 'date', label: 'Date', type: 'date' },
          { id: 'reason', label: 'Reason for investigation', type: 'longtext' },
        ],
      },
      {
        id: 'first-reviewer',
        title: 'Details of first reviewing person',
        fields: [
          { id: 'first-name', label: 'Name', type: 'text' },
          { id: 'first-position', label: 'Position', type: 'text' },
          { id: 'first-signature', label: 'Signature', type: 'signature' },
        ],
      },
      {
        id: 'second-reviewer',
        title: 'Details of second reviewing person',
        fields: [
          { id: 'second-name', label: 'Name', type: 'text' },
          { id: 'second-position', label: 'Position', type: 'text' },
          { id: 'second-signature', label: 'Signature', type: 'signature' },
        ],
      },
      {
        id: 'computer',
        fields: [
          {
            id: 'computer',
            label: 'Name and location of computer used for review (for web sites)',
            type: 'text',
          },
        ],
      },
      {
        id: 'sites',
        title: 'Web sites reviewed',
        repeating: true,
        fields: [
          {
            id: 'site',
            label: 'Web site(s) address / device',
            type: 'url',
            help: 'Recorded as text only: the app never opens or fetches it.',
          },
          { id: 'concern', label: 'Reason for concern', type: 'longtext' },
        ],
      },
      {
        id: 'conclusion',
        fields: [
          { id: 'conclusion', label: 'Conclusion and Action proposed or taken', type: 'longtext' },
        ],
      },
    ],
  },
  {
    id: 'odst-reporting-log',
    title: 'Reporting Log',
    source: src('odst', 'Appendix G: Reporting Log (lines 645-718)', DATED.odst),
    purpose:
      'The log of incidents the E-safety Coordinator keeps and the E-safety Governor regularly monitors (ODST).',
    sections: [
      { id: 'log', fields: [{ id: 'group', label: 'Group', type: 'text' }] },
      {
        id: 'entries',
        repeating: true,
        fields: [
          { id: 'date', label: 'Date', type: 'date' },
          { id: 'time', label: 'Time', type: 'time' },
          { id: 'incident', label: 'Incident', type: 'longtext' },
          { id: 'action-what', label: 'Action taken: what?', type: 'longtext' },
          { id: 'action-by', label: 'Action taken: by whom?', type: 'text' },
          { id: 'reported-by', label: 'Incident reported by', type: 'text' },
          { id: 'signature', label: 'Signature', type: 'signature' },
        ],
      },
    ],
  },
  {
    id: 'information-risk-actions',
    title: 'Information Risk Actions Form',
    source: src('gracefield', 'Appendix 1: Information Risk Actions Form (lines 600-608)'),
    alsoFrom: [
      src('holywell', 'Appendix 1 – Information risk actions form (line 671)', DATED.holywell),
    ],
    sections: [
      {
        id: 'risks',
        repeating: true,
        fields: [
          { id: 'asset', label: 'Information Asset', type: 'text' },
          { id: 'owner', label: 'Information Asset Owner', type: 'text' },
          {
            id: 'marking',
            label: 'Protective Marking',
            type: 'text',
            help: 'OFFICIAL or OFFICIAL-SENSITIVE (Gracefield); Unclassified, Protect or Restricted (Holywell).',
          },
          { id: 'likelihood', label: 'Likelihood', type: 'text' },
          {
            id: 'risk-level',
            label: 'Overall risk level (low, medium, high)',
            type: 'choice',
            options: ['low', 'medium', 'high'],
          },
          { id: 'actions', label: 'Action(s) to minimise risk', type: 'longtext' },
        ],
      },
    ],
  },
  {
    id: 'ict-disposal-record',
    title: 'Disposal record for ICT equipment',
    source: src('gracefield', 'Disposal of Redundant ICT Equipment Policy (lines 183-191)'),
    alsoFrom: [
      src(
        'holywell',
        '6. Disposal of Redundant ICT Equipment Policy (lines 208-216)',
        DATED.holywell,
      ),
    ],
    purpose:
      'If personal data is likely to be held the storage media will be over written multiple times to ensure the data is irretrievably destroyed.',
    sections: [
      {
        id: 'items',
        repeating: true,
        fields: [
          { id: 'date', label: 'Date item disposed of', type: 'date' },
          {
            id: 'licensing',
            label: 'Authorisation: verification of software licensing',
            type: 'text',
          },
          {
            id: 'personal-data',
            label: 'Authorisation: any personal data likely to be held on the storage media?',
            type: 'choice',
            options: ['Yes', 'No'],
          },
          { id: 'how', label: 'How it was disposed of (e.g. waste, gift, sale)', type: 'text' },
          {
            id: 'recipient',
            label: 'Name of person and/or organisation who received the disposed item',
            type: 'text',
          },
        ],
      },
    ],
  },
];
