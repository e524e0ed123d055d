import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Static } from '@sinclair/typebox';
import { LOCATABLE_LEVELS } from '../../shared/org-levels.ts';
import { STAFF_ROLES } from '../../shared/roles.ts';
import { requirePrincipal, type Principal } from '../platform/auth.ts';
import { notFound } from '../platform/errors.ts';
import { actorOf, audit } from '../audit/audit-log.ts';
import { isResidentTeamRole, seesTeamPhones } from '../../domain/org/team-contact.ts';
import { TEAM_EDITORS, teamAccountIneligibility, teamPolicies } from '../../domain/org/team.ts';
import { listTeam, type UnitRow } from './store.ts';
import { findTownOfUnit } from './town-store.ts';
import * as teamStore from './team-store.ts';
import { accountNames } from './staff-candidates-store.ts';
import { IdParams } from './schemas.ts';
import * as s from './team-schemas.ts';
import { presentTeamView } from './team-presenter.ts';
import { unitInReach } from './unit-reach.ts';
import { saveTeam } from './save-team.ts';
import { notAGrid } from './admin-refusals.ts';

/** The grid team ("1+3+N"): read by staff who reach the grid, edited by admins and the community staff of its community. */
export async function teamRoutes(app: FastifyInstance): Promise<void> {
  const townPathOf = async (grid: UnitRow) => (await findTownOfUnit(app.db, grid.id))?.path ?? null;

  const read = async (req: FastifyRequest, grid: UnitRow, withCandidates: boolean) => {
    const p = requirePrincipal(req);
    const unmasked = seesTeamPhones(grid, { roles: p.roles, scopePath: p.scopePath, gridIds: p.grids.map((g) => g.grid_id) });
    const members = await listTeam(app.db, grid.id);
    const policies = LOCATABLE_LEVELS.includes(grid.level) ? teamPolicies(p, grid.path) : [];
    const accounts = members.flatMap((m) => (m.account_id ? [m.account_id] : []));
    const openCases = policies.length > 0 ? await teamStore.openCaseCounts(app.db, grid.id, accounts) : null;
    const townPath = withCandidates && policies.length > 0 ? await townPathOf(grid) : null;
    const candidates = townPath === null ? [] : (await teamStore.listTeamCandidates(app.db, { path: grid.path, townPath }))
      .filter((c) => teamAccountIneligibility({ ...c, disabled: false, scopePath: c.scope_path, departmentDistrictIds: [] }, { path: grid.path, townPath }) === null)
      .map((c) => ({ id: c.id, name: c.name }));
    const view = presentTeamView({ grid, reader: p, members, unmasked, pii: app.pii, policies, openCases, candidates });
    const residents = unmasked ? view.members.filter((m) => m.phone !== null && isResidentTeamRole(m.teamRole)).length : 0;
    // residents' phones (part-time workers, volunteers) shown unmasked: every such read is audited (PIPL)
    if (residents > 0) await audit(app.db, { at: app.clock(), ...actorOf(req), action: 'org.read_team_contact', targetType: 'org_unit', targetId: grid.id, success: true, detail: { members: residents } });
    return view;
  };

  app.get('/api/org-units/:id/team', {
    config: { access: STAFF_ROLES },
    schema: {
      summary: 'The team of a grid',
      tags: ['org'], params: IdParams, querystring: s.TeamQuery, response: { 200: s.TeamView },
      description: 'The grid team ("1+3+N"). Phones are unmasked for dispatchers, community staff and leaders whose scope covers the grid, and for its own team; reads of residents\' phones (part-time workers, volunteers) are audited. Editors also see the open cases each member\'s account holds and, with `candidates=true`, the accounts they may link.',
    },
  }, async (req) => {
    const { id } = req.params as Static<typeof IdParams>;
    return read(req, await unitInReach(app.db, id, requirePrincipal(req)), (req.query as Static<typeof s.TeamQuery>).candidates ?? false);
  });

  app.put('/api/org-units/:id/team', {
    config: { access: TEAM_EDITORS },
    schema: {
      summary: 'Replace a grid\'s team',
      tags: ['org'], params: IdParams, body: s.TeamBody, response: { 200: s.TeamSaved },
      description: 'Replaces a grid\'s team (members in order; an omitted phone or account of an existing member is kept). The grid\'s open cases held by members who leave go to the grid\'s new worker, or stay with them given `handover: { mode: "keep", reason }`; with nobody to take them the change is refused (409, cases listed).',
    },
  }, async (req) => {
    const { id } = req.params as Static<typeof IdParams>;
    const p: Principal = requirePrincipal(req);
    const grid = await unitInReach(app.db, id, p);
    if (teamPolicies(p, grid.path).length === 0) throw notFound('organisation unit');
    const townPath = await townPathOf(grid);
    if (!LOCATABLE_LEVELS.includes(grid.level) || townPath === null) throw notAGrid();
    const command = { scopePath: p.scopePath!, actor: actorOf(req), actorDisplayName: p.name, now: app.clock() };
    const { handover } = await saveTeam(app.db, app.pii, command, { id: grid.id, path: grid.path, townPath }, req.body as Static<typeof s.TeamBody>);
    const to = handover.to === null ? null : { id: handover.to, name: (await accountNames(app.db, [handover.to])).get(handover.to) ?? '' };
    return { ...(await read(req, grid, false)), handover: { ...handover, to } };
  });
}
