import type { LanguagePack } from './language-pack.js';

/** Portuguese phrases for the template writer ("você", understood in Brazil and Portugal). */
export const pt: LanguagePack = {
  language: 'pt',
  hooks: {
    friendly: {
      general: [
        'Vamos falar sobre {topic}.',
        'Um guia simples e rápido sobre {topic}.',
        'Curioso sobre {topic}? Vamos simplificar.',
      ],
      withAudience: [
        '{Audience}, este vídeo é para vocês: {topic}, sem complicação.',
        'Oi, {listeners}! Vamos deixar {topic} mais simples.',
      ],
    },
    bold: {
      general: [
        'Pare de rolar a tela. Você precisa ouvir isto sobre {topic}.',
        'Tudo o que você acha que sabe sobre {topic}? Hora de repensar.',
      ],
      withAudience: [
        '{Audience}, prestem atenção: {topic}, sem enrolação.',
        '{Audience}: chega de adivinhar sobre {topic}.',
      ],
    },
    calm: {
      general: ['Respire. Vamos olhar para {topic}, passo a passo.', 'Um olhar calmo e claro sobre {topic}.'],
      withAudience: [
        '{Audience}, tirem um momento. Vamos olhar para {topic} juntos.',
        'Um momento tranquilo para {audience}: {topic}, com calma.',
      ],
    },
    funny: {
      general: [
        '{Topic}: mais fácil do que parece. Quase.',
        'Levante a mão se você já se confundiu com {topic}. Eu também.',
      ],
      withAudience: [
        '{Audience}, peguem um lanche: hoje o assunto é {topic}.',
        'Atenção, {listeners}: {topic}, sem dor de cabeça.',
      ],
    },
    expert: {
      general: ['Isto é o que realmente importa sobre {topic}.', 'Um resumo rápido e prático sobre {topic}.'],
      withAudience: [
        '{Audience}: o essencial sobre {topic}, explicado.',
        'Para {audience}, veja como pensar sobre {topic}.',
      ],
    },
  },
  hookStyles: {
    question: [
      'Por que tanta gente erra com {topic}?',
      'Já se perguntou qual é o segredo de {topic}?',
      'O que quase todo mundo deixa passar sobre {topic}?',
      '{Audience}, querem finalmente entender {topic}?',
    ],
    statistic: [
      '{figure}: o número que você precisa lembrar sobre {topic}.',
      'Guarde este número sobre {topic}: {figure}.',
      'Tudo se resume a {figure}. Vamos falar sobre {topic}.',
    ],
    story: [
      'A primeira vez que ouvi falar de {topic}, não entendi nada.',
      'Há um tempo, eu não sabia nada sobre {topic}. Veja o que mudou.',
      'Deixe-me contar uma pequena história sobre {topic}.',
    ],
    'bold-claim': [
      'Esqueça o que te disseram sobre {topic}. Isto é o que funciona.',
      'A maioria dos conselhos sobre {topic} erra o essencial.',
      'Você só precisa de um guia sobre {topic}, e é este.',
    ],
    'how-to': [
      'Veja como começar com {topic}.',
      'Veja como aproveitar ao máximo {topic}, passo a passo.',
      '{Audience}, vejam como começar com {topic}.',
    ],
  },
  topicStatistics: ['{Topic}: guarde este número, {figure}.', '{figure}. Guarde esse número: {topic}.'],
  pointLeads: {
    only: ['A ideia principal: {point}', 'A única coisa para lembrar: {point}'],
    first: ['Primeiro: {point}', 'Comece por aqui: {point}', 'Ponto um: {point}'],
    middle: ['Depois: {point}', 'Em seguida: {point}', 'Além disso: {point}', 'Mais uma: {point}'],
    last: ['Por fim: {point}', 'E para terminar: {point}', 'Por último, mas não menos importante: {point}'],
  },
  pointFollowUps: [
    'Experimente uma vez e repare na diferença.',
    'Parece simples, e a ideia é essa.',
    'É fácil pular esta, então não pule.',
    'Guarde isso na cabeça.',
    'Um pequeno detalhe que merece atenção.',
    'Dê uma chance de verdade.',
  ],
  framing: {
    opening: [
      'Por que vale a pena falar sobre {topic}?',
      'O que muita gente deixa passar sobre {topic}?',
      'Você já se perguntou o que existe por trás de {topic}?',
      'Então, por onde começar com {topic}?',
      'Para {audience}, começar com {topic} pode parecer muita coisa.',
      'Vamos dividir {topic} em partes simples.',
    ],
    insight: [
      'Não se trata de fazer mais, e sim de fazer direito.',
      'O simples costuma vencer o complicado.',
      'Não é sobre perfeição; é sobre constância.',
      'Pense em {topic} como um hábito, não como uma solução de um dia.',
      'O que funciona para outra pessoa pode não funcionar para você, e tudo bem.',
      'O básico importa mais do que os extras.',
    ],
    tip: [
      'Comece pequeno e vá construindo.',
      'Mude uma coisa de cada vez e veja o que acontece.',
      'Faça anotações para ver o que funciona para você.',
      'Pergunte a si mesmo do que você realmente precisa em {topic}.',
      'Dê uma chance justa a cada ideia antes de julgar.',
      'Veja como outras pessoas lidam com {topic} e faça do seu jeito.',
      'Defina uma meta simples antes de começar.',
      'Se um passo parecer difícil, divida em passos menores.',
      'Anote uma coisa que você quer lembrar.',
      'Ninguém começa sabendo tudo.',
      'Os erros fazem parte do aprendizado.',
      'Volte a isso daqui a alguns dias.',
      'Explique para um amigo: é um bom teste.',
      'Faça uma pausa se ficar demais.',
      'Continue curioso e siga perguntando.',
    ],
    closing: [
      'Juntas, essas ideias simplificam muito {topic}.',
      'E isso é tudo sobre {topic}, em poucas palavras.',
      'Passos pequenos, dados com frequência, fazem diferença.',
      'Agora você sabe por onde começar com {topic}.',
    ],
  },
  shortCallToAction: 'Siga para mais!',
  callsToAction: {
    friendly: [
      'Siga para mais dicas como esta!',
      'Salve para depois e compartilhe com um amigo.',
      'Qual ideia você vai testar primeiro? Conte nos comentários.',
    ],
    bold: [
      'Siga agora para não perder o próximo.',
      'Teste hoje e depois me conte como foi.',
      'Salve isto. Você vai precisar.',
    ],
    calm: [
      'Salve e volte aqui sempre que precisar.',
      'Siga para mais guias calmos e simples.',
      'Fique com o que ajuda e deixe o resto. Siga para mais.',
    ],
    funny: [
      'Siga. O seu eu do futuro agradece.',
      'Mande para o amigo que mais precisa disto.',
      'Siga antes que você esqueça. De novo.',
    ],
    expert: [
      'Siga para mais análises práticas.',
      'Salve e coloque em prática esta semana.',
      'Dúvidas sobre {topic}? Pergunte nos comentários.',
    ],
  },
  visualCues: [
    'close de {noun}',
    'plano aberto de {noun}',
    'mãos trabalhando com {noun}',
    'vista de cima de {noun}',
    'panorâmica lenta sobre {noun}',
    '{noun} com luz natural suave',
    'plano detalhe de {noun}',
    'pessoa olhando para {noun}',
  ],
  nounOrder: 'head-first',
  articles: ['o', 'a', 'os', 'as', 'um', 'uma', 'uns', 'umas'],
  howToTopic: /^como\s+\p{L}+(?:ar|er|ir)(?![\p{L}])/iu,
  questionTopic: /^(?:por que|porque|como|o que|quando|onde|qual|quais|quem|quanto|quanta)(?![\p{L}])/iu,
  standaloneHooks: {
    question: ['{Standalone}', '{Standalone} Vamos ver.'],
    howTo: ['{Standalone}, passo a passo.', '{Standalone}: o guia rápido.'],
  },
  contractions: [
    [/(?<!\p{L})de o(s?) (?=\p{L})/giu, 'do$1 '],
    [/(?<!\p{L})de a(s?) (?=\p{L})/giu, 'da$1 '],
    [/(?<!\p{L})em o(s?) (?=\p{L})/giu, 'no$1 '],
    [/(?<!\p{L})em a(s?) (?=\p{L})/giu, 'na$1 '],
    [/(?<!\p{L})por o(s?) (?=\p{L})/giu, 'pelo$1 '],
    [/(?<!\p{L})por a(s?) (?=\p{L})/giu, 'pela$1 '],
  ],
};
