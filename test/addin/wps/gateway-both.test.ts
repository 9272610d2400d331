/**
 * The workbook gateway's cases (gateway-cases.ts), each run on the Office fake through excelWorkbookGateway and
 * on the WPS fake through wpsWorkbookGateway (the same gateway code over the ET adapter): each host passes the
 * case's checks, and both end up holding the same.
 */
import { CASES } from "./gateway-cases";
import { HOSTS } from "./hosts";

describe.each(CASES.map((c) => [c.name, c] as const))("%s", (_name, gatewayCase) => {
  const digests: Record<string, unknown> = {};
  test.each(["office", "wps"] as const)("on the %s fake", async (kind) => {
    digests[kind] = await gatewayCase.run(HOSTS[kind](gatewayCase.book));
  });
  test("both hosts hold the same", () => {
    expect(digests.office).toBeDefined();
    expect(digests.wps).toEqual(digests.office);
  });
});
