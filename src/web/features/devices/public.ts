// What other features say of devices: a duration and a reading's key in words (the alarms' details use them), a
// device's state and battery, and the household file's list of its care devices. The devices' texts come with them.
import './locales.ts';

export { Battery, durationText, keyText, StateTag } from './parts.tsx';
export { HouseholdDevices } from './HouseholdDevices.tsx';
