import type { FastifyInstance } from 'fastify';
import { notFound } from '../platform/errors.ts';
import { DUTY_EDITORS, DUTY_READERS } from '../../shared/duties.ts';
import { RHYTHM_KINDS } from '../../domain/duties/standing-duty-edit.ts';
import { loadStandingDuties } from '../tasks/standing-duties-store.ts';
import type { Tx } from '../platform/db/db.ts';
import type { TownRow } from '../org/town-store.ts';
import { dutyActorOf, editsTown, resolveDutyTown, townsOf, type DutyActor } from './duty-reach.ts';
import { saveStandingDuties } from './standing-duties-save.ts';
import { standingDutiesVersion } from './standing-duties-store.ts';
import * as s from './schemas.ts';

async function read(tx: Tx, a: DutyActor, town: TownRow): Promise<s.StandingDutiesT> {
  const version = await standingDutiesVersion(tx, town.id);
  const duties = await loadStandingDuties(tx, town.id);
  return {
    town: { id: town.id, name: town.name }, towns: (await townsOf(tx, a)).map((x) => ({ id: x.id, name: x.name })), own: version > 0, version,
    duties: duties.map((d) => ({ ...d, rhythm: RHYTHM_KINDS.includes(d.kind) })),
    policies: editsTown(a, town) ? ['edit'] : [],
  };
}

/** A town's standing duties ("6+1"), which the daily task generation works by: read by the catalogs' readers, edited by the town's office. */
export async function standingDutyRoutes(app: FastifyInstance): Promise<void> {
  app.get('/api/standing-duties', {
    config: { access: DUTY_READERS },
    schema: {
      summary: 'A town\'s standing duties', tags: ['duties'], querystring: s.StandingDutiesQuery, response: { 200: s.StandingDuties },
      description: 'The standing duties D1…D7 the town\'s daily task generation works by: its own edit, or the platform\'s until it makes one. `orgUnitId`: any unit in the caller\'s scope; outside 404.',
    },
  }, async (req) => {
    const a = await dutyActorOf(app, req);
    return read(app.db, a, await resolveDutyTown(app.db, a, (req.query as { orgUnitId?: string }).orgUnitId, { firstTown: true }));
  });

  app.put('/api/standing-duties', {
    config: { access: DUTY_EDITORS },
    schema: {
      summary: 'Save a town\'s standing duties', tags: ['duties'], body: s.StandingDutiesBody, response: { 200: s.StandingDuties },
      description: 'Replaces the town\'s standing duties with an edit of the whole list: D1…D7 each once (kind and code fixed; name, description, how often, deadline, on/off the town\'s), read at `version` (409 when saved by someone else since); 422 DUTY_INVALID otherwise.',
    },
  }, async (req) => {
    const a = await dutyActorOf(app, req);
    const body = req.body as s.StandingDutiesBodyT;
    const town = await resolveDutyTown(app.db, a, body.orgUnitId);
    if (!editsTown(a, town)) throw notFound('town');
    await app.db.transaction((tx) => saveStandingDuties(tx, a, town, body.version, body.duties));
    return read(app.db, a, town);
  });
}
