// What other features show of the leaders' phone screen: its tile on the phone home.
export { ScreenHomeTile } from './HomeTile.tsx';
