// The demo people (scripts/lib/demo-data.ts) the integration tests act as, by first name; a test
// imports them under the name of the part they play there (`TOM as TEACHER`).
// Northshire Council Children's Services
export const SAM = "sam.patel@northshire.example"; // practitioner, Assessment Team North (Alex's team)
export const JO = "jo.williams@northshire.example"; // practitioner, Assessment Team North
export const ALEX = "alex.morgan@northshire.example"; // supervisor of Sam and Jo
export const LEE = "lee.jones@northshire.example"; // practitioner, Assessment Team South
export const KIM = "kim.ahmed@northshire.example"; // supervisor, Assessment Team South
export const PRIYA = "priya.shah@northshire.example"; // IG lead
export const NORTHSHIRE_ADMIN = "admin@northshire.example";
export const RACHEL = "rachel.green@northshire.example"; // director, a lead safeguarding partner
// Riverside Primary School
export const TOM = "tom.baker@riverside.example"; // practitioner (class teacher)
export const AMY = "amy.chen@riverside.example"; // practitioner (teaching assistant)
export const RUTH = "ruth.okafor@riverside.example"; // supervisor (designated safeguarding lead)
export const DAN = "dan.hughes@riverside.example"; // IG lead
export const RIVERSIDE_ADMIN = "admin@riverside.example";
// Northshire Health NHS Foundation Trust
export const NADIA = "nadia.rahman@northshire-health.example"; // practitioner (safeguarding nurse)
export const OWEN = "owen.price@northshire-health.example"; // supervisor (named nurse), leads the contact team
export const GRACE = "grace.lee@northshire-health.example"; // IG lead (Caldicott guardian)
// Northshire Police
export const ELLIS = "ellis.evans@northshire-police.example"; // practitioner (detective constable)
export const MAYA = "maya.singh@northshire-police.example"; // supervisor (DCI), a lead safeguarding partner
