import { tableSheet, tableWorkbook, workbookBytes } from '@app/core';
import { labelOf, RewardTargets } from '@app/domain';
import type { RotationRewardsView } from './rotation-rewards-view';

/** The columns of the schools' sheet: Chinese headings as the bureaus' rotation forms write them. */
export const ROTATION_REWARD_COLUMNS = [
  { header: '学校代码', key: 'code', width: 14, note: '学校在县域内的代码' },
  { header: '学校名称', key: 'name', width: 28, note: '' },
  { header: '城乡类别', key: 'location', width: 10, note: '基准日的城乡类别（城区、镇区、乡村）' },
  { header: '交流教师数', key: 'sent', width: 12, note: '本校派出交流的教师人数（学区内、集团内、城乡、团队式、走教；跟岗不计入）' },
  { header: '其中骨干', key: 'backboneSent', width: 10, note: '派出教师中骨干教师人数（按交流时登记的骨干级别）' },
  { header: '接收教师数', key: 'received', width: 12, note: '本校接收的交流教师人数（跟岗不计入）' },
  { header: '应交流人数', key: 'minRotating', width: 12, note: '本校的年度交流指标（仅城区学校等有本校指标的学校）' },
  { header: '应交流骨干数', key: 'minBackbone', width: 14, note: '本校的年度骨干教师交流指标' },
  { header: '是否达标', key: 'met', width: 10, note: '交流人数和骨干人数是否均达到指标；无本校指标的学校为“—”' },
  { header: '排名', key: 'rank', width: 8, note: '按派出骨干教师人数、再按派出教师人数、再按学校代码排序；未派出教师的学校不排名' },
  { header: '其中走教', key: 'sharedSent', width: 10, note: '派出教师中走教（跨校兼课）的人数' },
  { header: '符合交流条件人数', key: 'eligibleCount', width: 16, note: '基准日符合交流条件的教师人数（免于交流的不计）' },
  { header: '计入指标交流人数', key: 'rotatingCount', width: 16, note: '符合交流条件且已安排交流的教师人数（计入本校指标）' },
  { header: '派出跟岗（另计）', key: 'shadowingSent', width: 16, note: '新教师跟岗实习，另行统计，不计入交流人数和排名' },
  { header: '接收跟岗（另计）', key: 'shadowingReceived', width: 16, note: '本校接收的跟岗新教师，另行统计' },
] as const;

const MET = (targets: RewardTargets | null) => (targets === null ? '—' : targets.meetsTargets ? '达标' : '未达标');
const PERCENT = (share: number) => `${Number((share * 100).toFixed(6))}%`;

/**
 * A county's rotation rewards report as an Excel workbook: a sheet 交流轮岗成效 with a heading row, one row per school
 * (ranked schools first) and a county totals row 合计 (the columns summed, the county's own targets), and a sheet 说明
 * explaining each column, the plans counted and the policy's numbers.
 */
export async function rotationRewardsWorkbook(report: RotationRewardsView): Promise<Buffer> {
  const { workbook, sheet } = tableWorkbook('交流轮岗成效', ROTATION_REWARD_COLUMNS);
  for (const school of report.schools) {
    sheet.addRow({
      code: school.code,
      name: school.name,
      location: school.location === null ? '' : labelOf('locations', school.location).zh,
      sent: school.sent,
      backboneSent: school.backboneSent,
      received: school.received,
      minRotating: school.targets?.minRotating ?? '—',
      minBackbone: school.targets?.minBackbone ?? '—',
      met: MET(school.targets),
      rank: school.rank ?? '—',
      sharedSent: school.sharedSent,
      eligibleCount: school.targets?.eligibleCount ?? '—',
      rotatingCount: school.targets?.rotatingCount ?? '—',
      shadowingSent: school.shadowingSent,
      shadowingReceived: school.shadowingReceived,
    });
  }
  const totals = report.totals;
  const totalsRow = sheet.addRow({
    code: '合计',
    name: `共 ${totals.schools} 所学校，${totals.ranked} 所派出教师`,
    location: '',
    sent: totals.sent,
    backboneSent: totals.backboneSent,
    received: totals.received,
    minRotating: totals.targets.minRotating,
    minBackbone: totals.targets.minBackbone,
    met: totals.targets.meetsTargets ? '达标' : '未达标',
    rank: `${totals.schoolsMeetingTargets}/${totals.schoolsWithTargets} 所学校达标`,
    sharedSent: totals.sharedSent,
    eligibleCount: totals.targets.eligibleCount,
    rotatingCount: totals.targets.rotatingCount,
    shadowingSent: totals.shadowingSent,
    shadowingReceived: totals.shadowingReceived,
  });
  totalsRow.font = { bold: true };

  const p = report.parameters;
  const formulas: Partial<Record<(typeof ROTATION_REWARD_COLUMNS)[number]['key'], string>> = {
    minRotating: `：符合交流条件教师人数 × ${PERCENT(p.minRotatingShare)}，向上取整（rotation.minRotatingShare）`,
    minBackbone:
      `：${p.backboneDenominator === 'ROTATING' ? '交流人数' : '符合交流条件教师人数'} × ${PERCENT(p.minBackboneShare)}，向上取整` +
      '（rotation.minBackboneShare、rotation.backboneDenominator）',
  };
  const notes = tableSheet(workbook, '说明', [
    { header: '项目', key: 'item', width: 22 },
    { header: '说明', key: 'value', width: 90 },
  ]);
  notes.addRows([
    { item: '县（市、区）', value: `${report.countyName}（${report.countyId}）` },
    { item: '年度', value: `${report.year}年度交流轮岗（基准日 ${report.referenceDate}）` },
    {
      item: '计入的计划',
      value:
        `本县该年度状态为${report.plans.statuses.map((s) => labelOf('rotationPlanStatuses', s).zh).join('、')}的交流轮岗计划` +
        `（${report.plans.count} 个计划，${report.plans.assignments} 项安排）；草稿、已提交和已撤销的计划不计入`,
    },
    {
      item: '奖励依据',
      value: '对培养、输送优秀骨干教师的学校给予奖励支持（实施方案第九条）：按派出骨干教师人数排名，其次按派出教师人数，再按学校代码',
    },
    { item: '骨干教师', value: `${labelOf('backboneLevels', p.backboneMinLevel).zh}及以上（rotation.backboneMinLevel），按交流时登记的级别` },
    {
      item: '有本校指标的学校',
      value: `基准日城乡类别为${p.schoolTargetLocations.map((l) => labelOf('locations', l).zh).join('、')}的学校（rotation.schoolTargetLocations）；全县另有县域指标`,
    },
    ...ROTATION_REWARD_COLUMNS.filter((c) => c.note !== '').map((c) => ({ item: c.header, value: `${c.note}${formulas[c.key] ?? ''}` })),
    { item: '政策版本', value: report.policyVersion },
  ]);
  return workbookBytes(workbook);
}
