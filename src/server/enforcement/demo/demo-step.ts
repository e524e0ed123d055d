import type { DemoStep } from '../../platform/capability.ts';

/** Placeholder (H5): the enforcement demo history, made through the capability's commands. */
export const demoEnforcementStep: DemoStep = { name: 'enforcement', run: async () => null };
