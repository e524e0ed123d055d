// What other features say of devices: a duration and a reading's key in words (the alarms' details use them). The
// devices' texts come with them.
import './locales.ts';

export { durationText, keyText } from './parts.tsx';
