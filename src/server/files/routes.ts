import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Static } from '@sinclair/typebox';
import { PHOTO_LIMITS } from '../../domain/files/image-type.ts';
import { STAFF_ROLES } from '../../shared/roles.ts';
import { requirePrincipal } from '../platform/auth.ts';
import { notFound } from '../platform/errors.ts';
import { publicRateLimit } from '../platform/public-rate-limit.ts';
import { findFile } from './store.ts';
import { photoKey, uploadFile } from './upload-file.ts';
import { FileInfo, HashParams, photoBytes, SignedQuery } from './schemas.ts';

export async function fileRoutes(app: FastifyInstance): Promise<void> {
  for (const type of [...PHOTO_LIMITS.types, 'application/octet-stream']) {
    app.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: PHOTO_LIMITS.maxBytes }, (_req, body, done) => done(null, body));
  }

  const upload = async (req: FastifyRequest, reply: FastifyReply, accountId: string | null) => {
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const file = await uploadFile(app.db, app.blobs, body, accountId);
    const now = app.clock();
    return reply.status(201).send({ ...file, url: app.fileUrls.url(file.hash, 'full', now), thumbUrl: app.fileUrls.url(file.hash, 'thumb', now) });
  };

  app.post('/api/files', {
    config: { access: [...STAFF_ROLES, 'resident'] },
    bodyLimit: PHOTO_LIMITS.maxBytes,
    schema: {
      summary: 'Upload a photo',
      tags: ['files'],
      description: 'Uploads one photo as the raw request body (JPEG, PNG or WebP, at most 10 MB; the type is checked by content). Returns its content hash, to be passed as `photos` to a case, and signed URLs.',
      response: { 201: FileInfo },
    },
  }, async (req, reply) => upload(req, reply, requirePrincipal(req).accountId));

  await app.register(async (publicUploads) => {
    await publicRateLimit(publicUploads, { en: 'photos', zh: '上传照片' });
    publicUploads.post('/api/public/files', {
      // as many photos as the public reports an address may send (10 per 10 minutes), up to 6 each
      config: { access: 'public', rateLimit: { max: 30, timeWindow: '10 minutes' } },
      bodyLimit: PHOTO_LIMITS.maxBytes,
      schema: {
        tags: ['files'], security: [], summary: 'Upload a photo for an anonymous report',
        description: 'A photo for an anonymous 随手拍 (POST /api/public/cases), without an account: the same checks as POST /api/files, rate-limited per address.',
        response: { 201: FileInfo },
      },
    }, async (req, reply) => upload(req, reply, null));
  });

  for (const variant of ['full', 'thumb'] as const) {
    app.get(variant === 'full' ? '/api/files/:hash' : '/api/files/:hash/thumb', {
      config: { access: 'public' },
      schema: {
        tags: ['files'], summary: variant === 'thumb' ? 'A photo\'s thumbnail' : 'A photo', description: 'A photo by signed URL (as handed out with the case).', security: [], params: HashParams, querystring: SignedQuery,
        response: { 200: variant === 'thumb' ? photoBytes(['image/webp']) : photoBytes(PHOTO_LIMITS.types) },
      },
    }, async (req, reply) => {
      const { hash } = req.params as Static<typeof HashParams>;
      const { exp, sig } = req.query as Static<typeof SignedQuery>;
      if (!app.fileUrls.verify(hash, variant, exp, sig, app.clock())) throw notFound('file');
      const file = await findFile(app.db, hash);
      if (!file) throw notFound('file');
      const bytes = await app.blobs.get(photoKey(hash, variant));
      if (!bytes) throw notFound('file');
      return reply
        .type(variant === 'thumb' ? 'image/webp' : file.mime)
        .header('cache-control', 'private, max-age=3600, immutable')
        .header('x-content-type-options', 'nosniff')
        .send(bytes);
    });
  }
}
