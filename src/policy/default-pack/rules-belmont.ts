/**
 * Belmont's rule sets (seed 002, appendices A1-A4): the Key Stage 1 "SAFE online" agreement
 * and the 19 "I am ..." statements for older pupils (lines 481-537), the parent agreement
 * (lines 539-570), the visitor and contractor agreement (lines 442-479) and the data security
 * do's and don'ts (lines 572-614). The seed's emphasis (ALLOWED, CHECK, ...) is kept.
 */
import type { RuleSet } from '../pack-schema.ts';
import { DATED, inGroup, numberRules, src } from './build.ts';

const VERSION = '1.0';
const appendix = (name: string) => src('belmont', name, DATED.belmont);

export const belmontRuleSets: RuleSet[] = [
  {
    id: 'belmont-ks1-safe',
    title: 'This is how I keep SAFE online (Key Stage 1)',
    audience: 'eyfs-ks1',
    form: 'agreement',
    source: appendix('A2 Key Stage 1: Acceptable Use Agreement (lines 481-502)'),
    version: VERSION,
    intro: 'This is how I keep SAFE online:',
    rules: numberRules([
      'I only use the devices I’m ALLOWED to',
      'I CHECK before I use new sites, games or apps',
      'I ASK for help if I’m stuck',
      'I KNOW people online aren’t always who they say',
      'I don’t keep SECRETS just because someone asks me to',
      'I don’t change CLOTHES in front of a camera',
      'I am RESPONSIBLE so never share private information',
      'I am KIND and polite to everyone',
      'I TELL a trusted adult if I’m upset, worried, scared or confused',
      'If I get a FUNNY FEELING in my tummy, I talk to an adult',
    ]),
    signatureLines: ['My trusted adults at school are', 'My trusted adults at home are'],
  },
  {
    id: 'belmont-i-am',
    title: 'The “I am ...” online agreement (older pupils)',
    audience: 'ks2',
    alsoFor: ['ks3+'],
    form: 'agreement',
    source: appendix('A2 Pupil Acceptable Use Agreement: "I am ..." statements (lines 504-537)'),
    version: VERSION,
    intro: 'This agreement will help keep me safe and help me to be fair to others.',
    rules: numberRules([
      {
        title: 'I learn online',
        text: 'I use the school’s internet and devices for schoolwork, homework and remote learning to learn and have fun. I only use apps, sites and games if a trusted adult says I can.',
      },
      {
        title: 'I am creative online',
        text: 'I don’t just spend time on apps, sites and games looking at things from other people; I get creative to learn and make things!',
      },
      {
        title: 'I am a friend online',
        text: 'I won’t share anything that I know another person wouldn’t want shared, or which might upset them. And if I know a friend is worried or needs help, I will remind them to talk to an adult, or even do it for them.',
      },
      {
        title: 'I am a secure online learner',
        text: 'I keep my passwords to myself and reset them if anyone finds them out.',
      },
      {
        title: 'I am careful what I click on',
        text: 'I don’t click on links I don’t expect to see and only download or install things when I know it is safe or has been agreed by trusted adults.',
      },
      {
        title: 'I ask for help if I am scared or worried',
        text: 'I will talk to a trusted adult if anything upsets me or worries me on an app, site or game – it often helps. If I get a funny feeling, I talk about it.',
      },
      {
        title: 'I know it’s not my fault if I see or someone sends me something bad',
        text: 'I don’t need to worry about getting in trouble, but I mustn’t share it. Instead, I will tell someone.',
      },
      {
        title: 'I communicate and collaborate online',
        text: 'with people I know and have met in real life or that a trusted adult knows about.',
      },
      {
        title: 'I know new friends aren’t always who they say they are',
        text: 'I am careful when someone wants to be my friend. Unless I have met them face to face, I can’t be sure who they are. If I want to meet them, I will ask a trusted adult, and never go alone or without telling an adult.',
      },
      {
        title: 'I don’t do public live streams on my own',
        text: 'and only go on a video chat if my trusted adult knows I am doing it and who with.',
      },
      {
        title: 'I tell my parents/carers what I do online',
        text: 'they might not know the app, site or game, but they can still help me when things go wrong, and they want to know what I’m doing.',
      },
      {
        title: 'I am private online',
        text: 'I only give out private information if a trusted adult says it’s okay. This might be my home address, phone number or other personal information that could be used to identify me or my family and friends.',
      },
      {
        title: 'I keep my body to myself online',
        text: 'I never change what I wear in front of a camera and remember that my body is mine and mine only, and I don’t send any photos without checking with a trusted adult.',
      },
      {
        title: 'I say no online if I need to',
        text: 'if I get asked something that makes me worried or upset or just confused, I say no, stop chatting and tell a trusted adult.',
      },
      {
        title: 'I am a rule-follower online',
        text: 'I know that apps, sites and games have rules on how to behave, and some have age restrictions. I follow the rules, only use the ones I am allowed to use, and report bad behaviour.',
      },
      {
        title: 'I am not a bully',
        text: 'I do not post, make or share unkind, hurtful or rude messages/comments and tell my trusted adults if I see these.',
      },
      {
        title: 'I am part of a community',
        text: 'I do not make fun of anyone or exclude them because they are different to me. If I see anyone doing this, I tell a trusted adult.',
      },
      {
        title: 'I respect people’s work',
        text: 'I only edit or delete my own digital work and only use words, pictures or videos from other people if I have their permission or if it is copyright free or has a Creative Commons licence.',
      },
      {
        title: 'I am a researcher online',
        text: 'I use safe search tools approved by my trusted adults. I know I can’t believe everything I see online, know which sites to trust, and know how to double check information I find.',
      },
    ]),
    closing:
      'I have read and understood this agreement. If I have any questions, I will speak to a trusted adult.',
    signatureLines: [
      'My trusted adults at school',
      'Outside school, my trusted adults are',
      'Signed',
      'Date',
    ],
  },
  {
    id: 'belmont-parent',
    title: 'Parent Acceptable Use Agreement',
    audience: 'parents',
    form: 'agreement',
    source: appendix('A3 Parent Acceptable Use Agreement (lines 539-570)'),
    version: VERSION,
    intro:
      'These rules have been written to help keep everyone safe and happy when you are online or using technology. What we tell pupils about behaviour and respect applies to all members of the school community: “Treat yourself and others with respect at all times; treat people in the same way when you are online or on a device as you would face to face.”',
    rules: numberRules([
      'I understand that London and South East Academies uses technology as part of the daily life of the school when it is appropriate to support teaching & learning and the smooth running of the school, and to help prepare the children and young people in their care for their future lives.',
      'I understand that the school takes every reasonable precaution to keep pupils safe and to prevent pupils from accessing inappropriate materials, including behaviour policies and agreements, physical and technical monitoring, education and support and web filtering. However, the school cannot be held responsible for the nature and content of materials accessed through the internet and mobile technologies, which can sometimes be upsetting.',
      'I understand that internet and devices used in school, and use of school-owned devices, networks and cloud platforms out of school may be subject to filtering and monitoring. These should be used in the same manner as when in school.',
      'I will promote positive online safety and model safe, responsible and positive behaviours in my own use of technology, including on social media: not sharing other’s images or details without permission and refraining from posting negative, threatening or violent comments about others, including the school staff, volunteers, Trustees, contractors, pupils or other parents/carers.',
      'I will support my child with remote learning where it is possible to and I will ask for school advice where necessary to ensure they are able to access appropriate learning resources.',
      'I understand the impact of social media use is often felt strongly in schools, which is why we support certain behaviours from pupils when using social media. I will support the school’s social media policy and not encourage my child to join any platform where they are below the minimum age.',
      'I will follow the school’s digital images and video policy, which outlines when I can capture and/or share images/videos. I will not share images of other people’s children on social media and understand that there may be cultural or legal reasons why this would be inappropriate or even dangerous. The school sometimes uses images/video of my child for internal purposes such as recording attainment, but it will only do so publicly if I have given my consent on the relevant form.',
      'I understand that for my child to grow up safe online, s/he will need positive input from school and home, so I will talk to my child about online safety (NB: the recent LGfL DigiSafe survey of 40,000 primary and secondary pupils found that 73% of pupils trust their parents on online safety, but only half talk about it with them more than once a year). Understanding human behaviour is more helpful than knowing how a particular app, site or game works.',
      'I understand that whilst home networks are much less secure than school ones, I can apply child safety settings to my home internet. Internet Matters provides guides to help parents do this easily for all the main internet service providers in the UK.',
      'I understand and support the commitments made by my child in the Acceptable Use Policy (AUP) which s/he has signed and I understand that s/he will be subject to sanctions if s/he does not follow these rules.',
      'I can find out more about online safety at London and South East Academies Trust by reading the full Online Safety Policy and can talk to HT/HOS if I have any concerns about my child/ren’s use of technology, or about that of others in the community, or if I have questions about online safety or technology use in school.',
    ]),
    closing: 'I/we have read, understood and agreed to this policy.',
    signatureLines: ['Signature/s', 'Name/s of parent / guardian', 'Parent / guardian of', 'Date'],
  },
  {
    id: 'belmont-visitors',
    title: 'Visitors and Contractors Acceptable Use Agreement',
    audience: 'visitors',
    form: 'agreement',
    source: appendix('A1 Visitors and Contractors Acceptable Use Agreement (lines 442-479)'),
    version: VERSION,
    intro:
      'Visitors and contractors are asked to sign an Acceptable User Policy (AUP), which outlines how we expect you to behave when you are online, and/or using school networks, connections, internet connectivity and devices, cloud platforms and social media. Please ask if you have any questions regarding the AUA before signing.',
    rules: numberRules([
      'I understand that any activity on a school device or using school networks/platforms/internet may be captured by one of the school’s systems security, monitoring and filtering systems and/or viewed by an appropriate member of staff.',
      ...inGroup(
        'If I am given access to school-owned devices, networks, cloud platforms or other technology:',
        [
          'I will use them exclusively for the purposes to which they have been assigned to me, and not for any personal use.',
          'I will not attempt to access any pupil / staff / general school data unless expressly instructed to do so as part of my role.',
          'I will not attempt to make contact with any pupils or to gain any contact details under any circumstances.',
          'I will protect my user name/password and notify the school of any concerns.',
          'I will abide by the terms of the school Data Protection Policy.',
        ],
      ),
      'I will not share any information about the school or members of its community that I gain as a result of my visit in any way or on any platform except where relevant to the purpose of my visit and agreed in advance with the school.',
      'I will not reveal any new information on social media or in private which shows the school in a bad light or could be perceived to do so.',
      'I will not do or say anything to undermine the positive online-safety messages that the school disseminates to pupils and will not give any advice on online-safety issues unless this is the purpose of my visit and this is pre-agreed by the school.',
      'I will leave my phone in my pocket and turned off. Under no circumstances will I use it (or other capture device) in the presence of children or to take photographs or audio/visual recordings of the school, its site, staff or pupils. If required (e.g. to take photos of equipment or buildings), I will have the prior permission of the HT/HoS (this may be delegated to other staff) and it will be done in the presence of a member staff.',
      'I will only use any technology during my visit, whether provided by the school or my personal/work devices, including offline or using mobile data, for professional purposes and/or those linked to my visit and agreed in advance. I will not view material which is or could be perceived to be inappropriate for children or an educational setting.',
    ]),
    closing: 'I have read, understood and agreed to this policy.',
    signatureLines: [
      'Signature/s',
      'Name',
      'Organisation',
      'Visiting / accompanied by',
      'Date / time',
      'Exceptions to the above policy (completed by the school only when exceptions apply)',
      'Name / role / date / time',
    ],
  },
  {
    id: 'belmont-data-security',
    title: 'Data security: do’s and don’ts',
    audience: 'staff',
    form: 'guidance',
    source: appendix('A4 Data Security (lines 572-614)'),
    version: VERSION,
    rules: numberRules([
      ...inGroup('Passwords: do', [
        'use a strong password as per Group Policy (strong passwords are usually 16 characters or more and contain upper and lower case letters, as well as numbers)',
      ]),
      ...inGroup('Passwords: don’t', [
        'ever share your passwords with anyone else or write your passwords down',
        'save passwords in web browsers if offered to do so',
      ]),
      ...inGroup('Laptops: do', [
        'try to prevent people from watching you enter passwords or view sensitive information',
        'log-off / lock your ‘desktop’ when leaving your PC or laptop unattended',
      ]),
      ...inGroup('Sending and sharing: do', [
        'be aware of who you are allowed to share information with. Check with your Information Asset Owner(s) if you are not sure.',
        'only use encrypted removable media (such as encrypted USB pen drives) if ever taking any ‘Protected’ data outside your school',
      ]),
      ...inGroup('Sending and sharing: don’t', [
        'send sensitive information (even if encrypted) on removable media (USB pen drives, CDs, portable drives), if secure remote access is available',
        'send sensitive information by email unless it is encrypted; Pupil data must be sent via S2S (DfE secure web site)',
      ]),
      ...inGroup('Working on-site: do', [
        'lock sensitive information away when left unattended, i.e. in lockable drawers, log off or lock work station',
      ]),
      ...inGroup('Working on-site: don’t', [
        'let strangers or unauthorised people into staff areas',
        'position screens where they can be read from outside the room',
      ]),
      ...inGroup('Working off-site: do', [
        'only take offsite information you are authorised to and only when it is necessary. Ensure that it is protected offsite in the ways referred to above',
        'wherever possible access data remotely instead of taking it off-site – using approved secure authentication – remember GDPR',
        'make sure you sign out completely from any services you have used',
        'ensure you save to the appropriate area to enable regular backups',
        'Ensure safeguarding is highest priority when working remotely with children either during recordings or in live forums.',
      ]),
    ]),
  },
];
