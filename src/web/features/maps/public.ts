// What other features use of the maps: the look of the configured basemap, the area a report's map opens on, and
// the place search (phone and desk).
export { useMapLook } from './useMapLook.ts';
export { usePlaceArea, usePlaceSearch } from './usePlace.ts';
export { PlaceSearchMobile } from './PlaceSearchMobile.tsx';
export { PlaceSearchDesktop } from './PlaceSearchDesktop.tsx';
export { PointPickerModal, type LngLat } from './PointPickerModal.tsx';
