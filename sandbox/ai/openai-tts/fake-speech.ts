/**
 * Speech-shaped audio for the TTS fakes (shared by the OpenAI, Google and ElevenLabs fakes, never by the adapters):
 * a hum for each word, its length growing with the word's letters, short gaps between words, longer ones after
 * sentences, silence before and after. The fakes build their timing answers from the spans it reports.
 */
export interface FakeSpeech {
  sampleRate: number;
  samples: Int16Array;
  /** Each whitespace-separated token of the text, with where its hum starts and ends (seconds). */
  words: { text: string; index: number; startS: number; endS: number }[];
  durationS: number;
}

const LEAD_S = 0.15;
const TAIL_S = 0.2;
const WORD_GAP_S = 0.06;
const SENTENCE_GAP_S = 0.3;

/** Makes the audio for a text: about 14 characters a second, like a brisk speaker. */
export function fakeSpeech(text: string, sampleRate: number): FakeSpeech {
  const words: FakeSpeech['words'] = [];
  let at = LEAD_S;
  for (const match of text.matchAll(/\S+/g)) {
    const length = Math.max(0.12, 0.07 * [...match[0]].length);
    words.push({ text: match[0], index: match.index, startS: at, endS: at + length });
    at += length + (/[.!?]["')\]]*$/.test(match[0]) ? SENTENCE_GAP_S : WORD_GAP_S);
  }
  const durationS = (words.at(-1)?.endS ?? LEAD_S) + TAIL_S;
  const samples = new Int16Array(Math.round(durationS * sampleRate));
  for (const word of words) {
    const from = Math.round(word.startS * sampleRate);
    const to = Math.min(samples.length, Math.round(word.endS * sampleRate));
    for (let i = from; i < to; i++) {
      const t = i / sampleRate;
      // A voiced-sounding tone with a soft attack and release, so it is audible and not a click.
      const envelope = Math.min(1, (i - from) / (0.01 * sampleRate), (to - i) / (0.01 * sampleRate));
      const tone = 0.6 * Math.sin(2 * Math.PI * 180 * t) + 0.3 * Math.sin(2 * Math.PI * 360 * t);
      samples[i] = Math.round(9000 * envelope * tone);
    }
  }
  return { sampleRate, samples, words, durationS };
}

/** Little-endian 16-bit samples with no header (the "pcm" formats). */
export function s16leBytes(samples: Int16Array): Buffer {
  const out = Buffer.alloc(samples.length * 2);
  samples.forEach((s, i) => out.writeInt16LE(s, i * 2));
  return out;
}

/**
 * A RIFF/WAVE file of mono 16-bit PCM. `streaming` writes 0xFFFFFFFF as the sizes, as servers that stream a WAV
 * before knowing its length do.
 */
export function wavBytes(samples: Int16Array, sampleRate: number, streaming = false): Buffer {
  const data = s16leBytes(samples);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(streaming ? 0xffffffff : 36 + data.length, 4);
  header.write('WAVEfmt ', 8, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(streaming ? 0xffffffff : data.length, 40);
  return Buffer.concat([header, data]);
}

/**
 * Failures a test can script, each served once, in order, before normal answers resume. 'quota' is the provider's
 * "out of credit" answer; 'bad-answer' a 200 whose audio or timings are unusable; 'hang' never answers.
 */
export type FakeFailure = 401 | 429 | 500 | 503 | 'quota' | 'hang' | 'bad-answer';
