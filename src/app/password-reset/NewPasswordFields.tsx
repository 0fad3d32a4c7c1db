import { TextInput } from "@/components/form-fields";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/domain/accounts/password-policy";

/** The new password and its confirmation, as set-up, invitations and reset ask for them (decision 019). */
export function NewPasswordFields({ errorFor }: { errorFor: (field: string) => string | undefined }) {
  return (
    <>
      <TextInput
        name="password"
        label="Create a password"
        hint={
          `At least ${PASSWORD_MIN_LENGTH} characters (up to ${PASSWORD_MAX_LENGTH}). ` +
          "Three or four random words are strong and easy to remember. Common passwords are refused."
        }
        type="password"
        autoComplete="new-password"
        error={errorFor("password")}
      />
      <TextInput
        name="confirmPassword"
        label="Confirm the password"
        type="password"
        autoComplete="new-password"
        error={errorFor("confirmPassword")}
      />
    </>
  );
}
