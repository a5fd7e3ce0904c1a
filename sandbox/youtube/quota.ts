import type { GoogleSettings } from '../core/settings.js';
import type { ApiMethod } from './scopes.js';

/** Quota buckets: 'units' is the project's daily units; granular mode gives videos.insert its own bucket. */
export type QuotaBucket = 'units' | 'videos.insert';

/** What one call costs and against which limit, per §3.4. */
export interface QuotaCharge {
  bucket: QuotaBucket;
  cost: number;
  limit: number;
}

const PACIFIC_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'America/Los_Angeles',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The America/Los_Angeles calendar day (YYYY-MM-DD) of an instant: quotas reset at midnight PT. */
export function pacificDay(ms: number): string {
  return PACIFIC_DAY.format(new Date(ms));
}

/** The cost table of the configured quota model ("legacy" units or "granular" buckets). */
export function quotaChargeFor(method: ApiMethod, settings: GoogleSettings): QuotaCharge {
  if (method === 'videos.insert') {
    return settings.quotaMode === 'granular'
      ? { bucket: 'videos.insert', cost: 1, limit: settings.insertCallsPerDay }
      : { bucket: 'units', cost: settings.insertCostUnits, limit: settings.dailyQuota };
  }
  return { bucket: 'units', cost: 1, limit: settings.dailyQuota };
}

/** Per-project daily usage, keyed by the Pacific day so it resets at midnight PT on the sandbox clock. */
export class QuotaLedger {
  private readonly used = new Map<string, number>();

  /** Charges the call if it fits the day's limit; false means 403 quotaExceeded. */
  tryCharge(project: string, charge: QuotaCharge, now: number): boolean {
    const key = `${pacificDay(now)}|${project}|${charge.bucket}`;
    const current = this.used.get(key) ?? 0;
    if (current + charge.cost > charge.limit) return false;
    this.used.set(key, current + charge.cost);
    return true;
  }

  /** Usage of each bucket today (Pacific time). */
  usage(project: string, now: number): Record<QuotaBucket, number> {
    const day = pacificDay(now);
    return {
      units: this.used.get(`${day}|${project}|units`) ?? 0,
      'videos.insert': this.used.get(`${day}|${project}|videos.insert`) ?? 0,
    };
  }
}
