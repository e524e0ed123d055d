import type { DemoStep } from '../../platform/capability.ts';

// filled in by its owner (issue 13)
export const demoDevicesStep: DemoStep = { name: 'devices', run: async () => null };
