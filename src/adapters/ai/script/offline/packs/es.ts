import type { LanguagePack } from './language-pack.js';

/** Spanish phrases for the template writer (tuteo, as is usual on short-video platforms). */
export const es: LanguagePack = {
  language: 'es',
  hooks: {
    friendly: {
      general: [
        'Hablemos de {topic}.',
        'Una guía sencilla y rápida sobre {topic}.',
        '¿Tienes curiosidad por {topic}? Vamos a lo simple.',
      ],
      withAudience: [
        '{Audience}, este video es para ustedes: {topic}, fácil y claro.',
        '¡Hola, {listeners}! Vamos a simplificar {topic}.',
      ],
    },
    bold: {
      general: [
        'Deja de hacer scroll. Tienes que oír esto sobre {topic}.',
        '¿Todo lo que crees saber sobre {topic}? Toca replantearlo.',
      ],
      withAudience: [
        '{Audience}, atención: {topic}, sin rodeos.',
        '{Audience}: dejen de adivinar con {topic}.',
      ],
    },
    calm: {
      general: ['Respira. Veamos {topic}, paso a paso.', 'Una mirada tranquila y clara a {topic}.'],
      withAudience: [
        '{Audience}, tómense un momento. Veamos {topic} juntos.',
        'Un momento tranquilo para {audience}: {topic}, con calma.',
      ],
    },
    funny: {
      general: [
        '{Topic}: más fácil de lo que parece. Casi.',
        'Levanta la mano si alguna vez te has liado con {topic}. Yo también.',
      ],
      withAudience: [
        '{Audience}, preparen algo de picar: hoy toca {topic}.',
        'Atención, {listeners}: {topic}, sin dolores de cabeza.',
      ],
    },
    expert: {
      general: ['Esto es lo que de verdad importa sobre {topic}.', 'Un repaso rápido y práctico de {topic}.'],
      withAudience: [
        '{Audience}: lo esencial de {topic}, explicado.',
        'Para {audience}, así conviene pensar en {topic}.',
      ],
    },
  },
  hookStyles: {
    question: [
      '¿Por qué tanta gente se equivoca con {topic}?',
      '¿Alguna vez te has preguntado cuál es el secreto de {topic}?',
      '¿Qué es lo que casi todos pasan por alto de {topic}?',
      '{Audience}, ¿quieren entender {topic} de una vez?',
    ],
    statistic: [
      '{figure}: el número que debes recordar sobre {topic}.',
      'Recuerda este número para {topic}: {figure}.',
      'Todo se reduce a {figure}. Hablemos de {topic}.',
    ],
    story: [
      'La primera vez que oí hablar de {topic}, no entendí nada.',
      'Hace un tiempo no sabía nada de {topic}. Esto es lo que cambió.',
      'Déjame contarte una pequeña historia sobre {topic}.',
    ],
    'bold-claim': [
      'Olvida lo que te han dicho sobre {topic}. Esto es lo que funciona.',
      'La mayoría de los consejos sobre {topic} no van al grano.',
      'Solo necesitas una guía sobre {topic}, y es esta.',
    ],
    'how-to': [
      'Así puedes empezar con {topic}.',
      'Así le sacas el máximo partido a {topic}, paso a paso.',
      '{Audience}, así pueden empezar con {topic}.',
    ],
  },
  topicStatistics: ['{Topic}: quédate con este número, {figure}.', '{figure}. Recuerda ese número: {topic}.'],
  pointLeads: {
    only: ['La idea clave: {point}', 'Lo único que debes recordar: {point}'],
    first: ['Primero: {point}', 'Empieza por aquí: {point}', 'Punto uno: {point}'],
    middle: ['Después: {point}', 'Luego: {point}', 'Además: {point}', 'Otra más: {point}'],
    last: ['Por último: {point}', 'Y para terminar: {point}', 'Y no menos importante: {point}'],
  },
  pointFollowUps: [
    'Pruébalo una vez y nota la diferencia.',
    'Parece simple, y esa es la idea.',
    'Es fácil saltárselo, así que no lo hagas.',
    'Tenlo muy presente.',
    'Un pequeño detalle que merece atención.',
    'Dale una oportunidad de verdad.',
  ],
  framing: {
    opening: [
      '¿Por qué vale la pena hablar de {topic}?',
      '¿Qué se suele pasar por alto con {topic}?',
      '¿Alguna vez te has preguntado qué hay detrás de {topic}?',
      'Entonces, ¿por dónde empezar con {topic}?',
      'Para {audience}, empezar con {topic} puede parecer mucho al principio.',
      'Vamos a dividir {topic} en partes sencillas.',
    ],
    insight: [
      'No se trata de hacer más, sino de hacerlo bien.',
      'Lo simple suele ganarle a lo complicado.',
      'No se trata de perfección, sino de constancia.',
      'Piensa en {topic} como un hábito, no como un arreglo de un día.',
      'Lo que le funciona a otra persona puede no funcionarte a ti, y está bien.',
      'Lo básico importa más que los extras.',
    ],
    tip: [
      'Empieza poco a poco y ve construyendo.',
      'Cambia una sola cosa a la vez y observa qué pasa.',
      'Toma notas para ver qué te funciona.',
      'Pregúntate qué necesitas de verdad de {topic}.',
      'Dale a cada idea una oportunidad antes de juzgarla.',
      'Mira cómo otros abordan {topic} y hazlo a tu manera.',
      'Ponte una meta sencilla antes de empezar.',
      'Si un paso se hace difícil, divídelo en pasos más pequeños.',
      'Anota una cosa que quieras recordar.',
      'Nadie empieza sabiéndolo todo.',
      'Los errores son parte del aprendizaje.',
      'Vuelve a esto en unos días.',
      'Explícaselo a un amigo: es una buena prueba.',
      'Haz una pausa si se vuelve demasiado.',
      'Mantén la curiosidad y sigue preguntando.',
    ],
    closing: [
      'Juntas, estas ideas te facilitan mucho {topic}.',
      'Y eso es todo sobre {topic}, en pocas palabras.',
      'Pasos pequeños, dados a menudo, suman.',
      'Ahora ya sabes por dónde empezar con {topic}.',
    ],
  },
  shortCallToAction: '¡Sígueme para más!',
  callsToAction: {
    friendly: [
      '¡Sígueme para más consejos como este!',
      'Guárdalo para después y compártelo con un amigo.',
      '¿Qué idea vas a probar primero? Cuéntamelo en los comentarios.',
    ],
    bold: [
      'Sígueme ahora para no perderte el siguiente.',
      'Pruébalo hoy y luego cuéntame qué tal.',
      'Guarda esto. Lo vas a necesitar.',
    ],
    calm: [
      'Guárdalo y vuelve a él cuando lo necesites.',
      'Sígueme para más guías tranquilas y sencillas.',
      'Quédate con lo que te sirva. Sígueme para más.',
    ],
    funny: [
      'Sígueme. Tu yo del futuro te lo agradece.',
      'Compártelo con el amigo que más lo necesita.',
      'Sígueme antes de que se te olvide. Otra vez.',
    ],
    expert: [
      'Sígueme para más análisis prácticos.',
      'Guárdalo y ponlo en práctica esta semana.',
      '¿Dudas sobre {topic}? Pregunta en los comentarios.',
    ],
  },
  visualCues: [
    'primer plano de {noun}',
    'plano general de {noun}',
    'manos trabajando con {noun}',
    'vista cenital de {noun}',
    'paneo lento sobre {noun}',
    '{noun} con luz natural suave',
    'plano detalle de {noun}',
    'persona mirando {noun}',
  ],
  nounOrder: 'head-first',
  articles: ['el', 'la', 'los', 'las', 'un', 'una', 'unos', 'unas'],
  howToTopic: /^¿?\s*cómo\s+\p{L}+(?:ar|er|ir)(?:se|lo|la|los|las)?(?![\p{L}])/iu,
  questionTopic:
    /^¿?\s*(?:por qué|cómo|qué|cuándo|dónde|cuál|cuáles|quién|quiénes|cuánto|cuánta|cuántos|cuántas)(?![\p{L}])/iu,
  standaloneHooks: {
    question: ['{Standalone}', '{Standalone} Veámoslo.'],
    howTo: ['{Standalone}, paso a paso.', '{Standalone}: la guía rápida.'],
  },
  contractions: [
    [/(?<!\p{L})de el (?=\p{L})/giu, 'del '],
    [/(?<!\p{L})a el (?=\p{L})/giu, 'al '],
  ],
};
