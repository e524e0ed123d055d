import type { GenerateStep } from '../context.ts';
import { casesStep } from './cases-step.ts';
import { pointsStep } from './points-step.ts';
import { tasksStep } from './tasks-step.ts';
import { disputesStep } from './disputes-step.ts';

/** The history steps (H2): cases with their timelines, tasks and visits, disputes, points; run after the ground. */
export const historySteps: GenerateStep[] = [casesStep, tasksStep, disputesStep, pointsStep];
