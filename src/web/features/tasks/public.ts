// What other features show of the grid worker's task app (照单履职): its tile on the phone home, the visits of a
// household file, and the offline queue a case report falls back to without a network.
export { TasksHomeTile } from './mobile/TasksHomeTile.tsx';
export { HouseholdVisits } from './mobile/HouseholdVisits.tsx';
export { PendingBanner } from './mobile/PendingBanner.tsx';
export { queueReport, reportMustWait } from './offline/report.ts';
export { uploadOrKeep } from './offline/photos.ts';
export { ReportQueued } from './mobile/ReportQueued.tsx';
