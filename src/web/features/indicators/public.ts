// What other features use of the 体征指标 pages: a value in its unit, the light as a dot, months, the catalog.
export { formatValue, LightDot, monthOf, lastMonths } from './parts.tsx';
export { fetchCatalog, type Indicator } from './api.ts';
