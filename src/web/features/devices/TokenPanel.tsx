// A device's token, shown once (after registering and after a rotation): the device id and token with copy buttons,
// and ready lines to send a first reading over HTTP (curl) and MQTT (mosquitto_pub) from a terminal.
import { Alert, Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DeviceType } from '../../../shared/devices.ts';

/** A first reading a device of this type would send (the door opening, a heart-rate sample, a smoke event …). */
const SAMPLE: Record<DeviceType, string> = {
  doorMagnet: '"key":"door","value":"open"',
  smokeDetector: '"key":"smoke","value":1',
  wristband: '"key":"heartRate","value":72',
  gasSensor: '"key":"gas","value":1',
  waterLeakSensor: '"key":"water","value":1',
  waterLevelGauge: '"key":"waterLevel","value":2.35',
  camera: '"key":"motion","value":1',
  gateway: '"kind":"keepalive"',
};

/** The shell lines: the time is the terminal's, in epoch milliseconds, so each run is a new reading. */
export function sendLines(o: { origin: string; mqttHost: string; mqttPort: number; deviceId: string; token: string; type: DeviceType }) {
  const payload = `'{"ts":'$(date +%s000)',${SAMPLE[o.type]}}'`;
  return {
    curl: `curl -X POST '${o.origin}/api/devices/${o.deviceId}/readings' -H 'Authorization: Bearer ${o.token}' -H 'Content-Type: application/json' -d ${payload}`,
    mqtt: `mosquitto_pub -h ${o.mqttHost} -p ${o.mqttPort} -q 1 -u '${o.deviceId}' -P '${o.token}' -t 'devices/${o.deviceId}/readings' -m ${payload}`,
  };
}

export function TokenPanel({ deviceId, token, type }: { deviceId: string; token: string | null; type: DeviceType }) {
  const { t } = useTranslation();
  // a retried submission answers without the token: it was shown to the first answer only
  if (!token) return <Alert type="warning" showIcon title={t('devices.token.lost')} data-testid="token-lost" />;
  const lines = sendLines({ origin: window.location.origin, mqttHost: window.location.hostname, mqttPort: 1883, deviceId, token, type });
  const code = (text: string, testId: string) => (
    <Typography.Paragraph copyable={{ text, tooltips: [t('devices.token.copy'), t('devices.token.copied')] }} style={{ marginBottom: 0 }} data-testid={testId}>
      <code style={{ wordBreak: 'break-all' }}>{text}</code>
    </Typography.Paragraph>
  );
  return (
    <div data-testid="token-panel">
      <Alert type="warning" showIcon title={t('devices.token.title')} description={t('devices.token.warn')} style={{ marginBottom: 16 }} />
      <Descriptions size="small" column={1} bordered items={[
        { key: 'id', label: t('devices.token.deviceId'), children: code(deviceId, 'token-device-id') },
        { key: 'token', label: t('devices.token.token'), children: code(token, 'token-value') },
        { key: 'http', label: t('devices.token.http'), children: code(lines.curl, 'token-curl') },
        { key: 'mqtt', label: t('devices.token.mqtt'), children: <>{code(lines.mqtt, 'token-mqtt')}<Typography.Text type="secondary">{t('devices.token.mqttHint')}</Typography.Text></> },
      ]} />
    </div>
  );
}
