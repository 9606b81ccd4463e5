import { Bar } from '@ant-design/plots';

export interface CompletionBar {
  school: string;
  /** Completion rate in per cent, to one decimal. */
  rate: number;
}

/** 各校学时达标率: completion rate by school, in per cent, the lowest first (the chart library loads with its page only). */
export default function CompletionChart({ data, label }: { data: CompletionBar[]; label: string }) {
  return (
    <div role="img" aria-label={label}>
      <Bar
        data={data}
        xField="school"
        yField="rate"
        height={Math.max(160, data.length * 28 + 40)}
        marginRight={40}
        style={{ fill: '#0958d9' }}
        scale={{ y: { domain: [0, 100] } }}
        label={{ text: (bar: CompletionBar) => `${bar.rate}%`, position: 'right', textAlign: 'start', dx: 6, fill: '#1f1f1f', fillOpacity: 1 }}
        axis={{
          x: { title: false, labelFill: '#1f1f1f', labelOpacity: 1 },
          y: { title: false, labelFormatter: (value: number) => `${value}%`, labelFill: '#1f1f1f', labelOpacity: 1, labelAutoRotate: false },
        }}
        tooltip={{ items: [{ channel: 'y', valueFormatter: (value: number) => `${value}%` }] }}
      />
    </div>
  );
}
