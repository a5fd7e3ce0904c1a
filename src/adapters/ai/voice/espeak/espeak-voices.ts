import type { EspeakVoiceEntry } from '@echogarden/espeak-ng-emscripten';
import type { VoiceInfo } from '../../../../ports/voice-engine.js';

// When a brief names a language without a region, the region most viewers expect.
const PREFERRED_REGION: Record<string, string> = { en: 'en-us' };

/**
 * The best eSpeak voice for a BCP 47 tag: the tag itself, then shorter and shorter prefixes ("pt-BR" → "pt-br",
 * "pt"; "zh-Hant-TW" → … "zh"), picking the voice that lists the tag with the best (lowest) priority.
 */
export function espeakVoiceForLanguage(
  voices: EspeakVoiceEntry[],
  language: string,
): EspeakVoiceEntry | null {
  const parts = language.trim().toLowerCase().replace(/_/g, '-').split('-').filter(Boolean);
  for (let n = parts.length; n > 0; n--) {
    const tag = parts.slice(0, n).join('-');
    const tags = n === 1 && PREFERRED_REGION[tag] ? [PREFERRED_REGION[tag], tag] : [tag];
    for (const candidate of tags) {
      const best = bestFor(voices, candidate);
      if (best) return best;
    }
  }
  return null;
}

function bestFor(voices: EspeakVoiceEntry[], tag: string): EspeakVoiceEntry | null {
  let best: { voice: EspeakVoiceEntry; priority: number } | null = null;
  for (const voice of voices) {
    const entry = voice.languages.find((l) => l.name.toLowerCase() === tag);
    if (entry && (!best || entry.priority < best.priority)) best = { voice, priority: entry.priority };
  }
  return best?.voice ?? null;
}

/** The voice a request names: an eSpeak identifier ("gmw/en-GB-x-rp") or a language tag, case-insensitive. */
export function espeakVoiceByName(voices: EspeakVoiceEntry[], name: string): EspeakVoiceEntry | null {
  const wanted = name.trim().toLowerCase();
  return (
    voices.find((v) => v.identifier.toLowerCase() === wanted) ??
    (/^[a-z]{2,3}(-[a-z0-9]+)*$/.test(wanted) ? espeakVoiceForLanguage(voices, wanted) : null)
  );
}

/** The engine's voices as the UI lists them. */
export function espeakVoiceInfos(voices: EspeakVoiceEntry[]): VoiceInfo[] {
  return voices.map((v) => ({ id: v.identifier, name: v.name, languages: v.languages.map((l) => l.name) }));
}
