import { describe, expect, it } from 'vitest';
import { checkRow, type Cell, type RowProblem } from '../../../src/domain/registry/rows.ts';
import { POPULATION_TAGS } from '../../../src/domain/registry/tags.ts';

const ctx = { today: '2026-12-02', catalog: POPULATION_TAGS };
const codes = (r: ReturnType<typeof checkRow>) => (r.ok ? [] : r.problems.map((p: RowProblem) => [p.column, p.code]));

// A valid resident: 11010519491231002X is GB 11643's own example (born 1949-12-31, female).
const resident: Record<string, Cell> = { name: '张秀英', idNumber: '11010519491231002X', address: '幸福路 8 号 2 栋 1 单元 302' };

describe('a resident row', () => {
  it('reads the birth date and gender from the ID number, and fills what was left empty', () => {
    expect(checkRow('residents', resident, ctx)).toEqual({
      ok: true,
      value: {
        name: '张秀英', idNumber: '11010519491231002X', gender: 'female', birthDate: '1949-12-31', phone: null,
        address: '幸福路 8 号 2 栋 1 单元 302', building: null, unitNo: null, roomNo: null, relation: null,
        tags: [], partyMember: false, lng: null, lat: null, note: null,
      },
    });
  });

  it('takes every column as people fill them in', () => {
    const r = checkRow('residents', {
      name: ' 王建国 ', idNumber: '１１０１０５１９４９１２３１００１１', gender: '男', birthDate: new Date(Date.UTC(1949, 11, 31)),
      phone: '+86 138-1234-5678', address: null, building: '幸福小区 2 栋', unitNo: 1, roomNo: 302, relation: '本人',
      tags: '独居老人，Veteran;独居老人', partyMember: '是', lng: 106.5516, lat: '29.5630', note: '',
    }, ctx);
    expect(r).toEqual({
      ok: true,
      value: {
        name: '王建国', idNumber: '110105194912310011', gender: 'male', birthDate: '1949-12-31', phone: '13812345678',
        address: null, building: '幸福小区 2 栋', unitNo: 1, roomNo: '302', relation: 'head',
        tags: ['elderly_alone', 'veteran', 'party_member'], partyMember: true, lng: 106.5516, lat: 29.563, note: null,
      },
    });
  });

  it('makes the party-member column and the 党员 tag say the same', () => {
    expect(checkRow('residents', { ...resident, tags: '党员' }, ctx)).toMatchObject({ ok: true, value: { partyMember: true, tags: ['party_member'] } });
    expect(checkRow('residents', { ...resident, partyMember: 'Y' }, ctx)).toMatchObject({ ok: true, value: { partyMember: true, tags: ['party_member'] } });
    expect(checkRow('residents', { ...resident, partyMember: '否' }, ctx)).toMatchObject({ ok: true, value: { partyMember: false, tags: [] } });
  });

  it.each<[string, Record<string, Cell>, [string, string][]]>([
    ['the ID number as Excel shows a number', { idNumber: '5.00103196801011E+17' }, [['身份证号', 'ID_NUMBER_SCIENTIFIC']]],
    ['the ID number as the number Excel kept', { idNumber: 500103196801011000 }, [['身份证号', 'ID_NUMBER_SCIENTIFIC']]],
    ['the float written out as text', { idNumber: '500103196801011000' }, [['身份证号', 'ID_NUMBER_CHECK_DIGIT']]],
    ['a small number in the ID column', { idNumber: 12345 }, [['身份证号', 'ID_NUMBER_FORMAT']]],
    ['a wrong check digit', { idNumber: '110105194912310021' }, [['身份证号', 'ID_NUMBER_CHECK_DIGIT']]],
    ['February 30 (check digit right)', { idNumber: '110105200002300015' }, [['身份证号', 'ID_NUMBER_BIRTH_DATE']]],
    ['a birth after today (check digit right)', { idNumber: '510102202612030037' }, [['身份证号', 'ID_NUMBER_BIRTH_DATE']]],
    ['an old 15-digit number', { idNumber: '110105491231002' }, [['身份证号', 'ID_NUMBER_FORMAT']]],
    ['no ID number', { idNumber: '  ' }, [['身份证号', 'REQUIRED']]],
    ['no name', { name: null }, [['姓名', 'REQUIRED']]],
    ['a name too long', { name: '张'.repeat(61) }, [['姓名', 'TOO_LONG']]],
    ['a birth date that is not the ID number\'s', { birthDate: '1949-12-30' }, [['出生日期', 'BIRTH_DATE_MISMATCH']]],
    ['a gender that is not the ID number\'s', { gender: '男' }, [['性别', 'GENDER_MISMATCH']]],
    ['a birth date that is no date', { birthDate: '1949-02-30' }, [['出生日期', 'DATE_FORMAT']]],
    ['a phone of 10 digits', { phone: '1381234567' }, [['手机号', 'PHONE_FORMAT']]],
    ['a relation not in the list', { relation: '邻居' }, [['与户主关系', 'OPTION_UNKNOWN']]],
    ['a tag not in the catalog', { tags: '独居老人、低保户' }, [['人员标签', 'TAG_UNKNOWN']]],
    ['a party-member cell that is neither yes nor no', { partyMember: '预备' }, [['是否党员', 'BOOLEAN_FORMAT']]],
    ['a unit that is no number', { unitNo: '一' }, [['单元', 'INTEGER_FORMAT']]],
    ['unit 0', { unitNo: 0 }, [['单元', 'INTEGER_RANGE']]],
    ['a longitude without a latitude', { lng: 106.55 }, [['纬度', 'LOCATION_HALF']]],
    ['a latitude without a longitude', { lat: 29.56 }, [['经度', 'LOCATION_HALF']]],
    ['a location outside China', { lng: 2.35, lat: 48.85 }, [['经度', 'LOCATION_OUTSIDE_CHINA']]],
    ['a latitude that is no number', { lng: 106.55, lat: '北纬29度' }, [['纬度', 'NUMBER_FORMAT']]],
    ['nowhere to place the row', { address: '' }, [['住址', 'LOCATION_MISSING']]],
  ])('refuses %s', (_what, change, expected) => {
    expect(codes(checkRow('residents', { ...resident, ...change }, ctx))).toEqual(expected);
  });

  it('says swapped coordinates are swapped', () => {
    const r = checkRow('residents', { ...resident, lng: 29.563, lat: 106.5516 }, ctx);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]).toMatchObject({ column: '经度', code: 'LOCATION_OUTSIDE_CHINA', zh: expect.stringContaining('填反') });
  });

  it('lists every problem of a row, each with its column and both languages', () => {
    const r = checkRow('residents', { name: '', idNumber: '11010519491231002X', gender: '男', birthDate: '1950-01-01', phone: '123', tags: '不存在', lng: 106 }, ctx);
    expect(codes(r)).toEqual([
      ['姓名', 'REQUIRED'], ['性别', 'GENDER_MISMATCH'], ['出生日期', 'BIRTH_DATE_MISMATCH'], ['手机号', 'PHONE_FORMAT'],
      ['住址', 'LOCATION_MISSING'], ['人员标签', 'TAG_UNKNOWN'], ['纬度', 'LOCATION_HALF'],
    ]);
    if (!r.ok) {
      expect(r.problems.find((p) => p.code === 'BIRTH_DATE_MISMATCH')).toMatchObject({ zh: '出生日期与身份证号不符（身份证号为 1949-12-31）。' });
      expect(r.problems.find((p) => p.code === 'TAG_UNKNOWN')).toMatchObject({ zh: '人员标签不在标签目录中：不存在。', en: 'Not in the tag catalog: 不存在.' });
      for (const p of r.problems) { expect(p.zh).toMatch(/[\u4e00-\u9fff]/); expect(p.en).toMatch(/^[A-Z]/); }
    }
  });

  it('tells how to mend an ID column a spreadsheet turned into numbers', () => {
    const r = checkRow('residents', { ...resident, idNumber: 500103196801011000 }, ctx);
    expect(r.ok ? null : r.problems[0]!.zh).toBe('该列被表格软件转成了数字，末几位已丢失：请把身份证号列设为文本格式后重新填写。');
  });

  it.each<[Cell, string]>([
    ['1949-12-31', '1949-12-31'],
    ['1949/12/31', '1949-12-31'],
    ['1949.12.31', '1949-12-31'],
    ['1949年12月31日', '1949-12-31'],
    ['19491231', '1949-12-31'],
    [19491231, '1949-12-31'],
    [18263, '1949-12-31'], // Excel's day number of 1949-12-31
    [new Date(Date.UTC(1949, 11, 30, 16)), '1949-12-31'], // midnight in China
  ])('reads the birth date %j as %s', (birthDate, date) => {
    expect(checkRow('residents', { ...resident, birthDate }, ctx)).toMatchObject({ ok: true, value: { birthDate: date } });
  });

  it('accepts a relation by its label, its code or a word of the household register', () => {
    for (const [word, code] of [['配偶', 'spouse'], ['spouse', 'spouse'], ['妻', 'spouse'], ['儿子', 'child'], ['Grandchild', 'grandchild'], ['兄弟姐妹', 'sibling']] as const) {
      expect(checkRow('residents', { ...resident, relation: word }, ctx)).toMatchObject({ ok: true, value: { relation: code } });
    }
  });
});

describe('a household row', () => {
  it('needs an address, and takes the head\'s ID number and the residence kind', () => {
    expect(checkRow('households', { address: '幸福路 8 号 2 栋 1 单元 302', unitNo: '1单元', floorNo: '3', roomNo: '302室', headIdNumber: '11010519491231002x', residenceKind: '流动' }, ctx)).toEqual({
      ok: true,
      value: { address: '幸福路 8 号 2 栋 1 单元 302', building: null, unitNo: 1, floorNo: 3, roomNo: '302', headIdNumber: '11010519491231002X', residenceKind: 'floating', lng: null, lat: null, note: null },
    });
    expect(checkRow('households', { address: '幸福路 8 号' }, ctx)).toMatchObject({ ok: true, value: { residenceKind: 'registered', headIdNumber: null } });
    expect(codes(checkRow('households', { lng: 106.55, lat: 29.56 }, ctx))).toEqual([['地址', 'REQUIRED']]);
    expect(codes(checkRow('households', { address: 'x', headIdNumber: '110105194912310021', residenceKind: '暂住' }, ctx))).toEqual([['户主身份证号', 'ID_NUMBER_CHECK_DIGIT'], ['居住类型', 'OPTION_UNKNOWN']]);
  });
});

describe('a building row', () => {
  const building = { name: '幸福小区 2 栋', address: '幸福路 8 号', units: 2, floors: '7', roomsPerFloor: '2' };
  it('takes the shape of the building', () => {
    expect(checkRow('buildings', { ...building, builtYear: '1998年', structure: '砖混' }, ctx)).toEqual({
      ok: true, value: { name: '幸福小区 2 栋', address: '幸福路 8 号', lng: null, lat: null, units: 2, floors: 7, roomsPerFloor: 2, structure: '砖混', builtYear: 1998, note: null },
    });
  });

  it.each<[string, Record<string, Cell>, [string, string][]]>([
    ['no units', { units: null }, [['单元数', 'REQUIRED']]],
    ['51 units', { units: 51 }, [['单元数', 'INTEGER_RANGE']]],
    ['2.5 floors', { floors: 2.5 }, [['层数', 'INTEGER_FORMAT']]],
    ['201 floors', { floors: '201' }, [['层数', 'INTEGER_RANGE']]],
    ['no rooms', { roomsPerFloor: 0 }, [['每层户数', 'INTEGER_RANGE']]],
    ['built next year', { builtYear: 2027 }, [['建成年份', 'INTEGER_RANGE']]],
    ['no address nor location', { address: null }, [['地址', 'LOCATION_MISSING']]],
  ])('refuses %s', (_what, change, expected) => {
    expect(codes(checkRow('buildings', { ...building, ...change }, ctx))).toEqual(expected);
  });

  it('accepts a location instead of an address, and this year as built', () => {
    expect(checkRow('buildings', { ...building, address: null, lng: '106.5516', lat: '29.5630', builtYear: 2026 }, ctx)).toMatchObject({ ok: true, value: { lng: 106.5516, lat: 29.563, builtYear: 2026 } });
  });
});

describe('a place row', () => {
  it('checks the unified social credit code and the contact phone', () => {
    expect(checkRow('places', { name: '幸福便利店', kind: '商铺', address: '幸福路 10 号', creditCode: '91350100m000100y43', contactPhone: '023 6812 3456' }, ctx)).toMatchObject({
      ok: true, value: { kind: 'shop', creditCode: '91350100M000100Y43', contactPhone: '023-68123456' },
    });
    expect(codes(checkRow('places', { name: '幸福便利店', kind: '小卖部', address: 'x', creditCode: '91350100M000100Y44', contactPhone: '6812' }, ctx))).toEqual([
      ['类型', 'OPTION_UNKNOWN'], ['统一社会信用代码', 'CREDIT_CODE_FORMAT'], ['联系电话', 'PHONE_FORMAT'],
    ]);
  });
});

describe('a thing row', () => {
  it('takes kind and risk level by their Chinese words or codes, and the inspection interval', () => {
    expect(checkRow('things', { name: '2 栋外立面', kind: '外立面', riskLevel: '重大', inspectionEveryDays: '30天', building: '幸福小区 2 栋' }, ctx)).toEqual({
      ok: true,
      value: { name: '2 栋外立面', kind: 'facade', riskLevel: 'major', inspectionEveryDays: 30, address: null, lng: null, lat: null, building: '幸福小区 2 栋', note: null },
    });
    expect(checkRow('things', { name: '井盖', kind: 'manhole', riskLevel: 'Medium', lng: 106.55, lat: 29.56 }, ctx)).toMatchObject({ ok: true, value: { kind: 'manhole', riskLevel: 'medium' } });
  });

  it('refuses an unknown risk level, an interval over ten years, and a thing with nowhere to be', () => {
    const r = checkRow('things', { name: '边坡', kind: '边坡', riskLevel: '极高', inspectionEveryDays: 3661 }, ctx);
    expect(codes(r)).toEqual([['风险等级', 'OPTION_UNKNOWN'], ['巡查周期（天）', 'INTEGER_RANGE'], ['地址', 'LOCATION_MISSING']]);
    if (!r.ok) expect(r.problems[0]!.zh).toBe('风险等级只能填：低、中、高、重大。');
  });
});
