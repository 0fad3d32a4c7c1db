import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePermission } from "@/server/auth/current-actor";
import { listLocalArrangements } from "@/server/local-arrangements/list-local-arrangements";
import { ActionForm } from "@/components/ActionForm";
import { BackLink, PageHeading } from "@/components/layout-bits";
import { changeLocalArrangementAction } from "../actions";
import { ARRANGEMENT_FIELDS } from "../fields";

export const metadata: Metadata = { title: "Change a local arrangement" };

export default async function ChangeLocalArrangementPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePermission("arrangements.manage");
  const arrangement = (await listLocalArrangements(user.organisationId)).find((a) => a.id === id);
  if (!arrangement) notFound();
  return (
    <div className="max-w-[760px]">
      <BackLink href="/admin/local-arrangements" />
      <PageHeading caption={`Version ${arrangement.version}`}>Change {arrangement.title}</PageHeading>
      <ActionForm
        action={changeLocalArrangementAction}
        hidden={{ arrangementId: arrangement.id }}
        fields={ARRANGEMENT_FIELDS}
        initialValues={{
          kind: arrangement.kind,
          title: arrangement.title,
          parties: arrangement.parties ?? "",
          detail: arrangement.detail ?? "",
          link: arrangement.link ?? "",
          agreedOn: arrangement.agreedOn ?? "",
        }}
        submitLabel="Save the change"
      />
    </div>
  );
}
