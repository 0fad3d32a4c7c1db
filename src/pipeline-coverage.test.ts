// Every server action and route handler goes through the pipeline (decision 010): this finds every
// "use server" file and every route.ts under src/app, imports it, and checks that each exported
// action and HTTP method was built by formAction/postAction/routeHandler (they brand what they build).
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { pipelineKindOf } from "@/server/pipeline/brand";

const app = path.resolve(__dirname, "app");
const HTTP_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const isServerActionFile = (file: string) => /^\s*["']use server["']/.test(readFileSync(file, "utf8"));
const actionFiles = filesUnder(app).filter(isServerActionFile);
const routeFiles = filesUnder(app).filter((file) => /^route\.tsx?$/.test(path.basename(file)));
const relative = (file: string) => path.relative(path.resolve(__dirname, ".."), file);

describe("the action pipeline covers", { timeout: 60_000 }, () => {
  it("finds the actions and routes there are (so an empty search cannot pass)", () => {
    expect(actionFiles.length).toBeGreaterThanOrEqual(8);
    expect(routeFiles.length).toBeGreaterThanOrEqual(9);
  });

  it.each(actionFiles.map(relative))("every server action exported by %s", async (file) => {
    const loaded: Record<string, unknown> = await import(path.resolve(__dirname, "..", file));
    const exported = Object.entries(loaded);
    expect(exported.length).toBeGreaterThan(0);
    for (const [name, value] of exported) {
      expect(pipelineKindOf(value), `${file}: ${name} is not built by formAction or postAction`).toMatch(/-action$/);
    }
  });

  it.each(routeFiles.map(relative))("every HTTP method exported by %s", async (file) => {
    const loaded: Record<string, unknown> = await import(path.resolve(__dirname, "..", file));
    const methods = Object.entries(loaded).filter(([name]) => HTTP_METHODS.has(name));
    expect(methods.length).toBeGreaterThan(0);
    for (const [name, value] of methods) {
      expect(pipelineKindOf(value), `${file}: ${name} is not built by routeHandler`).toBe("route");
    }
  });

  it("and tells a plain function from a built one", () => {
    expect(pipelineKindOf(async () => undefined)).toBeNull();
    expect(pipelineKindOf(undefined)).toBeNull();
  });
});
