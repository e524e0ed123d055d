// A photo picked on the phone: uploaded at once when there is a network; without one its bytes stay on the phone under
// a local name (`local:…`), shown from a blob URL, and go to the outbox with the write that names them.
import { ApiError } from '../../../lib/api.ts';
import { uploadPhoto, type UploadedFile } from '../../cases/api.ts';
import { keepLocalPhoto } from './outbox.ts';

export async function uploadOrKeep(blob: Blob, signal?: AbortSignal): Promise<UploadedFile> {
  if (navigator.onLine) {
    try {
      return await uploadPhoto(blob, signal);
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 0) throw e; // a refusal (too large, not an image) is the user's to see
    }
  }
  const url = URL.createObjectURL(blob);
  return { hash: keepLocalPhoto(blob), mime: blob.type || 'image/jpeg', bytes: blob.size, width: null, height: null, url, thumbUrl: url };
}
