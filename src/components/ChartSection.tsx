import type { ReactNode } from "react";
import { HorizontalBarChart } from "./charts";
import { TableHead, TableRegion } from "./layout-bits";

/** A table of figures in its own scrolling region, captioned for screen readers. */
export function FiguresTable({
  label,
  columns,
  rows,
  rowHeaders = false,
  testId,
}: {
  label: string;
  columns: ReactNode[];
  /** Each row's key, then its cells. */
  rows: [key: string, cells: ReactNode[]][];
  /** The first cell of each row heads the row (a month, a team). */
  rowHeaders?: boolean;
  testId?: string;
}) {
  return (
    <TableRegion label={label}>
      <table className="govuk-table" data-testid={testId}>
        <caption className="sr-only">{label}</caption>
        <TableHead columns={columns} />
        <tbody>
          {rows.map(([key, cells]) => (
            <tr key={key}>
              {cells.map((cell, i) =>
                i === 0 && rowHeaders ? (
                  <th key={i} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={i}>{cell}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

/**
 * A headed section with a chart and its table twin (the same figures, for those who cannot see the
 * chart), or a sentence saying there is nothing to chart.
 */
export function ChartSection({
  id,
  title,
  empty,
  chart,
  children,
}: {
  id: string;
  title: string;
  /** What to say instead, when there are no figures; null when there are. */
  empty: ReactNode | null;
  chart: ReactNode;
  /** The table twin. */
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-heading`} className="mb-12">
      <h2 id={`${id}-heading`} className="govuk-heading-m">
        {title}
      </h2>
      {empty ?? (
        <>
          {chart}
          {children}
        </>
      )}
    </section>
  );
}

/** One bar of a BarChartSection: its label and length on the chart, and its row in the table twin. */
export interface Bar {
  key: string;
  label: string;
  value: number;
  /** The bar's row in the table (default: its label and value). */
  cells?: ReactNode[];
}

/**
 * A ChartSection of horizontal bars, whose table twin has a row for each bar (the chart's title is the
 * table's caption), or the `empty` sentence when there are no bars.
 */
export function BarChartSection({
  id,
  title,
  chartTitle = title,
  empty,
  columns,
  bars,
  testId,
}: {
  id: string;
  title: string;
  /** The chart's and the table's title, when not the section's heading. */
  chartTitle?: string;
  empty: string;
  columns: ReactNode[];
  bars: Bar[];
  testId?: string;
}) {
  return (
    <ChartSection
      id={id}
      title={title}
      empty={bars.length === 0 ? <p className="govuk-body">{empty}</p> : null}
      chart={<HorizontalBarChart id={`chart-${id}`} title={chartTitle} data={bars} />}
    >
      <FiguresTable
        label={chartTitle}
        testId={testId}
        columns={columns}
        rows={bars.map((bar) => [bar.key, bar.cells ?? [bar.label, bar.value]])}
      />
    </ChartSection>
  );
}
