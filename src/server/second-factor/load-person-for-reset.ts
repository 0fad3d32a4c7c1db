import "server-only";
import { z } from "zod";
import type { SignedInUser } from "@/server/auth/current-actor";
import { db } from "@/server/infra/db";

/** The person an admin is about to reset, if they are in the admin's organisation (and not the admin). */
export async function loadPersonForSecondFactorReset(admin: SignedInUser, userId: string) {
  if (!z.uuid().safeParse(userId).success || userId === admin.userId) return null;
  const person = await db().user.findFirst({
    where: { id: userId, organisationId: admin.organisationId },
    select: { id: true, name: true, email: true },
  });
  return person;
}
