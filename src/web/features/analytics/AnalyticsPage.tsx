import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/Alerts.js';
import { EmptyState } from '../../components/EmptyState.js';
import { Loading } from '../../components/Loading.js';
import { PageHeader } from '../../components/PageHeader.js';
import { dashboardQuery } from './analyticsApi.js';
import { BreakdownTables } from './BreakdownTables.js';
import { ExportLinks } from './ExportLinks.js';
import { FilterBar } from './FilterBar.js';
import { apiFilter, fieldsFromParams, isFiltered, paramsFromFields } from './filterParams.js';
import { Leaderboard } from './Leaderboard.js';
import { TotalsTiles } from './TotalsTiles.js';
import { TrackedVideoList } from './TrackedVideoList.js';
import { TrendChart } from './TrendChart.js';
import { RecommendationsPanel } from '../recommendations/RecommendationsPanel.js';
import '../../styles/analytics.css';

/** Totals, trend, leaderboard and every tracked video, filtered by platform, account, dates and series. */
export function AnalyticsPage() {
  const [params, setParams] = useSearchParams();
  const fields = fieldsFromParams(params);
  const filter = apiFilter(fields);
  const dashboard = useQuery(dashboardQuery(filter));
  const view = dashboard.data;

  const header = (
    <PageHeader
      title="Analytics"
      description="Public numbers of your published videos and earlier posts, read at 1 hour, 6 hours, 1, 2, 7 and 28 days, then weekly."
    />
  );
  if (dashboard.isPending) {
    return (
      <>
        {header}
        <Loading label="Loading analytics…" />
      </>
    );
  }
  if (!view) {
    return (
      <>
        {header}
        <div className="stack">
          <ErrorAlert error={dashboard.error} />
          {isFiltered(fields) && <Link to="/analytics">Clear the filters</Link>}
        </div>
      </>
    );
  }
  if (view.accounts.length === 0) {
    return (
      <>
        {header}
        <EmptyState
          heading="No accounts connected"
          icon="analytics"
          action={<Link to="/connections">Go to Connections</Link>}
        >
          <p>
            Connect a TikTok, Instagram or YouTube account: its earlier posts and every video you publish will
            show here.
          </p>
        </EmptyState>
      </>
    );
  }
  const nothingYet = view.totals.videos === 0 && !isFiltered(fields);
  return (
    <>
      {header}
      <div className="stack-large">
        {/* With one account chosen, that account's own recommendations (its model starts from the others'). */}
        <RecommendationsPanel {...(fields.connectionId ? { connectionId: fields.connectionId } : {})} />
        <FilterBar
          fields={fields}
          accounts={view.accounts}
          series={view.series}
          onChange={(next) => setParams(paramsFromFields(next), { replace: true })}
        />
        {dashboard.error && <ErrorAlert error={dashboard.error} />}
        {nothingYet ? (
          <EmptyState heading="No numbers yet" icon="analytics">
            <p>
              Stats arrive about an hour after a video is published. Earlier posts of a newly connected
              account come in within a few minutes.
            </p>
          </EmptyState>
        ) : (
          <>
            <ExportLinks filter={filter} />
            <TotalsTiles totals={view.totals} withoutNumbers={view.withoutNumbers} />
            <BreakdownTables byPlatform={view.byPlatform} byAccount={view.byAccount} />
            <TrendChart trend={view.trend} />
            <Leaderboard leaderboard={view.leaderboard} />
            <TrackedVideoList filter={filter} />
          </>
        )}
      </div>
    </>
  );
}
