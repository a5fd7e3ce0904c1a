import type { LanguagePack } from './language-pack.js';

/**
 * German phrases for the template writer (duzen). The topic always follows "Thema" or a colon, so no article
 * or case ending has to agree with it.
 */
export const de: LanguagePack = {
  language: 'de',
  hooks: {
    friendly: {
      general: [
        'Lass uns über das Thema {topic} sprechen.',
        'Eine kleine, einfache Anleitung zum Thema {topic}.',
        'Neugierig auf das Thema {topic}? Wir machen es einfach.',
      ],
      withAudience: [
        '{Audience}, das hier ist für euch: {topic}, ganz einfach erklärt.',
        'Hallo {listeners}! Heute wird das Thema {topic} leicht.',
      ],
    },
    bold: {
      general: [
        'Hör auf zu scrollen. Das musst du zum Thema {topic} hören.',
        'Alles, was du über das Thema {topic} zu wissen glaubst? Zeit, neu nachzudenken.',
      ],
      withAudience: [
        '{Audience}, aufgepasst: {topic}, ohne Umschweife.',
        '{Audience}: Schluss mit Raten beim Thema {topic}.',
      ],
    },
    calm: {
      general: [
        'Atme durch. Schauen wir uns das Thema {topic} Schritt für Schritt an.',
        'Ein ruhiger, klarer Blick auf das Thema {topic}.',
      ],
      withAudience: [
        '{Audience}, nehmt euch einen Moment. Schauen wir uns das Thema {topic} an.',
        'Ein ruhiger Moment für {audience}: {topic}, sanft erklärt.',
      ],
    },
    funny: {
      general: [
        '{Topic}: leichter, als es aussieht. Meistens.',
        'Hand hoch, wenn dich das Thema {topic} schon mal verwirrt hat. Mich auch.',
      ],
      withAudience: [
        '{Audience}, holt euch einen Snack: Heute geht es um das Thema {topic}.',
        'Achtung, {listeners}: {topic}, ganz ohne Kopfschmerzen.',
      ],
    },
    expert: {
      general: [
        'Das zählt beim Thema {topic} wirklich.',
        'Ein kurzer, praktischer Überblick zum Thema {topic}.',
      ],
      withAudience: [
        '{Audience}: das Wichtigste zum Thema {topic}, erklärt.',
        'Für {audience}: So denkt man über das Thema {topic} nach.',
      ],
    },
  },
  hookStyles: {
    question: [
      'Warum machen so viele beim Thema {topic} Fehler?',
      'Hast du dich je gefragt, worauf es beim Thema {topic} wirklich ankommt?',
      'Was übersehen fast alle beim Thema {topic}?',
      '{Audience}, wollt ihr das Thema {topic} endlich verstehen?',
    ],
    statistic: [
      '{figure}: die eine Zahl, die du zum Thema {topic} kennen solltest.',
      'Merk dir diese Zahl zum Thema {topic}: {figure}.',
      'Alles hängt an {figure}. Reden wir über das Thema {topic}.',
    ],
    story: [
      'Als ich zum ersten Mal vom Thema {topic} gehört habe, habe ich nichts verstanden.',
      'Vor einiger Zeit wusste ich nichts über das Thema {topic}. Dann hat sich etwas geändert.',
      'Lass mich dir eine kurze Geschichte zum Thema {topic} erzählen.',
    ],
    'bold-claim': [
      'Vergiss, was man dir über das Thema {topic} erzählt hat. Das hier funktioniert.',
      'Die meisten Tipps zum Thema {topic} gehen am Kern vorbei.',
      'Du brauchst nur eine Anleitung zum Thema {topic}, und das ist sie.',
    ],
    'how-to': [
      'So gelingt dir der Einstieg ins Thema {topic}.',
      'So holst du Schritt für Schritt das Beste aus dem Thema {topic} heraus.',
      '{Audience}, so gelingt euch der Einstieg ins Thema {topic}.',
    ],
  },
  topicStatistics: [
    '{Topic}: Merk dir diese Zahl, {figure}.',
    '{figure}. Behalte diese Zahl im Kopf: {topic}.',
  ],
  pointLeads: {
    only: ['Die zentrale Idee: {point}', 'Das Eine, das du dir merken solltest: {point}'],
    first: ['Erstens: {point}', 'Fang hier an: {point}', 'Punkt eins: {point}'],
    middle: ['Als Nächstes: {point}', 'Dann: {point}', 'Außerdem: {point}', 'Noch etwas: {point}'],
    last: ['Zum Schluss: {point}', 'Und zuletzt: {point}', 'Last but not least: {point}'],
  },
  pointFollowUps: [
    'Probier es einmal aus und achte auf den Unterschied.',
    'Klingt einfach, und genau darum geht es.',
    'Leicht zu übersehen, also übersieh es nicht.',
    'Behalte das im Hinterkopf.',
    'Ein kleines Detail, das Aufmerksamkeit verdient.',
    'Gib dem eine echte Chance.',
  ],
  framing: {
    opening: [
      'Warum lohnt sich das Thema {topic}?',
      'Was übersehen viele beim Thema {topic}?',
      'Hast du dich schon mal gefragt, was hinter dem Thema {topic} steckt?',
      'Also: Wo fängt man beim Thema {topic} an?',
      'Für {audience} kann das Thema {topic} am Anfang viel wirken.',
      'Zerlegen wir das Thema {topic} in einfache Teile.',
    ],
    insight: [
      'Es geht nicht darum, mehr zu tun, sondern es richtig zu tun.',
      'Einfach schlägt meistens kompliziert.',
      'Es geht nicht um Perfektion, sondern um Beständigkeit.',
      'Sieh das Thema {topic} als Gewohnheit, nicht als schnelle Lösung.',
      'Was bei anderen funktioniert, muss bei dir nicht funktionieren, und das ist okay.',
      'Die Grundlagen zählen mehr als die Extras.',
    ],
    tip: [
      'Fang klein an und bau darauf auf.',
      'Ändere immer nur eine Sache und schau, was passiert.',
      'Mach dir Notizen, damit du siehst, was für dich funktioniert.',
      'Frag dich, was du beim Thema {topic} wirklich brauchst.',
      'Gib jeder Idee eine faire Chance, bevor du urteilst.',
      'Schau, wie andere das Thema {topic} angehen, und finde deinen eigenen Weg.',
      'Setz dir ein einfaches Ziel, bevor du anfängst.',
      'Wenn ein Schritt schwer wirkt, teil ihn in kleinere auf.',
      'Schreib dir eine Sache auf, die du behalten willst.',
      'Niemand fängt an und weiß schon alles.',
      'Fehler gehören zum Lernen dazu.',
      'Schau in ein paar Tagen noch einmal drauf.',
      'Erklär es einem Freund: Das ist ein guter Test.',
      'Mach eine kurze Pause, wenn es zu viel wird.',
      'Bleib neugierig und frag weiter nach.',
    ],
    closing: [
      'Zusammen machen diese Ideen das Thema {topic} viel leichter.',
      'Und das ist das Thema {topic}, kurz und knapp.',
      'Kleine Schritte, oft gemacht, summieren sich.',
      'Jetzt weißt du, wo du beim Thema {topic} anfangen kannst.',
    ],
  },
  shortCallToAction: 'Folge mir für mehr!',
  callsToAction: {
    friendly: [
      'Folge mir für mehr Tipps wie diesen!',
      'Speicher das für später und teil es mit einem Freund.',
      'Welche Idee probierst du zuerst? Schreib es in die Kommentare.',
    ],
    bold: [
      'Folge jetzt, damit du das nächste Video nicht verpasst.',
      'Probier es heute aus und erzähl mir, wie es lief.',
      'Speicher das. Du wirst es brauchen.',
    ],
    calm: [
      'Speicher das und komm zurück, wann immer du es brauchst.',
      'Folge mir für mehr ruhige, einfache Anleitungen.',
      'Nimm mit, was dir hilft, und lass den Rest. Folge mir für mehr.',
    ],
    funny: [
      'Folge mir. Dein zukünftiges Ich sagt danke.',
      'Teil das mit dem Freund, der es am meisten braucht.',
      'Folge mir, bevor du es vergisst. Schon wieder.',
    ],
    expert: [
      'Folge mir für mehr praktische Überblicke.',
      'Speicher das und setz es diese Woche um.',
      'Fragen zum Thema {topic}? Stell sie in den Kommentaren.',
    ],
  },
  visualCues: [
    'Nahaufnahme: {noun}',
    'Totale: {noun}',
    'Hände arbeiten mit {noun}',
    'Draufsicht: {noun}',
    'langsamer Schwenk über {noun}',
    '{noun} in weichem Tageslicht',
    'Detailaufnahme: {noun}',
    'Person betrachtet {noun}',
  ],
  nounOrder: 'capitalized',
  articles: ['der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine'],
  howToTopic: /^(?:wie man|so)(?![\p{L}])/iu,
  questionTopic: /^(?:warum|wieso|weshalb|wie|was|wann|wo|welche[rsmn]?|wer|wieviel)(?![\p{L}])/iu,
  standaloneHooks: {
    question: ['{Standalone}', '{Standalone} Schauen wir mal.'],
    howTo: ['{Standalone}, Schritt für Schritt.', '{Standalone}: die Kurzanleitung.'],
  },
  contractions: [],
};
