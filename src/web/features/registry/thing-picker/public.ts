// What the desktop case pages use of 在部件处上报: the intake's picker, the thing a case names in the drawer, and the
// texts (`thingPicker`), registered on import. The phone's are in mobile/public.ts.
import './locales.ts';

export { ThingPicker } from './ThingPicker.tsx';
export { CaseThingLink } from './CaseThingLink.tsx';
