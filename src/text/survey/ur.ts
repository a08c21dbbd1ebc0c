/**
 * The family feedback pages in Urdu, written right to left. A draft: not yet checked by a fluent
 * speaker, which must happen before a council uses it. Phone numbers stay in Western digits and
 * are shown left to right by the pages.
 */
import type { MessageKey } from './en';
import type { SurveyCatalogue } from './types';

export const ur: SurveyCatalogue<MessageKey> = {
  language: 'ur',
  name: 'اردو',
  dir: 'rtl',
  checkedBy: 'draft, not yet checked by a fluent speaker',
  messages: {
    'site.serviceName': 'ہمیں بتائیں کہ آپ کیا سوچتے ہیں',
    'site.skipLink': 'مرکزی مواد پر جائیں',
    'site.languageNav': 'زبان منتخب کریں',
    'site.back': 'واپس',
    'site.continue': 'جاری رکھیں',
    'site.errorPrefix': 'غلطی:',
    'site.errorSummaryTitle': 'ایک مسئلہ ہے',
    'site.progress': 'سوال {total} میں سے {number}',
    'site.textHint': 'آپ اسے خالی چھوڑ سکتے ہیں۔ آپ زیادہ سے زیادہ {max} حروف لکھ سکتے ہیں۔',
    'site.footer': 'یہ سروس {council} چلاتی ہے۔',

    'safety.title': 'اگر آپ کو ابھی مدد چاہیے',
    'safety.danger': 'اگر آپ یا کوئی اور ابھی خطرے میں ہے تو {phone} پر کال کریں۔',
    'safety.childline': 'بچے اور نوجوان Childline کو {phone} پر مفت کال کر سکتے ہیں۔',
    'safety.nspcc': 'جو بالغ کسی بچے کے بارے میں فکرمند ہوں وہ NSPCC کو {phone} پر کال کر سکتے ہیں۔',
    'safety.frontDoor': '{council} کی بچوں کی سروسز سے بات کرنے کے لیے {phone} پر کال کریں۔',
    'safety.outOfHours': 'شام کو، ہفتے کے آخر میں اور بینک کی چھٹیوں پر {phone} پر کال کریں۔',
    'safety.notWatched':
      'ہو سکتا ہے ہم آپ کے جوابات فوراً نہ پڑھیں۔ اگر آپ کو ابھی مدد چاہیے تو نیچے دیے گئے نمبروں میں سے کسی ایک پر کال کریں۔',

    'start.title.parent': 'ہماری سروس کے ساتھ اپنے تجربے کے بارے میں ہمیں بتائیں',
    'start.title.young-person': 'آپ کو ملنے والی مدد کے بارے میں ہمیں اپنی رائے بتائیں',
    'start.title.child': 'ہمیں بتائیں کہ آپ کیا سوچتے ہیں',
    'start.intro.parent':
      'آپ کے جوابات {council} کو خاندانوں کے ساتھ ہمارے کام کو بہتر بنانے میں مدد دیتے ہیں۔ اس میں تقریباً 5 منٹ لگتے ہیں۔',
    'start.intro.young-person':
      'آپ کے جوابات ہمیں نوجوانوں کی بہتر مدد کرنے میں مدد دیتے ہیں۔ اس میں تقریباً 5 منٹ لگتے ہیں۔',
    'start.intro.child':
      'ہم جاننا چاہتے ہیں کہ آپ کو ملنے والی مدد کے بارے میں آپ کیا سوچتے ہیں۔ صرف چند سوال ہیں۔',
    'start.whoReadsTitle': 'آپ کے جوابات کون پڑھے گا',
    'start.whoReads.parent': 'آپ کا ورکر اور آپ کے خاندان کے ساتھ کام کرنے والی ٹیم ہر جواب پڑھے گی۔',
    'start.whoReads.young-person': 'آپ کا ورکر اور ان کی ٹیم وہ سب کچھ پڑھے گی جو آپ ہمیں بتائیں گے۔',
    'start.whoReads.child': 'آپ کا ورکر اور ان کی ٹیم وہ سب کچھ پڑھے گی جو آپ ہمیں بتائیں گے۔',
    'start.mayShare.parent':
      'اگر آپ کی بتائی ہوئی کسی بات سے ہمیں کسی کی حفاظت کے بارے میں فکر ہو تو ہم اسے ان لوگوں کے ساتھ شیئر کر سکتے ہیں جو انہیں محفوظ رکھنے میں مدد کر سکتے ہیں۔',
    'start.mayShare.young-person':
      'اگر آپ ہمیں کوئی ایسی بات بتائیں جس سے ہمیں آپ کے یا کسی اور کے بارے میں فکر ہو تو ہم ان لوگوں کو بتا سکتے ہیں جو آپ کو محفوظ رکھنے میں مدد کر سکتے ہیں۔',
    'start.mayShare.child':
      'اگر آپ ہمیں کوئی ایسی بات بتائیں جس سے ہمیں فکر ہو تو ہم ان لوگوں کو بتا سکتے ہیں جو آپ کو محفوظ رکھنے میں مدد کر سکتے ہیں۔',
    'start.readTogether':
      'آپ کسی ایسے بڑے سے، جس پر آپ بھروسہ کرتے ہیں، سوال اپنے ساتھ پڑھنے کو کہہ سکتے ہیں۔',
    'start.button': 'ابھی شروع کریں',

    'q.parent.overall': 'مجموعی طور پر، ہماری سروس کے ساتھ آپ کا تجربہ کیسا رہا؟',
    'q.parent.listened': 'کیا آپ کے ورکر نے آپ کی بات سنی؟',
    'q.parent.explained': 'کیا چیزیں آپ کو اس طرح سمجھائی گئیں کہ آپ سمجھ سکیں؟',
    'q.parent.fair': 'کیا آپ کے ساتھ منصفانہ اور عزت سے سلوک کیا گیا؟',
    'q.parent.next': 'کیا آپ جانتے ہیں کہ آگے کیا ہوگا؟',
    'q.parent.good': 'کیا چیز اچھی طرح چل رہی ہے؟',
    'q.parent.better': 'کیا چیز بہتر ہو سکتی ہے؟',
    'q.parent.share': 'کیا ہم آپ کے الفاظ شیئر کر سکتے ہیں؟',
    'q.young-person.overall': 'مجموعی طور پر، ہماری طرف سے مدد کیسی رہی ہے؟',
    'q.young-person.listened': 'کیا آپ کا ورکر آپ کی بات سنتا ہے؟',
    'q.young-person.explained': 'کیا آپ کا ورکر چیزیں اس طرح سمجھاتا ہے کہ آپ سمجھ جائیں؟',
    'q.young-person.fair': 'کیا آپ کے ساتھ منصفانہ اور عزت سے سلوک ہوتا ہے؟',
    'q.young-person.next': 'کیا آپ جانتے ہیں کہ آگے کیا ہوگا؟',
    'q.young-person.unsafe': 'کیا کوئی چیز آپ کو غیر محفوظ محسوس کروا رہی ہے؟',
    'q.young-person.good': 'کیا اچھا چل رہا ہے؟',
    'q.young-person.better': 'کیا بہتر ہو سکتا ہے؟',
    'q.young-person.share': 'کیا ہم آپ کے الفاظ شیئر کر سکتے ہیں؟',
    'q.child.overall': 'آپ کو ملنے والی مدد کے بارے میں آپ کیسا محسوس کرتے ہیں؟',
    'q.child.listened': 'کیا آپ کا ورکر آپ کی بات سنتا ہے؟',
    'q.child.explained': 'کیا آپ سمجھتے ہیں کہ آپ کا ورکر آپ کو کیا بتاتا ہے؟',
    'q.child.unsafe': 'کیا کوئی چیز آپ کو غیر محفوظ محسوس کروا رہی ہے؟',
    'q.child.tell': 'کیا آپ ہمیں کچھ اور بتانا چاہتے ہیں؟',
    'q.child.share': 'کیا ہم آپ کی لکھی ہوئی بات شیئر کر سکتے ہیں؟',

    'hint.good': 'مثال کے طور پر، آپ کے ورکر نے کوئی ایسا کام کیا جس سے مدد ملی۔',
    'hint.better': 'مثال کے طور پر، کوئی ایسی چیز جو ہم مختلف طریقے سے کر سکتے ہیں۔',
    'hint.tell': 'آپ جتنا چاہیں، کم یا زیادہ لکھ سکتے ہیں۔',
    'hint.unsafe': 'اگر آپ ہاں یا پکا نہیں کہیں گے تو ٹیم میں سے کوئی مدد کے لیے آپ سے رابطہ کرے گا۔',
    'hint.share':
      'عملہ ویسے بھی ہر جواب پڑھتا ہے۔ اس پر نشان لگانے کا مطلب ہے کہ جب ہم اپنی سروس بہتر بنانے کی بات کریں تو ہم آپ کے نام کے بغیر آپ کے الفاظ بھی استعمال کر سکتے ہیں۔',
    'consent.label': 'آپ میرے الفاظ میرے نام کے بغیر ٹیم کے ساتھ شیئر کر سکتے ہیں',

    'opt.fft.very-good': 'بہت اچھا',
    'opt.fft.good': 'اچھا',
    'opt.fft.neither': 'نہ اچھا نہ برا',
    'opt.fft.poor': 'برا',
    'opt.fft.very-poor': 'بہت برا',
    'opt.fft.dont-know': 'معلوم نہیں',
    'opt.yes-partly-no.yes': 'ہاں',
    'opt.yes-partly-no.partly': 'کسی حد تک',
    'opt.yes-partly-no.no': 'نہیں',
    'opt.yes-partly-no.dont-know': 'معلوم نہیں',
    'opt.unsafe.yes': 'ہاں',
    'opt.unsafe.no': 'نہیں',
    'opt.unsafe.not-sure': 'مجھے پکا نہیں پتا',
    'opt.child-feel.good': 'اچھا',
    'opt.child-feel.ok': 'ٹھیک',
    'opt.child-feel.not-good': 'اچھا نہیں',
    'opt.child-feel.dont-know': 'مجھے نہیں پتا',
    'opt.child-yes-no.yes': 'ہاں',
    'opt.child-yes-no.a-bit': 'تھوڑا سا',
    'opt.child-yes-no.no': 'نہیں',
    'opt.child-yes-no.dont-know': 'مجھے نہیں پتا',
    'face.smile': 'مسکراتا چہرہ',
    'face.straight': 'سیدھے منہ والا چہرہ',
    'face.frown': 'اداس چہرہ',
    'face.unsure': 'غیر یقینی چہرہ',

    'error.choose': 'ایک جواب منتخب کریں',
    'error.tooLong':
      'آپ کا جواب زیادہ سے زیادہ {max} حروف کا ہو سکتا ہے۔ ابھی یہ {length} حروف کا ہے: براہ کرم اسے مختصر کریں۔',
    'error.answerFirst': 'اپنے جوابات بھیجنے سے پہلے اس سوال کا جواب دیں',

    'check.title': 'بھیجنے سے پہلے اپنے جوابات چیک کریں',
    'check.change': 'تبدیل کریں',
    'check.notAnswered': 'جواب نہیں دیا گیا',
    'check.consentYes': 'ہاں، آپ میرے الفاظ میرے نام کے بغیر شیئر کر سکتے ہیں',
    'check.consentNo': 'نہیں',
    'check.sendTitle': 'اب اپنے جوابات بھیجیں',
    'check.sendText': 'جب آپ اپنے جوابات بھیجیں گے تو آپ کا ورکر اور ان کی ٹیم انہیں پڑھے گی۔',
    'check.send': 'جوابات بھیجیں',

    'thanks.title': 'آپ کے جوابات بھیج دیے گئے ہیں',
    'thanks.body.parent':
      'ہمیں بتانے کے لیے وقت نکالنے کا شکریہ۔ آپ کا ورکر اور ان کی ٹیم آپ کے جوابات پڑھے گی۔',
    'thanks.body.young-person': 'ہمیں بتانے کا شکریہ۔ آپ کا ورکر اور ان کی ٹیم آپ کے جوابات پڑھے گی۔',
    'thanks.body.child': 'ہمیں یہ بتانے کا شکریہ کہ آپ کیا سوچتے ہیں۔',
    'thanks.worry':
      'آپ نے ہمیں جو بتایا اس کی وجہ سے ہم یہ یقینی بنانا چاہتے ہیں کہ آپ ٹھیک ہیں۔ ٹیم میں سے کوئی جلد آپ سے رابطہ کرے گا۔',

    'closed.title': 'یہ لنک بند ہو چکا ہے',
    'closed.answered': 'اگر آپ پہلے ہی اپنے جوابات بھیج چکے ہیں تو شکریہ: وہ ٹیم تک پہنچ گئے ہیں۔',
    'closed.newLink': 'اگر آپ اب بھی ہمیں کچھ بتانا چاہتے ہیں تو اپنے ورکر سے نیا لنک مانگیں۔',

    'retry.title': 'براہ کرم دوبارہ کوشش کریں',
    'retry.body':
      'آپ کی حفاظت کے لیے صفحات کچھ دیر بعد کام کرنا بند کر دیتے ہیں۔ آپ کے باقی جوابات محفوظ ہیں۔',
    'retry.link': 'سوال پر واپس جائیں',

    'busy.title': 'براہ کرم تھوڑا انتظار کریں',
    'busy.body': 'تھوڑے وقت میں بہت زیادہ کوششیں ہوئی ہیں۔ ایک منٹ انتظار کریں، پھر دوبارہ کوشش کریں۔',
    'tooLarge.title': 'ایک ساتھ بھیجنے کے لیے یہ بہت زیادہ تھا',
    'tooLarge.body': 'براہ کرم واپس جائیں، اپنا جواب مختصر کریں اور دوبارہ کوشش کریں۔',
  },
};
