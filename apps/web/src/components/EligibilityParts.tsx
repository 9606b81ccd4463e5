import { Alert, Empty, List, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../api/client';
import { useCodes } from '../codes';
import { GOOD, WAITING } from '../colours';
import { proseDate } from '../format';

type Eligibility = Schemas['EligibilityResponse'];

/**
 * A teacher's senior-title conditions: the verdict with the earliest day the rural or weak school service is complete,
 * each rule met or not with what it requires against what the teacher has, in words, and the principal priority.
 */
export function EligibilityConditions({ eligibility: e }: { eligibility: Eligibility }) {
  const { t, i18n } = useTranslation();
  const { label } = useCodes();
  const en = i18n.language === 'en';
  // The earliest day is given when the service rule fails; none then means the postings on record never reach it.
  const serviceMissing = e.seniorTitle.rules.some((rule) => rule.code === 'RURAL_OR_WEAK_SERVICE' && !rule.passed);
  return (
    <>
      <Alert
        type={e.seniorTitle.eligible ? 'success' : 'info'}
        showIcon
        message={label('eligibilityStatuses', e.seniorTitle.status)}
        description={
          e.seniorTitle.earliestServiceDate
            ? t('eligibility.earliest', { date: proseDate(e.seniorTitle.earliestServiceDate, i18n.language) })
            : serviceMissing
              ? t('eligibility.noEarliest')
              : undefined
        }
        style={{ marginBottom: 12 }}
      />
      <List
        data-testid="eligibility-rules"
        dataSource={e.seniorTitle.rules}
        renderItem={(rule) => (
          <List.Item>
            <List.Item.Meta
              title={
                <>
                  <Tag color={rule.passed ? GOOD : WAITING}>{rule.passed ? t('eligibility.passed') : t('eligibility.notYet')}</Tag>
                  {label('eligibilityRules', rule.code)}
                </>
              }
              description={
                rule.message
                  ? en
                    ? rule.message.en
                    : rule.message.zh
                  : t('eligibility.requiredActual', { required: rule.required, actual: rule.actual, unit: label('ruleUnits', rule.unit) })
              }
            />
          </List.Item>
        )}
      />
      <Typography.Paragraph>
        {t('eligibility.principalPriority', {
          actual: e.principalPriority.actual,
          required: e.principalPriority.required,
          answer: e.principalPriority.priority ? t('eligibility.yes') : t('eligibility.no'),
        })}
      </Typography.Paragraph>
    </>
  );
}

/** The periods at rural or weak schools that count toward the senior title, on a timeline. */
export function QualifyingPeriods({ periods }: { periods: Eligibility['qualifyingPeriods'] }) {
  const { t, i18n } = useTranslation();
  if (periods.length === 0) return <Empty description={t('eligibility.noPeriods')} />;
  return (
    <Timeline
      items={periods.map((period) => ({
        children: `${proseDate(period.from, i18n.language)} – ${proseDate(period.to, i18n.language)} · ${period.schoolName ?? ''}（${t('eligibility.days', { days: period.days })}）`,
      }))}
    />
  );
}
