// Marks what the pipeline built, so a test can prove that every server action and route handler
// goes through it (src/pipeline-coverage.test.ts). Symbol.for: the same symbol in every bundle.
export const PIPELINE_BRAND = Symbol.for("infoshare.pipeline");

export type PipelineKind = "form-action" | "post-action" | "route";

export function brand<T extends object>(target: T, kind: PipelineKind): T {
  Object.defineProperty(target, PIPELINE_BRAND, { value: kind, enumerable: false });
  return target;
}

export function pipelineKindOf(target: unknown): PipelineKind | null {
  if (typeof target !== "function") return null;
  return (target as unknown as Record<symbol, PipelineKind | undefined>)[PIPELINE_BRAND] ?? null;
}
