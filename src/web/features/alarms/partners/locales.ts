// Texts of the partner pages (合作方通知, 平台接入), registered into i18next at module load under `partners`, plus the
// menu labels `nav.partnerWebhooks` and `nav.alertPlatforms`.
import { i18n } from '../../../lib/i18n.ts';

export const partnersZh = {
  webhooks: {
    title: '合作方通知', subtitle: '告警发生或预案启动时，按告警类型和预案事件推送给家庭医生、交警、120、水利等合作方：签名推送、失败自动重试，每次推送记入关爱工单或事件处置记录',
    add: '新增合作方', edit: '编辑', test: '发送测试', log: '推送记录', empty: '尚未设置合作方通知。',
    col: { name: '合作方', town: '镇街', url: '推送地址', types: '告警类型', hazards: '预案事件', active: '状态', last: '最近推送', actions: '操作' },
    active: '启用', inactive: '停用', allTypes: '全部告警', never: '尚未推送',
    hazards: {
      '*': '全部预案事件', forestFire: '森林火情', flood: '河道涨水', geologicalHazard: '地质灾害/危岩', buildingCrack: '楼栋裂缝/堡坎垮塌', heatWave: '高温',
      fire: '火灾', hazmat: '危化品泄漏', publicHealth: '公共卫生', other: '其他',
    },
    form: {
      titleNew: '新增合作方通知', titleEdit: '编辑合作方通知', name: '合作方名称', namePh: '例如：春晖社区卫生服务中心（家庭医生）',
      town: '镇街', url: '推送地址', urlPh: 'https://', urlHint: '只接受以 http 或 https 开头的网址；内网和本机地址会被拒绝。',
      types: '推送哪些告警', typesHint: '可选多个，或选“全部告警”；只接收预案事件的合作方可不选。', active: '启用', rotate: '重新生成签名密钥',
      hazards: '推送哪些预案事件', hazardsHint: '启动、调整级别、解除响应时推送通用预警协议格式的预警信息。可选多个，或选“全部预案事件”。',
      typesOrHazards: '请至少选择一种告警或一类预案事件',
      rotateHint: '旧密钥立即失效，请同步告知合作方。', save: '保存', cancel: '取消', required: '请填写',
    },
    secret: {
      title: '签名密钥（只显示这一次）',
      body: '请把下面的密钥交给合作方，用于核验推送签名。关闭后无法再次查看，遗失只能重新生成。',
      how: '合作方按下面的请求头核验：签名为以密钥对“时间戳.请求体”计算的 HMAC-SHA256（十六进制）；时间戳与当前相差超过 5 分钟应拒收。',
      copy: '复制', copied: '已复制', done: '我已保存',
    },
    tested: { delivered: '测试推送成功（HTTP {{status}}）', failed: '测试推送失败：{{error}}' },
    saved: '已保存', conflict: '该设置已被他人修改，已为您刷新。',
    deliveries: {
      title: '推送记录 · {{name}}', kind: { alarm: '告警', incident: '预案事件', test: '测试' },
      status: { pending: '待重试', delivered: '已送达', failed: '失败' },
      col: { at: '时间', kind: '类型', order: '关爱工单 / 事件编号', status: '结果', attempts: '尝试次数', response: '对方响应', next: '下次重试' },
      empty: '还没有推送记录。', more: '加载更多',
    },
  },
  platforms: {
    title: '平台接入', subtitle: '消防 AI、反诈、企业异常等平台凭各自的接入密钥推送告警，按告警类型生成对应事项的案件',
    add: '接入平台', edit: '编辑', rotate: '更换密钥', empty: '尚未接入任何平台。',
    col: { name: '平台', id: '平台编码', ground: '接入范围', mapping: '类型与事项', active: '状态', alerts: '已收告警', actions: '操作' },
    active: '启用', inactive: '停用', lastAlert: '最近 {{time}}', none: '无',
    form: {
      titleNew: '接入平台', titleEdit: '编辑平台', id: '平台编码', idHint: '小写字母、数字和短横线；平台推送告警时原样填写',
      name: '平台名称', namePh: '例如：消防物联网 AI 平台', ground: '接入范围', groundHint: '告警位置须在该区或镇街内',
      mapping: '告警类型对应事项', type: '告警类型', typePh: '告警类型编码', matter: '事项', addRow: '添加一行', active: '启用',
      save: '保存', cancel: '取消', required: '请填写', idPattern: '只能用小写字母、数字和短横线',
    },
    key: {
      title: '接入密钥（只显示这一次）',
      body: '请把密钥交给平台方，推送时放在下面的请求头中。关闭后无法再次查看，遗失只能更换。',
      example: '推送示例', copy: '复制', copied: '已复制', done: '我已保存',
    },
    rotateConfirm: '更换后旧密钥立即失效，平台须改用新密钥。确定更换？', rotateOk: '更换', cancel: '取消',
    saved: '已保存', conflict: '该平台已被他人修改，已为您刷新。',
  },
};

export const partnersEn: typeof partnersZh = {
  webhooks: {
    title: 'Partner notifications', subtitle: 'Alarms (by type) and incidents (by hazard) are pushed to family doctors, traffic police, 120, the water bureau and other partners: signed, retried on failure, each push on the care order or the incident\'s log',
    add: 'Add partner', edit: 'Edit', test: 'Send test', log: 'Deliveries', empty: 'No partner notifications yet.',
    col: { name: 'Partner', town: 'Town', url: 'URL', types: 'Alarm types', hazards: 'Incidents', active: 'State', last: 'Last delivery', actions: 'Actions' },
    active: 'Active', inactive: 'Stopped', allTypes: 'All alarms', never: 'Never sent',
    hazards: {
      '*': 'All incidents', forestFire: 'Forest fire', flood: 'River flood', geologicalHazard: 'Geological hazard', buildingCrack: 'Building crack / wall collapse', heatWave: 'Heat wave',
      fire: 'Fire', hazmat: 'Hazardous materials', publicHealth: 'Public health', other: 'Other',
    },
    form: {
      titleNew: 'Add partner notification', titleEdit: 'Edit partner notification', name: 'Partner name', namePh: 'e.g. Chunhui community health centre (family doctor)',
      town: 'Town', url: 'URL', urlPh: 'https://', urlHint: 'http(s) only; private and loopback addresses are refused.',
      types: 'Alarms to push', typesHint: 'Pick several, or "All alarms"; a partner taking incidents only may pick none.', active: 'Active', rotate: 'Make a new signing secret',
      hazards: 'Incidents to push', hazardsHint: 'CAP 1.2 alerts (XML and JSON) when a plan starts, changes level or stands down. Pick several, or "All incidents".',
      typesOrHazards: 'Pick at least one alarm type or one hazard',
      rotateHint: 'The old secret stops at once: tell the partner.', save: 'Save', cancel: 'Cancel', required: 'Required',
    },
    secret: {
      title: 'Signing secret (shown only now)',
      body: 'Give this secret to the partner to verify the signatures. It cannot be shown again; if lost, make a new one.',
      how: 'The partner verifies the header below: the signature is the hex HMAC-SHA256 of "timestamp.body" with the secret; refuse a timestamp more than 5 minutes off.',
      copy: 'Copy', copied: 'Copied', done: 'I have saved it',
    },
    tested: { delivered: 'Test delivered (HTTP {{status}})', failed: 'Test failed: {{error}}' },
    saved: 'Saved', conflict: 'Someone else changed it; reloaded.',
    deliveries: {
      title: 'Deliveries · {{name}}', kind: { alarm: 'Alarm', incident: 'Incident', test: 'Test' },
      status: { pending: 'Retrying', delivered: 'Delivered', failed: 'Failed' },
      col: { at: 'Time', kind: 'Kind', order: 'Care order / incident', status: 'Result', attempts: 'Attempts', response: 'Answer', next: 'Next attempt' },
      empty: 'No deliveries yet.', more: 'Load more',
    },
  },
  platforms: {
    title: 'Alert platforms', subtitle: 'Fire AI, anti-fraud and enterprise platforms send alerts with their own API keys; each becomes a case of the matter its type maps to',
    add: 'Register platform', edit: 'Edit', rotate: 'Rotate key', empty: 'No platforms registered.',
    col: { name: 'Platform', id: 'Code', ground: 'Ground', mapping: 'Types and matters', active: 'State', alerts: 'Alerts', actions: 'Actions' },
    active: 'Active', inactive: 'Stopped', lastAlert: 'last {{time}}', none: 'none',
    form: {
      titleNew: 'Register platform', titleEdit: 'Edit platform', id: 'Code', idHint: 'lower-case letters, digits and dashes; the platform sends it as `platform`',
      name: 'Name', namePh: 'e.g. Fire IoT AI platform', ground: 'Ground', groundHint: 'alerts must lie in this district or town',
      mapping: 'Alert types and matters', type: 'Alert type', typePh: 'Alert type code', matter: 'Matter', addRow: 'Add a row', active: 'Active',
      save: 'Save', cancel: 'Cancel', required: 'Required', idPattern: 'Lower-case letters, digits and dashes only',
    },
    key: {
      title: 'API key (shown only now)',
      body: 'Give this key to the platform; it sends it in the header below. It cannot be shown again; if lost, rotate it.',
      example: 'Example', copy: 'Copy', copied: 'Copied', done: 'I have saved it',
    },
    rotateConfirm: 'The old key stops at once and the platform must use the new one. Rotate?', rotateOk: 'Rotate', cancel: 'Cancel',
    saved: 'Saved', conflict: 'Someone else changed it; reloaded.',
  },
};

const navZh = { partnerWebhooks: '合作方通知', alertPlatforms: '平台接入' };
const navEn: typeof navZh = { partnerWebhooks: 'Partner notifications', alertPlatforms: 'Alert platforms' };

i18n.addResourceBundle('zh-CN', 'translation', { partners: partnersZh, nav: navZh }, true, false);
i18n.addResourceBundle('en', 'translation', { partners: partnersEn, nav: navEn }, true, false);
