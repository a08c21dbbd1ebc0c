/**
 * Words and phrases that may mean someone is not safe, per language, as data. A match puts the
 * answer in front of a person at once; it is a help, never a gate: every answer is read anyway.
 *
 * Entries are matched as whole words after the same normalisation as the answer (case, accents,
 * invisible characters and punctuation ignored). A trailing `*` matches any ending ("punch*":
 * punched, punching). Lists lean towards catching too much: a false alarm costs a minute of
 * someone's time; a missed one costs far more.
 *
 * Who checked them: English by the Hearth team. Welsh, Polish and Urdu are drafts, not yet checked
 * by a fluent speaker or a safeguarding lead: they must be before a council relies on them.
 */
import type { Language } from './feedback-types';

/**
 * A list written as text: entries separated by `|`, any number to a line; `#` starts a note that
 * runs to the end of the line.
 */
function words(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.replace(/#.*$/, ''))
    .join('|')
    .split('|')
    .map((entry) => entry.trim())
    .filter(Boolean);
}

export interface ScreeningList {
  /** Unicode scripts the list is written in; an answer in any other script needs a person. */
  scripts: readonly ('Latin' | 'Arabic')[];
  checkedBy: string;
  entries: readonly string[];
}

const en: ScreeningList = {
  scripts: ['Latin'],
  checkedBy: 'Hearth team (a safeguarding lead should review it for your area)',
  entries: words(`
    # Being hurt
    hurt me | hurts me | hurting me | hit me | hits me | hitting me | beat me | beats me
    beaten | beating me | kicked me | kicks me | punch* | slap* | smack* | strangl* | choke*
    choking | bruise* | burned me | burnt me | push me | pushed me | throws things
    violence | violent | domestic abuse | domestic violence | assault*
    # Abuse and exploitation
    abuse* | abusing | abusive | rape* | sexual* | touch me | touched me | touches me
    touching me | groom* | naked | nude* | porn* | exploit* | county lines | gang* | secret
    # Feeling unsafe or afraid
    unsafe | not safe | don't feel safe | dont feel safe | scared | afraid | frightened
    terrified | fear | threat* | kill me | kill him | kill her | kill us
    # Harming themselves
    kill myself | suicid* | self harm* | harm myself | hurt myself | hurting myself
    cut myself | cutting myself | cuts myself | want to die | wanna die | end my life
    end it all | overdose* | can't cope | cant cope
    # Weapons, drink and drugs
    knife | knives | gun | guns | weapon* | stab* | drunk | drugs
    # Neglect, leaving home, going missing
    locked in | locked me | lock me | no food | not enough food | hungry | starving
    nowhere to sleep | nowhere to live | homeless | kicked out | thrown out | run away
    ran away | running away | missing | neglect*
    # Asking for help now
    help me | please help | emergency | police | bleeding
  `),
};

const cy: ScreeningList = {
  scripts: ['Latin'],
  checkedBy: 'draft, not yet checked by a fluent speaker',
  // Welsh mutates the start of words ("fy mrifo", "ei daro"), so common mutated forms are listed.
  entries: words(`
    brifo | mrifo | frifo | taro | daro | nharo | tharo | curo | guro | nghuro | churo
    cicio | gicio | ofn | ofnus | codi ofn | dychryn* | ddychryn* | ddim yn ddiogel
    dim yn ddiogel | anniogel | lladd fy hun | ladd fy hun | hunanladdiad | niweidio fy hun
    hunan niweidio | torri fy hun | eisiau marw | isio marw | cam drin | gam drin
    camdriniaeth | treisio | dreisio | rhywiol | cyffwrdd | gyffwrdd | cyllell | gyllell
    cyffuriau | gyffuriau | meddw | feddw | llwgu | dim bwyd | eisiau bwyd
    rhedeg i ffwrdd | ar goll | trais | treisgar | bygwth | fygwth | mygwth | cyfrinach
    gyfrinach | helpwch fi | heddlu
  `),
};

const pl: ScreeningList = {
  scripts: ['Latin'],
  checkedBy: 'draft, not yet checked by a fluent speaker',
  entries: words(`
    bije | bija | bił | biła | bili | pobił* | uderz* | krzywdz* | skrzywdz* | kopn*
    kopie mnie | dusi* | siniak* | boję się | strach* | przeraż* | nie jestem bezpieczn*
    nie czuję się bezpieczn* | niebezpieczn* | zabić się | zabiję się | zabij* | samobój*
    samookalecz* | okalecz* | tnę się | chcę umrzeć | nie chcę żyć | molest* | gwałt*
    wykorzystywan* | wykorzystuje mnie | dotyka mnie | dotykał* | seks* | przemoc* | nóż
    noża | broń | narkotyk* | pijan* | głodn* | nie mam jedzenia | brak jedzenia | uciek*
    zaginął | zaginęła | grozi* | groź* | tajemnic* | pomocy | policj*
  `),
};

const ur: ScreeningList = {
  // Many families type Urdu in Latin letters (Roman Urdu), so the list carries both.
  scripts: ['Arabic', 'Latin'],
  checkedBy: 'draft, not yet checked by a fluent speaker',
  entries: words(`
    مارتا | مارتی | مارتے | مارا | ماری | مار پیٹ | پیٹتا | پیٹتی | پیٹا | تشدد | زخمی
    چوٹ | ڈر لگتا | ڈرتا | ڈرتی | خوف | خوفزدہ | محفوظ نہیں | غیر محفوظ | خودکشی
    خود کو نقصان | خود کو مار | مرنا چاہتا | مرنا چاہتی | زیادتی | جنسی | چھوتا | چھوتی | چھوا
    ہراساں | جان سے مار | دھمکی | دھمکیاں | چاقو | چھری | بندوق | نشہ | منشیات | شراب
    بھوکا | بھوکی | کھانا نہیں | گھر سے بھاگ | بھاگ گیا | بھاگ گئی | لاپتہ | راز | مدد کریں
    پولیس | بچاؤ
    # Roman Urdu
    marta hai | maarta | marti hai | maarti | darr lagta | dar lagta | mehfooz nahi*
    mahfooz nahi* | khudkushi | marna chahta | marna chahti
  `),
};

/** A language missing here is one Hearth cannot screen: its answers always go to a person. */
export const SCREENING_LISTS: Partial<Record<Language, ScreeningList>> = { en, cy, pl, ur };
