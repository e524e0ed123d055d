import { idempotencyKeyOf } from '../platform/idempotency-key.ts';
import type { FastifyInstance } from 'fastify';
import { notFound } from '../platform/errors.ts';
import { CAMPAIGN_PUSHERS, TASK_LIMITS, TASK_OVERSEERS } from '../../shared/tasks.ts';
import * as s from './schemas.ts';
import { presentCampaign } from './presenters.ts';
import { actorOf, createOnce, todayOf, unitPathOf } from './route-helpers.ts';
import { reachOfRequest } from './task-reach.ts';
import { findCampaignIdByKey, listCampaigns } from './campaign-store.ts';
import { pushCampaign } from './push-campaign.ts';

const TAGS = ['tasks'];

export async function campaignRoutes(app: FastifyInstance): Promise<void> {
  app.post('/api/task-campaigns', {
    config: { access: CAMPAIGN_PUSHERS },
    schema: {
      summary: 'Push a publicity campaign to grids', tags: TAGS, body: s.CampaignBody, response: { 201: s.CampaignView },
      description: 'A campaign (政策宣传: 防诈骗, 防汛 …) with its material (file hashes from POST /api/files: 422 PHOTO_UNKNOWN) to the chosen grids of one town in the caller\'s scope (404 outside; 422 TASK_INVALID across towns): one task per grid at once, each given to a present worker of the grid as the daily generation would (which finds them made). Honours Idempotency-Key.',
    },
  }, async (req, reply) => {
    const who = actorOf(app, req);
    const key = idempotencyKeyOf(req);
    const calendar = await app.calendar.current();
    const id = await createOnce(app, key, (tx) => findCampaignIdByKey(tx, who.reach.accountId, key ?? ''),
      (tx) => pushCampaign(tx, who, calendar, req.body as s.CampaignBodyT, key));
    const found = await listCampaigns(app.db, who.reach, { underPath: null, ids: [id], today: todayOf(who.now) }, 1, 0);
    if (!found.rows[0]) throw notFound('campaign');
    return reply.code(201).send(presentCampaign(found.rows[0], { urls: app.fileUrls, now: who.now }));
  });

  app.get('/api/task-campaigns', {
    config: { access: TASK_OVERSEERS },
    schema: {
      summary: 'Publicity campaigns', tags: TAGS, querystring: s.CampaignListQuery, response: { 200: s.CampaignList },
      description: 'Campaigns with a grid in the caller\'s reach (in `orgUnitId` when given: 404 outside the scope), newest first, each with its grids and the done / total / overdue of its tasks the caller reaches.',
    },
  }, async (req) => {
    const reach = reachOfRequest(req);
    const q = req.query as s.CampaignListQueryT;
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? TASK_LIMITS.pageSize;
    const now = app.clock();
    const found = await listCampaigns(app.db, reach, { underPath: await unitPathOf(app.db, reach, q.orgUnitId), today: todayOf(now) }, pageSize, (page - 1) * pageSize);
    return {
      items: found.rows.map((c) => presentCampaign(c, { urls: app.fileUrls, now })), total: found.total, page, pageSize,
      policies: reach.pusher ? ['create' as const] : [],
    };
  });
}
