import Link from "next/link";
import {
  type Actor,
  type GlobalAction,
  type PartnershipAction,
  type PartnershipResource,
  type Role,
  ROLE_LABELS,
  can,
  isPartnershipAction,
  roleCan,
} from "@/domain/policy";
import { NavigationLinks } from "./NavigationLinks";

export interface HeaderUser extends NavigationUser {
  name: string;
  role: Role;
  organisationName: string;
  unreadNotifications: number;
}

/**
 * Every section, in the order the navigation shows them, with the permission its page asks the
 * policy for: a role sees the sections the policy lets it use (each role's own work first). Pages
 * only an admin uses are listed on the /admin hub instead, so the bar stays short on a phone.
 */
const SECTIONS: { href: string; label: string; permission: GlobalAction | PartnershipAction }[] = [
  { href: "/review", label: "Review queue", permission: "review.queue" },
  { href: "/audit", label: "Audit log", permission: "audit.view" },
  { href: "/dashboard", label: "Dashboard", permission: "dashboard.view" },
  { href: "/admin", label: "Administration", permission: "users.manage" },
  { href: "/escalations", label: "Escalations", permission: "escalation.list" },
  { href: "/decisions", label: "Your decisions", permission: "decision.list-own" },
  { href: "/decisions/new", label: "Record a decision", permission: "decision.record" },
  { href: "/cases", label: "Cases", permission: "case.search" },
  { href: "/consultations", label: "Your consultations", permission: "consultation.list-own" },
  { href: "/requests", label: "Requests", permission: "request.list-own" },
  // A partnership's section (decision 030): the policy decides by who the person is to each partnership.
  { href: "/requests/oversight", label: "Partnership oversight", permission: "partnership.oversight" },
  { href: "/retention", label: "Retention", permission: "retention.manage" },
  { href: "/subject-access", label: "Subject access", permission: "subject-access.export" },
  { href: "/settings", label: "Settings", permission: "settings.manage" },
];

/** Who the navigation is for: the person, and the partnerships they are party to. */
export interface NavigationUser extends Actor {
  partnerships: readonly PartnershipResource[];
}

function mayUse(user: NavigationUser, permission: GlobalAction | PartnershipAction): boolean {
  if (isPartnershipAction(permission)) return user.partnerships.some((p) => can(user, permission, p));
  return roleCan(user.role, permission);
}

export function navigationFor(user: NavigationUser): { href: string; label: string }[] {
  return SECTIONS.filter((section) => mayUse(user, section.permission)).map(({ href, label }) => ({ href, label }));
}

/** `signOutAction` is passed in by the layout: components do not import from src/app. */
export function Header({
  user,
  signOutAction,
}: {
  user: HeaderUser | null;
  signOutAction: (formData: FormData) => Promise<void>;
}) {
  return (
    <header className="no-print bg-govuk-blue text-white" data-testid="site-header">
      <div className="govuk-width-container flex flex-wrap items-center justify-between gap-x-8 gap-y-2 py-3">
        <Link href="/" className="text-[1.5rem] font-bold text-white! no-underline hover:underline">
          InfoShare
          <span className="sr-only"> – safeguarding information sharing</span>
        </Link>
        {user ? (
          <div className="flex flex-wrap items-center gap-x-4 text-[1rem]">
            <span data-testid="signed-in-user">
              {user.name}{" "}
              <span className="opacity-90">
                ({ROLE_LABELS[user.role]}, {user.organisationName})
              </span>
            </span>
            <Link href="/sessions" className="font-bold text-white! underline hover:no-underline">
              Your sessions
            </Link>
            <form action={signOutAction}>
              <button
                type="submit"
                className={
                  "cursor-pointer font-bold text-white underline hover:no-underline " +
                  "focus:bg-govuk-focus focus:text-govuk-text focus:outline-none"
                }
              >
                Sign out
              </button>
            </form>
          </div>
        ) : null}
      </div>
      {user ? (
        <nav aria-label="Main" className="border-t border-white/30 bg-white">
          <NavigationLinks items={navigationFor(user)} unreadNotifications={user.unreadNotifications} />
        </nav>
      ) : null}
      <PhaseBanner />
    </header>
  );
}

/** Inside the header, so that it sits in a landmark (the banner) like the rest of the page. */
export function PhaseBanner() {
  return (
    <div className="no-print bg-white text-govuk-text">
      <div className="govuk-width-container border-b border-govuk-border py-2.5 text-[1rem]">
        <p className="flex items-center gap-3">
          <strong className="bg-govuk-blue px-2 py-0.5 font-bold uppercase tracking-wide text-white">Beta</strong>
          <span>
            This is a new service. Guidance follows the national information sharing advice (DfE 2018 and 2024).
          </span>
        </p>
      </div>
    </div>
  );
}

/** The pages about the service itself, linked from every page's footer. */
const FOOTER_LINKS = [
  { href: "/accessibility", label: "Accessibility statement" },
  { href: "/guidance/sources", label: "Guidance sources" },
] as const;

export function Footer() {
  return (
    <footer className="no-print mt-auto border-t-[10px] border-govuk-blue bg-govuk-light-grey py-8 text-[1rem]">
      <div className="govuk-width-container flex flex-wrap justify-between gap-4">
        <ul className="flex flex-wrap gap-x-6 gap-y-2">
          {FOOTER_LINKS.map(({ href, label }) => (
            <li key={href}>
              <Link href={href} className="text-govuk-text!">
                {label}
              </Link>
            </li>
          ))}
        </ul>
        <p className="text-govuk-text">
          Records are kept for safeguarding purposes under UK GDPR and the Data Protection Act 2018.
        </p>
      </div>
    </footer>
  );
}
