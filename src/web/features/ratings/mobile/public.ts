// What other features show of the ratings on the phone: the grid worker's 本月星级 card on the home.
export { RatingsHomeTile } from './RatingsHomeTile.tsx';
