import type { RecommendationsView } from '../../../api/analytics.js';

type Card = RecommendationsView['cards'][number];

const times = (value: number): string => `×${value < 10 ? value.toFixed(1) : Math.round(value)}`;

/** "×1.6, likely between ×1.3 and ×2.0": the effect and its 80 % range. */
export function multiplierText({ median, low80, high80 }: Card['multiplier']): string {
  return `${times(median)}, likely between ${times(low80)} and ${times(high80)}`;
}

const VERDICTS: Record<Card['verdict'], string> = {
  winner: 'Clear winner',
  leaning: 'Leaning',
  unknown: 'Not enough evidence yet',
};

export const verdictLabel = (verdict: Card['verdict']): string => VERDICTS[verdict];

/** "84 % chance it is the best" (never 0 % or 100 %: the model is never that sure). */
export function chanceText(probability: number): string {
  const percent = Math.min(99, Math.max(1, Math.round(probability * 100)));
  return `${percent} % chance it is the best`;
}

export const videosText = (videos: number): string =>
  videos === 1 ? 'Based on 1 video' : `Based on ${videos.toLocaleString('en')} videos`;

const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumSignificantDigits: 2 });

/** Views as people say them: "850", "12K", "1.2M". */
export const viewsText = (views: number): string => compact.format(Math.round(views));

/** The dotplot in words, its text alternative: the middle guess, the 80 % range, what a dot means. */
export function dotplotSummary(next: { median: number; low80: number; high80: number }): string {
  return (
    `About ${viewsText(next.median)} views after 7 days is the middle guess; 8 times in 10 it lands between ` +
    `${viewsText(next.low80)} and ${viewsText(next.high80)}. Each dot is a 1-in-20 chance.`
  );
}
