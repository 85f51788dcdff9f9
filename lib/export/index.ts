// Export and import of shortlists. Pure functions: the UI turns the strings into downloads and writes the
// records returned by applyImportChoices in one transaction. Format: docs/export-format.md.
export { toJson, buildExportFile, CURRENT_VERSION, FORMAT_NAME, ExportFile } from './json-format';
export type { CurrentExportFile } from './json-format';
export { parseImport } from './import';
export type { ImportData, ImportResult } from './import';
export { MAX_IMPORT_BYTES, checkImportFileSize } from './preflight';
export { toCsv, csvCell, BOM } from './csv';
export { toMarkdown } from './markdown';
export { escapeInline, escapeBlock } from './markdown-escape';
export { exportFileName, localDate } from './filename';
export type { ExportExtension } from './filename';
export { selectForExport, groupItems, readableOnly } from './input';
export { unreadableRecordsJson, RAW_FORMAT_NAME } from './raw';
export type { ExportInput, ItemExtras, ComparisonTable } from './input';
export { DISCLAIMER } from './facts';
export { planImport, applyImportChoices, conflictsNeedingChoice, MissingChoicesError, CHOICES } from './merge';
export type { ImportPlan, ImportChoice, ListConflict, ItemConflict, ShortlistRecords } from './merge';
