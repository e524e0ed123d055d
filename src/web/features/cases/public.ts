// What other features may show of the cases pages: the case tiles of the phone home page (我的网格).
export { MobileCasesHome } from './mobile/MobileCasesHome.tsx';
