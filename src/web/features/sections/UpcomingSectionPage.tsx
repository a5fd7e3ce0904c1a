import { Link } from 'react-router-dom';
import { EmptyState } from '../../components/EmptyState.js';
import { PageHeader } from '../../components/PageHeader.js';
import type { Section } from '../shell/sections.js';

/** A section whose feature is not built yet: says honestly what it will do. */
export function UpcomingSectionPage({ section }: { section: Section }) {
  return (
    <>
      <PageHeader title={section.label} />
      {section.upcoming && (
        <EmptyState
          heading={section.upcoming.heading}
          icon={section.icon}
          action={<Link to="/">Back to home</Link>}
        >
          <p>{section.upcoming.text}</p>
        </EmptyState>
      )}
    </>
  );
}
