import type { FakeSpeech } from '../openai-tts/fake-speech.js';

/** The spoken text of an SSML document, and where each `<mark name>` sits in it. */
export function parseSsml(ssml: string): { text: string; marks: { name: string; offset: number }[] } {
  let text = '';
  const marks: { name: string; offset: number }[] = [];
  for (const part of ssml.split(/(<[^>]*>)/)) {
    if (part.startsWith('<')) {
      const mark = /^<mark\s+name="([^"]*)"\s*\/>$/.exec(part);
      if (mark) marks.push({ name: mark[1] ?? '', offset: text.length });
      // A break is a pause between words; other tags (speak, prosody, emphasis…) carry no text.
      else if (/^<break\b/.test(part)) text += ' ';
    } else {
      text += part
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&amp;/g, '&');
    }
  }
  return { text, marks };
}

/**
 * When the audio reaches a mark: the end of the word it directly follows (no space between), else the start of
 * the next word, else the end of speech.
 */
export function timeOfMark(speech: FakeSpeech, offset: number): number {
  const before = speech.words.findLast((w) => w.index + w.text.length <= offset);
  if (before && before.index + before.text.length === offset) return before.endS;
  const after = speech.words.find((w) => w.index >= offset);
  return after?.startS ?? before?.endS ?? 0;
}
