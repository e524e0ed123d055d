// What other features show of the incidents: the dispatcher workbench's strip of active incidents. Its texts come with it.
import './locales.ts';
import './incidents.css';

export { ActiveIncidentsStrip } from './ActiveIncidentsStrip.tsx';
