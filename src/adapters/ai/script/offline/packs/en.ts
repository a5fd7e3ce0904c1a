import type { LanguagePack } from './language-pack.js';

/** English phrases for the template writer. */
export const en: LanguagePack = {
  language: 'en',
  hooks: {
    friendly: {
      general: [
        "Let's talk about {topic}.",
        "Here's a friendly little guide to {topic}.",
        "Curious about {topic}? Let's keep it simple.",
      ],
      withAudience: [
        '{Audience}, this one is for you: {topic}, made simple.',
        "Hey {listeners}! Let's make {topic} easy.",
      ],
    },
    bold: {
      general: [
        'Stop scrolling. You need to hear this about {topic}.',
        'Everything you think you know about {topic}? Time to rethink it.',
      ],
      withAudience: ['{Audience}, listen up: {topic}, no fluff.', '{Audience}: stop guessing about {topic}.'],
    },
    calm: {
      general: [
        "Take a breath. Let's look at {topic}, one step at a time.",
        'Here is a calm, clear look at {topic}.',
      ],
      withAudience: [
        "{Audience}, slow down for a moment. Let's look at {topic}.",
        'A quiet moment for {audience}: {topic}, gently explained.',
      ],
    },
    funny: {
      general: [
        '{Topic}: easier than it looks. Mostly.',
        'Raise your hand if {topic} has ever confused you. Same.',
      ],
      withAudience: [
        '{Audience}, grab a snack: we are talking about {topic}.',
        'Calling all {listeners}: {topic}, minus the headache.',
      ],
    },
    expert: {
      general: ['Here is what actually matters about {topic}.', 'A quick, practical breakdown of {topic}.'],
      withAudience: [
        '{Audience}: the essentials of {topic}, explained.',
        'For {audience}, here is how to think about {topic}.',
      ],
    },
  },
  hookStyles: {
    question: [
      'What if {topic} were easier than you think?',
      'Why do so many people get {topic} wrong?',
      'Ever wondered what really makes {topic} work?',
      '{Audience}, what if {topic} could be simple?',
    ],
    statistic: [
      '{figure}: the one number to know about {topic}.',
      'Remember this number for {topic}: {figure}.',
      "It all comes down to {figure}. Let's talk about {topic}.",
    ],
    story: [
      "The first time I heard about {topic}, I didn't get it.",
      'A while ago, I knew nothing about {topic}. Here is what changed.',
      'Let me tell you a quick story about {topic}.',
    ],
    'bold-claim': [
      "Forget what you've heard about {topic}. This is what works.",
      'Most advice on {topic} misses the point.',
      'You only need one guide to {topic}, and this is it.',
    ],
    'how-to': [
      "Here's how to get started with {topic}.",
      "Here's how to make the most of {topic}, step by step.",
      "{Audience}, here's how to get started with {topic}.",
    ],
  },
  topicStatistics: ['{Topic}: here is what {figure} can do.', '{figure}. Keep that number in mind: {topic}.'],
  pointLeads: {
    only: ['The key idea: {point}', 'Here is the one thing to remember: {point}'],
    first: ['First: {point}', 'Start here: {point}', 'Number one: {point}'],
    middle: ['Next: {point}', 'Then: {point}', 'Also: {point}', 'Another one: {point}'],
    last: ['Finally: {point}', 'And last: {point}', 'Last but not least: {point}'],
  },
  pointFollowUps: [
    'Try it once and notice the difference.',
    'It sounds simple, and that is the point.',
    "Easy to skip, so don't.",
    'Keep this one in mind.',
    'A small detail, worth the attention.',
    'Give it a fair try.',
  ],
  framing: {
    opening: [
      'Why does {topic} matter?',
      'What do people often miss about {topic}?',
      'Have you ever wondered how {topic} really works?',
      'So where do you start with {topic}?',
      'For {audience}, {topic} can feel like a lot at first.',
      "Let's break {topic} down into simple pieces.",
    ],
    insight: [
      'It is less about doing more, and more about doing it right.',
      'Simple usually beats complicated.',
      'It is not about perfection; it is about consistency.',
      'Think of {topic} as a habit, not a one-time fix.',
      'What works for someone else may not work for you, and that is fine.',
      'The basics matter more than the extras.',
    ],
    tip: [
      'Start small and build from there.',
      'Try one change at a time and see what happens.',
      'Keep notes, so you can see what works for you.',
      'Ask yourself what you actually need from {topic}.',
      'Give each idea a fair try before you judge it.',
      'Watch how others approach {topic}, then make it your own.',
      'Set one simple goal before you begin.',
      'If a step feels hard, break it into smaller ones.',
    ],
    closing: [
      'Put together, these ideas make {topic} a lot easier.',
      'And that is {topic}, in a nutshell.',
      'Small steps, done often, add up.',
      'Now you know where to begin with {topic}.',
    ],
  },
  callsToAction: {
    friendly: [
      'Follow for more tips like this!',
      'Save this for later and share it with a friend.',
      'Which idea will you try first? Tell me in the comments.',
    ],
    bold: [
      "Follow now so you don't miss the next one.",
      'Try it today, then tell me how it went.',
      "Save this. You'll want it later.",
    ],
    calm: [
      'Save this, and come back to it whenever you need it.',
      'Follow for more calm, simple guides.',
      'Take what helps and leave the rest. Follow for more.',
    ],
    funny: [
      'Follow for more. Your future self says thanks.',
      'Share this with the friend who needs it most.',
      'Follow for more, before you forget. Again.',
    ],
    expert: [
      'Follow for more practical breakdowns.',
      'Save this and put it into practice this week.',
      'Questions about {topic}? Ask in the comments.',
    ],
  },
  visualCues: [
    'close-up of {noun}',
    'wide shot of {noun}',
    'hands working with {noun}',
    'overhead shot of {noun}',
    'slow pan across {noun}',
    '{noun} in soft natural light',
    'detail shot of {noun}',
    'person looking at {noun}',
  ],
  nounOrder: 'head-last',
  articles: ['the', 'a', 'an'],
  contractions: [],
};
