// Routes live in the URL's fragment (#/queue, #/prospects/<id>): one page served at /, and a
// link's token (#/accept?token=...) never reaches a server log or a Referer header.
import { useEffect, useState } from 'react';

export type Route = { path: string[]; query: URLSearchParams };

const parse = (): Route => {
  const [path = '', query = ''] = window.location.hash.replace(/^#\/?/, '').split('?');
  return { path: path.split('/').filter(Boolean), query: new URLSearchParams(query) };
};

export function useRoute(): Route {
  const [route, setRoute] = useState(parse);
  useEffect(() => {
    const onChange = () => setRoute(parse());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

export const go = (hash: string) => {
  window.location.hash = hash;
};
