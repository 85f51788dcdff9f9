// Saves text as a file from an extension page: a Blob, an object URL and a click on <a download>.
// No `downloads` permission: the browser's ordinary download handling (and its "Save as" setting) applies.

export const MEDIA_TYPES = {
  csv: 'text/csv;charset=utf-8',
  json: 'application/json',
  md: 'text/markdown;charset=utf-8',
} as const;

/** How long the object URL stays valid after the click (the page unloading revokes it too). */
export const REVOKE_AFTER_MS = 60_000;

/**
 * Starts the download of `text` (encoded as UTF-8) as `fileName`. Throws if the browser refuses to make
 * the file (the caller shows a message); the URL is always revoked.
 */
export function downloadText(text: string, fileName: string, type: string, doc: Document = document): void {
  const blob = new Blob([text], { type });
  const url = URL.createObjectURL(blob);
  let clicked = false;
  try {
    const a = doc.createElement('a');
    a.href = url;
    a.download = fileName;
    a.rel = 'noopener';
    a.hidden = true;
    doc.body.append(a);
    try {
      a.click();
      clicked = true;
    } finally {
      a.remove();
    }
  } finally {
    // Revoking at once can cancel the download in some browsers; later is safe.
    if (clicked) setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
    else URL.revokeObjectURL(url);
  }
}
