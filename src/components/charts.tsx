// Charts drawn as SVG on the server (no chart library, no JavaScript). Each is an image with a
// text alternative, and every page that shows one also shows the same figures as a table.

import type { ReactNode } from "react";
import { CHART_BACKGROUND, CHART_PALETTE as PALETTE } from "./chart-palette";

export interface Series {
  name: string;
  values: number[];
}

/**
 * A chart's SVG, scaled to its box's width (640 px at most): an image whose text alternative is its
 * title and then each of its figures.
 */
function ChartImage({
  id,
  width,
  height,
  title,
  figures,
  className = "",
  children,
}: {
  id: string;
  width: number;
  height: number;
  title: string;
  figures: string[];
  className?: string;
  children: ReactNode;
}) {
  return (
    <svg
      id={id}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={`${title}. ${figures.join("; ")}.`}
      className={`${className} h-auto w-full max-w-[640px]`.trim()}
    >
      {children}
    </svg>
  );
}

/** Vertical stacked bars: one bar per category (e.g. month), one colour per series. */
export function StackedBarChart({
  id,
  title,
  categories,
  series,
}: {
  id: string;
  title: string;
  categories: string[];
  series: Series[];
}) {
  const width = 640;
  const height = 240;
  const padding = { top: 10, right: 10, bottom: 40, left: 40 };
  const totals = categories.map((_, i) => series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  const max = Math.max(1, ...totals);
  const slot = (width - padding.left - padding.right) / Math.max(1, categories.length);
  const barWidth = Math.max(4, slot * 0.7);
  const scale = (value: number) => (value / max) * (height - padding.top - padding.bottom);
  const categorySummary = (c: string, i: number) =>
    `${c}: ${series.map((s) => `${s.name} ${s.values[i] ?? 0}`).join(", ")}`;
  return (
    <figure className="mb-4">
      <ChartImage id={id} width={width} height={height} title={title} figures={categories.map(categorySummary)}>
        <line
          x1={padding.left}
          x2={width - padding.right}
          y1={height - padding.bottom}
          y2={height - padding.bottom}
          stroke="#0b0c0c"
        />
        <text x={padding.left - 6} y={padding.top + 8} textAnchor="end" fontSize="11" fill="#0b0c0c">
          {max}
        </text>
        <text x={padding.left - 6} y={height - padding.bottom} textAnchor="end" fontSize="11" fill="#0b0c0c">
          0
        </text>
        {categories.map((category, i) => {
          let y = height - padding.bottom;
          const x = padding.left + i * slot + (slot - barWidth) / 2;
          return (
            <g key={category}>
              {series.map((s, si) => {
                const h = scale(s.values[i] ?? 0);
                y -= h;
                return h > 0 ? (
                  <rect
                    key={s.name}
                    x={x}
                    y={y}
                    width={barWidth}
                    height={h}
                    fill={PALETTE[si % PALETTE.length]}
                    stroke={CHART_BACKGROUND}
                    strokeWidth={1.5}
                  />
                ) : null;
              })}
              <text
                x={x + barWidth / 2}
                y={height - padding.bottom + 14}
                textAnchor="middle"
                fontSize="10"
                fill="#0b0c0c"
              >
                {category.slice(2)}
              </text>
            </g>
          );
        })}
      </ChartImage>
      <figcaption className="mt-2 flex flex-wrap gap-x-4 text-[1rem]">
        {series.map((s, si) => (
          <span key={s.name} className="flex items-center gap-1">
            <span
              aria-hidden="true"
              className="inline-block size-4"
              style={{ background: PALETTE[si % PALETTE.length] }}
            />
            {s.name}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}

/** Horizontal bars for counts by category. */
export function HorizontalBarChart({
  id,
  title,
  data,
}: {
  id: string;
  title: string;
  data: { label: string; value: number }[];
}) {
  const max = Math.max(1, ...data.map((d) => d.value));
  const rowHeight = 26;
  const width = 640;
  const labelWidth = 260;
  const height = Math.max(rowHeight, data.length * rowHeight);
  const figures = data.map((d) => `${d.label}: ${d.value}`);
  return (
    <ChartImage id={id} width={width} height={height} title={title} figures={figures} className="mb-4">
      {data.map((d, i) => {
        const barWidth = ((width - labelWidth - 50) * d.value) / max;
        const y = i * rowHeight;
        return (
          <g key={d.label}>
            <text x={labelWidth - 8} y={y + 17} textAnchor="end" fontSize="12" fill="#0b0c0c">
              {d.label.length > 40 ? `${d.label.slice(0, 39)}…` : d.label}
            </text>
            <rect
              x={labelWidth}
              y={y + 4}
              width={Math.max(barWidth, d.value > 0 ? 2 : 0)}
              height={rowHeight - 8}
              fill={PALETTE[0]}
            />
            <text x={labelWidth + barWidth + 6} y={y + 17} fontSize="12" fill="#0b0c0c">
              {d.value}
            </text>
          </g>
        );
      })}
    </ChartImage>
  );
}
