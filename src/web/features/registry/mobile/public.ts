// What other features show of the phone registry look-up: its entry on the phone home (台账查询).
export { RegistryHomeTile } from './RegistryHomeTile.tsx';
// the tag colours, for the task list's chips (照单履职)
export { tagColor } from './tags.ts';
