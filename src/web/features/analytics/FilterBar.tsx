import type { DashboardView } from '../../../api/analytics.js';
import { platformLabels, platformOrder } from '../connections/platformLabels.js';
import { seriesLabel } from './analyticsFormat.js';
import type { FilterFields } from './filterParams.js';

interface FilterBarProps {
  fields: FilterFields;
  accounts: DashboardView['accounts'];
  series: DashboardView['series'];
  onChange: (fields: FilterFields) => void;
}

/** Platform, account, published date range and series; each a labelled control, applied as it changes. */
export function FilterBar({ fields, accounts, series, onChange }: FilterBarProps) {
  const set = (patch: Partial<FilterFields>) => onChange({ ...fields, ...patch });
  const shownAccounts = fields.platform ? accounts.filter((a) => a.platform === fields.platform) : accounts;
  return (
    <form className="analytics-filters" aria-label="Filters" onSubmit={(e) => e.preventDefault()}>
      <div className="field">
        <label htmlFor="analytics-platform">Platform</label>
        <select
          id="analytics-platform"
          value={fields.platform}
          onChange={(e) => set({ platform: e.target.value, connectionId: '' })}
        >
          <option value="">All platforms</option>
          {platformOrder.map((p) => (
            <option key={p} value={p}>
              {platformLabels[p]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="analytics-account">Account</label>
        <select
          id="analytics-account"
          value={fields.connectionId}
          onChange={(e) => set({ connectionId: e.target.value })}
        >
          <option value="">All accounts</option>
          {shownAccounts.map((a) => (
            <option key={a.connectionId} value={a.connectionId}>
              {a.accountName} ({platformLabels[a.platform]})
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="analytics-from">Published from</label>
        <input
          id="analytics-from"
          type="date"
          value={fields.fromDay}
          onChange={(e) => set({ fromDay: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor="analytics-to">Published until</label>
        <input
          id="analytics-to"
          type="date"
          value={fields.toDay}
          onChange={(e) => set({ toDay: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor="analytics-series">Series</label>
        <select
          id="analytics-series"
          value={fields.seriesId}
          onChange={(e) => set({ seriesId: e.target.value })}
        >
          <option value="">All videos</option>
          {series.map((s) => (
            <option key={s.seriesId} value={s.seriesId}>
              {seriesLabel(s)} ({s.videos})
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}
