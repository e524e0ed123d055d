// What other features show of the step holder's phone page: the home page's line of open emergency steps.
export { IncidentStepsBanner } from './StepsBanner.tsx';
