// What other features show of the phone's alarm pages: the red banner of active alarms (the home and 今日任务).
export { AlarmBanner } from './AlarmBanner.tsx';
