import { describe, expect, it } from 'vitest';
import { concreteNouns, nounCue } from '../../../src/adapters/ai/script/offline/english/concrete-nouns.js';
import { shapeTopic } from '../../../src/adapters/ai/script/offline/english/topic-shape.js';
import { lowerFirst, verbForm } from '../../../src/adapters/ai/script/offline/english/words.js';

describe('the form of an English topic', () => {
  it.each([
    [
      'Why octopuses have three hearts',
      'Why do octopuses have three hearts?',
      'why octopuses have three hearts',
    ],
    ['How does sleep affect memory?', 'How does sleep affect memory?', 'how sleep affects memory'],
    ['Why is the sky blue?', 'Why is the sky blue?', 'why the sky is blue'],
    ['why the sky is blue', 'Why is the sky blue?', 'why the sky is blue'],
    ['WHY IS THE SKY BLUE??', 'Why is the sky blue?', 'why the sky is blue'],
    ['Why did the Titanic sink?', 'Why did the Titanic sink?', 'why the Titanic sank'],
    ['What makes a good password', 'What makes a good password?', 'what makes a good password'],
    ['What is compound interest?', 'What is compound interest?', 'what compound interest is'],
    [
      'How much water should you drink?',
      'How much water should you drink?',
      'how much water you should drink',
    ],
    ['Why do cats purr?', 'Why do cats purr?', 'why cats purr'],
  ])('%j is a question: %j, or inside a sentence %j', (topic, direct, embedded) => {
    expect(shapeTopic(topic)).toMatchObject({ form: 'question', direct, embedded, about: embedded });
  });

  it('keeps a yes/no question as typed, and reads it after "about" with "whether"', () => {
    expect(shapeTopic('Is coffee bad for you?')).toEqual({
      form: 'question',
      direct: 'Is coffee bad for you?',
      embedded: undefined,
      about: 'whether coffee is bad for you',
    });
  });

  it.each([
    ['How to make cold brew coffee at home', 'make cold brew coffee at home'],
    ['How To Negotiate A Raise', 'negotiate a raise'],
    ['Save money on your phone bill', 'save money on your phone bill'],
    ['Learn Spanish fast', 'learn Spanish fast'],
    ['Stop procrastinating!', 'stop procrastinating'],
  ])('%j is a how-to: %j', (topic, action) => {
    expect(shapeTopic(topic)).toEqual({ form: 'how-to', action, about: `how to ${action}` });
  });

  it.each([
    ['Dog training basics', 'dog training basics'],
    ['Rocket launches', 'rocket launches'],
    ['houseplants that forgive you', 'houseplants that forgive you'],
    ['AI tools for teachers', 'AI tools for teachers'],
    [
      'The science of habit formation, from brushing your teeth',
      'the science of habit formation, from brushing your teeth',
    ],
  ])('%j is a noun phrase: %j', (topic, subject) => {
    expect(shapeTopic(topic)).toEqual({ form: 'noun-phrase', subject, about: subject });
  });

  it.each([
    ['Coffee improves focus', 'coffee improves focus'],
    ['Cats are better than dogs', 'cats are better than dogs'],
  ])('%j is a claim: %j', (topic, claim) => {
    expect(shapeTopic(topic)).toEqual({ form: 'claim', claim, about: `the idea that ${claim}` });
  });
});

describe('the words of a beat’s picture', () => {
  it.each([
    ['Two hearts pump blood through the gills', ['heart', 'blood', 'gill']],
    ['The third heart sends blood to the rest of the body', ['heart', 'blood', 'body']],
    ['Their blue blood carries oxygen less easily than ours', ['blood', 'oxygen']],
    ['Rocket launches', ['rocket', 'launch']],
    ['Save money on your phone bill', ['money', 'phone', 'bill']],
    ['Visit Paris in spring', ['Paris', 'spring']],
    ['Think about it', []],
    ['Coffee improves focus', ['coffee', 'focus']],
    ['Sleep better tonight', []],
  ])('%j → %j', (text, nouns) => {
    expect(concreteNouns(text)).toEqual(nouns);
  });

  it('lists the beat’s nouns first, then the topic’s, four at most, each once', () => {
    expect(nounCue(['heart', 'gill'], ['octopus', 'heart'])).toBe('heart, gill, octopus');
    expect(nounCue(['a', 'b', 'c'], ['d', 'e'])).toBe('a, b, c, d');
    expect(nounCue([], [])).toBe('');
  });
});

describe('English word forms', () => {
  it('conjugates and lowers words the way the sentences need them', () => {
    expect(verbForm('carries', 'Infinitive')).toBe('carry');
    expect(verbForm('affect', 'PresentTense')).toBe('affects');
    expect(verbForm('sink', 'PastTense')).toBe('sank');
    expect(lowerFirst('Use coarse beans.')).toBe('use coarse beans.');
    expect(lowerFirst('Paris is nice.')).toBe('Paris is nice.');
    expect(lowerFirst('Monday is busy.')).toBe('Monday is busy.');
    expect(lowerFirst('AI helps.')).toBe('AI helps.');
    expect(lowerFirst('I know.')).toBe('I know.');
  });
});
