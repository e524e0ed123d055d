// English texts; the same keys as zh-CN.
import type { Messages } from './zh-CN.ts';

export const en: Messages = {
  app: { name: 'Zhizhi', fullName: 'Grassroots Governance', slogan: 'One center, four boards, one grid network' },
  common: { pageFailed: 'Something went wrong on this page', pageFailedHint: 'Reload the page; if it keeps failing, contact your administrator.', reload: 'Reload', loading: 'Loading…', retry: 'Retry', empty: 'No data', close: 'Close', people: 'people', households: 'households', language: 'Language' },
  login: {
    title: 'Sign in', subtitle: 'For governance staff and residents', username: 'Username', password: 'Password', submit: 'Sign in',
    usernameRequired: 'Enter your username', passwordRequired: 'Enter your password', publicReport: 'Report without signing in', track: 'Track a case',
    demoTitle: 'Demo accounts', demoHint: 'Demo accounts (password <id>{{password}}</id>), click to fill in:',
  },
  shell: { logout: 'Sign out', scope: 'Scope', noScope: 'No scope', collapse: 'Collapse menu' },
  nav: { orgMap: 'Grid map', boards: 'Boards & posts', dutyRoster: 'Duty roster', mobileHome: 'My grid' },
  roles: {
    admin: 'Administrator', leader: 'Leader', dispatcher: 'Dispatcher', handler: 'Post holder', department: 'Department',
    communityStaff: 'Community staff', gridWorker: 'Grid worker', auditor: 'Auditor', securityAdmin: 'Security administrator', resident: 'Resident',
  },
  levels: { city: 'City', district: 'District', town: 'Town', community: 'Community', grid: 'Grid', microGrid: 'Micro-grid', dedicatedGrid: 'Dedicated grid' },
  kinds: { school: 'School', park: 'Park', hospital: 'Hospital', market: 'Market', enterprise: 'Enterprise', community: 'Community', village: 'Village' },
  teamRoles: { gridLeader: 'Grid leader', fullTime: 'Full-time grid worker', partTime: 'Part-time grid worker', instructor: 'Grid instructor', volunteer: 'Volunteer' },
  org: {
    treeTitle: 'Organisation', searchTree: 'Search grids or communities', mapTitle: 'Grid map', legend: 'Legend', communityBorder: 'Community border',
    dedicated: 'Dedicated grid', selectedGrid: 'Selected grid', noFeatures: 'No grid boundaries in this scope yet', fit: 'Fit',
    gridCount: '{{count}} grids', code: 'Code', level: 'Level', population: 'Population', households: 'Households', parent: 'Part of',
    team: 'Grid team (1+3+N)', noTeam: 'No team members recorded for this grid', microGrids: '{{count}} micro-grids', children: '{{count}} sub-units',
    tabMap: 'Grid map', tabBoards: '{{name}} · boards', callPhone: 'Call',
    noScope: 'Your account has no scope, so the organisation cannot be shown.',
  },
  boards: {
    title: 'Command center & four boards', subtitle: 'Posts and their A/B holders', commandCenter: 'Command center', board: 'Board',
    post: 'Post', holderA: 'A holder', holderB: 'B holder', holderBackup: 'Back-up', special: 'Special', vacant: 'Vacant', chooseTown: 'Choose a town',
    posts: '{{count}} posts', noBoards: 'No boards or posts set up for this town', pickTown: 'Choose a town to see its command center and boards',
    mine: 'My posts',
  },
  mobile: {
    hello: 'Hello, {{name}}', profile: 'My details', myGrid: 'My grid', homeGrid: 'Home grid', homeGridRegistered: 'Registered',
team: 'Grid team', noGrid: 'Your account is not linked to a grid yet; please ask your community staff.',
    role: 'Team role', desktopOnly: 'More features are available on the desktop.',
  },
};
