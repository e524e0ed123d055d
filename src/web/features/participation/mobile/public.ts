// What other features show of the resident's phone pages of 共建共治: the section of tiles on the phone home.
export { ParticipationHomeTiles } from './HomeTiles.tsx';
