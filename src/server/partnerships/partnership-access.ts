import "server-only";
import { type IsoDay, ukDate } from "@/domain/calendar";
import { type UseCaseFailure, fail } from "@/domain/errors";
import { type Actor, type PartnershipResource, can } from "@/domain/policy";
import { recordRefusal } from "@/server/auth/refusal";
import { type Tx, db } from "@/server/infra/db";
import type { RequestMeta } from "@/server/infra/request-context";

const RESOURCE_SELECT = {
  id: true,
  members: { select: { organisationId: true } },
  leadPartners: { select: { userId: true, user: { select: { organisationId: true } } } },
} as const;

function resourceOf(row: {
  id: string;
  members: { organisationId: string }[];
  leadPartners: { userId: string; user: { organisationId: string } }[];
}): PartnershipResource {
  return {
    partnershipId: row.id,
    memberOrganisationIds: row.members.map((member) => member.organisationId),
    leadPartnerIds: row.leadPartners.map((lead) => lead.userId),
    leadPartnerOrganisationIds: row.leadPartners.map((lead) => lead.user.organisationId),
  };
}

/** The partnerships the actor is in (their organisation a member, or they a lead partner), for the policy. */
export async function partnershipsOf(actor: Actor, client: Tx = db()): Promise<PartnershipResource[]> {
  const rows = await client.partnership.findMany({
    where: {
      OR: [
        { members: { some: { organisationId: actor.organisationId } } },
        { leadPartners: { some: { userId: actor.userId } } },
      ],
    },
    select: RESOURCE_SELECT,
  });
  return rows.map(resourceOf);
}

/** One partnership for the policy, or null when there is none with that id. */
export async function partnershipResource(
  partnershipId: string,
  client: Tx = db(),
): Promise<PartnershipResource | null> {
  const row = await client.partnership.findUnique({ where: { id: partnershipId }, select: RESOURCE_SELECT });
  return row ? resourceOf(row) : null;
}

/**
 * Bank holidays are one list for the whole instance; whoever may keep them in any partnership they
 * are in may change it (decision 033).
 */
export function mayManageBankHolidays(actor: Actor, partnerships: readonly PartnershipResource[]): boolean {
  return partnerships.some((partnership) => can(actor, "bank-holidays.manage", partnership));
}

export const BANK_HOLIDAYS_REFUSED = "Only an admin of an organisation in a partnership can change the bank holidays";

/** Null when the actor may change the bank holidays, else the audited refusal. */
export async function bankHolidaysRefusal(actor: Actor, meta: RequestMeta): Promise<UseCaseFailure | null> {
  if (mayManageBankHolidays(actor, await partnershipsOf(actor))) return null;
  await recordRefusal(actor, meta, "bank-holidays.manage");
  return fail.forbidden(BANK_HOLIDAYS_REFUSED);
}

/**
 * A change to the bank holidays, `(actor, raw, meta, now)`: refused (and audited) before the form is
 * read when the actor may not change them; otherwise `run` gets the form and today's UK date.
 */
export function withBankHolidaysPermission<Result>(
  run: (actor: Actor, raw: unknown, meta: RequestMeta, today: IsoDay) => Promise<Result>,
): (actor: Actor, raw: unknown, meta: RequestMeta, now?: Date) => Promise<Result | UseCaseFailure> {
  return async (actor, raw, meta, now = new Date()) =>
    (await bankHolidaysRefusal(actor, meta)) ?? run(actor, raw, meta, ukDate(now));
}
