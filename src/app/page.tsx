import { redirect } from "next/navigation";
import { homePathFor } from "@/domain/policy";
import { requireUser } from "@/server/auth/current-actor";

export default async function Home() {
  const user = await requireUser();
  redirect(homePathFor(user.role));
}
