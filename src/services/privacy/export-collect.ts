import type { RecommendationsView } from '../../api/analytics.js';
import type { ContentItem } from '../../domain/content-item.js';
import type { User, Workspace, WorkspaceMembership } from '../../domain/people.js';
import type { DataKindId } from '../../domain/privacy/data-kinds.js';
import type { Page, PageRequest, Store } from '../../ports/store.js';
import type { AuthContext } from '../auth-context.js';

const PAGE = 100;

/** Whose data, and where: the person, their memberships, the workspaces they own and those they only belong to. */
export interface ExportScope {
  user: User;
  memberships: WorkspaceMembership[];
  owned: Workspace[];
  /** Workspaces the person belongs to without owning them: only their own items come from there. */
  memberOf: string[];
}

/** The recommendations of a workspace, as `GET /api/analytics/recommendations` shows them. */
export interface RecommendationSource {
  recommendations(ctx: AuthContext, connectionId?: string): Promise<RecommendationsView>;
}

/** Raw records of one kind, by section; the export keeps only the described fields of each. */
export type KindRecords = Record<string, object[]>;

/** Works out the scope of a person's export from their memberships. */
export async function exportScope(store: Store, user: User): Promise<ExportScope> {
  const memberships = await store.memberships.listByUser(user.id);
  const owned: Workspace[] = [];
  const memberOf: string[] = [];
  for (const m of memberships) {
    const workspace = m.role === 'owner' ? await store.workspaces.findById(m.workspaceId) : null;
    if (workspace) owned.push(workspace);
    else memberOf.push(m.workspaceId);
  }
  return { user, memberships, owned, memberOf };
}

/** Reads the records of one kind within the scope (the export file is written from them). */
export async function collectKind(
  kind: Exclude<DataKindId, 'media'>,
  scope: ExportScope,
  deps: { store: Store; recommendations: RecommendationSource },
): Promise<KindRecords> {
  const { store } = deps;
  const owned = scope.owned.map((w) => w.id);
  const perOwned = async <T>(read: (workspaceId: string) => Promise<T[]>) =>
    (await Promise.all(owned.map(read))).flat();
  switch (kind) {
    case 'account':
      return { account: [scope.user] };
    case 'sessions':
      return { sessions: await store.sessions.listByUser(scope.user.id) };
    case 'memberships':
      return { memberships: scope.memberships };
    case 'workspaces':
      return { workspaces: scope.owned };
    case 'invitations': {
      const sent = await perOwned((id) => store.invitations.listAllByWorkspace(id));
      const received = await store.invitations.listByEmail(scope.user.email);
      // Once accepted, the invitee is a member: named by user id, their address stays out (it is theirs).
      return { sent: sent.map((i) => (i.acceptedAt ? { ...i, email: null } : i)), received };
    }
    case 'connections':
      return {
        connections: await perOwned((id) => all((page) => store.connections.listByWorkspace(id, page))),
      };
    case 'items':
      return { items: await scopedItems(store, scope) };
    case 'versions': {
      const items = await scopedItems(store, scope);
      const versions = await Promise.all(items.map((i) => store.content.listVersions(i.workspaceId, i.id)));
      return { versions: versions.flat() };
    }
    case 'reviews':
      return { reviews: await perOwned((id) => all((page) => store.reviews.list(id, {}, page))) };
    case 'publications':
      return { publications: await perOwned((id) => all((page) => store.publications.list(id, {}, page))) };
    case 'stats': {
      const videos = await perOwned((id) => store.trackedVideos.listAll(id, {}));
      const snapshots = await perOwned((id) =>
        store.snapshots.listForVideos(
          id,
          videos.filter((v) => v.workspaceId === id).map((v) => v.id),
        ),
      );
      return { videos, snapshots };
    }
    case 'recommendations': {
      const views = await Promise.all(
        scope.owned.map(async (w) => ({
          workspaceId: w.id,
          ...(await deps.recommendations.recommendations(ownerContext(scope.user, w.id))),
        })),
      );
      return { recommendations: views };
    }
    case 'audit-events':
      return { events: await perOwned((id) => all((page) => store.audit.list(id, page))) };
    case 'exports':
      return { exports: await store.dataExports.listByUser(scope.user.id) };
  }
}

/** Every item of owned workspaces, and the person's own items of the others. */
async function scopedItems(store: Store, scope: ExportScope): Promise<ContentItem[]> {
  const items: ContentItem[] = [];
  for (const w of scope.owned) items.push(...(await all((page) => store.content.listItems(w.id, {}, page))));
  for (const id of scope.memberOf) {
    const theirs = await all((page) => store.content.listItems(id, {}, page));
    items.push(...theirs.filter((i) => i.createdBy === scope.user.id));
  }
  return items;
}

/** The owner's view of a workspace, for reading what the owner may read (no session: the job acts for them). */
function ownerContext(user: User, workspaceId: string): AuthContext {
  return { sessionId: 'data-export', user, workspaceId, role: 'owner' };
}

/** Follows the cursor to the end. */
async function all<T>(list: (page: PageRequest) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await list({ limit: PAGE, cursor });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}
