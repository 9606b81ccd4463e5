import type { PolicyDocument } from './policy.schema';

const ALL_GRADES = (periods: number): number[] => Array.from({ length: 12 }, () => periods);

/**
 * The shipped default: Jiangsu Province's 2024 plan for a high-quality, balanced basic public
 * education system (《關於構建優質均衡的基本公共教育服務體系的實施方案》, May 2024), items 7, 8, 9, 13,
 * with the national standards it relies on. Sources per value are in docs/rules.md.
 * Weekly periods per subject list grades 1–12; values for subjects the rule book does not fix
 * follow the 2022 compulsory-education curriculum plan and are meant to be edited.
 */
export const JIANGSU_2024_POLICY: PolicyDocument = {
  version: 'jiangsu-2024.1',
  effectiveFrom: '2024-05-07',
  title: '江苏省构建优质均衡的基本公共教育服务体系实施方案（2024）',
  source:
    '中共江苏省委办公厅 江苏省人民政府办公厅 2024-05-07; 中央编办发〔2014〕72号; 国办发〔2015〕43号; 教师〔2011〕1号; ' +
    '人社部 教育部 2018; 教育部等《关于推进县（区）域内义务教育学校校长教师交流轮岗的意见》2014; 县域义务教育优质均衡督导评估',
  parameters: {
    quota: {
      studentsPerStaff: { primary: 19, junior: 13.5, senior: 12.5 },
      smallSchool: {
        maxStudents: 100,
        locations: ['RURAL'],
        stages: ['TEACHING_POINT'],
        teachersPerClass: { primary: 1.8, junior: 2.6 },
      },
      boarding: { enabled: true, boardersPerStaff: 100 },
    },
    shortage: {
      weeklyPeriods: {
        CHINESE: [8, 8, 7, 7, 6, 6, 5, 5, 5, 4, 4, 4],
        MATH: [4, 4, 4, 4, 5, 5, 5, 5, 5, 4, 4, 4],
        ENGLISH: [0, 0, 2, 2, 3, 3, 4, 4, 4, 4, 4, 4],
        MORAL_LAW: [2, 2, 2, 2, 2, 2, 2, 2, 2, 0, 0, 0],
        HISTORY: [0, 0, 0, 0, 0, 0, 2, 2, 2, 2, 2, 2],
        GEOGRAPHY: [0, 0, 0, 0, 0, 0, 2, 2, 0, 2, 2, 2],
        SCIENCE: [1, 1, 2, 2, 2, 2, 0, 0, 0, 0, 0, 0],
        PHYSICS: [0, 0, 0, 0, 0, 0, 0, 2, 3, 3, 3, 3],
        CHEMISTRY: [0, 0, 0, 0, 0, 0, 0, 0, 3, 3, 3, 3],
        BIOLOGY: [0, 0, 0, 0, 0, 0, 2, 2, 0, 2, 2, 2],
        INFO_TECH: [0, 0, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0],
        PE: [4, 4, 3, 3, 3, 3, 3, 3, 3, 2, 2, 2],
        MUSIC: [2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1],
        FINE_ARTS: [2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1],
        LABOR: [1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0],
        COMPREHENSIVE_PRACTICE: [1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0],
        PSYCHOLOGY: ALL_GRADES(0.5),
        SPECIAL_EDUCATION: ALL_GRADES(0),
      },
      standardLoad: { primary: 16, junior: 14, senior: 12 },
      gapThreshold: 0.5,
      highSeverityGap: 1.5,
      psychology: {
        fullTimeRequiredLocations: ['URBAN'],
        fullTimeRequiredTownshipCentral: true,
        studentsPerTeacher: 500,
      },
      peArts: { subjects: ['PE', 'MUSIC', 'FINE_ARTS'], minPer100Students: 0.9 },
    },
    rotation: {
      minYearsAtSchool: 6,
      referenceMonthDay: '09-01',
      exemptAge: 55,
      minRotatingShare: 0.1,
      minBackboneShare: 0.2,
      backboneMinLevel: 'COUNTY',
      backboneDenominator: 'ROTATING',
      targetScopes: ['SCHOOL', 'COUNTY'],
      schoolTargetLocations: ['URBAN'],
      defaultTermYears: 3,
    },
    antiPoaching: {
      developedZones: ['SUNAN'],
      protectedZones: ['SUBEI'],
      outstanding: { minBackbone: 'CITY', minTitle: 'SENIOR', posts: ['PRINCIPAL', 'VICE_PRINCIPAL'] },
    },
    eligibility: {
      qualifyingLocations: ['RURAL'],
      weakQualifies: true,
      minDailyFraction: 0.5,
      seniorTitle: { serviceDays: 365, tenureTitle: 'FIRST', tenureYears: 5, requireTrainingOnPace: true },
      principalPriority: { serviceDays: 1095 },
    },
    training: {
      cycleYears: 5,
      cycleAnchorYear: 2021,
      hoursPerCycle: 360,
      hourStep: 0.5,
      maxHoursPerDay: 8,
    },
  },
};
