/** The panel's views, addressed by the URL hash so the full-page view can be linked and reloaded. */
export type Route =
  | { view: 'site' }
  | { view: 'provider'; id: string }
  | { view: 'browse' }
  | { view: 'shortlist' }
  | { view: 'compare'; ids: string[] };

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
    default:
      return `#/${route.view}`;
  }
}
