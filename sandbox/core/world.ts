import { createHash } from 'node:crypto';

/**
 * The sandbox's simulated audience: how many views a video earns relative to the platform's base curve, from
 * what the platform can see of it (duration, posting time, caption), plus seeded per-video noise. Effects are
 * natural-log multipliers, so 0 means "no effect" and ln(2) ≈ 0.69 doubles the views.
 */
export interface WorldSettings {
  /** Effects by duration bucket: '10-20s' | '21-40s' | '41-60s' | '61-90s'. */
  duration: Record<string, number>;
  /** Effects by three-hour posting block in `timeZone`: '00-03' … '21-24'. */
  postingHour: Record<string, number>;
  /** Effects by posting weekday in `timeZone`: 'sun' … 'sat'. */
  weekday: Record<string, number>;
  /** Effects of caption features: 'question' (first sentence asks), 'number' (has a digit), 'hashtags3+'. */
  caption: Record<string, number>;
  /** The zone posting hours and weekdays are read in. */
  timeZone: string;
  /** Spread of the seeded per-video noise on the log scale. */
  noiseSd: number;
  /** Earlier posts every sandbox account already has (what an import finds), spread over `historyWeeks`. */
  historyVideos: number;
  historyWeeks: number;
}

/** A default world with a few planted effects, so the learning loop has something to find offline. */
export function defaultWorld(): WorldSettings {
  return {
    duration: { '10-20s': 0.45, '21-40s': 0.1, '41-60s': 0, '61-90s': -0.4 },
    postingHour: { '18-21': 0.4, '21-24': 0.15, '00-03': -0.3, '03-06': -0.4 },
    weekday: {},
    caption: { question: 0.3 },
    timeZone: 'UTC',
    noiseSd: 0.5,
    historyVideos: 24,
    historyWeeks: 8,
  };
}

/** What the platform can see of a video. */
export interface VideoFeatures {
  durationSec: number;
  postedAtMs: number;
  caption: string;
}

const BLOCKS = ['00-03', '03-06', '06-09', '09-12', '12-15', '15-18', '18-21', '21-24'];
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

function durationBucket(seconds: number): string {
  if (seconds <= 20) return '10-20s';
  if (seconds <= 40) return '21-40s';
  if (seconds <= 60) return '41-60s';
  return '61-90s';
}

/** One formatter per zone: building one costs about a millisecond, using it a few microseconds. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hour: 'numeric',
      hourCycle: 'h23',
      weekday: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function localTime(ms: number, timeZone: string): { block: string; weekday: string } {
  const parts = formatterFor(timeZone).formatToParts(new Date(ms));
  const hour = Number(parts.find((p) => p.type === 'hour')?.value ?? 0);
  const weekday = (parts.find((p) => p.type === 'weekday')?.value ?? 'Sun').toLowerCase().slice(0, 3);
  return {
    block: BLOCKS[Math.floor(hour / 3)] ?? '00-03',
    weekday: WEEKDAYS.includes(weekday) ? weekday : 'sun',
  };
}

/** Caption features the world reacts to. */
export function captionFeatures(caption: string): string[] {
  const firstSentence = caption.split(/(?<=[.!?])\s|\n/)[0] ?? '';
  const features: string[] = [];
  if (firstSentence.trim().endsWith('?')) features.push('question');
  if (/\d/.test(caption)) features.push('number');
  if ((caption.match(/#[\p{L}\p{N}_]+/gu) ?? []).length >= 3) features.push('hashtags3+');
  return features;
}

/** A seeded standard normal draw for `key` (Box–Muller over two hashed uniforms). */
function seededNormal(seed: number, key: string): number {
  const digest = createHash('sha256').update(`${seed}:world:${key}`).digest();
  const u1 = (digest.readUInt32BE(0) + 1) / (2 ** 32 + 1);
  const u2 = digest.readUInt32BE(4) / 2 ** 32;
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** The factor by which this video's views differ from the base curve: planted effects times seeded noise. */
export function worldMultiplier(
  world: WorldSettings,
  seed: number,
  videoKey: string,
  video: VideoFeatures,
): number {
  const { block, weekday } = localTime(video.postedAtMs, world.timeZone);
  let log = (world.duration[durationBucket(video.durationSec)] ?? 0) + (world.postingHour[block] ?? 0);
  log += world.weekday[weekday] ?? 0;
  for (const feature of captionFeatures(video.caption)) log += world.caption[feature] ?? 0;
  log += world.noiseSd * seededNormal(seed, videoKey);
  return Math.exp(log);
}

/** An earlier post of a sandbox account, before the sandbox started. */
export interface HistoryPost extends VideoFeatures {
  /** Stable per account and index; platforms derive their ids from it. */
  key: string;
}

const HISTORY_CAPTIONS = [
  'Why do cats sleep so much? The answer surprised me #cats #pets #science',
  '3 habits that changed my mornings #productivity',
  'How I plan a week of videos in one hour #creator #tips #workflow',
  'Is coffee really bad for sleep? #coffee #sleep #health',
  'The story of my first 1000 followers #creator',
  'Stop scrolling: this trick saves you money #money #tips #budget',
  'What happens to your phone battery overnight? #tech',
  'Five facts about octopuses #ocean #animals #facts',
];

/**
 * The account's earlier posts: durations 10–90 s, posting times spread over every hour and weekday of the
 * last `historyWeeks` weeks, a mix of captions (questions, numbers, hashtags). Seeded: the same world and
 * account give the same posts.
 */
export function historyPosts(
  world: WorldSettings,
  seed: number,
  accountKey: string,
  startedAt: number,
): HistoryPost[] {
  const spanMs = world.historyWeeks * 7 * 86_400_000;
  return Array.from({ length: world.historyVideos }, (_, i) => {
    const key = `${accountKey}:history:${i}`;
    const u = (label: string): number => {
      const digest = createHash('sha256').update(`${seed}:${key}:${label}`).digest();
      return digest.readUInt32BE(0) / 2 ** 32;
    };
    return {
      key,
      durationSec: 10 + Math.floor(u('duration') * 81),
      // At least a day old, so every earlier post has numbers.
      postedAtMs: startedAt - 86_400_000 - Math.floor(u('age') * spanMs),
      caption: HISTORY_CAPTIONS[Math.floor(u('caption') * HISTORY_CAPTIONS.length)] ?? '',
    };
  }).sort((a, b) => b.postedAtMs - a.postedAtMs);
}
