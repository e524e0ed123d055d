// What other features show of the officer's phone pages: the line on the phone's case page (立案执法 / its case).
import '../locales.ts';

export { MobileLoopEnforcement } from './LoopCaseButton.tsx';
export { EnforcementHomeTile } from './HomeTile.tsx';
