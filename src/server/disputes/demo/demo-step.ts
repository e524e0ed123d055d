import type { DemoStep } from '../../platform/capability.ts';

/** Placeholder (H5): the disputes demo history, made through the capability's commands. */
export const demoDisputesStep: DemoStep = { name: 'disputes', run: async () => null };
