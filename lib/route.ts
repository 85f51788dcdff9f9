/** The panel's views, addressed by the URL hash so the full-page view can be linked and reloaded. */
export type Route =
  | { view: 'site' }
  | { view: 'provider'; id: string }
  | { view: 'browse' }
  | { view: 'shortlist' }
  | { view: 'compare'; ids: string[] }
  /** A print-friendly page of one list, or of all lists (listId null). List ids are data: encoded in the hash. */
  | { view: 'print'; listId: string | null };

const ID = /^[a-z0-9-]{1,100}$/;

export function parseRoute(hash: string): Route {
  const [view = '', arg = ''] = hash.replace(/^#\/?/, '').split('/');
  switch (view) {
    case 'provider':
      return ID.test(arg) ? { view: 'provider', id: arg } : { view: 'site' };
    case 'browse':
      return { view: 'browse' };
    case 'shortlist':
      return { view: 'shortlist' };
    case 'compare':
      return { view: 'compare', ids: arg.split(',').filter((id) => ID.test(id)).slice(0, 4) };
    case 'print':
      return { view: 'print', listId: printListId(hash) };
    default:
      return { view: 'site' };
  }
}

export function routeHash(route: Route): string {
  switch (route.view) {
    case 'provider':
      return `#/provider/${route.id}`;
    case 'compare':
      return `#/compare/${route.ids.join(',')}`;
    case 'print':
      return route.listId === null ? '#/print' : `#/print/${encodeURIComponent(route.listId)}`;
    default:
      return `#/${route.view}`;
  }
}

/** The list id after "#/print/" (percent-decoded; ids may hold any character), or null for all lists. */
function printListId(hash: string): string | null {
  const raw = hash.replace(/^#\/?print\/?/, '');
  if (raw === '') return null;
  try {
    const id = decodeURIComponent(raw);
    return id.length > 0 && id.length <= 100 ? id : null;
  } catch {
    return null;
  }
}
