import { Bar } from '@ant-design/plots';

export interface SchoolBar {
  school: string;
  behind: number;
}

/** Teachers behind pace by school, the most first (the chart library loads with this page only). */
export default function BehindChart({ data, label }: { data: SchoolBar[]; label: string }) {
  return (
    <div role="img" aria-label={label}>
      <Bar
        data={data}
        xField="school"
        yField="behind"
        height={Math.max(160, data.length * 28 + 40)}
        style={{ fill: '#0958d9' }}
        axis={{ y: { title: false, labelFormatter: (value: number) => (Number.isInteger(value) ? String(value) : '') }, x: { title: false } }}
      />
    </div>
  );
}
