// What other features show of enforcement: the line on a loop case (立案执法, or the link to its enforcement case), and
// the hook behind it for the phone's case page. Their texts come with them.
import './locales.ts';

export { LoopCaseEnforcement, useLoopEnforcement, type LoopEnforcement } from './LoopCaseEnforcement.tsx';
