// What other features' resident phone pages use of participation's: the resident page frame (title bar with a named
// 返回 and the 大字 switch) and its loading, failure and empty states.
export { dayTime, Empty, Failed, Loading, ResidentPage } from './mobile/parts.tsx';
