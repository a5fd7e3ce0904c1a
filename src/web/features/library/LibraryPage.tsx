import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Field } from '../../components/Field.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useMe } from '../../session/sessionContext.js';
import { SelectField } from '../create/FormControls.js';
import { itemStatusLabels, itemStatuses } from './itemStatus.js';
import type { ItemStatus } from './libraryApi.js';
import { LibraryResults } from './LibraryResults.js';
import { LibraryViewsNav } from './LibraryViewsNav.js';
import { useDebouncedValue } from './useDebouncedValue.js';

const SEARCH_PAUSE_MS = 300;

export function LibraryPage() {
  const me = useMe();
  const canCreate = me.role === 'owner' || me.role === 'editor';
  const [status, setStatus] = useState<ItemStatus | ''>('');
  const [searchText, setSearchText] = useState('');
  const search = useDebouncedValue(searchText.trim(), SEARCH_PAUSE_MS);

  function clearFilters() {
    setStatus('');
    setSearchText('');
  }

  return (
    <>
      <LibraryViewsNav />
      <PageHeader
        title="Library"
        description="Every video made in this workspace, newest first. Open one to watch it, edit it or check it against the platform rules."
      />
      <div className="stack-large">
        <div className="library-toolbar">
          <form role="search" className="library-filters" onSubmit={(event) => event.preventDefault()}>
            <Field
              label="Search titles"
              type="search"
              name="search"
              value={searchText}
              autoComplete="off"
              onChange={(event) => setSearchText(event.target.value)}
            />
            <SelectField
              label="Status"
              name="status"
              value={status}
              onChange={(event) => setStatus(event.target.value as ItemStatus | '')}
            >
              <option value="">All statuses</option>
              {itemStatuses.map((value) => (
                <option key={value} value={value}>
                  {itemStatusLabels[value]}
                </option>
              ))}
            </SelectField>
          </form>
          {canCreate && (
            <Link to="/create" className="button button-primary">
              Create a video
            </Link>
          )}
        </div>
        <LibraryResults
          key={`${status}|${search}`}
          filter={{ status, search }}
          canCreate={canCreate}
          onClearFilters={clearFilters}
        />
      </div>
    </>
  );
}
