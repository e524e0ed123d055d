// What other features may show of the org pages: who keeps the command center's watch now (the workbench's head).
export { OnDutyNow } from './OnDutyNow.tsx';
