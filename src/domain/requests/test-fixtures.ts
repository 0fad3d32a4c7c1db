// A request's fields as the form posts them, every box filled (for the schema's tests and the
// integration tests that send one).
export function fullRequestFields(respondingOrganisationId: string) {
  return {
    respondingOrganisationId,
    priority: "AMBER",
    caseReference: "RPS-2026-014",
    childName: "Jamie Doe",
    "childDateOfBirth-day": "27",
    "childDateOfBirth-month": "3",
    "childDateOfBirth-year": "2016",
    nhsNumber: "943 476 5919",
    purpose: "Jamie has had unexplained bruising twice this month.",
    informationNeeded: "Any A&E attendances in the last six months.",
    lawfulBasis: "Children Act 2004 s.11; UK GDPR 6(1)(e)",
  };
}
