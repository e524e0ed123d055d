import type { Capability } from './platform/capability.ts';
import { identity } from './identity/capability.ts';
import { audit } from './audit/capability.ts';
import { org } from './org/capability.ts';
import { matters } from './matters/capability.ts';
import { calendar } from './calendar/capability.ts';
import { files } from './files/capability.ts';
import { cases } from './cases/capability.ts';
import { maps } from './maps/capability.ts';
import { registry } from './registry/capability.ts';
import { duties } from './duties/capability.ts';
import { tasks } from './tasks/capability.ts';
import { devices } from './devices/capability.ts';
import { alarms } from './alarms/capability.ts';
import { plans } from './plans/capability.ts';
import { disputes } from './disputes/capability.ts';
import { enforcement } from './enforcement/capability.ts';
import { points } from './points/capability.ts';
import { participation } from './participation/capability.ts';
import { volunteers } from './volunteers/capability.ts';
import { indicators } from './indicators/capability.ts';
import { ratings } from './ratings/capability.ts';
import { rankings } from './rankings/capability.ts';
import { reports } from './reports/capability.ts';
import { analytics } from './analytics/capability.ts';
import { screen } from './screen/capability.ts';

/**
 * Every capability of the server, in the order the app sets them up and registers their routes. A new capability is a
 * folder src/server/<name>/ with a capability.ts, and one line here.
 */
export const CAPABILITIES: readonly Capability[] = [identity, audit, org, matters, calendar, files, cases, maps, registry, duties, tasks, devices, alarms, plans, disputes, enforcement, points, participation, volunteers, indicators, ratings, rankings, reports, analytics, screen];
