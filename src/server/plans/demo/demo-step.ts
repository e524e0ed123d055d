import type { DemoStep } from '../../platform/capability.ts';

/** placeholder: the demo town's plans, drills and incidents (issue 14, its owner fills it in) */
export const demoPlansStep: DemoStep = { name: 'plans', run: async () => null };
