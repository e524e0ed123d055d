/** Names and codes of the generated city: Chongqing's 38 districts and counties with their 统计用区划代码, made-up towns and communities. */

export const DISTRICTS: readonly (readonly [code: string, name: string])[] = [
  ['500101', '万州区'], ['500102', '涪陵区'], ['500103', '渝中区'], ['500104', '大渡口区'], ['500105', '江北区'], ['500106', '沙坪坝区'],
  ['500107', '九龙坡区'], ['500108', '南岸区'], ['500109', '北碚区'], ['500110', '綦江区'], ['500111', '大足区'], ['500112', '渝北区'],
  ['500113', '巴南区'], ['500114', '黔江区'], ['500115', '长寿区'], ['500116', '江津区'], ['500117', '合川区'], ['500118', '永川区'],
  ['500119', '南川区'], ['500120', '璧山区'], ['500151', '铜梁区'], ['500152', '潼南区'], ['500153', '荣昌区'], ['500154', '开州区'],
  ['500155', '梁平区'], ['500156', '武隆区'], ['500229', '城口县'], ['500230', '丰都县'], ['500231', '垫江县'], ['500233', '忠县'],
  ['500235', '云阳县'], ['500236', '奉节县'], ['500237', '巫山县'], ['500238', '巫溪县'], ['500240', '石柱土家族自治县'],
  ['500241', '秀山土家族苗族自治县'], ['500242', '酉阳土家族苗族自治县'], ['500243', '彭水苗族土家族自治县'],
];

const WORDS = [
  '春晖', '锦霞', '翠湖', '松青', '钢花', '柏树', '双山', '新山', '跃进', '龙泉', '石林', '金鳌', '双河', '白果', '青杠', '天星', '红岩', '望江',
  '临江', '朝天', '解放', '大坪', '化龙', '杨家', '石桥', '南坪', '海棠', '铜元', '弹子', '花溪', '李家', '鱼洞', '界石', '人和', '礼嘉', '悦来',
  '回兴', '双凤', '两路', '龙溪', '鸳鸯', '大竹', '歇马', '静观', '蔡家', '童家', '金山', '云篆', '东泉', '丰盛', '木洞', '姜家', '麻柳', '接龙',
  '长生', '迎龙', '峨岭', '桃源', '建新', '新华', '玉带', '凤鸣', '天池', '黄桷', '九宫', '梨树', '桂花', '杏林', '枫香', '竹林', '茶园', '观音',
];

/** Districts beyond the 38 (a spec may ask for more) get made-up codes 5003xx. */
export function districtOf(d: number): { code6: string; name: string } {
  const known = DISTRICTS[d];
  return known ? { code6: known[0], name: known[1] } : { code6: `5003${String(d - DISTRICTS.length + 1).padStart(2, '0')}`, name: `第${d + 1}区` };
}

const word = (n: number) => WORDS[n % WORDS.length]!;

export function townName(d: number, t: number): string {
  return `${word(d * 7 + t * 3)}${word(d * 13 + t * 5 + 1)}${t % 3 === 2 ? '镇' : '街道'}`;
}

export function communityName(d: number, t: number, c: number, village: boolean): string {
  return `${word(d * 11 + t * 17 + c * 5 + 2)}${word(d + t * 7 + c * 3 + 9)}${village ? '村' : '社区'}`;
}

export const DEDICATED_KINDS = [
  { kind: 'school', name: '中心小学' }, { kind: 'park', name: '公园' }, { kind: 'hospital', name: '社区卫生服务中心' }, { kind: 'market', name: '农贸市场' },
] as const;

/** Two digits of a one-based number for usernames: t0101 is the first town of the first district. */
export const two = (n: number) => String(n + 1).padStart(2, '0');
