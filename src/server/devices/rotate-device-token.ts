import type { Tx } from '../platform/db/db.ts';
import { forbidden, notFound } from '../platform/errors.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { lockDevice, updateDevice } from './device-store.ts';
import { deviceInvalid, newDeviceToken } from './create-device.ts';
import { hashDeviceToken } from './device-auth.ts';
import type { DeviceActor } from './presenters.ts';

/*
 * A new token for a device (the old one leaked, or the first answer was lost): shown once, the old one refused on every
 * node within the authenticator's few seconds. No version: whoever rotates wants the token now.
 */
export async function rotateDeviceToken(tx: Tx, who: DeviceActor, id: string): Promise<string> {
  if (!who.deviceEditor) throw forbidden();
  const d = await lockDevice(tx, who.reach, id);
  if (!d) throw notFound('device');
  if (d.status !== 'active') throw deviceInvalid('A retired device gets no token.', '设备已停用，不能更换令牌。');
  const token = newDeviceToken();
  await updateDevice(tx, id, { token_hash: hashDeviceToken(token) }, who.now);
  await appendAudit(tx, {
    at: who.now, actorId: who.reach.accountId, actorName: who.reach.name, ip: who.ip, action: 'device.rotateToken',
    targetType: 'device', targetId: id, success: true,
  });
  return token;
}
