/**
 * The family feedback pages in Welsh. A draft: not yet checked by a fluent speaker, which must
 * happen before a council uses it. Children are spoken to as "ti"; parents and young people as "chi".
 */
import type { MessageKey } from './en';
import type { SurveyCatalogue } from './types';

export const cy: SurveyCatalogue<MessageKey> = {
  language: 'cy',
  name: 'Cymraeg',
  dir: 'ltr',
  checkedBy: 'draft, not yet checked by a fluent speaker',
  messages: {
    'site.serviceName': 'Dywedwch wrthym beth yw eich barn',
    'site.skipLink': 'Neidio i’r prif gynnwys',
    'site.languageNav': 'Dewiswch iaith',
    'site.back': 'Yn ôl',
    'site.continue': 'Parhau',
    'site.errorPrefix': 'Gwall:',
    'site.errorSummaryTitle': 'Mae problem wedi codi',
    'site.progress': 'Cwestiwn {number} o {total}',
    'site.textHint': 'Gallwch adael hwn yn wag. Gallwch ysgrifennu hyd at {max} o nodau.',
    'site.footer': 'Mae’r gwasanaeth hwn yn cael ei redeg gan {council}.',

    'safety.title': 'Os oes angen help arnoch nawr',
    'safety.danger': 'Os ydych chi neu rywun arall mewn perygl nawr, ffoniwch {phone}.',
    'safety.childline': 'Gall plant a phobl ifanc ffonio Childline am ddim ar {phone}.',
    'safety.nspcc': 'Gall oedolion sy’n poeni am blentyn ffonio’r NSPCC ar {phone}.',
    'safety.frontDoor': 'I siarad â gwasanaethau plant {council}, ffoniwch {phone}.',
    'safety.outOfHours': 'Gyda’r nos, ar benwythnosau ac ar wyliau banc, ffoniwch {phone}.',
    'safety.notWatched':
      'Efallai na fyddwn yn darllen eich atebion ar unwaith. Os oes angen help arnoch nawr, ffoniwch un o’r rhifau isod.',

    'start.title.parent': 'Dywedwch wrthym am eich profiad o’n gwasanaeth',
    'start.title.young-person': 'Dywedwch wrthym beth yw eich barn am yr help rydych chi’n ei gael',
    'start.title.child': 'Dywed wrthym beth rwyt ti’n ei feddwl',
    'start.intro.parent':
      'Mae eich atebion yn helpu {council} i wella ein gwaith gyda theuluoedd. Mae’n cymryd tua 5 munud.',
    'start.intro.young-person':
      'Mae eich atebion yn ein helpu i wella sut rydym yn helpu pobl ifanc. Mae’n cymryd tua 5 munud.',
    'start.intro.child':
      'Rydym eisiau gwybod beth rwyt ti’n ei feddwl am yr help rwyt ti’n ei gael. Dim ond ychydig o gwestiynau sydd.',
    'start.whoReadsTitle': 'Pwy fydd yn darllen eich atebion',
    'start.whoReads.parent': 'Bydd eich gweithiwr a’r tîm sy’n gweithio gyda’ch teulu yn darllen pob ateb.',
    'start.whoReads.young-person':
      'Bydd eich gweithiwr a’u tîm yn darllen popeth rydych chi’n ei ddweud wrthym.',
    'start.whoReads.child': 'Bydd dy weithiwr a’u tîm yn darllen popeth rwyt ti’n ei ddweud wrthym.',
    'start.mayShare.parent':
      'Os bydd rhywbeth rydych chi’n ei ddweud wrthym yn gwneud i ni boeni am ddiogelwch unrhyw un, efallai y byddwn yn ei rannu gyda phobl sy’n gallu helpu i’w cadw’n ddiogel.',
    'start.mayShare.young-person':
      'Os byddwch chi’n dweud rhywbeth wrthym sy’n gwneud i ni boeni amdanoch chi neu rywun arall, efallai y byddwn yn dweud wrth bobl sy’n gallu helpu i’ch cadw’n ddiogel.',
    'start.mayShare.child':
      'Os byddi di’n dweud rhywbeth wrthym sy’n ein poeni, efallai y byddwn yn dweud wrth bobl sy’n gallu helpu i dy gadw’n ddiogel.',
    'start.readTogether': 'Gallet ti ofyn i oedolyn rwyt ti’n ymddiried ynddo ddarllen y cwestiynau gyda ti.',
    'start.button': 'Dechrau nawr',

    'q.parent.overall': 'At ei gilydd, sut oedd eich profiad o’n gwasanaeth?',
    'q.parent.listened': 'Oedd eich gweithiwr yn gwrando arnoch chi?',
    'q.parent.explained': 'Gafodd pethau eu hesbonio mewn ffordd roeddech chi’n ei deall?',
    'q.parent.fair': 'Gawsoch chi eich trin yn deg ac â pharch?',
    'q.parent.next': 'Ydych chi’n gwybod beth sy’n digwydd nesaf?',
    'q.parent.good': 'Beth sy’n gweithio’n dda?',
    'q.parent.better': 'Beth allai fod yn well?',
    'q.parent.share': 'Gawn ni rannu eich geiriau?',
    'q.young-person.overall': 'At ei gilydd, sut mae’r help gennym ni wedi bod?',
    'q.young-person.listened': 'Ydy eich gweithiwr yn gwrando arnoch chi?',
    'q.young-person.explained': 'Ydy eich gweithiwr yn esbonio pethau fel eich bod yn deall?',
    'q.young-person.fair': 'Ydych chi’n cael eich trin yn deg ac â pharch?',
    'q.young-person.next': 'Ydych chi’n gwybod beth fydd yn digwydd nesaf?',
    'q.young-person.unsafe': 'Oes unrhyw beth yn gwneud i chi deimlo’n anniogel?',
    'q.young-person.good': 'Beth sy’n mynd yn dda?',
    'q.young-person.better': 'Beth allai fod yn well?',
    'q.young-person.share': 'Gawn ni rannu eich geiriau?',
    'q.child.overall': 'Sut wyt ti’n teimlo am yr help rwyt ti’n ei gael?',
    'q.child.listened': 'Ydy dy weithiwr yn gwrando arnat ti?',
    'q.child.explained': 'Wyt ti’n deall beth mae dy weithiwr yn ei ddweud wrthot ti?',
    'q.child.unsafe': 'Oes unrhyw beth yn gwneud i ti deimlo’n anniogel?',
    'q.child.tell': 'Oes unrhyw beth arall rwyt ti eisiau ei ddweud wrthym?',
    'q.child.share': 'Gawn ni rannu beth ysgrifennaist ti?',

    'hint.good': 'Er enghraifft, rhywbeth wnaeth eich gweithiwr a helpodd.',
    'hint.better': 'Er enghraifft, rhywbeth y gallem ei wneud yn wahanol.',
    'hint.tell': 'Gelli di ysgrifennu cymaint neu gyn lleied ag yr hoffet ti.',
    'hint.unsafe': 'Os byddwch yn ateb oes neu ddim yn siŵr, bydd rhywun o’r tîm yn cysylltu i helpu.',
    'hint.share':
      'Mae staff yn darllen pob ateb beth bynnag. Mae ticio hwn yn golygu y gallwn hefyd ddefnyddio eich geiriau, heb eich enw, pan fyddwn yn siarad am wella ein gwasanaeth.',
    'consent.label': 'Gallwch rannu fy ngeiriau gyda’r tîm heb fy enw',

    'opt.fft.very-good': 'Da iawn',
    'opt.fft.good': 'Da',
    'opt.fft.neither': 'Ddim yn dda nac yn wael',
    'opt.fft.poor': 'Gwael',
    'opt.fft.very-poor': 'Gwael iawn',
    'opt.fft.dont-know': 'Ddim yn gwybod',
    'opt.yes-partly-no.yes': 'Ie',
    'opt.yes-partly-no.partly': 'Yn rhannol',
    'opt.yes-partly-no.no': 'Na',
    'opt.yes-partly-no.dont-know': 'Ddim yn gwybod',
    'opt.unsafe.yes': 'Oes',
    'opt.unsafe.no': 'Nac oes',
    'opt.unsafe.not-sure': 'Dwi ddim yn siŵr',
    'opt.child-feel.good': 'Da',
    'opt.child-feel.ok': 'Iawn',
    'opt.child-feel.not-good': 'Ddim yn dda',
    'opt.child-feel.dont-know': 'Dwi ddim yn gwybod',
    'opt.child-yes-no.yes': 'Ie',
    'opt.child-yes-no.a-bit': 'Ychydig',
    'opt.child-yes-no.no': 'Na',
    'opt.child-yes-no.dont-know': 'Dwi ddim yn gwybod',
    'face.smile': 'Wyneb yn gwenu',
    'face.straight': 'Wyneb â cheg syth',
    'face.frown': 'Wyneb trist',
    'face.unsure': 'Wyneb sydd ddim yn siŵr',

    'error.choose': 'Dewiswch ateb',
    'error.tooLong':
      'Gall eich ateb fod hyd at {max} o nodau. Mae’n {length} o nodau nawr: gwnewch e’n fyrrach, os gwelwch yn dda.',
    'error.answerFirst': 'Atebwch y cwestiwn hwn cyn anfon eich atebion',

    'check.title': 'Gwiriwch eich atebion cyn eu hanfon',
    'check.change': 'Newid',
    'check.notAnswered': 'Heb ei ateb',
    'check.consentYes': 'Gallwch, gallwch rannu fy ngeiriau heb fy enw',
    'check.consentNo': 'Na',
    'check.sendTitle': 'Nawr anfonwch eich atebion',
    'check.sendText': 'Pan fyddwch yn anfon eich atebion, bydd eich gweithiwr a’u tîm yn eu darllen.',
    'check.send': 'Anfon atebion',

    'thanks.title': 'Mae eich atebion wedi cael eu hanfon',
    'thanks.body.parent':
      'Diolch am gymryd yr amser i ddweud wrthym. Bydd eich gweithiwr a’u tîm yn darllen eich atebion.',
    'thanks.body.young-person':
      'Diolch am ddweud wrthym. Bydd eich gweithiwr a’u tîm yn darllen eich atebion.',
    'thanks.body.child': 'Diolch am ddweud wrthym beth rwyt ti’n ei feddwl.',
    'thanks.worry':
      'Mae rhywbeth ddywedoch chi wrthym yn golygu ein bod eisiau gwneud yn siŵr eich bod yn iawn. Bydd rhywun o’r tîm mewn cysylltiad yn fuan.',

    'closed.title': 'Mae’r ddolen hon wedi cau',
    'closed.answered': 'Os ydych chi wedi anfon eich atebion yn barod, diolch: maen nhw wedi cyrraedd y tîm.',
    'closed.newLink':
      'Os ydych chi dal eisiau dweud rhywbeth wrthym, gofynnwch i’ch gweithiwr am ddolen newydd.',

    'retry.title': 'Rhowch gynnig arall arni',
    'retry.body':
      'Er eich diogelwch, mae tudalennau’n stopio gweithio ar ôl ychydig. Mae eich atebion eraill wedi’u cadw.',
    'retry.link': 'Mynd yn ôl i’r cwestiwn',

    'busy.title': 'Arhoswch funud',
    'busy.body': 'Bu llawer o ymdrechion mewn amser byr. Arhoswch funud, yna rhowch gynnig arall arni.',
    'tooLarge.title': 'Roedd hynny’n ormod i’w anfon ar unwaith',
    'tooLarge.body': 'Ewch yn ôl, gwnewch eich ateb yn fyrrach a rhowch gynnig arall arni.',
  },
};
