import { ActionForm } from "@/components/ActionForm";
import { setUserAccessAction } from "./actions";

/** The button that deactivates a person's account (a warning: it ends their sessions) or reactivates it. */
export function UserAccessForm({
  userId,
  access,
  submitLabel,
}: {
  userId: string;
  access: "enable" | "disable";
  submitLabel: string;
}) {
  return (
    <ActionForm
      action={setUserAccessAction}
      hidden={{ userId, access }}
      fields={[]}
      submitLabel={submitLabel}
      tone={access === "disable" ? "warning" : "secondary"}
    />
  );
}
