import type { Brief } from '../../../../../domain/content.js';
import type { TopicForm } from './topic-shape.js';

/**
 * English sentences for each topic form. Placeholders: {Direct} (the topic as a direct question, with its "?"),
 * {embedded} ("why octopuses have three hearts"), {action} ("make cold brew coffee at home"), {subject} ("dog
 * training basics"), {claim} ("coffee improves focus"), {about} (any form, as it reads after "about"), {audience},
 * {Audience}, {figure}, {point} (a key point, lowered after a connector); {Action} and {Claim} are capitalised. A phrase is only used when all its
 * placeholders have a value. No phrase states a fact or a number: without key points the script is an outline of
 * general, true statements.
 */
export interface FormPhrases {
  hooks: string[];
  audienceHooks: string[];
  /** Hooks in the 'question', 'how-to' and 'bold-claim' styles, which depend on the form; the others use {about}. */
  questionHooks: string[];
  howToHooks: string[];
  boldHooks: string[];
  /** Connectors before the key points, by the point's place: steps, reasons or things to know. */
  connectors: { only: string[]; first: string[]; middle: string[]; last: string[] };
  /** Short sentences that fit after a key point of this form, for longer videos. */
  followUps: string[];
  /** An opening beat before the key points. */
  openings: string[];
  /** The closing sentence with key points: it answers the question, ends the steps, sums up. */
  closings: string[];
  /** Without key points: the first sentence says the script is an outline; the last ends it. */
  outlines: string[];
  outlineClosings: string[];
  /** General, true statements about a topic of this form, for outlines and to reach the word target. */
  general: string[];
}

export const FORM_PHRASES: Record<TopicForm, FormPhrases> = {
  question: {
    hooks: [
      '{Direct}',
      "{Direct} Let's find out.",
      'Ever wondered {embedded}?',
      'Have you ever wondered {embedded}?',
    ],
    audienceHooks: ['{Audience}, ever wondered {embedded}?', "{Audience}, here's a question: {Direct}"],
    questionHooks: ['{Direct}', 'Ever wondered {embedded}?', 'Have you ever asked yourself {embedded}?'],
    howToHooks: [
      "Here's how to think about {about}.",
      "Here's a simple way to look at {about}.",
      "Here's how to think through a question like this one. {Direct}",
    ],
    boldHooks: [
      'Most answers to this question miss the point. {Direct}',
      "Forget what you've heard about {about}.",
    ],
    connectors: {
      only: ["Here's the key: {point}", 'In short: {point}'],
      first: ['First, {point}', 'To start, {point}'],
      middle: ['On top of that, {point}', 'Also, {point}', "Then there's this: {point}", 'Next, {point}'],
      last: ['And finally, {point}', 'Last, {point}'],
    },
    followUps: ["That's one piece of the answer.", 'Keep that in mind.', "It's easy to overlook."],
    openings: [
      "It's a good question. Let's take it one piece at a time.",
      "Let's look at it one piece at a time.",
    ],
    closings: [
      "Put together, that's {embedded}.",
      "So that's {embedded}.",
      'Put together, those pieces answer it.',
    ],
    outlines: [
      'This is an outline of the question, not the full answer.',
      "Here's an outline, not a full answer.",
      "Here's an outline to help you think it through, not a full answer.",
    ],
    outlineClosings: [
      'Use this outline to look for the full answer.',
      'Then look up what you still need.',
      "That's the outline; look up what you still need.",
    ],
    general: [
      'Start with what you already know.',
      'Look at each part of the question on its own.',
      'Good answers often have more than one part.',
      'Compare a few explanations before you settle on one.',
      'Notice which parts still feel unclear.',
      'A trusted source can fill in the gaps.',
      'Ask what would have to be true for each answer.',
      'It is fine to change your mind as you learn more.',
    ],
  },
  'how-to': {
    hooks: ["Here's how to {action}.", "Want to {action}? Here's how.", "{Action}: here's how."],
    audienceHooks: ["{Audience}, here's how to {action}.", '{Audience}, want to {action}? Here is how.'],
    questionHooks: ['Want to {action}?', 'Ever tried to {action}?', 'What does it take to {action}?'],
    howToHooks: ["Here's how to {action}, step by step.", "Here's how to {action}."],
    boldHooks: ['Most advice on how to {action} misses the point.', 'Stop guessing how to {action}.'],
    connectors: {
      only: ["Here's the key step: {point}", 'Start here: {point}'],
      first: ['First, {point}', 'Start here: {point}'],
      middle: ['Next, {point}', 'Then, {point}', 'After that, {point}', 'Now, {point}'],
      last: ['Finally, {point}', 'Last, {point}'],
    },
    followUps: [
      'Take your time with this step.',
      "It's an easy step to skip, so don't.",
      'This step is worth doing well.',
      'Be patient with this one.',
    ],
    openings: ["Let's go through the steps, in order.", "Let's take it step by step."],
    closings: ["That's how you {action}.", 'Now you know how to {action}.'],
    outlines: ['This is a short outline of the steps.', "Here's an outline; the details depend on you."],
    outlineClosings: [
      "That's the outline. Fill in the details as you go.",
      'Follow the outline, then make each step your own.',
      'Fill in the details as you go.',
    ],
    general: [
      'Begin with the simplest step.',
      'Do one step at a time, in order.',
      'Check the result before you move on.',
      "Keep what works, and change what doesn't.",
      'Write the steps down so you can repeat them.',
      'Expect the first try to be a rough draft.',
      'Small changes are easier to keep than big ones.',
      'Set aside a little time for it.',
    ],
  },
  'noun-phrase': {
    hooks: [
      "Let's talk about {subject}.",
      "Here's a quick guide to {subject}.",
      'New to {subject}? Start here.',
    ],
    audienceHooks: [
      "{Audience}, here's a quick guide to {subject}.",
      "{Audience}, let's talk about {subject}.",
    ],
    questionHooks: ['What should you know about {subject}?', 'How much do you really know about {subject}?'],
    howToHooks: ["Here's how to get started with {subject}.", "Here's how to get to know {subject}."],
    boldHooks: [
      'Most advice on {subject} misses the point.',
      "Forget what you've heard about {subject}.",
      'Stop guessing about {subject}.',
    ],
    connectors: {
      only: ['The one thing to know: {point}', 'If you remember one thing: {point}'],
      first: ['First, {point}', 'To start, {point}'],
      middle: ['Next, {point}', 'Also, {point}', 'Then, {point}', 'Another one: {point}'],
      last: ['Finally, {point}', 'And last, {point}'],
    },
    followUps: ['Keep that in mind.', "It's easy to overlook.", 'That one is worth remembering.'],
    openings: ["Here's what is worth knowing, one thing at a time.", "Let's go through the essentials."],
    closings: ['Those are the things to know.', "That's the short version."],
    outlines: ['This is a short outline, not a deep dive.', "Here's a short outline."],
    outlineClosings: [
      "That's the outline. Build on it one piece at a time.",
      'Start with this outline, and add details as you learn.',
      'Add the details as you learn.',
    ],
    general: [
      'Learn the basic words and what they mean.',
      'The basics come before the details.',
      'Each part makes more sense once you see the whole.',
      'Pick one part to focus on first.',
      'Good examples make the ideas easier to follow.',
      'Go back to the start whenever something feels confusing.',
      'Ask someone with experience what they wish they had known.',
      'A little at a time makes the ideas stick.',
    ],
  },
  claim: {
    hooks: ['Is it true that {claim}?', "Let's look at the claim that {claim}.", "{Claim}? Let's see."],
    audienceHooks: [
      '{Audience}, is it true that {claim}?',
      "{Audience}, let's look at the claim that {claim}.",
    ],
    questionHooks: ['Is it true that {claim}?', 'Do you believe that {claim}?'],
    howToHooks: ["Here's how to test the idea that {claim}.", "Here's how to weigh the claim that {claim}."],
    boldHooks: ['Forget the hype about whether {claim}.', 'Most takes on whether {claim} miss the point.'],
    connectors: {
      only: ['The main reason: {point}', "Here's the reason: {point}"],
      first: ['For one, {point}', 'First, {point}'],
      middle: ['On top of that, {point}', 'Also, {point}', 'Another reason: {point}'],
      last: ['And finally, {point}', 'Last, {point}'],
    },
    followUps: [
      "That's a reason worth weighing.",
      'Think about how that applies to you.',
      'Keep that in mind.',
      "It's easy to overlook.",
    ],
    openings: ["Here's the reasoning behind it, one step at a time.", 'Here are the reasons.'],
    closings: ["That's why {claim}.", 'Those are the reasons behind it.'],
    outlines: [
      'This is an outline for weighing the claim, not proof either way.',
      "Here's an outline for testing the idea yourself.",
      "Here's an outline, not proof.",
    ],
    outlineClosings: [
      "That's the outline. Weigh the reasons, then decide for yourself.",
      'Look at the evidence, then make up your own mind.',
      'Then decide for yourself.',
    ],
    general: [
      'A claim is only as good as the reasons behind it.',
      'Ask what the evidence actually shows.',
      "Look for where the idea holds up, and where it doesn't.",
      'Try it for yourself and note what you see.',
      'One example is a start, not proof.',
      'Be wary of anyone who says it works for everyone.',
      'Check who is making the claim, and why.',
      'Good evidence can be repeated by others.',
    ],
  },
};

/** General statements true of any topic, used when the form's own run out on long videos. */
export const SHARED_GENERAL = [
  'Keep notes, so you can see what works for you.',
  'Give each idea a fair try before you judge it.',
  'Simple usually beats complicated.',
  'The basics matter more than the extras.',
  "Ask questions when something isn't clear.",
  "Go back over anything that didn't click the first time.",
  'A little curiosity goes a long way.',
  'What works for someone else may not work for you.',
  "There's no need to learn it all at once.",
  'Mistakes are part of learning.',
  'Everyone starts as a beginner.',
  'Explaining it to a friend is a good test of what you know.',
  'Revisit this after a few days.',
  'Write down one thing you want to remember.',
  'Stay curious, and keep asking why.',
  'Take a short break if it starts to feel like too much.',
];

/** Hooks in the styles that read the same for every form; each names the topic through {about} or {Direct}. */
export const STYLE_HOOKS = {
  statistic: [
    "Keep this number in mind: {figure}. Let's look at {about}.",
    '{figure}. Remember that number as we look at {about}.',
    'Keep this number in mind: {figure}. {Direct}',
  ],
  story: [
    "The first time I looked into {about}, I didn't get it.",
    'A while ago, I knew nothing about {about}.',
    "Here's a quick story about {about}.",
    "Here's a quick story about a question I once had. {Direct}",
  ],
};

/** A short first sentence that sets the tone before the hook, when the word budget allows it. */
export const TONE_LEADS: Record<Brief['tone'], string[]> = {
  friendly: ['Hey there!', 'Quick one for you.'],
  bold: ['Stop scrolling.', 'Listen up.'],
  calm: ['Take a breath.', "Let's slow down for a moment."],
  funny: ['Okay, confession time.', 'Brace yourself.'],
  expert: ['Straight to the point.', "Let's be precise."],
};

export const CALLS_TO_ACTION: Record<Brief['tone'], string[]> = {
  friendly: [
    'Follow for more tips like this!',
    'Save this and share it with a friend.',
    'What would you add? Tell me in the comments.',
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
    'Questions? Ask in the comments.',
  ],
};

/** For the shortest videos, where every added word pushes the person's own points off the clock. */
export const SHORT_CALLS_TO_ACTION: Record<Brief['tone'], string> = {
  friendly: 'Follow for more!',
  bold: 'Try it today.',
  calm: 'Save this.',
  funny: 'Follow for more.',
  expert: 'Save this.',
};
