import { DATA_KINDS } from '../../domain/privacy/data-kinds.js';
import { EXPORT_FILES } from './export-fields.js';

/** The README.md at the root of every export: what each file is and what each field means, from EXPORT_FILES. */
export function exportReadme(person: { email: string }, madeAt: string): string {
  const lines = [
    '# Your AI Factory data',
    '',
    `A copy of everything AI Factory keeps about ${person.email} and the workspaces they own, made ${madeAt}.`,
    '',
    'Each kind of record is one JSON file, present even when empty. A file is one JSON object whose keys are its',
    'sections; each section is a list of records. Dates are UTC (ISO 8601); ids are opaque strings. In workspaces',
    'you do not own, only your membership and the items you created (with their versions) are included. Other',
    'people appear by user id only, never by email. Access and refresh tokens are never included, only masked.',
    '',
    '`media/` holds the media files of the workspaces you own, as stored (`media/workspaces/<workspace id>/…`).',
    '',
  ];
  for (const kind of DATA_KINDS) {
    lines.push(`## ${kind.id}.json`, '', `${kind.title}.`, '');
    for (const [name, section] of Object.entries(EXPORT_FILES[kind.id])) {
      lines.push(`### Section \`${name}\``, '', `${section.about}.`, '', '| Field | Meaning |', '|---|---|');
      for (const [field, meaning] of Object.entries(section.fields))
        lines.push(`| \`${field}\` | ${meaning} |`);
      lines.push('');
    }
  }
  return lines.join('\n');
}
