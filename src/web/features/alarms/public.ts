// What other features show of the alarms: the device page's alarm list, drawer and clear dialog, the dispatcher
// workbench's red strip, the live list, and an alarm's details in words. The alarms' texts come with them.
import './locales.ts';
import './alarms.css';

export { AlarmStrip } from './AlarmStrip.tsx';
export { AlarmTable } from './AlarmTable.tsx';
export { AlarmDrawer } from './AlarmDrawer.tsx';
export { ClearAlarmModal } from './ClearAlarmModal.tsx';
export { useLiveAlarms } from './useLiveAlarms.ts';
export { detailsText } from './parts.tsx';
