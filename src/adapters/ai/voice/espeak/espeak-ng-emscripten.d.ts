// Types for the parts of @echogarden/espeak-ng-emscripten (an Emscripten build of eSpeak-NG) this adapter uses.
declare module '@echogarden/espeak-ng-emscripten' {
  /** An event eSpeak-NG reports with each audio block; positions are 1-based code points, audio in ms. */
  export interface EspeakEvent {
    type:
      | 'list_terminated'
      | 'word'
      | 'sentence'
      | 'mark'
      | 'play'
      | 'end'
      | 'msg_terminated'
      | 'phoneme'
      | 'samplerate';
    text_position: number;
    word_length: number;
    audio_position: number;
    id?: string | number;
  }

  export interface EspeakVoiceEntry {
    name: string;
    identifier: string;
    /** Lower priority numbers mean a better match for that language. */
    languages: { priority: number; name: string }[];
  }

  export interface EspeakNGWorker {
    /** 0 on success. */
    set_voice(name: string): number;
    set_rate(wordsPerMinute: number): void;
    get_samplerate(): number;
    list_voices(): EspeakVoiceEntry[];
    /** Synthesizes SSML text synchronously; the callback gets each audio block (22 050 Hz s16) and its events. */
    synthesize(text: string, callback: (audio: Int16Array, events: EspeakEvent[]) => boolean): void;
  }

  const initialize: () => Promise<{ eSpeakNGWorker: new () => EspeakNGWorker }>;
  export default initialize;
}
