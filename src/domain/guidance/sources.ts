/**
 * Citation strings shown next to guidance, so every piece of advice on screen names where it
 * comes from. Seed numbers refer to the source documents in shared/seeds.
 */
export const SOURCES = {
  dfe2024: "Information sharing advice for safeguarding practitioners, DfE 2024 (seed 001)",
  dfe2024Rule: (ruleNumber: number) =>
    `Information sharing advice for safeguarding practitioners, DfE 2024, golden rule ${ruleNumber} (seed 001)`,
  hmg2018Flowchart:
    "Information sharing advice for practitioners, HM Government 2018, flowchart of when and how to share (seed 000 s.7; seed 004 Appendix A)",
  dudley: (section: string) =>
    `Dudley Children's Services, Key principles of information sharing, ${section} (seed 000)`,
  croydon: "Croydon, The seven golden rules to sharing information (seed 002)",
  preSchool: "Pre-school confidentiality and information sharing policy (seed 003)",
  berkshire: (section: string) =>
    `Berkshire multi-agency information sharing protocol, ${section} (seed 004)`,
} as const;
