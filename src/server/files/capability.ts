import type { Capability } from '../platform/capability.ts';
import { sharedSecret } from '../platform/secrets.ts';
import { FileUrlSigner } from './file-urls.ts';
import { fileRoutes } from './routes.ts';
import { blobStoreOf, type BlobStore } from './blob-store.ts';
import { unusedPhotosJob } from './unused-photos-job.ts';

declare module 'fastify' {
  interface FastifyInstance {
    fileUrls: FileUrlSigner;
    /** where uploads live (a shared directory or an S3 bucket: config.files) */
    blobs: BlobStore;
  }
}

/** Photos: uploads, signed URLs, and removing anonymous uploads no report took. */
export const files: Capability = {
  name: 'files',
  setup: async (app, { db }) => {
    app.decorate('fileUrls', new FileUrlSigner(await sharedSecret(db, 'file-url-signing')));
    app.decorate('blobs', blobStoreOf(app.config));
  },
  routes: [fileRoutes],
  jobs: ({ db, config }) => [unusedPhotosJob(db, blobStoreOf(config))],
};
