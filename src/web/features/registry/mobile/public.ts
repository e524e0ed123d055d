// What other features show of the phone registry look-up: its entry on the phone home (台账查询).
export { RegistryHomeTile } from './RegistryHomeTile.tsx';
