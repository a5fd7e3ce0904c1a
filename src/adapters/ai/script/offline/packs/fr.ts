import type { LanguagePack } from './language-pack.js';

/** French phrases for the template writer (vouvoiement; no space before "?" or ":" so captions keep them). */
export const fr: LanguagePack = {
  language: 'fr',
  hooks: {
    friendly: {
      general: [
        'Parlons de {topic}.',
        'Un petit guide tout simple sur {topic}.',
        "Envie d'y voir plus clair sur {topic}? On fait simple.",
      ],
      withAudience: [
        '{Audience}, cette vidéo est pour vous: {topic}, en toute simplicité.',
        'Salut {listeners}! On simplifie {topic} ensemble.',
      ],
    },
    bold: {
      general: [
        'Arrêtez de scroller: on parle de {topic}.',
        'Tout ce que vous croyez savoir sur {topic}? On reprend à zéro.',
      ],
      withAudience: [
        '{Audience}, écoutez bien: {topic}, sans blabla.',
        '{Audience}, arrêtez de deviner: voici {topic}.',
      ],
    },
    calm: {
      general: ['Respirez. Regardons {topic}, étape par étape.', 'Un regard calme et clair sur {topic}.'],
      withAudience: [
        '{Audience}, prenez un moment. Regardons {topic} ensemble.',
        'Un moment tranquille pour {audience}: {topic}, tout en douceur.',
      ],
    },
    funny: {
      general: [
        "{Topic}: plus facile que ça en a l'air. Enfin, presque.",
        'Levez la main si vous vous êtes déjà perdu avec {topic}. Moi aussi.',
      ],
      withAudience: [
        '{Audience}, prenez un snack: on parle de {topic}.',
        'Spécial {listeners}: {topic}, sans la migraine.',
      ],
    },
    expert: {
      general: ['Voici ce qui compte vraiment dans {topic}.', 'Le point rapide et concret sur {topic}.'],
      withAudience: [
        "{Audience}: l'essentiel sur {topic}, expliqué.",
        'Pour {audience}, voici comment aborder {topic}.',
      ],
    },
  },
  hookStyles: {
    question: [
      'Pourquoi tant de gens se trompent-ils sur {topic}?',
      'Vous êtes-vous déjà demandé ce qui fait la différence avec {topic}?',
      'Et si vous voyiez {topic} autrement?',
      '{Audience}, vous voulez enfin comprendre {topic}?',
    ],
    statistic: [
      '{figure}: le chiffre à retenir sur {topic}.',
      'Retenez ce chiffre pour {topic}: {figure}.',
      'Tout se joue sur {figure}. Parlons de {topic}.',
    ],
    story: [
      "La première fois que j'ai entendu parler de {topic}, je n'ai rien compris.",
      'Il y a quelque temps, je ne savais rien de {topic}. Voici ce qui a changé.',
      'Laissez-moi vous raconter une petite histoire sur {topic}.',
    ],
    'bold-claim': [
      "Oubliez ce qu'on vous a dit sur {topic}. Voici ce qui marche.",
      "La plupart des conseils sur {topic} passent à côté de l'essentiel.",
      "Vous n'avez besoin que d'un seul guide sur {topic}, et c'est celui-ci.",
    ],
    'how-to': [
      'Voici comment bien démarrer avec {topic}.',
      'Voici comment tirer le meilleur de {topic}, étape par étape.',
      '{Audience}, voici comment bien démarrer avec {topic}.',
    ],
  },
  topicStatistics: [
    '{Topic}: retenez bien ce chiffre, {figure}.',
    '{figure}. Gardez ce chiffre en tête: {topic}.',
  ],
  pointLeads: {
    only: ["L'idée clé: {point}", 'La seule chose à retenir: {point}'],
    first: ["D'abord: {point}", 'On commence par ça: {point}', 'Premier point: {point}'],
    middle: ['Ensuite: {point}', 'Puis: {point}', 'Autre chose: {point}', 'Et aussi: {point}'],
    last: ['Enfin: {point}', 'Et pour finir: {point}', 'Dernier point, et pas des moindres: {point}'],
  },
  pointFollowUps: [
    'Essayez une fois, et voyez la différence.',
    "Ça paraît simple, et c'est tout l'intérêt.",
    "Facile à oublier, alors ne l'oubliez pas.",
    'Gardez bien ça en tête.',
    'Un petit détail qui mérite votre attention.',
    'Donnez-lui une vraie chance.',
  ],
  framing: {
    opening: [
      'Pourquoi {topic}, ça compte?',
      'Que rate-t-on souvent avec {topic}?',
      'Vous vous êtes déjà demandé ce qui se cache derrière {topic}?',
      'Alors, par où commencer avec {topic}?',
      'Pour {audience}, {topic}, ça peut sembler compliqué au début.',
      'Découpons {topic} en morceaux simples.',
    ],
    insight: [
      "Il ne s'agit pas d'en faire plus, mais de bien le faire.",
      'Le simple bat souvent le compliqué.',
      "Ce n'est pas une question de perfection, mais de régularité.",
      "Voyez {topic} comme une habitude, pas comme une solution d'un jour.",
      "Ce qui marche pour quelqu'un d'autre ne marchera pas forcément pour vous, et c'est normal.",
      'Les bases comptent plus que les extras.',
    ],
    tip: [
      'Commencez petit, puis avancez pas à pas.',
      'Changez une seule chose à la fois, et observez.',
      'Prenez des notes pour voir ce qui marche pour vous.',
      'Demandez-vous ce dont vous avez vraiment besoin avec {topic}.',
      'Laissez sa chance à chaque idée avant de juger.',
      "Regardez comment d'autres abordent {topic}, puis faites-le à votre façon.",
      'Fixez-vous un objectif simple avant de commencer.',
      'Si une étape semble difficile, découpez-la en plus petites.',
      'Notez une chose que vous voulez retenir.',
      'Personne ne commence en sachant tout.',
      "Les erreurs font partie de l'apprentissage.",
      'Revenez-y dans quelques jours.',
      "Expliquez-le à un ami: c'est un bon test.",
      'Faites une petite pause si ça devient trop.',
      'Restez curieux, et continuez à poser des questions.',
    ],
    closing: [
      'Mises ensemble, ces idées simplifient vraiment {topic}.',
      'Et voilà {topic}, en bref.',
      'De petits pas, souvent: ça finit par compter.',
      'Vous savez maintenant par où commencer avec {topic}.',
    ],
  },
  shortCallToAction: 'Abonnez-vous!',
  callsToAction: {
    friendly: [
      "Abonnez-vous pour d'autres astuces comme celle-ci!",
      'Enregistrez cette vidéo et partagez-la avec un ami.',
      'Quelle idée allez-vous tester en premier? Dites-le en commentaire.',
    ],
    bold: [
      'Abonnez-vous maintenant pour ne pas rater la suite.',
      "Testez dès aujourd'hui, puis racontez-moi.",
      'Enregistrez ça. Vous en aurez besoin.',
    ],
    calm: [
      'Enregistrez cette vidéo et revenez-y quand vous voulez.',
      "Abonnez-vous pour d'autres guides simples et posés.",
      'Gardez ce qui vous aide, laissez le reste. Abonnez-vous pour la suite.',
    ],
    funny: [
      'Abonnez-vous. Votre futur vous dit merci.',
      "Partagez ça avec l'ami qui en a le plus besoin.",
      "Abonnez-vous avant d'oublier. Encore.",
    ],
    expert: [
      "Abonnez-vous pour d'autres analyses concrètes.",
      'Enregistrez ça et mettez-le en pratique cette semaine.',
      'Des questions sur {topic}? Posez-les en commentaire.',
    ],
  },
  visualCues: [
    'gros plan sur {noun}',
    'plan large: {noun}',
    'mains qui manipulent {noun}',
    'vue de dessus: {noun}',
    'travelling lent sur {noun}',
    '{noun} en lumière naturelle douce',
    'plan de détail: {noun}',
    'personne qui regarde {noun}',
  ],
  nounOrder: 'head-first',
  articles: ['le', 'la', 'les', "l'", 'un', 'une', 'des'],
  howToTopic: /^comment\s+(?:bien\s+)?\p{L}+(?:er|ir|re)(?![\p{L}])/iu,
  questionTopic:
    /^(?:pourquoi|comment|quand|où|qu['’]est-ce|que|quels?|quelles?|qui|combien|est-ce)(?![\p{L}])/iu,
  standaloneHooks: {
    question: ['{Standalone}', '{Standalone} Voyons ça.'],
    howTo: ['{Standalone}, étape par étape.', '{Standalone}: le guide rapide.'],
  },
  contractions: [
    [/(?<!\p{L})de le (?=\p{L})/giu, 'du '],
    [/(?<!\p{L})de les (?=\p{L})/giu, 'des '],
    [/(?<!\p{L})à le (?=\p{L})/giu, 'au '],
    [/(?<!\p{L})à les (?=\p{L})/giu, 'aux '],
    [/(?<!\p{L})de (?=[aeiouyàâéèêëîïôûœ])/giu, "d'"],
    [/(?<!\p{L})que (?=[aeiouyàâéèêëîïôûœ])/giu, "qu'"],
  ],
};
