import { queryOptions } from '@tanstack/react-query';
import {
  dataExportStarted,
  dataExportView,
  latestDataExport,
  type DataExportView,
} from '../../../api/privacy.js';
import { apiGet, apiSend } from '../../api/client.js';

export type { DataExportView };

/** Cache keys of the privacy center's export panel. */
export const privacyKeys = {
  latestExport: ['privacy', 'exports', 'latest'] as const,
  export: (id: string) => ['privacy', 'exports', id] as const,
};

/** How often a queued or running export is asked about. */
export const EXPORT_POLL_MS = 1_500;

/** True while the job has yet to finish. */
export const exportInFlight = (view: Pick<DataExportView, 'status'> | null | undefined): boolean =>
  view?.status === 'queued' || view?.status === 'running';

/** The person's newest export (the panel opens on it), or null. */
export const latestExportQuery = queryOptions({
  queryKey: privacyKeys.latestExport,
  queryFn: ({ signal }) => apiGet('/api/privacy/exports/latest', latestDataExport, signal),
});

/** One export, polled while it is queued or running. */
export const exportStatusQuery = (id: string) =>
  queryOptions({
    queryKey: privacyKeys.export(id),
    queryFn: ({ signal }) => apiGet(`/api/privacy/exports/${encodeURIComponent(id)}`, dataExportView, signal),
    refetchInterval: (query) => (exportInFlight(query.state.data) ? EXPORT_POLL_MS : false),
  });

/** Starts an export (or finds the one under way). */
export const startExport = () => apiSend('POST', '/api/privacy/exports', {}, dataExportStarted);
