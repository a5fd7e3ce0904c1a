import { describe, expect, it } from 'vitest';
import topics from '../../fixtures/offline-writer/topics.json' with { type: 'json' };
import { OfflineTemplateWriter } from '../../../src/adapters/ai/script/offline-template.writer.js';
import { concreteNouns } from '../../../src/adapters/ai/script/offline/english/concrete-nouns.js';
import { HOOK_STYLES, type Script } from '../../../src/domain/content.js';
import { firstSentenceAsks, writtenHookStyle } from '../../../src/domain/hook-style.js';
import { isStopword } from '../../../src/domain/metadata/keywords.js';
import {
  countWords,
  spokenParts,
  spokenText,
  targetWordCount,
  validateScript,
} from '../../../src/domain/script-rules.js';
import { makeBrief } from '../visuals/brief.js';

interface TopicCase {
  form: string;
  topic: string;
  keyPoints: string[];
  language?: string;
}

const CASES = topics as TopicCase[];
const DURATIONS = [10, 30, 60, 90];
const writer = new OfflineTemplateWriter();
// Without key points, a script is the topic in its hook plus words of its own: a frame around the topic, three
// short general beats (the fewest the script rules allow) and a call to action. That takes about this many words,
// more than a 10-second video holds, so there the band's top is this plus the topic's words.
const OUTLINE_FLOOR_WORDS = 26;

const briefOf = (topic: TopicCase, durationSeconds: number, hookStyle?: (typeof HOOK_STYLES)[number]) =>
  makeBrief({
    topic: topic.topic,
    keyPoints: topic.keyPoints,
    language: topic.language ?? 'en',
    durationSeconds,
    audience: '',
    ...(hookStyle ? { hookStyle } : {}),
  });

const sentencesOf = (script: Script) =>
  spokenParts(script).flatMap((part) => part.split(/(?<=[.!?…])\s+/u).filter(Boolean));

/** The topic as it may appear in a sentence: one line, lower-case, without its end punctuation. */
const plainTopic = (topic: string) =>
  topic
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[¿¡]|[.!?]+$/gu, '')
    .trim()
    .toLowerCase();

const occurrences = (text: string, part: string) => text.split(part).length - 1;

/** Everything a reader would notice as broken in a script, in plain words; empty when it reads cleanly. */
function problems(topic: TopicCase, script: Script, durationSeconds: number): string[] {
  const found: string[] = [];
  const spoken = spokenText(script);
  const lower = spoken.toLowerCase();
  const sentences = sentencesOf(script);
  try {
    validateScript(script);
  } catch (error) {
    found.push(`invalid: ${String(error)}`);
  }
  if (/[{}]|undefined|null/.test(spoken)) found.push('a placeholder is left');
  const topicText = plainTopic(topic.topic);
  if (occurrences(lower, topicText) > 2)
    found.push(`the topic appears ${occurrences(lower, topicText)} times`);
  // The same frame around the topic: two sentences that are equal once the topic is taken out.
  const frames = sentences
    .filter((sentence) => sentence.toLowerCase().includes(topicText))
    .map((sentence) => sentence.toLowerCase().replace(topicText, '{topic}'));
  if (new Set(frames).size < frames.length) found.push('a topic frame is used twice');
  if (new Set(sentences).size < sentences.length) found.push('a sentence is repeated');
  const doubled = /(?<![\p{L}'’])(\p{L}+)\s+\1(?![\p{L}'’])/iu.exec(spoken);
  if (doubled) found.push(`doubled word "${doubled[0]}"`);
  for (const part of spokenParts(script)) {
    if (!/[.!?…]["'”»)]*$/u.test(part)) found.push(`no end punctuation: "${part}"`);
  }
  for (const sentence of sentences) {
    if (!/^[¿¡"“«]?[\p{Lu}\p{N}]/u.test(sentence)) found.push(`no capital: "${sentence}"`);
    if (countWords(sentence) > 25) found.push(`long sentence: "${sentence}"`);
  }
  // Pace: near the word target, plus the person's own key points in full.
  const target = targetWordCount(durationSeconds);
  const words = countWords(spoken);
  const given = countWords(topic.keyPoints.join(' '));
  const outlineFloor = topic.keyPoints.length === 0 ? OUTLINE_FLOOR_WORDS + countWords(topic.topic) : 0;
  const most = Math.max(target * 1.2, outlineFloor) + given;
  if (words < target * 0.7 || words > most) {
    found.push(
      `${words} words at ${durationSeconds} s, for ${target} (${Math.ceil(target * 0.7)} to ${most})`,
    );
  }
  if (!hookNamesTopic(topic, script.hook)) found.push(`the hook does not name the topic: "${script.hook}"`);
  return found;
}

/** The hook names the topic: its main noun in English (singular or plural), a meaningful word of it otherwise. */
function hookNamesTopic(topic: TopicCase, hook: string): boolean {
  const language = topic.language ?? 'en';
  if (language === 'en') {
    const [main] = concreteNouns(topic.topic);
    if (main) return concreteNouns(hook).includes(main) || hook.toLowerCase().includes(main.toLowerCase());
  }
  const words = plainTopic(topic.topic)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 2 && !isStopword(word, language));
  return words.some((word) => hook.toLowerCase().includes(word));
}

describe('the offline writer on 60 topics of every form', () => {
  it('holds 60 topics: questions, how-tos, imperatives, noun phrases, claims, other languages', () => {
    expect(CASES).toHaveLength(60);
    const forms = new Set(CASES.map((topic) => topic.form));
    expect([...forms].sort()).toEqual(['claim', 'how-to', 'imperative', 'noun-phrase', 'question']);
    expect(CASES.filter((topic) => topic.language).length).toBeGreaterThanOrEqual(8);
    expect(CASES.filter((topic) => topic.keyPoints.length === 0).length).toBeGreaterThanOrEqual(20);
  });

  it.each(DURATIONS)('reads cleanly at %i s for every topic', async (durationSeconds) => {
    const report: string[] = [];
    for (const topic of CASES) {
      const script = await writer.write(briefOf(topic, durationSeconds), {
        targetWords: targetWordCount(durationSeconds),
      });
      for (const problem of problems(topic, script, durationSeconds))
        report.push(`${topic.topic}: ${problem}`);
    }
    expect(report).toEqual([]);
  });

  it('honours every hook style for every topic, asking only in a question hook', async () => {
    const report: string[] = [];
    for (const topic of CASES) {
      for (const style of HOOK_STYLES) {
        const script = await writer.write(briefOf(topic, 30, style), { targetWords: targetWordCount(30) });
        for (const problem of problems(topic, script, 30))
          report.push(`${topic.topic} (${style}): ${problem}`);
        // A topic typed as a question in another language stands as its own sentence, so it asks in any style.
        const standsAlone = topic.language && /\?$/.test(topic.topic.trim());
        const asks = writtenHookStyle(briefOf(topic, 30, style)) === 'question';
        if (!standsAlone && firstSentenceAsks(script.hook) !== asks) {
          report.push(`${topic.topic} (${style}): "${script.hook}"`);
        }
      }
    }
    expect(report).toEqual([]);
  });

  it('asks an English question topic in the hook, and calls a script without key points an outline', async () => {
    for (const topic of CASES.filter((each) => !each.language)) {
      const script = await writer.write(briefOf(topic, 30), { targetWords: targetWordCount(30) });
      if (topic.form === 'question') expect(script.hook, topic.topic).toMatch(/\?/);
      if (topic.keyPoints.length === 0) expect(spokenText(script), topic.topic).toMatch(/\boutline\b/);
      else expect(spokenText(script), topic.topic).not.toMatch(/\boutline\b/);
    }
  });
});
