import { Column } from '@ant-design/plots';
import { SEVERITY_COLOURS } from '../colours';

export interface FlagBar {
  subject: string;
  severity: string;
  count: number;
}

/** Open shortage flags by subject, stacked by severity (the chart library loads with this page only). */
export default function FlagsChart({ data, severities, label }: { data: FlagBar[]; severities: { code: string; label: string }[]; label: string }) {
  return (
    <div role="img" aria-label={label}>
      <Column
        data={data}
        xField="subject"
        yField="count"
        colorField="severity"
        stack
        height={280}
        scale={{
          color: { domain: severities.map((severity) => severity.label), range: severities.map((severity) => SEVERITY_COLOURS[severity.code]) },
        }}
        axis={{ y: { title: false, labelFormatter: (value: number) => (Number.isInteger(value) ? String(value) : '') } }}
      />
    </div>
  );
}
