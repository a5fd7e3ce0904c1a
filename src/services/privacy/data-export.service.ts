import { join } from 'node:path';
import { TransientError, UserError, notFound } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import { plainMailName } from '../../domain/mail-text.js';
import {
  DATA_EXPORT_TTL_MS,
  dataExportKey,
  isInFlight,
  type DataExport,
} from '../../domain/privacy/data-export.js';
import { DATA_KINDS } from '../../domain/privacy/data-kinds.js';
import { DATA_EXPORT_JOB } from '../../jobs/catalog.js';
import type { Archiver, ZipWriter } from '../../ports/archive.js';
import { isoNow, type Clock } from '../../ports/clock.js';
import type { JobQueue } from '../../ports/job-queue.js';
import type { Mailer } from '../../ports/mailer.js';
import type { MediaStore } from '../../ports/media-store.js';
import type { Store } from '../../ports/store.js';
import type { UrlSigner } from '../../ports/url-signer.js';
import type { AuthContext } from '../auth-context.js';
import { collectKind, exportScope, type ExportScope, type RecommendationSource } from './export-collect.js';
import { EXPORT_FILES, pickFields } from './export-fields.js';
import { exportReadme } from './export-readme.js';
import { signDownload, verifyDownload } from './export-link.js';

const CLEANUP_BATCH = 100;

/** What the privacy page shows of one export. */
export interface DataExportView {
  id: string;
  status: DataExport['status'];
  progress: number;
  downloadUrl: string | null;
  expiresAt: string | null;
  error: string | null;
  createdAt: string;
}

export interface DataExportDeps {
  store: Store;
  clock: Clock;
  queue: JobQueue;
  media: MediaStore;
  archiver: Archiver;
  signer: UrlSigner;
  mailer: Mailer;
  recommendations: RecommendationSource;
  publicBaseUrl: string;
}

/**
 * A person's copy of their data: a background job writes one JSON file per kind of record, their media files and a
 * README into a ZIP in the media store; a signed link, bound to their account, downloads it for seven days.
 */
export class DataExportService {
  constructor(private readonly deps: DataExportDeps) {}

  /** Starts an export of the caller's data; while one is queued or running, returns that one instead. */
  async start(ctx: AuthContext): Promise<DataExportView> {
    const { store, clock, queue } = this.deps;
    const { created, current } = await store.transaction(async (tx) => {
      const inFlight = (await tx.dataExports.listByUser(ctx.user.id)).find(isInFlight);
      if (inFlight) return { created: false, current: inFlight };
      const now = isoNow(clock);
      const fresh: DataExport = {
        id: newId(),
        userId: ctx.user.id,
        workspaceId: ctx.workspaceId,
        status: 'queued',
        progress: 0,
        fileKey: null,
        sizeBytes: null,
        error: null,
        createdAt: now,
        updatedAt: now,
        readyAt: null,
        expiresAt: null,
      };
      await tx.dataExports.create(fresh);
      return { created: true, current: fresh };
    });
    if (created) {
      await queue.enqueue(
        DATA_EXPORT_JOB,
        current.workspaceId,
        { exportId: current.id },
        { idempotencyKey: `data-export:${current.id}` },
      );
    }
    return this.view(current);
  }

  /** One of the caller's exports; another person's is not found. */
  async status(ctx: AuthContext, id: string): Promise<DataExportView> {
    return this.view(await this.own(ctx, id));
  }

  /** The caller's newest export, or null (the privacy page opens on it). */
  async latest(ctx: AuthContext): Promise<DataExportView | null> {
    const [newest] = await this.deps.store.dataExports.listByUser(ctx.user.id);
    return newest ? this.view(newest) : null;
  }

  /** Checks a download: the caller's own, ready export and a link signed for them that has not expired. */
  async download(
    ctx: AuthContext,
    id: string,
    link: { exp?: string | undefined; sig?: string | undefined },
  ): Promise<{ key: string; filename: string }> {
    const found = await this.own(ctx, id);
    const now = this.deps.clock.now();
    if (found.status === 'expired' || (found.expiresAt && Date.parse(found.expiresAt) <= now)) {
      throw new UserError(
        'forbidden',
        'export_expired',
        'This download link has expired; ask for a new copy',
      );
    }
    if (found.status !== 'ready' || !found.fileKey) {
      throw new UserError('conflict', 'export_not_ready', 'This copy of your data is not ready yet');
    }
    if (
      !verifyDownload(
        this.deps.signer,
        { exportId: id, userId: ctx.user.id, exp: link.exp, sig: link.sig },
        now,
      )
    ) {
      throw new UserError('forbidden', 'export_link_invalid', 'This download link is not valid');
    }
    const day = (found.readyAt ?? found.createdAt).slice(0, 10);
    return { key: found.fileKey, filename: `ai-factory-data-${day}.zip` };
  }

  /** The job: builds the ZIP, kind by kind, saving progress; a finished export is left as it is. */
  async build(exportId: string, heartbeat: (fraction: number) => Promise<void>): Promise<void> {
    const { store, media } = this.deps;
    const found = await store.dataExports.findById(exportId);
    if (!found || !isInFlight(found)) return;
    const user = await store.users.findById(found.userId);
    if (!user) return this.fail(exportId, 'The account no longer exists');
    let current = await this.save(found, { status: 'running', progress: 0, error: null });
    const scratch = await media.scratch();
    try {
      const path = join(scratch.dir, 'export.zip');
      const zip = this.deps.archiver.create(path);
      const scope = await exportScope(store, user);
      const steps = DATA_KINDS.length + 1;
      let done = 0;
      for (const kind of DATA_KINDS) {
        const records =
          kind.id === 'media'
            ? await this.addMedia(zip, scope)
            : await collectKind(kind.id, scope, this.deps);
        const sections = EXPORT_FILES[kind.id];
        const file = Object.fromEntries(
          Object.entries(sections).map(([name, section]) => [
            name,
            (records[name] ?? []).map((r) => pickFields(section, r)),
          ]),
        );
        zip.addText(`${kind.id}.json`, `${JSON.stringify(file, null, 2)}\n`);
        done += 1;
        current = await this.save(current, { progress: done / steps });
        await heartbeat(done / steps);
      }
      zip.addText('README.md', exportReadme(user, isoNow(this.deps.clock)));
      const sizeBytes = await zip.finish();
      const fileKey = dataExportKey(user.id, exportId);
      await media.put(fileKey, path);
      // The account may have been deleted while the job ran: its rows are gone, so the file must go too.
      if (!(await store.dataExports.findById(exportId))) return await media.delete(fileKey);
      const readyAt = isoNow(this.deps.clock);
      const expiresAt = isoNow(this.deps.clock, DATA_EXPORT_TTL_MS);
      current = await this.save(current, {
        status: 'ready',
        progress: 1,
        fileKey,
        sizeBytes,
        readyAt,
        expiresAt,
      });
    } catch (error) {
      // A file that vanished or a disk hiccup may pass: the job runs again, from the start.
      if (error instanceof UserError || error instanceof TransientError) throw error;
      throw new TransientError('export_build_failed', error instanceof Error ? error.message : String(error));
    } finally {
      await scratch.cleanup();
    }
    await this.mailReady(user, current);
  }

  /** Marks an export failed with a reason shown to the person, who may then ask again. */
  async fail(exportId: string, reason: string): Promise<void> {
    const found = await this.deps.store.dataExports.findById(exportId);
    if (!found || !isInFlight(found)) return;
    await this.save(found, { status: 'failed', error: reason });
  }

  /** Deletes the files of exports whose link expired and marks them expired; returns how many. */
  async deleteExpired(): Promise<number> {
    const { store, media, clock } = this.deps;
    let count = 0;
    for (;;) {
      const due = await store.dataExports.listExpired(isoNow(clock), CLEANUP_BATCH);
      for (const e of due) {
        if (e.fileKey) await media.delete(e.fileKey);
        await this.save(e, { status: 'expired', fileKey: null });
      }
      count += due.length;
      if (due.length < CLEANUP_BATCH) return count;
    }
  }

  /** Deletes every export of a person with its file (account deletion calls it). */
  async forgetPerson(userId: string): Promise<void> {
    for (const key of await this.deps.store.dataExports.deleteByUser(userId))
      await this.deps.media.delete(key);
  }

  /** Adds the owned workspaces' media folders to the ZIP; returns the library records and the file list. */
  private async addMedia(zip: ZipWriter, scope: ExportScope): Promise<Record<string, object[]>> {
    const { store, media } = this.deps;
    const assets: object[] = [];
    const files: object[] = [];
    for (const w of scope.owned) {
      const folder = `workspaces/${w.id}`;
      // One file at a time from the store (a bucket store downloads each), in key order as before.
      const added = [];
      for (const key of await media.list(`${folder}/`))
        added.push(await zip.addFile(`media/${key}`, await media.localPath(key)));
      files.push(...added.map((f) => ({ path: f.name, workspaceId: w.id, sizeBytes: f.sizeBytes })));
      let cursor: string | undefined;
      do {
        const page = await store.mediaAssets.listByWorkspace(w.id, { limit: 100, cursor });
        assets.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
    }
    return { assets, files };
  }

  private async mailReady(user: { email: string; name: string }, ready: DataExport): Promise<void> {
    if (!ready.expiresAt) return;
    const link = `${this.deps.publicBaseUrl}${signDownload(this.deps.signer, ready.id, ready.userId, ready.expiresAt)}`;
    await this.deps.mailer.send({
      to: user.email,
      subject: 'Your AI Factory data is ready to download',
      text:
        `Hello ${plainMailName(user.name)},\n\n` +
        `The copy of your data you asked for is ready. Download it here, signed in to this account ` +
        `(the link works until ${ready.expiresAt.slice(0, 16).replace('T', ' ')} UTC):\n${link}\n\n` +
        `It is also on the Privacy page of AI Factory. If you did not ask for it, change your password.\n`,
    });
  }

  private async own(ctx: AuthContext, id: string): Promise<DataExport> {
    const found = await this.deps.store.dataExports.find(ctx.user.id, id);
    if (!found) throw notFound('data_export');
    return found;
  }

  private async save(e: DataExport, change: Partial<DataExport>): Promise<DataExport> {
    const next = { ...e, ...change, updatedAt: isoNow(this.deps.clock) };
    await this.deps.store.dataExports.update(next);
    return next;
  }

  private view(e: DataExport): DataExportView {
    const live = e.status === 'ready' && e.expiresAt && Date.parse(e.expiresAt) > this.deps.clock.now();
    return {
      id: e.id,
      status: e.status,
      progress: e.progress,
      downloadUrl: live && e.expiresAt ? signDownload(this.deps.signer, e.id, e.userId, e.expiresAt) : null,
      expiresAt: e.expiresAt,
      error: e.error,
      createdAt: e.createdAt,
    };
  }
}
