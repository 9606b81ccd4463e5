import { CODE_LABELS, CODE_LISTS, CodeList, codeFromLabel, Label, labelOf } from './code-labels';

describe('code labels', () => {
  const lists = Object.keys(CODE_LISTS) as CodeList[];

  it('label every code of every list, in Chinese and English, and nothing else', () => {
    for (const list of lists) {
      const labels = CODE_LABELS[list] as Record<string, Label>;
      expect(Object.keys(labels).sort()).toEqual([...CODE_LISTS[list]].map(String).sort());
      for (const label of Object.values(labels)) {
        expect(label.zh.trim()).not.toBe('');
        expect(label.en.trim()).not.toBe('');
      }
    }
  });

  it('never give two codes of one list the same label, so that a label names one code', () => {
    for (const list of lists) {
      const labels = Object.values(CODE_LABELS[list] as Record<string, Label>);
      expect(new Set(labels.map((l) => l.zh)).size).toBe(labels.length);
      expect(new Set(labels.map((l) => l.en.toLowerCase())).size).toBe(labels.length);
    }
  });

  it('read as the bureaus’ forms do', () => {
    expect(labelOf('locations', 'RURAL').zh).toBe('乡村');
    expect(labelOf('titleLevels', 'FIRST').zh).toBe('一级教师');
    expect(labelOf('backboneLevels', 'COUNTY').zh).toBe('县级骨干');
    expect(labelOf('trainingCategories', 'SCHOOL_BASED').zh).toBe('校本研修');
    expect(labelOf('eligibilityStatuses', 'HOLDS_TITLE').zh).toBe('已具备高级职称');
    expect(labelOf('ruleUnits', 'hours').zh).toBe('学时');
    expect(labelOf('ruleOutcomes', 'FAILED').zh).toBe('不满足');
    expect(labelOf('trainingImportColumns', 'staffNo').zh).toBe('工号');
    expect(labelOf('notificationKinds', 'SHORTAGE_FLAG_OPENED').zh).toBe('新增教师缺口预警');
    expect(labelOf('shortageKinds', 'ZERO_COVERAGE').zh).toBe('学科无人任教（开不齐）');
    expect(labelOf('shortageKinds', 'PSY_FULLTIME_MISSING').zh).toBe('缺专职心理健康教师');
    expect(labelOf('shortageKinds', 'PE_ARTS_RATIO_LOW').zh).toBe('体育艺术教师配比不足');
    expect(labelOf('shortageSeverities', 'CRITICAL').zh).toBe('严重');
    expect(labelOf('flagStatuses', 'RESOLVED').zh).toBe('已解决');
    expect(labelOf('scanStatuses', 'RUNNING').zh).toBe('扫描中');
    expect(labelOf('rotationModes', 'TEAM').zh).toBe('团队式交流');
    expect(labelOf('rotationModes', 'SHARED').zh).toBe('紧缺学科校际共享（走教）');
    expect(labelOf('rotationPlanStatuses', 'ACTIVE').zh).toBe('实施中');
    expect(labelOf('rotationStatuses', 'EXEMPT').zh).toBe('免于交流');
  });

  it('keep severities in their order, least severe first, as the shortage rules rank them', () => {
    expect(CODE_LISTS.shortageSeverities).toEqual(['MEDIUM', 'HIGH', 'CRITICAL']);
    expect(CODE_LISTS.shortageKinds).toEqual(['SUBJECT_GAP', 'ZERO_COVERAGE', 'PSY_FULLTIME_MISSING', 'PSY_PARTTIME_SHORT', 'PE_ARTS_RATIO_LOW']);
  });

  it('turn a cell back into its code: the code in any case, or either label', () => {
    expect(codeFromLabel('titleLevels', '一级教师')).toBe('FIRST');
    expect(codeFromLabel('titleLevels', ' first ')).toBe('FIRST');
    expect(codeFromLabel('locations', 'Rural')).toBe('RURAL');
    expect(codeFromLabel('backboneLevels', '县级骨干')).toBe('COUNTY');
    expect(codeFromLabel('trainingImportColumns', '学时')).toBe('hours');
    expect(codeFromLabel('trainingImportColumns', 'startdate')).toBe('startDate');
    expect(codeFromLabel('trainingImportColumns', 'Staff number')).toBe('staffNo');
    expect(codeFromLabel('trainingCategories', '省级培训')).toBe('PROVINCIAL');
    expect(codeFromLabel('shortageKinds', '学科教师缺口')).toBe('SUBJECT_GAP');
    expect(codeFromLabel('shortageSeverities', '较重')).toBe('HIGH');
    expect(codeFromLabel('subjects', '火星语')).toBeUndefined();
    expect(codeFromLabel('subjects', '   ')).toBeUndefined();
  });

  it('are typed complete: a list without one of its codes does not compile', () => {
    // @ts-expect-error a label for a code that the list does not have
    labelOf('locations', 'SUBURBAN');
    expect(lists.length).toBeGreaterThanOrEqual(25);
  });
});
