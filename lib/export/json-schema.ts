// The published JSON Schema of the export file (docs/export-format.schema.json), generated from the zod
// schemas so the two cannot disagree. Written by scripts/export-schema.ts; a unit test checks it is current.
import { z } from '../zod';
import { ExportFile } from './json-format';

export function exportJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(ExportFile, { io: 'input', target: 'draft-2020-12' });
  return {
    $schema: generated.$schema,
    title: 'Clinic Scout shortlist export',
    description:
      'A backup or share file of Clinic Scout shortlists (see docs/export-format.md). Every version ever written stays ' +
      'importable; `version` selects the schema. Beyond this schema, import also rejects: files over 20 MB, nesting deeper ' +
      'than 64 levels, any key named __proto__, constructor or prototype, duplicate ids, and items whose shortlistId is not in the file.',
    ...Object.fromEntries(Object.entries(generated).filter(([k]) => k !== '$schema')),
  };
}
