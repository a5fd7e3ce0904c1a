import type { LanguagePack } from './language-pack.js';

// Italian merges a preposition with the article that follows: di + il = del, su + gli = sugli, in + l' = nell'.
const PREPOSITION_STEMS: Record<string, string> = { di: 'de', a: 'a', da: 'da', in: 'ne', su: 'su' };
const ARTICLE_ENDINGS: Record<string, string> = {
  il: 'l',
  lo: 'llo',
  la: 'lla',
  i: 'i',
  gli: 'gli',
  le: 'lle',
};

const articulatedPrepositions: [RegExp, string][] = Object.entries(PREPOSITION_STEMS).flatMap(
  ([preposition, stem]) => [
    ...Object.entries(ARTICLE_ENDINGS).map(([article, ending]): [RegExp, string] => [
      new RegExp(`(?<!\\p{L})${preposition} ${article} (?=\\p{L})`, 'giu'),
      `${stem}${ending} `,
    ]),
    [new RegExp(`(?<!\\p{L})${preposition} l['’](?=\\p{L})`, 'giu'), `${stem}ll'`],
  ],
);

/** Italian phrases for the template writer (del tu, as is usual on short-video platforms). */
export const it: LanguagePack = {
  language: 'it',
  hooks: {
    friendly: {
      general: [
        'Parliamo di {topic}.',
        'Una piccola guida semplice su {topic}.',
        'Curioso di {topic}? Facciamola semplice.',
      ],
      withAudience: [
        '{Audience}, questo video è per voi: {topic}, in modo semplice.',
        'Ciao {listeners}! Rendiamo più semplice {topic}.',
      ],
    },
    bold: {
      general: [
        'Smetti di scorrere. Devi sentire questa su {topic}.',
        'Tutto quello che credi di sapere su {topic}? È ora di ripensarci.',
      ],
      withAudience: [
        '{Audience}, ascoltate bene: {topic}, senza giri di parole.',
        '{Audience}: basta tirare a indovinare su {topic}.',
      ],
    },
    calm: {
      general: [
        'Fai un respiro. Guardiamo {topic}, un passo alla volta.',
        'Uno sguardo calmo e chiaro su {topic}.',
      ],
      withAudience: [
        '{Audience}, prendetevi un momento. Guardiamo insieme {topic}.',
        'Un momento tranquillo per {audience}: {topic}, con calma.',
      ],
    },
    funny: {
      general: [
        '{Topic}: più facile di quanto sembri. Quasi.',
        'Alza la mano se ti sei mai perso con {topic}. Anche io.',
      ],
      withAudience: [
        '{Audience}, prendete uno snack: oggi si parla di {topic}.',
        'Attenzione, {listeners}: {topic}, senza mal di testa.',
      ],
    },
    expert: {
      general: ['Ecco cosa conta davvero su {topic}.', 'Una panoramica rapida e pratica su {topic}.'],
      withAudience: [
        "{Audience}: l'essenziale su {topic}, spiegato.",
        'Per {audience}, ecco come ragionare su {topic}.',
      ],
    },
  },
  hookStyles: {
    question: [
      'Perché così tante persone sbagliano con {topic}?',
      'Ti sei mai chiesto qual è il segreto di {topic}?',
      'Cosa sfugge quasi a tutti su {topic}?',
      '{Audience}, volete finalmente capire {topic}?',
    ],
    statistic: [
      '{figure}: il numero da ricordare su {topic}.',
      'Ricorda questo numero per {topic}: {figure}.',
      'Tutto si riduce a {figure}. Parliamo di {topic}.',
    ],
    story: [
      'La prima volta che ho sentito parlare di {topic}, non ci ho capito niente.',
      'Tempo fa non sapevo nulla di {topic}. Ecco cosa è cambiato.',
      'Lascia che ti racconti una piccola storia su {topic}.',
    ],
    'bold-claim': [
      'Dimentica quello che ti hanno detto su {topic}. Ecco cosa funziona.',
      'Quasi tutti i consigli su {topic} non colgono il punto.',
      'Ti basta una sola guida su {topic}, ed è questa.',
    ],
    'how-to': [
      'Ecco come iniziare con {topic}.',
      'Ecco come ottenere il meglio da {topic}, passo dopo passo.',
      '{Audience}, ecco come iniziare con {topic}.',
    ],
  },
  topicStatistics: [
    '{Topic}: ricorda questo numero, {figure}.',
    '{figure}. Tieni a mente questo numero: {topic}.',
  ],
  pointLeads: {
    only: ["L'idea chiave: {point}", "L'unica cosa da ricordare: {point}"],
    first: ['Prima di tutto: {point}', 'Inizia da qui: {point}', 'Punto uno: {point}'],
    middle: ['Poi: {point}', 'Dopo: {point}', 'Inoltre: {point}', "Un'altra cosa: {point}"],
    last: ['Infine: {point}', 'E per finire: {point}', 'Ultimo, ma non meno importante: {point}'],
  },
  pointFollowUps: [
    'Provalo una volta e nota la differenza.',
    'Sembra semplice, ed è proprio questo il punto.',
    'È facile saltarlo, quindi non farlo.',
    'Tienilo bene a mente.',
    'Un piccolo dettaglio che merita attenzione.',
    "Dagli un'occasione vera.",
  ],
  framing: {
    opening: [
      'Perché vale la pena parlare di {topic}?',
      'Cosa sfugge spesso su {topic}?',
      "Ti sei mai chiesto cosa c'è dietro {topic}?",
      'Allora, da dove si comincia con {topic}?',
      'Per {audience}, iniziare con {topic} può sembrare tanto.',
      'Dividiamo {topic} in parti semplici.',
    ],
    insight: [
      'Non si tratta di fare di più, ma di farlo bene.',
      'Il semplice di solito batte il complicato.',
      'Non è questione di perfezione, ma di costanza.',
      "Pensa a {topic} come a un'abitudine, non come a una soluzione di un giorno.",
      'Quello che funziona per un altro può non funzionare per te, e va bene così.',
      'Le basi contano più degli extra.',
    ],
    tip: [
      'Inizia in piccolo e costruisci da lì.',
      'Cambia una cosa alla volta e guarda cosa succede.',
      'Prendi appunti, così vedi cosa funziona per te.',
      'Chiediti di cosa hai davvero bisogno da {topic}.',
      'Dai a ogni idea una possibilità prima di giudicarla.',
      'Guarda come gli altri affrontano {topic}, poi fallo a modo tuo.',
      'Fissa un obiettivo semplice prima di iniziare.',
      'Se un passo sembra difficile, dividilo in passi più piccoli.',
      'Annota una cosa che vuoi ricordare.',
      'Nessuno comincia sapendo tutto.',
      "Gli errori fanno parte dell'apprendimento.",
      'Tornaci su tra qualche giorno.',
      'Spiegalo a un amico: è un buon test.',
      'Fai una pausa se diventa troppo.',
      'Resta curioso e continua a fare domande.',
    ],
    closing: [
      'Messe insieme, queste idee semplificano molto {topic}.',
      'Ed ecco {topic}, in poche parole.',
      'Piccoli passi, fatti spesso, fanno la differenza.',
      'Ora sai da dove cominciare con {topic}.',
    ],
  },
  shortCallToAction: 'Seguimi per altro!',
  callsToAction: {
    friendly: [
      'Seguimi per altri consigli come questo!',
      'Salvalo per dopo e condividilo con un amico.',
      'Quale idea proverai per prima? Dimmelo nei commenti.',
    ],
    bold: [
      'Seguimi ora per non perderti il prossimo.',
      "Provalo oggi e poi dimmi com'è andata.",
      'Salva questo video. Ti servirà.',
    ],
    calm: [
      'Salvalo e torna qui quando ne hai bisogno.',
      'Seguimi per altre guide calme e semplici.',
      'Tieni quello che ti aiuta e lascia il resto. Seguimi per altro.',
    ],
    funny: [
      'Seguimi. Il tuo io del futuro ringrazia.',
      "Condividilo con l'amico che ne ha più bisogno.",
      'Seguimi prima di dimenticartene. Di nuovo.',
    ],
    expert: [
      'Seguimi per altre analisi pratiche.',
      'Salvalo e mettilo in pratica questa settimana.',
      'Domande su {topic}? Chiedi nei commenti.',
    ],
  },
  visualCues: [
    'primo piano di {noun}',
    'campo largo su {noun}',
    'mani che lavorano con {noun}',
    "vista dall'alto di {noun}",
    'panoramica lenta su {noun}',
    '{noun} in luce naturale morbida',
    'dettaglio di {noun}',
    'persona che guarda {noun}',
  ],
  nounOrder: 'head-first',
  articles: ['il', 'lo', 'la', 'i', 'gli', 'le', "l'", 'un', 'uno', 'una'],
  howToTopic: /^come\s+\p{L}+(?:are|ere|ire)(?![\p{L}])/iu,
  questionTopic: /^(?:perché|come|cosa|che cosa|quando|dove|quale|quali|chi|quanto|quanta)(?![\p{L}])/iu,
  standaloneHooks: {
    question: ['{Standalone}', '{Standalone} Vediamo.'],
    howTo: ['{Standalone}, passo dopo passo.', '{Standalone}: la guida rapida.'],
  },
  contractions: articulatedPrepositions,
};
