import type { LawfulBasisSelection } from "./index";

/** A complete selection for a public task with the public-interest exception; tests override what they probe. */
export const selectionWith = (overrides: Partial<LawfulBasisSelection> = {}): LawfulBasisSelection => ({
  article6: "art6-1-e",
  specialCategory: false,
  article9: [],
  schedule1: [],
  schedule8: [],
  commonLaw: ["common-law-public-interest"],
  statutoryGateways: [],
  ...overrides,
});
