import { assembleApp, type App, type AppDeps } from './platform/app.ts';
import { CAPABILITIES } from './capabilities.ts';

export type { App, AppDeps };

/** The whole server app: the platform with every capability on it. */
export function buildApp(deps: AppDeps): Promise<App> {
  return assembleApp(deps, CAPABILITIES);
}
