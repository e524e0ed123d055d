import ExcelJS from 'exceljs';
import type { Tx } from '../platform/db/db.ts';
import { HEAD_NAME_SQL, householdName } from './supermarket-store.ts';
import type { RedemptionStatus } from '../../shared/points.ts';
import type { StatementT } from './supermarket-schemas.ts';

/*
 * 积分超市's monthly statement (issue 16, H5): for one community's supermarket and one calendar month in Beijing time,
 * the reservations made in the month (each row), what was handed over in the month (goods out, points redeemed), the
 * points given back by expired and cancelled reservations of the month, and each goods' stock now. As JSON for the page
 * and as a workbook (汇总, 商品, 兑换明细) for the desk's monthly report.
 */

const SHANGHAI_MS = 8 * 3600_000;
/** The month's bounds [from, to) as instants: midnight Beijing time on the 1st of the month and of the next. */
export function monthBounds(month: string): { from: Date; to: Date } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return { from: new Date(Date.UTC(y, m - 1, 1) - SHANGHAI_MS), to: new Date(Date.UTC(y, m, 1) - SHANGHAI_MS) };
}
export const beijingTime = (iso: string | Date) => new Date(new Date(iso).getTime() + SHANGHAI_MS).toISOString().slice(0, 16).replace('T', ' ');

const STATUS_ZH: Record<RedemptionStatus, string> = { reserved: '待取货', pickedUp: '已取货', expired: '已过期', cancelled: '已取消' };

export async function buildStatement(tx: Tx, unit: { id: string; name: string }, month: string): Promise<StatementT> {
  const { from, to } = monthBounds(month);
  const rows = (await tx.query<{
    id: string; reserved_at: Date; picked_up_at: Date | null; goods_name: string; head_name: string | null; address: string | null;
    qty: number; points: number; status: RedemptionStatus;
  }>(
    `select rd.id, rd.reserved_at, rd.picked_up_at, g.name as goods_name, ${HEAD_NAME_SQL('h')} as head_name, h.address,
            rd.qty, rd.points, rd.status
       from point_redemptions rd join point_goods g on g.id = rd.goods_id join point_accounts a on a.id = rd.account_id
       left join registry_households h on h.id = a.household_id
      where rd.org_unit_id = $1 and rd.reserved_at >= $2 and rd.reserved_at < $3
      order by rd.reserved_at, rd.id`, [unit.id, from, to])).rows;
  const totals = (await tx.query<{ picked: number; redeemed: number; returned: number }>(
    `select count(*) filter (where picked_up_at >= $2 and picked_up_at < $3)::int as picked,
            coalesce(sum(points) filter (where picked_up_at >= $2 and picked_up_at < $3), 0)::int as redeemed,
            coalesce(sum(points) filter (where reserved_at >= $2 and reserved_at < $3 and status in ('expired','cancelled')), 0)::int as returned
       from point_redemptions where org_unit_id = $1`, [unit.id, from, to])).rows[0]!;
  const goods = (await tx.query<{
    id: string; name: string; price_points: number; stock: number; qty_out: number; points_out: number; qty_reserved: number;
    qty_expired: number; qty_cancelled: number;
  }>(
    `select g.id, g.name, g.price_points, g.stock,
            coalesce(sum(rd.qty) filter (where rd.picked_up_at >= $2 and rd.picked_up_at < $3), 0)::int as qty_out,
            coalesce(sum(rd.points) filter (where rd.picked_up_at >= $2 and rd.picked_up_at < $3), 0)::int as points_out,
            coalesce(sum(rd.qty) filter (where rd.status = 'reserved' and rd.reserved_at < $3), 0)::int as qty_reserved,
            coalesce(sum(rd.qty) filter (where rd.status = 'expired' and rd.reserved_at >= $2 and rd.reserved_at < $3), 0)::int as qty_expired,
            coalesce(sum(rd.qty) filter (where rd.status = 'cancelled' and rd.reserved_at >= $2 and rd.reserved_at < $3), 0)::int as qty_cancelled
       from point_goods g left join point_redemptions rd on rd.goods_id = g.id
      where g.org_unit_id = $1
      group by g.id order by g.name`, [unit.id, from, to])).rows;
  return {
    orgUnitId: unit.id, orgUnitName: unit.name, month,
    redemptions: rows.length, pickedUp: totals.picked, pointsRedeemed: totals.redeemed, pointsReturned: totals.returned,
    goods: goods.map((g) => ({
      goodsId: g.id, name: g.name, pricePoints: g.price_points, qtyOut: g.qty_out, pointsOut: g.points_out, qtyReserved: g.qty_reserved,
      qtyExpired: g.qty_expired, qtyCancelled: g.qty_cancelled, stock: g.stock,
    })),
    rows: rows.map((r) => ({
      id: r.id, reservedAt: new Date(r.reserved_at).toISOString(), pickedUpAt: r.picked_up_at ? new Date(r.picked_up_at).toISOString() : null,
      goodsName: r.goods_name, householdName: r.head_name ? householdName(r.head_name, r.address, { masked: false }) : null,
      qty: r.qty, points: r.points, status: r.status,
    })),
  };
}

/** The statement as a workbook: 汇总, 商品 (goods out, stock), 兑换明细 (one reservation a row). */
export async function statementWorkbook(st: StatementT, now: Date): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = st.orgUnitName;
  wb.created = now;
  const header = (ws: ExcelJS.Worksheet) => {
    const row = ws.getRow(1);
    row.font = { bold: true };
    row.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEF2F7' } };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  };
  const summary = wb.addWorksheet('汇总');
  summary.columns = [{ header: '项目', key: 'k', width: 22 }, { header: '内容', key: 'v', width: 30 }];
  for (const [k, v] of [
    ['积分超市', st.orgUnitName], ['月份', st.month], ['本月兑换（笔）', st.redemptions], ['本月取货（笔）', st.pickedUp],
    ['本月兑出积分', st.pointsRedeemed], ['过期、取消退回积分', st.pointsReturned], ['制表时间', beijingTime(now)],
  ] as [string, string | number][]) summary.addRow({ k, v });
  header(summary);

  const goods = wb.addWorksheet('商品');
  goods.columns = [
    { header: '商品', key: 'name', width: 20 }, { header: '单价（积分）', key: 'price', width: 12 }, { header: '本月取货（件）', key: 'out', width: 14 },
    { header: '本月兑出积分', key: 'points', width: 14 }, { header: '待取货（件）', key: 'reserved', width: 12 }, { header: '过期（件）', key: 'expired', width: 10 },
    { header: '取消（件）', key: 'cancelled', width: 10 }, { header: '当前库存', key: 'stock', width: 10 },
  ];
  for (const g of st.goods) {
    goods.addRow({ name: g.name, price: g.pricePoints, out: g.qtyOut, points: g.pointsOut, reserved: g.qtyReserved, expired: g.qtyExpired, cancelled: g.qtyCancelled, stock: g.stock });
  }
  header(goods);

  const detail = wb.addWorksheet('兑换明细');
  detail.columns = [
    { header: '兑换时间', key: 'at', width: 17 }, { header: '户', key: 'household', width: 36 }, { header: '商品', key: 'goods', width: 18 },
    { header: '数量', key: 'qty', width: 8 }, { header: '积分', key: 'points', width: 8 }, { header: '状态', key: 'status', width: 10 },
    { header: '取货时间', key: 'picked', width: 17 },
  ];
  for (const r of st.rows) {
    detail.addRow({
      at: beijingTime(r.reservedAt), household: r.householdName ?? '', goods: r.goodsName, qty: r.qty, points: r.points,
      status: STATUS_ZH[r.status], picked: r.pickedUpAt ? beijingTime(r.pickedUpAt) : '',
    });
  }
  header(detail);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
