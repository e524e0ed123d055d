// What the desktop case pages share with other features: the case drawer (open a case by its id where it is named,
// e.g. a household file's cases) and the status tag.
export { CaseDrawer } from './CaseDrawer.tsx';
export { StatusTag } from './tags.tsx';
