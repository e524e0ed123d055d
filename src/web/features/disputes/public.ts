// What other features use of the dispute pages: the tags of a dispute's status, tier and risk (with their texts).
import './locales.ts';

export { StatusTag, TierTag, RiskTag } from './parts.tsx';
