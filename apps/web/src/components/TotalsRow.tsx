import { Table } from 'antd';
import type { ReactNode } from 'react';

/**
 * A table's totals row: `label` over the first `span` columns, then one cell per column after it, in order (null for
 * a column without a total).
 */
export function TotalsRow({ label, span = 1, cells, align }: { label: ReactNode; span?: number; cells: ReactNode[]; align?: 'right' }) {
  return (
    <Table.Summary.Row>
      <Table.Summary.Cell index={0} colSpan={span}>
        {label}
      </Table.Summary.Cell>
      {cells.map((cell, index) => (
        <Table.Summary.Cell key={span + index} index={span + index} align={cell === null ? undefined : align}>
          {cell}
        </Table.Summary.Cell>
      ))}
    </Table.Summary.Row>
  );
}
