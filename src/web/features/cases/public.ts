// What other features may show of the cases pages: the case tiles of the phone home page (我的网格); the phone page
// frame, its cards and the position field with its map (resident registration).
export { MobileCasesHome } from './mobile/MobileCasesHome.tsx';
export { Card, MobilePage } from './mobile/ui.tsx';
export { PositionField } from './mobile/fields.tsx';
