import type { ComponentType } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader.js';
import { useMe } from '../../session/sessionContext.js';
import { BriefForm } from './BriefForm.js';
import { CreateTabs, panelId, tabId, type Tab } from './CreateTabs.js';
import { RecommendedSeriesForm } from '../recommendations/RecommendedSeriesForm.js';
import { RecentDrafts } from './RecentDrafts.js';
import { SeriesForm } from './SeriesForm.js';
import { UploadVideoForm } from './UploadVideoForm.js';

type Mode = 'single' | 'series' | 'recommended' | 'upload';

const tabs: readonly Tab<Mode>[] = [
  { id: 'single', label: 'One video' },
  { id: 'series', label: 'Series from CSV' },
  { id: 'recommended', label: 'Recommended series' },
  { id: 'upload', label: 'Upload a video' },
];

const panels: Record<Mode, ComponentType> = {
  single: BriefForm,
  series: SeriesForm,
  recommended: RecommendedSeriesForm,
  upload: UploadVideoForm,
};

function modeOf(param: string | null): Mode {
  return tabs.find((tab) => tab.id === param)?.id ?? 'single';
}

export function CreatePage() {
  const me = useMe();
  // Mirrors the server's content.create permission; the server checks it again.
  const canCreate = me.role === 'owner' || me.role === 'editor';
  // The tab lives in the address (?mode=series), so a link or a reload opens the same one.
  const [params, setParams] = useSearchParams();
  const mode = modeOf(params.get('mode'));
  const Panel = panels[mode];

  return (
    <>
      <PageHeader
        title="Create"
        description="Describe an idea and get a short vertical video to review: script, voice-over, captions, cover, and a caption or title for each platform. Or upload a video you already have: it is checked against each platform’s rules and goes to review like the others."
      />
      <div className="stack-large">
        {canCreate ? (
          <div className="create-area">
            <CreateTabs
              label="What to create"
              tabs={tabs}
              selected={mode}
              onSelect={(next) => setParams(next === 'single' ? {} : { mode: next }, { replace: true })}
            />
            <div role="tabpanel" id={panelId(mode)} aria-labelledby={tabId(mode)} className="tab-panel">
              <Panel />
            </div>
          </div>
        ) : (
          <p className="panel">
            Only owners and editors can create videos. You can watch the ones made so far in the{' '}
            <Link to="/library">Library</Link>.
          </p>
        )}
        <RecentDrafts />
      </div>
    </>
  );
}
