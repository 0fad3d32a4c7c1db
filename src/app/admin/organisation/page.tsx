import type { Metadata } from "next";
import { ORGANISATION_KIND_LABELS, organisationKindEffect } from "@/domain/administration";
import { ORGANISATION_KINDS, isPublicAuthority } from "@/domain/lawful-basis";
import { ORGANISATION_NAME_MAX_LENGTH } from "@/schemas/administration";
import { getOrganisationProfile } from "@/server/admin/get-organisation-profile";
import { requirePermission } from "@/server/auth/current-actor";
import { BackLink, PageHeading, SuccessBanner } from "@/components/layout-bits";
import { ActionForm } from "@/components/ActionForm";
import { updateOrganisationProfileAction } from "./actions";
import type { PageProps } from "@/app/page-props";

export const metadata: Metadata = { title: "Organisation profile" };

export default async function OrganisationProfilePage({ searchParams }: PageProps) {
  const admin = await requirePermission("organisation.manage");
  const profile = await getOrganisationProfile(admin);
  const effect = organisationKindEffect(profile.kind);
  const done = (await searchParams).done;
  return (
    <div className="max-w-[760px]">
      <BackLink href="/admin">Administration</BackLink>
      <SuccessBanner
        message={
          done === "saved" || done === "unchanged"
            ? done === "saved"
              ? "Organisation profile saved."
              : "Nothing had changed, so nothing was saved."
            : undefined
        }
      />
      <PageHeading caption="Administration">Organisation profile</PageHeading>

      <h2 className="govuk-heading-m">Why the kind of organisation matters</h2>
      <p className="govuk-body">
        When your people record a decision, they say which law lets them share. Not every law is open to every kind of
        organisation, so InfoShare offers only the lawful bases your kind of organisation can rely on.
      </p>
      <ul className="govuk-list govuk-list-bullet">
        <li>
          Public authorities (local authorities, state schools, the NHS and the police) share to carry out their public
          tasks. They cannot rely on legitimate interests for those tasks.
        </li>
        <li>
          Early years settings and voluntary organisations are usually private bodies, so they are also offered
          legitimate interests. An independent school or private health provider that is not a public authority should
          choose the nearest private kind.
        </li>
        <li>Only the police are offered the law enforcement conditions of the Data Protection Act 2018.</li>
      </ul>
      <p className="govuk-body">
        A change applies to decisions recorded from now on. Decisions already recorded keep the bases they gave.
      </p>

      <div className="govuk-inset-text" data-testid="kind-effect">
        <p className="govuk-body font-bold">Now: {ORGANISATION_KIND_LABELS[profile.kind]}</p>
        <p className="govuk-body">{effect.summary}</p>
        {effect.notOffered.length > 0 ? (
          <details>
            <summary className="cursor-pointer text-govuk-link underline">
              Lawful bases your people are not offered ({effect.notOffered.length})
            </summary>
            <ul className="govuk-list govuk-list-bullet mt-4">
              {effect.notOffered.map((basis) => (
                <li key={basis.reference}>
                  {basis.label} ({basis.reference})
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </div>

      <h2 className="govuk-heading-m">Change the profile</h2>
      <ActionForm
        action={updateOrganisationProfileAction}
        initialValues={{ name: profile.name, kind: profile.kind }}
        fields={[
          {
            name: "name",
            kind: "text",
            label: "Organisation name",
            hint: "Its full name, as people in other organisations would know it.",
            maxLength: ORGANISATION_NAME_MAX_LENGTH,
          },
          {
            name: "kind",
            kind: "radios",
            label: "Kind of organisation",
            options: ORGANISATION_KINDS.map((kind) => ({
              value: kind,
              label: ORGANISATION_KIND_LABELS[kind],
              hint: isPublicAuthority(kind) ? "A public authority" : "A private or voluntary body",
            })),
          },
        ]}
        submitLabel="Save organisation profile"
      />
    </div>
  );
}
