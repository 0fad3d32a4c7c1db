// Demo organisations and users for trying InfoShare. Emails use the reserved .example domain.
export const DEMO_PASSWORD = "InfoShare-demo-2026";
/**
 * Every demo account's authenticator-app secret (decision 021), published like the password so the
 * demo needs no phone: add it to an app, or print the current code with `npm run demo:code`.
 */
export const DEMO_TOTP_SECRET = "INFOSHAREDEMOKEYINFOSHAREDEMOKEY";

export interface DemoUser {
  email: string;
  name: string;
  jobTitle: string;
  role: "PRACTITIONER" | "SUPERVISOR" | "IG_LEAD" | "ADMIN";
  inTeam: boolean;
  /** A team other than the organisation's main one. */
  team?: string;
}

export interface DemoOrganisation {
  name: string;
  kind: "LOCAL_AUTHORITY" | "SCHOOL" | "HEALTH" | "POLICE";
  team: string;
  users: DemoUser[];
}

export const DEMO_ORGANISATIONS: DemoOrganisation[] = [
  {
    name: "Northshire Council Children's Services",
    kind: "LOCAL_AUTHORITY",
    team: "Assessment Team North",
    users: [
      {
        email: "sam.patel@northshire.example",
        name: "Sam Patel",
        jobTitle: "Social worker",
        role: "PRACTITIONER",
        inTeam: true,
      },
      {
        email: "jo.williams@northshire.example",
        name: "Jo Williams",
        jobTitle: "Family support worker",
        role: "PRACTITIONER",
        inTeam: true,
      },
      {
        email: "alex.morgan@northshire.example",
        name: "Alex Morgan",
        jobTitle: "Team manager",
        role: "SUPERVISOR",
        inTeam: true,
      },
      {
        email: "priya.shah@northshire.example",
        name: "Priya Shah",
        jobTitle: "Data protection officer",
        role: "IG_LEAD",
        inTeam: false,
      },
      {
        email: "admin@northshire.example",
        name: "Northshire Administrator",
        jobTitle: "Service administrator",
        role: "ADMIN",
        inTeam: false,
      },
      // A second team, so that team boundaries can be seen and tested.
      {
        email: "lee.jones@northshire.example",
        name: "Lee Jones",
        jobTitle: "Social worker",
        role: "PRACTITIONER",
        inTeam: true,
        team: "Assessment Team South",
      },
      {
        email: "kim.ahmed@northshire.example",
        name: "Kim Ahmed",
        jobTitle: "Team manager",
        role: "SUPERVISOR",
        inTeam: true,
        team: "Assessment Team South",
      },
      // A lead safeguarding partner of the partnership (issue 14).
      {
        email: "rachel.green@northshire.example",
        name: "Rachel Green",
        jobTitle: "Director of Children's Services",
        role: "SUPERVISOR",
        inTeam: false,
      },
    ],
  },
  {
    name: "Riverside Primary School",
    kind: "SCHOOL",
    team: "Safeguarding Team",
    users: [
      {
        email: "tom.baker@riverside.example",
        name: "Tom Baker",
        jobTitle: "Class teacher",
        role: "PRACTITIONER",
        inTeam: true,
      },
      {
        email: "amy.chen@riverside.example",
        name: "Amy Chen",
        jobTitle: "Teaching assistant",
        role: "PRACTITIONER",
        inTeam: true,
      },
      {
        email: "ruth.okafor@riverside.example",
        name: "Ruth Okafor",
        jobTitle: "Designated safeguarding lead",
        role: "SUPERVISOR",
        inTeam: true,
      },
      {
        email: "dan.hughes@riverside.example",
        name: "Dan Hughes",
        jobTitle: "Data protection officer",
        role: "IG_LEAD",
        inTeam: false,
      },
      {
        email: "admin@riverside.example",
        name: "Riverside Administrator",
        jobTitle: "Service administrator",
        role: "ADMIN",
        inTeam: false,
      },
    ],
  },
  // Issue 14: the partnership's health trust and police force, each with a single point of contact team.
  {
    name: "Northshire Health NHS Foundation Trust",
    kind: "HEALTH",
    team: "Safeguarding Children Team",
    users: [
      {
        email: "nadia.rahman@northshire-health.example",
        name: "Nadia Rahman",
        jobTitle: "Safeguarding children nurse",
        role: "PRACTITIONER",
        inTeam: true,
      },
      {
        email: "owen.price@northshire-health.example",
        name: "Owen Price",
        jobTitle: "Named nurse for safeguarding children",
        role: "SUPERVISOR",
        inTeam: true,
      },
      {
        email: "grace.lee@northshire-health.example",
        name: "Grace Lee",
        jobTitle: "Caldicott guardian",
        role: "IG_LEAD",
        inTeam: false,
      },
    ],
  },
  {
    name: "Northshire Police",
    kind: "POLICE",
    team: "Public Protection Unit",
    users: [
      {
        email: "ellis.evans@northshire-police.example",
        name: "Ellis Evans",
        jobTitle: "Detective constable",
        role: "PRACTITIONER",
        inTeam: true,
      },
      {
        email: "maya.singh@northshire-police.example",
        name: "Maya Singh",
        jobTitle: "Detective chief inspector",
        role: "SUPERVISOR",
        inTeam: true,
      },
    ],
  },
];

export interface DemoPartnership {
  name: string;
  /** Member organisations by name, each with the team that receives requests. */
  members: { organisation: string; contactTeam: string }[];
  /** Lead safeguarding partners by email: one of each statutory partner (council, health, police). */
  leadPartners: string[];
  responseHours: { RED: number; AMBER: number; GREEN: number };
}

export const DEMO_PARTNERSHIP: DemoPartnership = {
  name: "Northshire Safeguarding Children Partnership",
  members: [
    { organisation: "Northshire Council Children's Services", contactTeam: "Assessment Team North" },
    { organisation: "Riverside Primary School", contactTeam: "Safeguarding Team" },
    { organisation: "Northshire Health NHS Foundation Trust", contactTeam: "Safeguarding Children Team" },
    { organisation: "Northshire Police", contactTeam: "Public Protection Unit" },
  ],
  leadPartners: [
    "rachel.green@northshire.example",
    "owen.price@northshire-health.example",
    "maya.singh@northshire-police.example",
  ],
  responseHours: { RED: 4, AMBER: 24, GREEN: 72 },
};

export function demoSignInTable(): string {
  const lines = [`Demo sign-ins (password for all: ${DEMO_PASSWORD})`];
  for (const org of DEMO_ORGANISATIONS) {
    lines.push(`  ${org.name}`);
    for (const user of org.users) {
      const team = user.inTeam ? ` (${user.team ?? org.team})` : "";
      lines.push(`    ${user.role.padEnd(12)} ${user.email.padEnd(38)} ${user.name}, ${user.jobTitle}${team}`);
    }
  }
  lines.push(
    "Second factor for all (decision 021): the code from an authenticator app given the key",
    `  ${DEMO_TOTP_SECRET}, or run \`npm run demo:code\` for the current code.`,
  );
  lines.push(`  ${DEMO_PARTNERSHIP.name}: lead partners ${DEMO_PARTNERSHIP.leadPartners.join(", ")}`);
  return lines.join("\n");
}
