"use server";
import { revalidatePath } from "next/cache";
import { forbidden } from "next/navigation";
import { requirePermission } from "@/server/auth/current-actor";
import { setUserAccess } from "@/server/set-user-access";
import { requestMeta } from "@/server/infra/request-context";
import { formFields } from "@/app/form-data";

export interface UserAccessState {
  message: string | null;
  error: string | null;
}

export async function setUserAccessAction(_previous: UserAccessState, formData: FormData): Promise<UserAccessState> {
  const admin = await requirePermission("users.manage");
  const result = await setUserAccess(admin, formFields(formData), await requestMeta());
  if (!result.ok) {
    if (result.status === 403) forbidden();
    return { message: null, error: result.message };
  }
  revalidatePath("/admin/users");
  return { message: `${result.name} has been ${result.access === "disable" ? "disabled. Their sessions have ended" : "enabled"}.`, error: null };
}
