/**
 * Whiston's rule sets (seed 001): "Think, then Click!" for Foundation Stage 2 / Key Stage 1
 * and for Key Stage 2, each as the pupil agreement ("I will", lines 497-578) and as the
 * classroom poster ("We will", lines 661-728); the staff Acceptable Use Policy (lines
 * 582-645); and the parents' home-school agreement (lines 481-493).
 */
import type { RuleSet } from '../pack-schema.ts';
import { DATED, numberRules, src } from './build.ts';

const VERSION = '1.0';
const THINK = 'These rules help us to stay safe on the Internet';

export const whistonRuleSets: RuleSet[] = [
  {
    id: 'whiston-ks1-agreement',
    title: '‘Think, then Click!’ Key Stage 1 pupil agreement',
    audience: 'eyfs-ks1',
    form: 'agreement',
    source: src(
      'whiston',
      'Pupil Acceptable Use Policy (AUP): Key Stage 1 Pupil agreement form (lines 497-535)',
      DATED.whiston,
    ),
    version: VERSION,
    intro: THINK,
    rules: numberRules([
      'I will only use the internet when an adult is with me.',
      'I will only click on the buttons or links when I know what they do.',
      'I will only search the Internet with an adult.',
      'I will always ask for help if I get lost on the Internet.',
      'I will only send and open emails when an adult is present.',
      'I will only write polite and friendly emails to people that I know.',
    ]),
    closing:
      'I, (pupil name) in Year … agree to follow these rules above when using the Internet in school.',
    signatureLines: ['Child signature', 'Date'],
  },
  {
    id: 'whiston-ks2-agreement',
    title: '‘Think, then Click!’ Key Stage 2 pupil agreement',
    audience: 'ks2',
    form: 'agreement',
    source: src(
      'whiston',
      'Pupil Acceptable Use Policy (AUP): Key Stage 2 Pupil agreement form (lines 539-578)',
      DATED.whiston,
    ),
    version: VERSION,
    intro: THINK,
    rules: numberRules([
      'I will ask permission before using the Internet and will only use websites that an adult has chosen.',
      'I will tell an adult immediately if I see anything that I am uncomfortable with, so that they can check it and take any necessary action.',
      'I will only e-mail people an adult has approved.',
      'I will send e-mails that are polite and friendly. I will ask my teacher to check them before they are sent.',
      'I will never give out personal information or passwords.',
      'I will not access other people’s files.',
      'I will not bring USB flash drives or any other form of stored information to school.',
      'I will never give my home address, phone number or arrange to meet someone.',
      'I will not open e-mails sent by anyone I do not know and I will not use Internet chat rooms or social media sites at school.',
      'I understand that the school may check my computer files and may monitor the Internet sites that I visit.',
    ]),
    closing:
      'I, (pupil name) in Year … agree to follow these rules above when using the Internet in school.',
    signatureLines: ['Child signature', 'Date'],
  },
  {
    id: 'whiston-fs2-ks1-poster',
    title: '‘Think, then Click!’ Foundation Stage 2 & Key Stage 1 e-Safety Rules',
    audience: 'eyfs-ks1',
    form: 'poster',
    source: src(
      'whiston',
      'Foundation Stage 2 & Key Stage 1 e-Safety Rules (lines 661-687)',
      DATED.whiston,
    ),
    version: VERSION,
    intro: THINK,
    rules: numberRules([
      'We will only use the internet when an adult is with us.',
      'We will only click on the buttons or links when we know what they do.',
      'We will only search the Internet with an adult.',
      'We will always ask for help if we get lost on the Internet.',
      'We will only send and open emails when an adult is present.',
      'We will only write polite and friendly emails to people that we know.',
    ]),
  },
  {
    id: 'whiston-ks2-poster',
    title: '‘Think, then Click!’ Key Stage 2 e-Safety Rules',
    audience: 'ks2',
    form: 'poster',
    source: src('whiston', 'Key Stage 2 e-Safety Rules (lines 693-727)', DATED.whiston),
    version: VERSION,
    intro: THINK,
    rules: numberRules([
      'We will ask permission before using the Internet and will only use websites that an adult has chosen.',
      'We will tell an adult immediately if we see anything that we are uncomfortable with, so that they can check it and take any necessary action.',
      'We will only e-mail people an adult has approved.',
      'We will send e-mails that are polite and friendly. We will ask the teacher to check them before they are sent.',
      'We will never give out personal information or passwords.',
      'We will not access other people’s files.',
      'We will not bring USB flash drives or any other form of stored information to school.',
      'We will never give out our home address, phone number or arrange to meet someone.',
      'We will not open e-mails sent by anyone we do not know and we will not use Internet chat rooms or social media sites at school.',
      'We understand that the school may check our computer files and may monitor the Internet sites that we visit.',
    ]),
  },
  {
    id: 'whiston-staff-aup',
    title: 'Staff E-Safety Acceptable Use Policy (AUP)',
    audience: 'staff',
    form: 'agreement',
    source: src(
      'whiston',
      'Staff E-Safety Acceptable Use Policy (AUP) and staff agreement form (lines 582-645)',
      DATED.whiston,
    ),
    version: VERSION,
    intro:
      'This policy covers use of digital technologies in school: i.e. email, Internet, intranet and network resources, learning platform, software, equipment and systems.',
    rules: numberRules([
      'I will only use the school’s digital technology resources and systems for Professional purposes or for uses deemed ‘reasonable’ by the Head and Governing Body.',
      'I will not reveal my password(s) to anyone.',
      'I will follow ‘good practice’ advice in the creation and use of my password. If my password is compromised, I will ensure I change it. I will not use anyone else’s password if they reveal it to me and will advise them to change it.',
      'I will not allow unauthorised individuals to access email / Internet / intranet / network, or other school/LA systems.',
      'I will ensure all documents, data etc., are saved, accessed and deleted in accordance with the school’s network and data security and confidentiality protocols.',
      'I will not engage in any online activity that may compromise my professional responsibilities.',
      'I will only use the approved, secure email system(s) for any school business. (This is currently: RGFL webmail)',
      'I will only use the approved school email, school Learning Platform or other school approved communication systems with pupils or parents/carers, and only communicate with them on appropriate school business.',
      'I will not browse, download or send material that could be considered offensive to colleagues.',
      'I will report any accidental access to, or receipt of inappropriate materials, or filtering breach to the appropriate line manager/school named contact.',
      'I will not download any software or resources from the Internet that can compromise the network, or are not adequately licensed.',
      'I will not publish or distribute work that is protected by copyright.',
      'I will not connect a computer, laptop or other device (including USB flash drive), to the network/Internet that does not have up-to-date anti-virus software, and I will keep any ‘loaned’ equipment up-to-date, using the school’s recommended anti-virus, firewall and other ICT ‘defence’ systems.',
      'I will not use personal digital cameras or camera phones for taking and transferring images of pupils or staff without permission and will not store images at home without permission.',
      'I will use the school’s Learning Platform in accordance with school protocols.',
      'I will ensure that any private social networking sites/blogs etc. that I create or actively contribute to are not confused with my professional role.',
      'I agree and accept that any computer or laptop loaned to me by the school, is provided solely to support my professional responsibilities.',
      'I will access school resources remotely (such as from home) only through the RGfL/school approved methods and follow e-security protocols to access and interact with those materials.',
      'I will ensure any confidential data that I wish to transport from one location to another is protected by encryption and that I follow school data security protocols when using any such data at any location.',
      'I understand that data protection policy requires that any information seen by me with regard to staff or pupil information, held within the school’s information management system, will be kept private and confidential, EXCEPT when it is deemed necessary that I am required by law to disclose such information to an appropriate authority (i.e. in a child protection situation).',
      'I understand I will never use a personal mobile phone during work time unless authorised by my line manager or Head of school.',
      'I will embed the school’s e-safety curriculum into my teaching.',
      'I will alert the school’s named child protection officer or a relevant senior member of staff if I feel the behaviour of any child I teach may be a cause for concern.',
      'I understand that all Internet usage / and network usage can be logged and this information could be made available to my manager on request.',
      'I understand that it is my duty to support a whole-school safeguarding approach and will report any behaviour (of other staff or pupils), which I believe may be inappropriate or concerning in any way, to a senior member of staff / named child protection officer at the school.',
      'I understand that failure to comply with this agreement could lead to disciplinary action.',
    ]),
    closing:
      'I agree to abide by all the points above. I understand that it is my responsibility to ensure that I remain up-to-date and read and understand the school’s most recent e-safety policies. I wish to have an email account; be connected to the Intranet & Internet; be able to use the school’s ICT resources and systems.',
    signatureLines: [
      'User signature',
      'Date',
      'Full name (printed)',
      'Job title',
      'Approved by (Head Teacher / Assistant Head / SBM): full name (printed)',
      'Authorised signature (on behalf of the E-Safety Coordinating Team)',
      'Date',
    ],
  },
  {
    id: 'whiston-parent-agreement',
    title: 'Parent home-school agreement relating to e-safety and acceptable use',
    audience: 'parents',
    form: 'agreement',
    source: src(
      'whiston',
      'Parent Home school agreement form relating to E Safety and acceptable use (lines 481-493)',
      DATED.whiston,
    ),
    version: VERSION,
    rules: numberRules([
      'I will support the school stance in relation to the use of all ICT related equipment and technology.',
      'As a school, Whiston J & I expects that parents will ensure that any images or videos taken during assemblies, concerts or sports afternoons are for personal use and that images will not be published on the internet, including social networking sites such as Facebook, or any similar sites, unless these images are solely of their own children.',
      'Parents will ensure that they take a significant role in ensuring that the internet is controlled at home and not used inappropriately or deliberately by their child / children in order to upset any other child or family in any way.',
      'Parents will support the school in ensuring that they closely monitor and supervise their child’s use of the internet and that they encourage safe internet use within the home.',
    ]),
    signatureLines: ['Signed', 'Date', 'Parent of (Class Y …)'],
  },
];
