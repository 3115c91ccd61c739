import { useEffect, useState } from 'react';

export type Route =
  | { name: 'catalogue' }
  | { name: 'tour'; tourId: string }
  | { name: 'walk'; tourId: string; stopId: string | null };

/** Hash routes, so the static host needs no rewrite rules and the SW one navigation route. */
export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'tour' && parts[1]) return { name: 'tour', tourId: parts[1] };
  if (parts[0] === 'walk' && parts[1]) {
    return { name: 'walk', tourId: parts[1], stopId: parts[2] === 'stop' && parts[3] ? parts[3] : null };
  }
  return { name: 'catalogue' };
}

export function href(route: Route): string {
  switch (route.name) {
    case 'catalogue':
      return '#/';
    case 'tour':
      return `#/tour/${encodeURIComponent(route.tourId)}`;
    case 'walk':
      return `#/walk/${encodeURIComponent(route.tourId)}${route.stopId ? `/stop/${encodeURIComponent(route.stopId)}` : ''}`;
  }
}

export function navigate(route: Route): void {
  window.location.hash = href(route);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const on = (): void => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
}
