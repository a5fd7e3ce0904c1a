import { exportUrl, type AnalyticsFilter } from './analyticsApi.js';

/** Download every reading the filters match, with each video's generation parameters. */
export function ExportLinks({ filter }: { filter: AnalyticsFilter }) {
  return (
    <div className="button-row" role="group" aria-label="Export every reading">
      <a className="button button-secondary" href={exportUrl(filter, 'csv')} download>
        Export CSV
      </a>
      <a className="button button-secondary" href={exportUrl(filter, 'json')} download>
        Export JSON
      </a>
    </div>
  );
}
