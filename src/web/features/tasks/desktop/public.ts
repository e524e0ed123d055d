// What other desktop pages use of the oversight pages: the household file's 走访记录.
export { HouseholdVisits } from './HouseholdVisits.tsx';
