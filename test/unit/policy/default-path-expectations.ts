/**
 * What every path of every default flowchart must yield, quoting the seed policies: the
 * steps (by the seed's words), the contacts and roles they name, the end reached, and which
 * decisions not to act needed a reason. Used by default-paths.test.ts.
 */
import type { Expectation } from './path-kit.ts';

export const EXPECTATIONS: Record<string, { paths: number; rules: Expectation[] }> = {
  // Gracefield, seed 000 lines 713-757.
  'gracefield-illegal': {
    paths: 6,
    rules: [
      { when: [] },
      {
        when: ['illegal:yes'],
        text: [
          /Inform police/,
          /DO NOT view or copy/,
          /Let the Police review the evidence/,
          /Confiscate any laptop/,
          /disable user account/,
        ],
        contacts: ['police'],
      },
      {
        when: ['illegal:yes', 'staff:yes'],
        text: [/LADO/],
        contacts: ['lado'],
        end: 'end-illegal-staff',
      },
      { when: ['illegal:yes', 'staff:no'], notContacts: ['lado'], end: 'end-illegal' },
      {
        when: ['illegal:no'],
        unless: ['illegal:yes'],
        notText: [/Inform police/],
        end: 'not-illegal',
        continueWith: 'gracefield-managing',
        reasons: ['illegal:no'],
      },
      {
        when: ['illegal:not-sure'],
        text: [/Local Safe Neighbourhood Officer/],
        contacts: ['police-neighbourhood'],
      },
    ],
  },
  // Gracefield, seed 000 lines 756-820.
  'gracefield-managing': {
    paths: 5,
    rules: [
      { when: [], text: [/Record in the school E-Safety Incident Log/, /Keep any evidence/] },
      { when: ['staff:yes', 'lado-test:yes'], contacts: ['lado'], end: 'end-lado' },
      {
        when: ['staff:yes', 'lado-test:no'],
        notContacts: ['lado'],
        reasons: ['lado-test:no'],
        continueWith: 'gracefield-staff-victims',
      },
      {
        when: ['child:victim'],
        text: [
          /In-school action to support pupil/,
          /School PCSO/,
          /Inform parents\/carer as appropriate/,
          /Confiscate the device, if appropriate/,
        ],
      },
      { when: ['child:victim', 'at-risk:yes'], text: [/inform DSL immediately/], roles: ['dsl'] },
      { when: ['child:victim', 'at-risk:no'], notRoles: ['dsl'], reasons: ['at-risk:no'] },
      {
        when: ['child:instigator'],
        text: [
          /identify if other pupils were involved/,
          /sanctions and\/or support/,
          /Inform parents\/carers if serious or persistent/,
          /consider informing the local authority/,
        ],
        contacts: ['local-authority'],
      },
    ],
  },
  // Gracefield, seed 000 lines 823-862.
  'gracefield-staff-victims': {
    paths: 5,
    rules: [
      {
        when: [],
        text: [
          /Record in the school E-Safety Incident Log/,
          /printouts and\/or screen shots/,
          /advice from their union/,
        ],
        roles: ['head-teacher'],
        contacts: ['e-safety-adviser'],
      },
      {
        when: ['instigator:pupils'],
        text: [/Ask pupil to remove offensive material/, /under 13 contact the Social Network/],
      },
      {
        when: ['instigator:pupils', 'serious:yes'],
        contacts: ['police-neighbourhood'],
        roles: ['dsl'],
        text: [/may decide to contact LADO/],
      },
      {
        when: ['instigator:pupils', 'serious:no'],
        notContacts: ['police-neighbourhood'],
        reasons: ['serious:no'],
      },
      {
        when: ['instigator:staff'],
        text: [
          /HR advice/,
          /request the offending material be removed immediately/,
          /Contract of Employment/,
        ],
        contacts: ['hr-adviser'],
      },
      {
        when: ['instigator:parents'],
        text: [
          /invite into school/,
          /Home School Agreement/,
          /Request the offending material be removed/,
        ],
      },
      {
        when: ['instigator:parents', 'solved:no'],
        text: [/local police\/BSCB representative/, /letter to the parent/],
      },
      { when: ['instigator:parents', 'solved:yes'], notText: [/BSCB representative/] },
    ],
  },
  // Belmont, seed 002 lines 155-162 and 242-252.
  'belmont-handling': {
    paths: 5,
    rules: [
      {
        when: [],
        text: [/reported to Designated Safeguarding Lead on that day/, /CPOMs/],
        roles: ['dsl'],
      },
      {
        when: ['staff:yes', 'about-head:yes'],
        text: [/Deputy CEO \(Academies\)/, /LADO/],
        contacts: ['deputy-ceo', 'lado'],
        notText: [/referred directly to the Headteacher/],
        end: 'end-head',
      },
      {
        when: ['staff:yes', 'about-head:no'],
        text: [/referred directly to the Headteacher/],
        notContacts: ['deputy-ceo', 'lado'],
        end: 'end-staff',
      },
      { when: ['illegal:yes'], contacts: ['police', 'iwf'], text: [/Internet Watch Foundation/] },
      { when: ['illegal:no'], reasons: ['illegal:no'], notContacts: ['iwf'] },
      {
        when: ['disturbing:yes'],
        contacts: ['police'],
        text: [/particularly disturbing, harassing or breaks the law/],
      },
      {
        when: ['disturbing:no'],
        notContacts: ['police'],
        text: [/Parents\/carers are specifically informed/],
      },
    ],
  },
  // ODST, seed 003 lines 421-442.
  'odst-misuse': {
    paths: 5,
    rules: [
      {
        when: [],
        text: [/Appendix G/, /retained by the investigating panel/],
        forms: ['odst-misuse-record'],
      },
      {
        when: ['suspicion:yes'],
        text: [/Report immediately to the police/, /Isolate the computer/],
        contacts: ['police'],
      },
      {
        when: ['suspicion:no'],
        reasons: ['suspicion:no'],
        text: [
          /more than one senior member of staff/,
          /designated computer/,
          /URL of any site/,
          /nature of the content causing concern/,
          /Isolate the computer/,
        ],
      },
      {
        when: ['abuse-images:yes'],
        text: [/Halt the monitoring and refer to the Police immediately/],
        contacts: ['police'],
      },
      {
        when: ['other-police:yes'],
        text: [/Report the incident to the police/],
        contacts: ['police'],
      },
      {
        when: ['substance:yes'],
        text: [/Internal response or discipline procedures/, /Police involvement/],
      },
      {
        when: ['other-police:no'],
        reasons: ['other-police:no'],
        notText: [/Report the incident to the police/],
      },
      { when: ['substance:no'], reasons: ['substance:no'], notContacts: ['police'] },
    ],
  },
  // Whiston, seed 001 lines 411-436.
  'whiston-incidents': {
    paths: 5,
    rules: [
      { when: [], text: [/recorded in the School eSafety Log/] },
      {
        when: ['kind:child-protection'],
        text: [/Safeguarding Procedures and Guidance/],
        roles: ['dsl'],
      },
      { when: ['kind:cyberbullying'], text: [/anti-bullying procedures/, /restorative practices/] },
      {
        when: ['kind:security'],
        text: [/eSafety Lead/, /technical support/],
        contacts: ['ict-support'],
        roles: ['e-safety-coordinator'],
      },
      {
        when: ['kind:security', 'pupil-data:yes'],
        text: [/decide if parents need to be informed/],
        continueWith: 'data-breach',
      },
      { when: ['kind:security', 'pupil-data:no'], notText: [/decide if parents/] },
      {
        when: ['kind:aup-breach'],
        text: [/normal behaviour or disciplinary procedures/, /Restorative practice/],
      },
    ],
  },
  // Gracefield and Holywell: seed 000 lines 51-52, 125-129, 360; seed 004 lines 111-121, 366-371.
  'data-breach': {
    paths: 15,
    rules: [
      {
        when: [],
        text: [
          /immediately reported to the school’s relevant responsible person \(Data Protection Officer\)/,
        ],
        roles: ['dpo'],
      },
      { when: ['kind:virus'], text: [/Stop using the equipment/], contacts: ['ict-support'] },
      {
        when: ['kind:password'],
        text: [/inform the Data Protection Officer immediately/, /Change passwords/],
      },
      { when: ['kind:lost'], text: [/Secure ID tokens or PINs/] },
      { when: ['kind:email'], text: [/Never open attachments from an untrusted source/] },
      { when: ['kind:other'] },
      { when: ['personal-data:no'], reasons: ['personal-data:no'], clocks: [] },
      {
        when: ['personal-data:yes'],
        clocks: ['data-breach-reporting'],
        text: [/became aware of the breach/],
      },
      { when: ['decide:report'], contacts: ['ico'], end: 'end-reported' },
      {
        when: ['decide:do-not-report'],
        reasons: ['decide:do-not-report'],
        notContacts: ['ico'],
        end: 'end-not-reported',
      },
    ],
  },
};
