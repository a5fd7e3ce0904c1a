import type { JobHandler } from '../ports/job-queue.js';
import type { DataExportService } from '../services/privacy/data-export.service.js';
import { DATA_EXPORT_JOB, type DataExportPayload } from './catalog.js';

/** Builds one export's ZIP; when every try failed, the export is marked failed so the person can ask again. */
export function dataExportJob(exports: DataExportService): JobHandler<DataExportPayload> {
  return {
    type: DATA_EXPORT_JOB,
    handle: async ({ payload }, ctx) => {
      await exports.build(payload.exportId, (fraction) => ctx.heartbeat({ stage: 'export', fraction }));
    },
    onFinalFailure: async ({ payload }) => {
      await exports.fail(
        payload.exportId,
        'The copy of your data could not be made. Nothing was lost; try again in a few minutes.',
      );
    },
  };
}
