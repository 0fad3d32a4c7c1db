import { describe, expect, it } from "vitest";
import { clientAddress, trustedProxyHops } from "@/server/infra/request-context";

describe("clientAddress", () => {
  it("takes the address the outermost trusted proxy saw, never what the client put in front", () => {
    // The client sent "6.6.6.6"; our one proxy appended the address it saw.
    expect(clientAddress("6.6.6.6, 203.0.113.7", 1)).toBe("203.0.113.7");
    expect(clientAddress("6.6.6.6, 203.0.113.7, 10.0.0.2", 2)).toBe("203.0.113.7");
    expect(clientAddress("203.0.113.7", 1)).toBe("203.0.113.7");
    expect(clientAddress("::1", 1)).toBe("::1");
  });

  it("records nothing when the header is untrusted, too short or not an address", () => {
    expect(clientAddress("6.6.6.6, 203.0.113.7", 0)).toBeNull();
    expect(clientAddress("203.0.113.7", 2)).toBeNull();
    expect(clientAddress(null, 1)).toBeNull();
    expect(clientAddress("<script>", 1)).toBeNull();
  });

  it("reads TRUSTED_PROXY_HOPS, defaulting to one", () => {
    expect(trustedProxyHops({})).toBe(1);
    expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: "0" })).toBe(0);
    expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: "3" })).toBe(3);
    expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: "lots" })).toBe(1);
  });
});
