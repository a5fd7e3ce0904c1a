import { PERSONA_IDS, type PersonaId } from '../core/settings.js';
import { seededDigits, seededId } from './hash.js';

/** A YouTube channel owned by a Google account. */
export interface YoutubeChannel {
  id: string;
  title: string;
  handle: string;
  publishedAt: string;
  longUploadsStatus: 'allowed' | 'eligible' | 'longUploadsUnspecified';
}

/** The Google account behind a persona; `channel` is null for an account without a YouTube channel. */
export interface GoogleUser {
  persona: PersonaId;
  userId: string;
  email: string;
  channel: YoutubeChannel | null;
}

const TITLES: Partial<Record<PersonaId, string>> = {
  public: 'Sandbox Creator',
  private: 'Second Sandbox Creator',
  unaudited: 'Sandbox Creator (unaudited app)',
  'ig-personal': 'Sandbox Creator (IG personal)',
};

/** The Google account a persona signs in as; stable for a given seed. */
export function googleUserFor(persona: PersonaId, seed: number): GoogleUser {
  const userId = seededDigits(21, seed, 'google-user', persona);
  const channel: YoutubeChannel | null =
    persona === 'no-channel' || persona === 'deny'
      ? null
      : {
          id: `UC${seededId(22, seed, 'channel', persona)}`,
          title: TITLES[persona] ?? 'Sandbox Creator',
          handle: `@sandbox-${persona}`,
          publishedAt: '2021-03-14T09:26:53Z',
          longUploadsStatus: persona === 'public' ? 'allowed' : 'eligible',
        };
  return { persona, userId, email: `${persona}@sandbox.example`, channel };
}

/** Every persona's channel (personas without one have none). */
export function allChannels(seed: number): YoutubeChannel[] {
  return PERSONA_IDS.map((p) => googleUserFor(p, seed).channel).filter(
    (c): c is YoutubeChannel => c !== null,
  );
}

/** The channel's uploads playlist (`contentDetails.relatedPlaylists.uploads`): UU + the channel id after UC. */
export function uploadsPlaylistId(channel: YoutubeChannel): string {
  return `UU${channel.id.slice(2)}`;
}

/** The personas shown on the Google consent page, with what each one stands for. */
export const GOOGLE_PERSONAS: { id: PersonaId; label: string }[] = [
  { id: 'public', label: 'Creator with a YouTube channel' },
  { id: 'private', label: 'Another creator (a second Google account with a channel)' },
  { id: 'no-channel', label: 'Google account without a YouTube channel' },
  { id: 'deny', label: 'Refuse access' },
];
