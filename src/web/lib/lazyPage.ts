// A route whose page is fetched when first visited: each page (and what only it uses, such as the map library)
// becomes its own chunk, so the login page and the phone pages do not download the desktop workbench.
import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';

export function lazyPage<M extends Record<string, unknown>>(load: () => Promise<M>, exportName: keyof M & string): RouteObject['lazy'] {
  return async () => ({ Component: (await load())[exportName] as ComponentType });
}
