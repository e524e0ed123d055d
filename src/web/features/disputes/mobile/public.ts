// What other features show of the phone dispute pages: the entry on the phone home (矛盾纠纷 / 我的纠纷).
export { DisputesHomeTile } from './DisputesHomeTile.tsx';
