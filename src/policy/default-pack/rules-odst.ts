/**
 * ODST's acceptable-use agreements (seed 003, appendices A-E): younger pupils (Foundation /
 * KS1), older pupils (KS2/3, with the seed's headings as groups), the two parent/carer
 * templates, and the community-user agreement.
 */
import type { RuleSet } from '../pack-schema.ts';
import { DATED, inGroup, numberRules, src } from './build.ts';

const VERSION = '1.0';
const appendix = (name: string) => src('odst', name, DATED.odst);
const IMAGES_CONSENT =
  'As the parent / carer of the named pupil, I agree to the school taking and using digital / video images of my child / children. I understand that the images will only be used to support learning activities or in publicity that reasonably celebrates success and promotes the work of the school. (Yes / No)';
const OWN_IMAGES =
  'I agree that if I take digital or video images at, or of, school events which include images of children, other than my own, I will abide by these guidelines in my use of these images. (Yes / No)';
const INTERNET_PERMISSION =
  'As the parent / carer of the above students / pupils, I give permission for my son / daughter to have access to the internet and to ICT systems at school.';

export const odstRuleSets: RuleSet[] = [
  {
    id: 'odst-younger-pupils',
    title: 'Pupil Acceptable Use Agreement – younger pupils (Foundation / KS1)',
    audience: 'eyfs-ks1',
    form: 'agreement',
    source: appendix(
      'Appendix A: Pupil Acceptable Use Policy Agreement – for younger pupils (lines 477-491)',
    ),
    version: VERSION,
    intro: 'This is how we stay safe when we use computers:',
    rules: numberRules([
      'I will ask a teacher or suitable adult if I want to use the computers / tablets',
      'I will only use activities that a teacher or suitable adult has told or allowed me to use',
      'I will take care of the computer and other equipment',
      'I will ask for help from a teacher or suitable adult if I am not sure what to do or if I think I have done something wrong',
      'I will tell a teacher or suitable adult if I see something that upsets me on the screen',
      'I know that if I break the rules I might not be allowed to use a computer / tablet',
    ]),
    signatureLines: ['Signed (child)', 'Signed (parent)'],
  },
  {
    id: 'odst-older-pupils',
    title: 'Pupil Acceptable Use Agreement – older pupils (KS2/3)',
    audience: 'ks2',
    alsoFor: ['ks3+'],
    form: 'agreement',
    source: appendix(
      'Appendix B: Pupil Acceptable Use Agreement Form for older pupils (lines 492-526)',
    ),
    version: VERSION,
    intro:
      'I understand that I must use school IT systems in a responsible way, to ensure that there is no risk to my safety or to the safety and security of the systems and other users.',
    rules: numberRules([
      ...inGroup('For my own personal safety:', [
        'I understand that the school will monitor my use of the systems, devices and digital communications.',
        'I will keep my username and password safe and secure – I will not share it, nor will I try to use any other person’s username and password. I understand that I should not write down or store a password where it is possible that someone may steal it.',
        'I will be aware of “stranger danger”, when I am communicating on-line.',
        'I will not disclose or share personal information about myself or others when on-line.',
        'I will immediately report any unpleasant or inappropriate material or messages or anything that makes me feel uncomfortable when I see it on-line.',
      ]),
      ...inGroup(
        'I understand that everyone has equal rights to use technology as a resource and:',
        [
          'I understand that the school systems and devices are intended for educational use and that I will not use them for personal or recreational use unless I have permission.',
          'I will not make large downloads or uploads that might take up internet capacity and prevent other users from being able to carry out their work.',
          'I will not use the school systems or devices for on-line gaming, on-line gambling, internet shopping, file sharing, or video broadcasting (e.g. YouTube).',
        ],
      ),
      ...inGroup('I will act as I expect others to act toward me:', [
        'I will be polite and responsible when I communicate with others, I will not use strong, aggressive or inappropriate language and I appreciate that others may have different opinions.',
        'I will not take or distribute images of anyone without their permission.',
      ]),
      ...inGroup(
        'I recognise that the school has a responsibility to maintain the security and integrity of the technology it offers me and to ensure the smooth running of the school:',
        [
          'I understand the risks and will not try to upload, download or access any materials which are illegal or inappropriate or may cause harm or distress to others, nor will I try to bypass the filtering/security systems in place to prevent access to such materials.',
          'I will immediately report any damage or faults involving equipment or software, however this may have happened.',
          'I will not open any hyperlinks in emails or any attachments to emails, unless I know and trust the person/organisation who sent the email, or if I have any concerns about the validity of the email (due to the risk of the attachment containing viruses or other harmful programmes).',
          'I will not install or attempt to install or store programmes of any type on any school device, nor will I try to alter computer settings.',
          'I will only use social media sites with permission and at the times that are allowed.',
        ],
      ),
      ...inGroup('I understand that I am responsible for my actions, both in and out of school:', [
        'I understand that the school also has the right to take action against me if I am involved in incidents of inappropriate behaviour, that are covered in this agreement, when I am out of school and where they involve my membership of the school community (examples would be cyber-bullying, use of images or personal information).',
        'I understand that if I fail to comply with this Acceptable Use Policy Agreement, I may lose access to the school network, receive other sanctions and my teacher may contact my parents. In the event of illegal activities this may involve the police.',
      ]),
    ]),
    closing:
      'I have read and understand the above and agree to follow these guidelines when I use the school systems and devices (both in and out of school).',
    signatureLines: [
      'Name of pupil',
      'Group / class',
      'Signed',
      'Date',
      'Parent / carer countersignature (optional)',
    ],
  },
  {
    id: 'odst-parent-template-a',
    title: 'Parent / Carer Acceptable Use Agreement – Template A',
    audience: 'parents',
    form: 'agreement',
    source: appendix(
      'Appendix C: Parent / Carer Acceptable Use Agreement – Template A (lines 528-549)',
    ),
    version: VERSION,
    intro:
      'Digital technologies have become integral to the lives of children and young people, both within schools and outside school. Young people should have an entitlement to safe internet access at all times. The school will try to ensure that pupils will have good access to digital technologies to enhance their learning and will, in return, expect the pupils to agree to be responsible users.',
    rules: numberRules([IMAGES_CONSENT, OWN_IMAGES, INTERNET_PERMISSION]),
    signatureLines: ['Parent / carer’s name', 'Pupil name'],
  },
  {
    id: 'odst-parent-template-b',
    title: 'Parent / Carer Acceptable Use Agreement – Template B',
    audience: 'parents',
    form: 'agreement',
    source: appendix(
      'Appendix D: Alternative Parent / Carer Acceptable Use Agreement – Template B (lines 551-572)',
    ),
    version: VERSION,
    rules: numberRules([
      INTERNET_PERMISSION,
      'Either (KS2 and above): I know that my son / daughter has signed an Acceptable Use Agreement and has received, or will receive, online safety education to help them understand the importance of safe use of technology and the internet – both in and out of school. Or (KS1): I understand that the school has discussed the Acceptable Use Agreement with my son / daughter and that they have received, or will receive, online safety education to help them understand the importance of safe use of technology and the internet – both in and out of school.',
      'I understand that the school will take every reasonable precaution, including monitoring and filtering systems, to ensure that young people will be safe when they use the internet and systems. I also understand that the school cannot ultimately be held responsible for the nature and content of materials accessed on the internet and using mobile technologies.',
      'I understand that my son’s / daughter’s activity on the systems will be monitored and that the school will contact me if they have concerns about any possible breaches of the Acceptable Use Policy.',
      'I will encourage my child to adopt safe use of the internet and digital technologies at home and will inform the school if I have concerns over my child’s online safety.',
      IMAGES_CONSENT,
      OWN_IMAGES,
    ]),
    signatureLines: ['Parent / carer’s name', 'Date', 'Pupil name'],
  },
  {
    id: 'odst-community-users',
    title: 'Acceptable Use Agreement for Community Users',
    audience: 'community',
    form: 'agreement',
    source: appendix(
      'Appendix E: Acceptable Use Agreement for Community Users Template (lines 574-602)',
    ),
    version: VERSION,
    intro:
      'I understand that I must use school systems and devices in a responsible way, to ensure that there is no risk to my safety or to the safety and security of the systems, devices and other users. This agreement will also apply to any personal devices that I bring into the school / academy:',
    rules: numberRules([
      'I understand that my use of school systems and devices and digital communications will be monitored.',
      'I will not use a personal device that I have brought into school for any activity that would be inappropriate in a school setting.',
      'I will not try to upload, download or access any materials which are illegal (child sexual abuse images, criminally racist material, adult pornography covered by the Obscene Publications Act) or inappropriate or may cause harm or distress to others. I will not try to use any programmes or software that might allow me to bypass the filtering / security systems in place to prevent access to such materials.',
      'I will immediately report any illegal, inappropriate or harmful material or incident, I become aware of, to the appropriate person.',
      'I will not access, copy, remove or otherwise alter any other user’s files, without permission.',
      'I will ensure that if I take and / or publish images of others I will only do so with their permission. I will not use my personal equipment to record these images, without permission. If images are published it will not be possible to identify by name, or other personal information, those who are featured.',
      'I will not publish or share any information I have obtained whilst in the school on any personal website, social networking site or through any other means, unless I have permission from the school.',
      'I will not, without permission, make large downloads or uploads that might take up internet capacity and prevent other users from being able to carry out their work.',
      'I will not install or attempt to install programmes of any type on a school device, nor will I try to alter computer settings, unless I have permission to do so.',
      'I will not disable or cause any damage to school / academy equipment, or the equipment belonging to others.',
      'I will immediately report any damage or faults involving equipment or software, however this may have happened.',
      'I will ensure that I have permission to use the original work of others in my own work.',
      'Where work is protected by copyright, I will not download or distribute copies (including music and videos).',
      'I understand that if I fail to comply with this Acceptable Use Agreement, the school / academy has the right to remove my access to school systems / devices.',
    ]),
    closing:
      'I have read and understand the above and agree to use the school digital technology systems (both in and out of school) and my own devices (in school and when carrying out communications related to the school) within these guidelines.',
    signatureLines: ['Name', 'Organisation', 'Signed', 'Date'],
  },
];
