// What other features may show of the cases pages: the case tiles of the phone home page (我的网格); the phone page
// frame, its cards and the position field with its map (resident registration).
export { MobileCasesHome } from './mobile/MobileCasesHome.tsx';
export { Card, MobilePage } from './mobile/ui.tsx';
export { PositionField } from './mobile/fields.tsx';
// for the grid worker's task pages (照单履职): the category picker of a visit's finding, the phone's position, photos
export { CategoryPicker, type CategoryOption } from './mobile/fields.tsx';
export { lastPosition, useGeolocation, type GeoState } from './mobile/useGeolocation.ts';
export { uploadForUploader } from './mobile/photos.ts';
export { formatTime } from './mobile/ui.tsx';
export { fetchMatters, uploadPhoto, type LngLat } from './api.ts';
// the case drawer, for pages that link a case (三事分流's public matters)
export { CaseDrawer } from './desktop/CaseDrawer.tsx';
