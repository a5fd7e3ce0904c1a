import type { DashboardView } from '../../../api/analytics.js';
import { platformLabels } from '../connections/platformLabels.js';
import { formatCount } from './analyticsFormat.js';

type Totals = DashboardView['totals'];

function Row({ name, totals }: { name: string; totals: Totals }) {
  return (
    <tr>
      <th scope="row">{name}</th>
      <td>{formatCount(totals.videos)}</td>
      <td>{formatCount(totals.views)}</td>
      <td>{formatCount(totals.likes)}</td>
      <td>{formatCount(totals.comments)}</td>
      <td>{formatCount(totals.shares)}</td>
    </tr>
  );
}

function Table({ caption, first, children }: { caption: string; first: string; children: React.ReactNode }) {
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption className="table-caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{first}</th>
            <th scope="col">Videos</th>
            <th scope="col">Views</th>
            <th scope="col">Likes</th>
            <th scope="col">Comments</th>
            <th scope="col">Shares</th>
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** Totals per platform and per account, side by side. */
export function BreakdownTables({ byPlatform, byAccount }: Pick<DashboardView, 'byPlatform' | 'byAccount'>) {
  return (
    <div className="analytics-columns">
      <Table caption="By platform" first="Platform">
        {byPlatform.map((p) => (
          <Row key={p.platform} name={platformLabels[p.platform]} totals={p} />
        ))}
      </Table>
      <Table caption="By account" first="Account">
        {byAccount.map((a) => (
          <Row key={a.connectionId} name={`${a.accountName} (${platformLabels[a.platform]})`} totals={a} />
        ))}
      </Table>
    </div>
  );
}
