import "server-only";
import PDFDocument from "pdfkit";

export interface PdfRow {
  key: string;
  value: string;
}

export interface PdfRecord {
  /** The marking printed at the top and bottom of every page. */
  marking: string;
  title: string;
  subtitle: string;
  sections: { heading: string; rows: PdfRow[] }[];
  /** "Printed by … on …", with the handling instruction. */
  footnote: string;
}

const MARGIN = 50;
const KEY_WIDTH = 150;
const GAP = 12;

/**
 * A decision record as an A4 PDF for attaching to a case system (decision 026): the marking at the
 * top and bottom of every page, page numbers "Page n of N", and the sections as label/value rows.
 * PDFKit's built-in Helvetica needs no font file, so nothing is downloaded or bundled; it covers
 * Western European text (WinAnsi), which is what the record's labels and most names use.
 */
export function renderRecordPdf(content: PdfRecord): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: MARGIN + 20, bottom: MARGIN + 20, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: { Title: content.title, Subject: content.subtitle, Creator: "InfoShare" },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const width = doc.page.width - MARGIN * 2;
  doc.font("Helvetica-Bold").fontSize(18).text(content.title);
  doc.font("Helvetica").fontSize(11).fillColor("#505a5f").text(content.subtitle).fillColor("black");
  for (const section of content.sections) {
    doc.moveDown(0.8);
    doc.font("Helvetica-Bold").fontSize(13).text(section.heading, MARGIN, doc.y, { width });
    doc.moveDown(0.3);
    for (const row of section.rows) writeRow(doc, row, width);
  }
  doc.moveDown(1);
  doc.font("Helvetica-Oblique").fontSize(9).text(content.footnote, MARGIN, doc.y, { width });

  stampEveryPage(doc, content.marking);
  doc.end();
  return finished;
}

function writeRow(doc: PDFKit.PDFDocument, row: PdfRow, width: number) {
  const valueWidth = width - KEY_WIDTH - GAP;
  doc.font("Helvetica").fontSize(10);
  const height = Math.max(
    doc.heightOfString(row.key, { width: KEY_WIDTH }),
    doc.heightOfString(row.value || "-", { width: valueWidth }),
  );
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
  const top = doc.y;
  doc.font("Helvetica-Bold").text(row.key, MARGIN, top, { width: KEY_WIDTH });
  doc.font("Helvetica").text(row.value || "-", MARGIN + KEY_WIDTH + GAP, top, { width: valueWidth });
  doc.y = top + height + 4;
  doc
    .moveTo(MARGIN, doc.y - 2)
    .lineTo(MARGIN + width, doc.y - 2)
    .lineWidth(0.5)
    .strokeColor("#b1b4b6")
    .stroke();
}

function stampEveryPage(doc: PDFKit.PDFDocument, marking: string) {
  const { start, count } = doc.bufferedPageRange();
  for (let index = start; index < start + count; index++) {
    doc.switchToPage(index);
    const { width, height } = doc.page;
    // Writing inside the bottom margin must not start a new page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font("Helvetica-Bold").fontSize(10).fillColor("black");
    doc.text(marking, 0, 30, { width, align: "center", lineBreak: false });
    doc.text(marking, 0, height - 40, { width, align: "center", lineBreak: false });
    doc.font("Helvetica").fontSize(9);
    doc.text(`Page ${index - start + 1} of ${count}`, width - MARGIN - 100, height - 40, {
      width: 100,
      align: "right",
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
}
