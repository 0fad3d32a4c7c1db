import { chmod, mkdir, mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { assertReachableByPostgres, connectionUrl, findFreePort, isPortFree } from "./embedded-postgres";

describe("ports", () => {
  it("finds a port that is free, and sees it taken once something listens", async () => {
    const port = await findFreePort();
    expect(await isPortFree(port)).toBe(true);
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
    try {
      expect(await isPortFree(port)).toBe(false);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe("connectionUrl", () => {
  it("points at the local cluster as the postgres user", () => {
    expect(connectionUrl(54329, "infoshare")).toBe("postgresql://postgres:postgres@127.0.0.1:54329/infoshare");
  });
});

describe("assertReachableByPostgres", () => {
  // An account that owns nothing here, so only the "other" permission bits count for it.
  const stranger = { uid: 65_000, gid: 65_000 };
  let base: string | undefined;
  afterEach(async () => {
    if (base) {
      await chmod(base, 0o755);
      await rm(base, { recursive: true, force: true });
    }
    base = undefined;
  });

  it("accepts a folder every user can walk to", async () => {
    base = await mkdtemp(path.join(tmpdir(), "infoshare-reach-"));
    await chmod(base, 0o755);
    await expect(assertReachableByPostgres(path.join(base, "data"), stranger)).resolves.toBeUndefined();
  });

  it("names the parent folder the postgres user cannot enter", async () => {
    base = await mkdtemp(path.join(tmpdir(), "infoshare-reach-"));
    await mkdir(path.join(base, "project"));
    await chmod(base, 0o700);
    await expect(assertReachableByPostgres(path.join(base, "project", "data"), stranger)).rejects.toThrow(
      `cannot enter ${base} (mode 700)`,
    );
  });
});
