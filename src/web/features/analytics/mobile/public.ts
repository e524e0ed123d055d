// What other features show of the circle projects' phone pages: their tile on the phone home.
export { ProjectsHomeTile } from './HomeTile.tsx';
