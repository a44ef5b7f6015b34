/**
 * Gracefield's rule sets (seed 000): the pupil e-safety rules with the parent/carer slip
 * (lines 72-100), the staff and visitor code of conduct (lines 102-121), the "Smile and stay
 * safe" poster (lines 491-501: its first letters spell SMILE) and the statements of the
 * parents' home-school agreement (lines 341-345).
 */
import type { RuleSet } from '../pack-schema.ts';
import { numberRules, src } from './build.ts';

const VERSION = '1.0';

export const gracefieldRuleSets: RuleSet[] = [
  {
    id: 'gracefield-pupil-rules',
    title: 'Pupil Acceptable Use Agreement / E-Safety Rules',
    audience: 'ks2',
    alsoFor: ['eyfs-ks1'],
    form: 'agreement',
    source: src(
      'gracefield',
      'Gracefield School Pupil Acceptable Use Agreement / E-Safety Rules (lines 72-100)',
    ),
    version: VERSION,
    rules: numberRules([
      'I will only use ICT in school for school purposes',
      'I will only use my class e-mail address or my own school e-mail address when e-mailing',
      'I will only open e-mail attachments from people I know, or who my teacher has approved',
      'I will not tell other people my ICT passwords',
      'I will only open/delete my own files',
      'I will make sure that all ICT contact with other children and adults is responsible, polite and sensible',
      'I will not look for, save or send anything that could be unpleasant or nasty. If I accidentally find anything like this I will tell my teacher immediately',
      'I will not give out my own/others details such as name, phone number or home address. I will not arrange to meet someone or send my image unless this is part of a school project approved by my teacher and a responsible adult comes with me',
      'I will be responsible for my behavior when using ICT because I know that these rules are to keep me safe',
      'I will support the school approach to online safety and not upload or add any images, video, sounds or text that could upset any member of the school community',
      'I know that my use of ICT can be checked and my parent/carer contacted if a member of school staff is concerned about my safety',
      'I will not sign up for any online service unless this is an agreed part of a school project approved by my teacher',
      'I will not bring a Smart Watch to school because I am not allowed to wear one during the school day',
      'I will not sign up to online services until I am old enough',
    ]),
    closing:
      'Dear Parent/Carer, please read and discuss these E-Safety rules with your child and return the slip. We have discussed this document with … (child’s name) and we agree to follow the E-Safety rules and to support the safe use of ICT at Gracefield School.',
    signatureLines: ['Parent/Carer signature', 'Printed full name', 'Class', 'Date'],
  },
  {
    id: 'gracefield-staff-visitor-code',
    title: 'Staff and Visitor Acceptable Use Agreement / Code of Conduct',
    audience: 'staff',
    alsoFor: ['visitors'],
    form: 'code-of-conduct',
    source: src(
      'gracefield',
      'Staff and Visitor Acceptable Use Agreement / Code of Conduct (lines 102-121)',
    ),
    version: VERSION,
    intro:
      'ICT (including data) and the related technologies such as e-mail, the internet and mobile devices are an expected part of our daily working life in school. This policy is designed to ensure that all staff are aware of their professional responsibilities when using any form of ICT. All staff are expected to sign this policy and adhere at all times to its contents. Any concerns or clarification should be discussed with the Head Teacher.',
    rules: numberRules([
      'I will only use the school’s email / Internet / Intranet / Learning Platform and any related technologies for professional purposes or for uses deemed acceptable by the Head',
      'I will comply with the ICT system security and not disclose any passwords provided to me by the school or other related authorities',
      'I will ensure that all electronic communications with pupils and staff are compatible with my professional role',
      'I will not give out my own personal details, such as mobile phone number, personal e-mail address, personal Twitter account, or any other social media link, to pupils',
      'I will only use the approved, secure e-mail system(s) for any school business',
      'I will ensure that personal data (such as data held on MIS software) is kept secure and is used appropriately, whether in school, taken off the school premises or accessed remotely. Personal data can only be taken out of school or accessed remotely when authorised by the Head. Personal or sensitive data taken off site must be encrypted, eg on a password secured laptop or memory stick',
      'I will not install any hardware or software without permission of the Head Teacher',
      'I will not browse, download, upload or distribute any material that could be considered offensive, illegal or discriminatory',
      'Images of pupils and/or staff will only be taken, stored and used for professional purposes in line with school policy and with written consent of the parent, carer or staff member',
      'Images will not be distributed outside the school network without the permission of the parent/carer, member of staff or Head Teacher',
      'I will support the school approach to online safety and not upload or add any images, video, sounds or text linked to or associated with the school or its community',
      'I understand that all my use of the Internet and other related technologies can be monitored and logged and can be made available, on request, to my Head Teacher',
      'I will respect copyright and intellectual property rights',
      'I will ensure that my online activity, both in school and outside school, will not bring the school, my professional reputation, or that of others, into disrepute',
      'I will support and promote the school’s E-Safety and Data Security policies and help pupils to be safe and responsible in their use of ICT and related technologies',
      'I will not use personal electronic devices (including smart watches) in public areas of the school between the hours of 8.30am and 3.30pm, except in the staff room and where there are signs to indicate this',
      'I understand this forms part of the terms and conditions set out in my contract of employment',
    ]),
    closing:
      'I agree to follow this code of conduct and to support the safe and secure use of ICT.',
    signatureLines: ['Signature', 'Printed full name', 'Job title', 'Date'],
  },
  {
    id: 'gracefield-smile-poster',
    title: 'Smile and stay safe',
    audience: 'ks2',
    alsoFor: ['eyfs-ks1'],
    form: 'poster',
    source: src('gracefield', 'Smile and Stay Safe Poster (lines 491-501)'),
    version: VERSION,
    intro: 'E-Safety guidelines to be displayed throughout the school.',
    rules: numberRules([
      {
        title: 'S',
        text: 'Staying safe means keeping your personal details private, such as full name, phone number, home address, photos or school. Never reply to ASL (age, sex, location)',
      },
      {
        title: 'M',
        text: 'Meeting up with someone you have met online can be dangerous. Only meet up if you have first told your parent or carer and they can be with you',
      },
      {
        title: 'I',
        text: 'Information online can be untrue, biased or just inaccurate. Someone online may not be telling the truth about who they are - they may not be a ‘friend’',
      },
      {
        title: 'L',
        text: 'Let a parent, carer, teacher or trusted adult know if you ever feel worried, uncomfortable or frightened about something online or someone you have met or who has contacted you online',
      },
      {
        title: 'E',
        text: 'Emails, downloads, IM messages, photos and anything from someone you do not know or trust may contain a virus or unpleasant message. So do not open or reply',
      },
    ]),
  },
  {
    id: 'gracefield-home-school',
    title: 'Home School Agreement: online safety statements',
    audience: 'parents',
    form: 'agreement',
    source: src('gracefield', 'Parental Involvement: Home School agreement (lines 341-345)'),
    version: VERSION,
    rules: numberRules([
      'I/we will support the school approach to online safety and not upload or add any text, image, sound or videos that could upset or offend any member of the school community, or bring the school name into disrepute.',
      'I/we will ensure that my/our online activity would not cause the school, staff, pupils or others distress or bring the school community into disrepute.',
      'I/we will support the school’s policy and help prevent my/our child/children from signing up to services such as Facebook, Instagram, Snapchat and YouTube whilst they are underage (13+ years in most cases).',
      'I/we will close online accounts if I/we/teachers find that these accounts are active for our underage child/children.',
    ]),
  },
];
