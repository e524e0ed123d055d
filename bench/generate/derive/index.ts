import type { GenerateStep } from '../context.ts';
import { openCaseCountsStep } from './open-case-counts.ts';

/** The derived steps (H4): roll-ups filled from the generated history; run last. */
export const deriveSteps: GenerateStep[] = [openCaseCountsStep];
