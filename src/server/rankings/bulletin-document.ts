import { chineseDate, type DocBlock, type DocModel } from '../platform/documents/model.ts';
import type { BulletinViewT } from './schemas.ts';

/*
 * A 线上通报 as a document (Word through the platform's renderer, which uses the docx library): the title
 * 「春晖路街道2026年11月网格赛马比拼通报」, an opening paragraph, then for each board its first and last three and the
 * biggest movers as tables, the units on red, and the issuing unit with the date.
 */

const UNIT_SUFFIX: Record<string, string> = { percent: '%', count: '', score: '分', perTenThousand: '/万人', minutes: '分钟', stars: '星' };
const CHINESE_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

export function figure(value: number | null, unit: string): string {
  if (value === null) return '—';
  const rounded = Math.round(value * 10) / 10;
  return `${rounded}${UNIT_SUFFIX[unit] ?? ''}`;
}

const movementText = (m: number | null) => (m === null ? '—' : m > 0 ? `↑${m}` : m < 0 ? `↓${-m}` : '持平');

export function bulletinDocument(b: BulletinViewT): DocModel {
  const s = b.snapshot;
  const blocks: DocBlock[] = [];
  blocks.push({
    kind: 'paragraph', indent: true,
    text: `为推动比学赶超、争先创优，现将${s.parentName}${s.periodName}各${s.levelName}赛马比拼情况通报如下。本通报数据取自平台指标统计，生成于${chineseDate(b.generatedAt)}。`,
  });
  if (s.boards.length === 0) blocks.push({ kind: 'paragraph', indent: true, text: '本期暂无可比拼的指标数据。' });
  s.boards.forEach((board, i) => {
    const unit = board.indicator.unit;
    blocks.push({ kind: 'heading', text: `${CHINESE_NUMBERS[i] ?? i + 1}、${board.indicator.name}（参与排名${board.units}个）` });
    const rowsOf = (list: typeof board.top) => list.map((r) => [String(r.rank ?? '—'), r.name, unit === 'stars' ? `${r.stars ?? 0}星（${figure(r.value, 'score')}）` : figure(r.value, unit), movementText(r.movement)]);
    blocks.push({ kind: 'paragraph', text: '排名靠前：' });
    blocks.push({ kind: 'table', columns: ['名次', '单位', '数值', '较上期'], rows: rowsOf(board.top) });
    if (board.bottom.length > 0) {
      blocks.push({ kind: 'paragraph', text: '排名靠后：' });
      blocks.push({ kind: 'table', columns: ['名次', '单位', '数值', '较上期'], rows: rowsOf(board.bottom) });
    }
    const movers = [...board.risers.map((r) => `${r.name}上升${r.movement}位`), ...board.fallers.map((r) => `${r.name}下降${-(r.movement ?? 0)}位`)];
    blocks.push({ kind: 'paragraph', indent: true, text: movers.length > 0 ? `名次变化较大的：${movers.join('，')}。` : '与上期相比名次无明显变化。' });
  });
  blocks.push({ kind: 'heading', text: `${CHINESE_NUMBERS[s.boards.length] ?? s.boards.length + 1}、亮红灯指标` });
  if (s.reds.length === 0) blocks.push({ kind: 'paragraph', indent: true, text: '本期无亮红灯指标。' });
  else {
    blocks.push({ kind: 'paragraph', indent: true, text: '以下单位指标未达目标且超出预警范围，请对照查找原因、限期整改：' });
    blocks.push({ kind: 'table', columns: ['单位', '指标', '数值'], rows: s.reds.map((r) => [r.unitName, r.indicatorName, figure(r.value, r.unit)]) });
  }
  blocks.push({ kind: 'seal', unit: s.parentName, date: chineseDate(b.generatedAt) });
  return { title: b.title, blocks, footer: '本通报由智治平台根据指标数据自动生成', createdAt: new Date(b.generatedAt) };
}
