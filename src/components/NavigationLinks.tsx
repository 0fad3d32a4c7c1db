"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

export interface NavigationItem {
  href: string;
  label: string;
}

/**
 * Which item the page at `pathname` belongs to: the longest href that is the path or a folder above it
 * ("/decisions/new" is "Record a decision", not "Your decisions").
 */
export function currentItemHref(items: readonly NavigationItem[], pathname: string): string | undefined {
  return items
    .filter((item) => pathname === item.href || pathname.startsWith(`${item.href}/`))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
}

const LINK = "inline-block min-h-6 py-1 font-bold";

/**
 * The main navigation's links, marked with `aria-current` (GOV.UK service navigation): "page" on the
 * section's own page, "true" on a page inside it. Rendered on the server too, so it works without JavaScript.
 */
export function NavigationLinks({
  items,
  unreadNotifications,
}: {
  items: NavigationItem[];
  unreadNotifications: number;
}) {
  const pathname = usePathname() ?? "";
  const all = [...items, { href: "/notifications", label: "Notifications" }];
  const current = currentItemHref(all, pathname);
  const ariaCurrent = (href: string) => (href !== current ? undefined : pathname === href ? "page" : "true");
  const currentMark = (href: string) => (href === current ? " border-b-4 border-govuk-blue" : "");
  return (
    <ul className="govuk-width-container flex flex-wrap gap-x-6 gap-y-2 py-2 text-[1rem]">
      {items.map((item) => (
        <li key={item.href}>
          <Link href={item.href} className={LINK + currentMark(item.href)} aria-current={ariaCurrent(item.href)}>
            {item.label}
          </Link>
        </li>
      ))}
      <li className="ml-auto">
        <Link
          href="/notifications"
          className={LINK + currentMark("/notifications")}
          aria-current={ariaCurrent("/notifications")}
          data-testid="notifications-link"
        >
          Notifications
          {unreadNotifications > 0 ? (
            <span
              className="ml-2 inline-block min-w-6 rounded-full bg-govuk-red px-2 text-center text-white"
              data-testid="notification-badge"
            >
              {unreadNotifications}
              <span className="sr-only"> unread</span>
            </span>
          ) : null}
        </Link>
      </li>
    </ul>
  );
}
