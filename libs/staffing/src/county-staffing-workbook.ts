import { tableSheet, tableWorkbook, workbookBytes } from '@app/core';
import { labelOf } from '@app/domain';
import type { CountyStaffingReport } from './staffing-views';

/** The columns of the schools' sheet: Chinese headings as the bureaus' staffing forms write them. */
export const STAFFING_COLUMNS = [
  { header: '学校代码', key: 'code', width: 14 },
  { header: '学校名称', key: 'name', width: 28 },
  { header: '学段', key: 'stage', width: 12 },
  { header: '城乡类别', key: 'location', width: 10 },
  { header: '在校学生数', key: 'students', width: 12 },
  { header: '标准编制', key: 'standardQuota', width: 10 },
  { header: '分配编制', key: 'allocatedQuota', width: 10 },
  { header: '在编在岗人数（折算）', key: 'onQuotaHeadcount', width: 20 },
  { header: '空编（+）/超编（−）', key: 'vacancy', width: 20 },
  { header: '编制状态', key: 'status', width: 12 },
  { header: '未解决缺员预警', key: 'openShortageFlags', width: 16 },
] as const;

const FTE_FORMAT = '0.000';

/**
 * A county's staffing report as an Excel workbook (officers live in Excel): a sheet 编制情况 with a heading row, one
 * row per school and a totals row 合计 (the columns summed, vacancy over the schools with an allocation), and a sheet
 * 编制池 with the county's approved total, allocations, the day judged and the policy version.
 */
export async function countyStaffingWorkbook(report: CountyStaffingReport): Promise<Buffer> {
  const { workbook, sheet } = tableWorkbook('编制情况', STAFFING_COLUMNS);
  for (const school of report.schools) {
    sheet.addRow({
      code: school.code,
      name: school.name,
      stage: labelOf('stages', school.stage).zh,
      location: school.location === null ? '' : labelOf('locations', school.location).zh,
      students: school.students,
      standardQuota: school.standardQuota,
      allocatedQuota: school.allocatedQuota,
      onQuotaHeadcount: school.onQuotaHeadcount,
      vacancy: school.vacancy,
      status: labelOf('staffingStatuses', school.status).zh,
      openShortageFlags: school.openShortageFlags,
    });
  }
  const totals = report.totals;
  const totalsRow = sheet.addRow({
    code: '合计',
    name: `共 ${totals.schools} 所学校`,
    students: totals.students,
    standardQuota: totals.standardQuota,
    allocatedQuota: totals.allocatedQuota,
    onQuotaHeadcount: totals.onQuotaHeadcount,
    vacancy: totals.vacancy,
    status: `超编 ${totals.over} 所，有空编 ${totals.under} 所`,
    openShortageFlags: totals.openShortageFlags,
  });
  totalsRow.font = { bold: true };
  for (const key of ['onQuotaHeadcount', 'vacancy'] as const) sheet.getColumn(key).numFmt = FTE_FORMAT;

  const pool = tableSheet(workbook, '编制池', [
    { header: '项目', key: 'item', width: 20 },
    { header: '数值', key: 'value', width: 24 },
  ]);
  pool.addRows([
    { item: '县（市、区）', value: `${report.countyName}（${report.countyId}）` },
    { item: '学年', value: `${report.year}—${report.year + 1}学年` },
    { item: '统计日期', value: report.asOf },
    { item: '核定编制总数', value: report.pool.approvedTotal ?? '未录入' },
    { item: '已分配编制', value: report.pool.allocated },
    { item: '未分配编制', value: report.pool.unallocated ?? '—' },
    { item: '政策版本', value: report.policyVersion },
  ]);
  return workbookBytes(workbook);
}
