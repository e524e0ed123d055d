// What the phone's case pages use of 在部件处上报: the picker of the report form and the thing a case names, with the
// texts (`thingPicker`), registered on import.
import '../locales.ts';

export { ThingPickerMobile } from './ThingPickerMobile.tsx';
export { CaseThingText } from './CaseThingText.tsx';
