/**
 * How many stats calls may go now under each platform's limits. Pure, like the publishing budgets: the caller
 * counts the calls already made (the stats call log, and uploads for YouTube's shared quota) and passes them.
 */

export interface StatsBudgetSettings {
  /** TikTok video.query calls per token per minute (TikTok allows 600 in a sliding minute). */
  tiktokCallsPerMinute: number;
  /** Instagram insights calls per account per hour (Business Use Case budget). */
  instagramCallsPerHour: number;
  /** The YouTube project's daily quota, shared by uploads and stats reads. */
  youtubeDailyQuotaUnits: number;
  youtubeUploadCostUnits: number;
  /** Share of the daily quota that stats reads may use. */
  youtubeStatsShare: number;
}

/** TikTok and Instagram: what is left of the account's window. */
export function windowAllowance(usedInWindow: number, perWindow: number): number {
  return Math.max(0, perWindow - usedInWindow);
}

/**
 * YouTube: units stats may still spend today: at most their share of the quota, and never what uploads need
 * (uploads started today are counted, and publishing counts stats units in turn).
 */
export function youtubeStatsAllowance(input: {
  statsUnitsToday: number;
  uploadsToday: number;
  settings: StatsBudgetSettings;
}): number {
  const s = input.settings;
  const share = Math.floor(s.youtubeDailyQuotaUnits * s.youtubeStatsShare) - input.statsUnitsToday;
  const left =
    s.youtubeDailyQuotaUnits - input.statsUnitsToday - input.uploadsToday * s.youtubeUploadCostUnits;
  return Math.max(0, Math.min(share, left));
}
