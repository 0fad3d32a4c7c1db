import { signOutAction } from "@/app/sign-out/actions";

/** The way out of the second-factor step: the header shows no sign-out until it is done. */
export function SignOutButton({ label = "Cancel and sign out" }: { label?: string }) {
  return (
    <form action={signOutAction}>
      <button type="submit" className="govuk-link-button">
        {label}
      </button>
    </form>
  );
}
