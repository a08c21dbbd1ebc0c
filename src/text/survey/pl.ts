/**
 * The family feedback pages in Polish. A draft: not yet checked by a fluent speaker, which must
 * happen before a council uses it. Where Polish marks gender, the wording avoids guessing it.
 */
import type { MessageKey } from './en';
import type { SurveyCatalogue } from './types';

export const pl: SurveyCatalogue<MessageKey> = {
  language: 'pl',
  name: 'Polski',
  dir: 'ltr',
  checkedBy: 'draft, not yet checked by a fluent speaker',
  messages: {
    'site.serviceName': 'Powiedz nam, co myślisz',
    'site.skipLink': 'Przejdź do głównej treści',
    'site.languageNav': 'Wybierz język',
    'site.back': 'Wstecz',
    'site.continue': 'Dalej',
    'site.errorPrefix': 'Błąd:',
    'site.errorSummaryTitle': 'Wystąpił problem',
    'site.progress': 'Pytanie {number} z {total}',
    'site.textHint': 'Możesz zostawić to pole puste. Możesz napisać do {max} znaków.',
    'site.footer': 'Tę usługę prowadzi {council}.',

    'safety.title': 'Jeśli potrzebujesz pomocy teraz',
    'safety.danger': 'Jeśli Ty lub ktoś inny jest teraz w niebezpieczeństwie, zadzwoń pod numer {phone}.',
    'safety.childline': 'Dzieci i młodzież mogą bezpłatnie zadzwonić do Childline pod numer {phone}.',
    'safety.nspcc': 'Dorośli zaniepokojeni sytuacją dziecka mogą zadzwonić do NSPCC pod numer {phone}.',
    'safety.frontDoor':
      'Aby porozmawiać z pracownikami usług dla dzieci ({council}), zadzwoń pod numer {phone}.',
    'safety.outOfHours': 'Wieczorami, w weekendy i w dni wolne od pracy zadzwoń pod numer {phone}.',
    'safety.notWatched':
      'Możemy nie przeczytać Twoich odpowiedzi od razu. Jeśli potrzebujesz pomocy teraz, zadzwoń pod jeden z numerów poniżej.',

    'start.title.parent': 'Opowiedz nam o swoich doświadczeniach z naszą usługą',
    'start.title.young-person': 'Powiedz nam, co myślisz o pomocy, którą dostajesz',
    'start.title.child': 'Powiedz nam, co myślisz',
    'start.intro.parent':
      'Twoje odpowiedzi pomagają nam ({council}) ulepszać naszą pracę z rodzinami. Zajmie to około 5 minut.',
    'start.intro.young-person':
      'Twoje odpowiedzi pomagają nam lepiej pomagać młodym ludziom. Zajmie to około 5 minut.',
    'start.intro.child': 'Chcemy wiedzieć, co myślisz o pomocy, którą dostajesz. Pytań jest tylko kilka.',
    'start.whoReadsTitle': 'Kto przeczyta Twoje odpowiedzi',
    'start.whoReads.parent':
      'Twój pracownik i zespół, który pracuje z Twoją rodziną, przeczytają każdą odpowiedź.',
    'start.whoReads.young-person': 'Twój pracownik i jego zespół przeczytają wszystko, co nam powiesz.',
    'start.whoReads.child': 'Twój pracownik i jego zespół przeczytają wszystko, co nam powiesz.',
    'start.mayShare.parent':
      'Jeśli coś, co nam powiesz, sprawi, że będziemy się martwić o czyjeś bezpieczeństwo, możemy przekazać to osobom, które mogą pomóc tę osobę chronić.',
    'start.mayShare.young-person':
      'Jeśli powiesz nam coś, co sprawi, że będziemy się martwić o Ciebie lub kogoś innego, możemy powiedzieć o tym osobom, które mogą pomóc zapewnić Ci bezpieczeństwo.',
    'start.mayShare.child':
      'Jeśli powiesz nam coś, co nas zmartwi, możemy powiedzieć o tym osobom, które pomogą zapewnić Ci bezpieczeństwo.',
    'start.readTogether': 'Możesz poprosić dorosłego, któremu ufasz, żeby przeczytał z Tobą pytania.',
    'start.button': 'Zacznij teraz',

    'q.parent.overall': 'Ogólnie rzecz biorąc, jak oceniasz swoje doświadczenia z naszą usługą?',
    'q.parent.listened': 'Czy Twój pracownik Cię wysłuchał?',
    'q.parent.explained': 'Czy sprawy zostały Ci wyjaśnione w zrozumiały sposób?',
    'q.parent.fair': 'Czy traktowano Cię sprawiedliwie i z szacunkiem?',
    'q.parent.next': 'Czy wiesz, co będzie dalej?',
    'q.parent.good': 'Co działa dobrze?',
    'q.parent.better': 'Co mogłoby być lepsze?',
    'q.parent.share': 'Czy możemy udostępnić Twoje słowa?',
    'q.young-person.overall': 'Ogólnie, jak oceniasz pomoc od nas?',
    'q.young-person.listened': 'Czy Twój pracownik Cię słucha?',
    'q.young-person.explained': 'Czy Twój pracownik tłumaczy sprawy tak, że je rozumiesz?',
    'q.young-person.fair': 'Czy traktuje się Cię sprawiedliwie i z szacunkiem?',
    'q.young-person.next': 'Czy wiesz, co wydarzy się dalej?',
    'q.young-person.unsafe': 'Czy coś sprawia, że nie czujesz się bezpiecznie?',
    'q.young-person.good': 'Co idzie dobrze?',
    'q.young-person.better': 'Co mogłoby być lepsze?',
    'q.young-person.share': 'Czy możemy udostępnić Twoje słowa?',
    'q.child.overall': 'Co czujesz, gdy myślisz o pomocy, którą dostajesz?',
    'q.child.listened': 'Czy Twój pracownik Cię słucha?',
    'q.child.explained': 'Czy rozumiesz, co mówi Ci Twój pracownik?',
    'q.child.unsafe': 'Czy coś sprawia, że nie czujesz się bezpiecznie?',
    'q.child.tell': 'Czy chcesz nam powiedzieć coś jeszcze?',
    'q.child.share': 'Czy możemy udostępnić to, co napisano?',

    'hint.good': 'Na przykład coś, co zrobił Twój pracownik i co pomogło.',
    'hint.better': 'Na przykład coś, co moglibyśmy robić inaczej.',
    'hint.tell': 'Możesz napisać tyle, ile chcesz.',
    'hint.unsafe': 'Jeśli odpowiesz „Tak” albo „Nie wiem na pewno”, ktoś z zespołu odezwie się, żeby pomóc.',
    'hint.share':
      'Pracownicy i tak czytają każdą odpowiedź. Zaznaczenie tego pola oznacza, że możemy też używać Twoich słów, bez Twojego imienia i nazwiska, gdy rozmawiamy o ulepszaniu naszej usługi.',
    'consent.label': 'Możecie udostępnić moje słowa zespołowi bez mojego imienia i nazwiska',

    'opt.fft.very-good': 'Bardzo dobrze',
    'opt.fft.good': 'Dobrze',
    'opt.fft.neither': 'Ani dobrze, ani źle',
    'opt.fft.poor': 'Źle',
    'opt.fft.very-poor': 'Bardzo źle',
    'opt.fft.dont-know': 'Nie wiem',
    'opt.yes-partly-no.yes': 'Tak',
    'opt.yes-partly-no.partly': 'Częściowo',
    'opt.yes-partly-no.no': 'Nie',
    'opt.yes-partly-no.dont-know': 'Nie wiem',
    'opt.unsafe.yes': 'Tak',
    'opt.unsafe.no': 'Nie',
    'opt.unsafe.not-sure': 'Nie wiem na pewno',
    'opt.child-feel.good': 'Dobrze',
    'opt.child-feel.ok': 'W porządku',
    'opt.child-feel.not-good': 'Niedobrze',
    'opt.child-feel.dont-know': 'Nie wiem',
    'opt.child-yes-no.yes': 'Tak',
    'opt.child-yes-no.a-bit': 'Trochę',
    'opt.child-yes-no.no': 'Nie',
    'opt.child-yes-no.dont-know': 'Nie wiem',
    'face.smile': 'Uśmiechnięta buzia',
    'face.straight': 'Buzia z prostymi ustami',
    'face.frown': 'Smutna buzia',
    'face.unsure': 'Niepewna buzia',

    'error.choose': 'Wybierz odpowiedź',
    'error.tooLong': 'Odpowiedź może mieć do {max} znaków. Teraz ma {length} znaków: prosimy ją skrócić.',
    'error.answerFirst': 'Odpowiedz na to pytanie, zanim wyślesz odpowiedzi',

    'check.title': 'Sprawdź odpowiedzi przed wysłaniem',
    'check.change': 'Zmień',
    'check.notAnswered': 'Bez odpowiedzi',
    'check.consentYes': 'Tak, możecie udostępnić moje słowa bez mojego imienia i nazwiska',
    'check.consentNo': 'Nie',
    'check.sendTitle': 'Teraz wyślij odpowiedzi',
    'check.sendText': 'Gdy wyślesz odpowiedzi, Twój pracownik i jego zespół je przeczytają.',
    'check.send': 'Wyślij odpowiedzi',

    'thanks.title': 'Twoje odpowiedzi zostały wysłane',
    'thanks.body.parent':
      'Dziękujemy, że poświęcasz czas, żeby nam to powiedzieć. Twój pracownik i jego zespół przeczytają Twoje odpowiedzi.',
    'thanks.body.young-person':
      'Dziękujemy, że nam to mówisz. Twój pracownik i jego zespół przeczytają Twoje odpowiedzi.',
    'thanks.body.child': 'Dziękujemy, że mówisz nam, co myślisz.',
    'thanks.worry':
      'Przez to, co nam napisano, chcemy sprawdzić, czy wszystko u Ciebie w porządku. Wkrótce odezwie się ktoś z zespołu.',

    'closed.title': 'Ten link jest już nieaktywny',
    'closed.answered': 'Jeśli Twoje odpowiedzi zostały już wysłane, dziękujemy: dotarły do zespołu.',
    'closed.newLink': 'Jeśli nadal chcesz nam coś powiedzieć, poproś swojego pracownika o nowy link.',

    'retry.title': 'Spróbuj jeszcze raz',
    'retry.body':
      'Dla Twojego bezpieczeństwa strony po pewnym czasie przestają działać. Twoje pozostałe odpowiedzi są zapisane.',
    'retry.link': 'Wróć do pytania',

    'busy.title': 'Poczekaj chwilę',
    'busy.body': 'W krótkim czasie było wiele prób. Poczekaj minutę i spróbuj ponownie.',
    'tooLarge.title': 'To za dużo, żeby wysłać naraz',
    'tooLarge.body': 'Wróć, skróć odpowiedź i spróbuj ponownie.',
  },
};
