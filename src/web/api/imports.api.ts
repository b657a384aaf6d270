import type { ImportKind, ImportView } from '../../common/contract/imports.js';
import { api, uploadForm } from './http-client.js';

export type { ImportKind, ImportView };
export type TransferFormat = 'xlsx' | 'csv';

/** Uploads a spreadsheet to import; `onSent` hears how much of the file has gone. */
export function startImport(
  input: { kind: ImportKind; allOrNothing: boolean; file: File },
  onSent?: (share: number) => void,
): Promise<{ id: string; status: string }> {
  const form = new FormData();
  // The fields before the file: the server reads them first.
  form.append('kind', input.kind);
  form.append('allOrNothing', String(input.allOrNothing));
  form.append('file', input.file, input.file.name);
  return uploadForm('/imports', form, (sent, total) => onSent?.(total > 0 ? sent / total : 0));
}

/** One import, its messages in `lang`. */
export const readImport = (id: string, lang: string) => api.get<ImportView>(`/imports/${id}`, { lang });

/** My latest imports, newest first. */
export const myImports = (lang: string) => api.get<{ items: ImportView[] }>('/imports', { lang });

/** Where an import's template downloads. */
export const templateUrl = (kind: ImportKind, format: TransferFormat) =>
  `/api/v1/imports/templates/${kind}?format=${format}`;

/** Where an import's error report downloads, in the reader's language. */
export const reportUrl = (path: string, format: TransferFormat, lang: string) =>
  `${path}?${new URLSearchParams({ format, lang }).toString()}`;

/** Where an export downloads: the caller's scope, or a region within it. */
export function exportUrl(kind: string, format: TransferFormat, regionCode: string | undefined, lang: string): string {
  const q = new URLSearchParams({ format, lang });
  if (regionCode) q.set('regionCode', regionCode);
  return `/api/v1/exports/${kind}?${q.toString()}`;
}

/** React Query keys of imports. */
export const importKeys = {
  mine: (lang: string) => ['imports', 'mine', lang] as const,
  one: (id: string, lang: string) => ['imports', id, lang] as const,
};
