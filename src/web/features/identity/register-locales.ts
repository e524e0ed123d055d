// Texts of resident self-registration (居民注册) and its link on the sign-in page, registered into i18next at module
// load under the `register` key.
import { i18n } from '../../lib/i18n.ts';

export const registerZh = {
  title: '居民注册',
  intro: '用手机号注册，登记家庭住址后即归属所在网格，上报事件默认定位到您的网格。',
  linkFromLogin: '居民注册',
  signInHint: '居民可用注册的手机号登录',
  phone: { title: '手机号', placeholder: '11 位手机号码', invalid: '请输入正确的 11 位手机号码', code: '验证码', codePlaceholder: '6 位验证码',
    send: '获取验证码', resend: '{{s}} 秒后重发', sent: '验证码已发送至 {{phone}}，10 分钟内有效' },
  person: { title: '姓名与密码', name: '姓名', namePlaceholder: '真实姓名', password: '密码', passwordPlaceholder: '至少 8 位，含字母、数字、符号中的两种',
    confirm: '确认密码', confirmPlaceholder: '再输入一次密码', mismatch: '两次输入的密码不一致',
    TOO_SHORT: '密码至少 8 位', TOO_LONG: '密码不能超过 128 位', TOO_SIMPLE: '密码须包含字母、数字、符号中的至少两种' },
  home: { title: '家庭住址', search: '搜索街道、社区或网格名称', noMatch: '没有找到匹配的网格', pinHint: '在地图上点击或拖动红色标记到您家的位置',
    grid: '所在网格', none: '请搜索并选择网格，或在地图上标出住址', outside: '标记位置不在任何网格内', address: '详细地址', addressPlaceholder: '楼栋、单元、门牌号' },
  submit: '注册并登录',
  required: '请填写：{{fields}}',
  haveAccount: '已有账号？去登录',
};

export const registerEn: typeof registerZh = {
  title: 'Resident registration',
  intro: 'Register with your mobile number; your home address places you in your grid, and your reports start on its map.',
  linkFromLogin: 'Register as a resident',
  signInHint: 'Residents sign in with their registered mobile number',
  phone: { title: 'Mobile number', placeholder: '11-digit mobile number', invalid: 'Enter a valid 11-digit mobile number', code: 'Code', codePlaceholder: '6-digit code',
    send: 'Send code', resend: 'Resend in {{s}} s', sent: 'Code sent to {{phone}}, valid for 10 minutes' },
  person: { title: 'Name and password', name: 'Name', namePlaceholder: 'Your full name', password: 'Password', passwordPlaceholder: 'At least 8 characters of two kinds',
    confirm: 'Confirm password', confirmPlaceholder: 'Enter the password again', mismatch: 'The passwords differ',
    TOO_SHORT: 'At least 8 characters', TOO_LONG: 'At most 128 characters', TOO_SIMPLE: 'Mix at least two of letters, digits and other characters' },
  home: { title: 'Home address', search: 'Search a street, community or grid', noMatch: 'No grid matches', pinHint: 'Tap the map or drag the red pin to your home',
    grid: 'Your grid', none: 'Search and pick your grid, or put your home on the map', outside: 'The pin lies outside every grid', address: 'Address',
    addressPlaceholder: 'Building, unit, room' },
  submit: 'Register and sign in',
  required: 'Please fill in: {{fields}}',
  haveAccount: 'Have an account? Sign in',
};

i18n.addResourceBundle('zh-CN', 'translation', { register: registerZh }, true, false);
i18n.addResourceBundle('en', 'translation', { register: registerEn }, true, false);
