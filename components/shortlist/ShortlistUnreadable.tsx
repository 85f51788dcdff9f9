import { useState } from 'preact/hooks';
import { MEDIA_TYPES, downloadText } from '@/lib/download';
import { localDate, unreadableRecordsJson } from '@/lib/export';
import type { UnreadableRecord } from '@/lib/shortlist';

/**
 * Saved records that could not be read (damaged, or written by a bug) are set aside, never deleted: this
 * says so in plain words and offers them as they are stored, in a file the user can keep or send.
 */
export function ShortlistUnreadable({ records }: { records: readonly UnreadableRecord[] }) {
  const [failed, setFailed] = useState(false);
  const [done, setDone] = useState(false);
  if (records.length === 0) return null;
  const n = records.length;
  const download = () => {
    try {
      const now = new Date();
      downloadText(unreadableRecordsJson(records, now), `clinic-scout-set-aside-${localDate(now)}.json`, MEDIA_TYPES.json);
      setFailed(false);
      setDone(true);
    } catch {
      setFailed(true);
    }
  };
  return (
    <div class="notice notice--warn sl-unreadable" role="status">
      <p>
        {n === 1 ? '1 saved record could not be read and is set aside.' : `${n.toLocaleString('en-US')} saved records could not be read and are set aside.`}{' '}
        Your other clinics are shown.
      </p>
      <p>Nothing was deleted. You can download {n === 1 ? 'it' : 'them'} exactly as stored, to keep or to send for repair.</p>
      <button type="button" class="button button--secondary sl-small" onClick={download}>
        Download the set-aside {n === 1 ? 'record' : 'records'}
      </button>
      {done && !failed && <p class="sl-hint">Downloaded as a JSON file. It is not a backup that can be imported.</p>}
      {failed && (
        <p class="sl-field__error" role="alert">
          Your browser did not make the file. Please try again.
        </p>
      )}
    </div>
  );
}
