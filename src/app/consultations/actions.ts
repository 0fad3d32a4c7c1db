"use server";
import { recordConsultation } from "@/server/consultations/record-consultation";
import { linkConsultation } from "@/server/consultations/link-consultation";
import { formAction, goTo } from "@/server/pipeline/action";

export const recordConsultationAction = formAction(
  { access: "consultation.record" },
  ({ user, fields, meta }) => recordConsultation(user, fields, meta),
  {
    done: ({ id }) => goTo(`/consultations/${id}?done=recorded`),
  },
);

/** Record-scoped: the use case asks the policy (consultation.link) about this consultation. */
export const linkConsultationAction = formAction(
  { access: "signed-in" },
  ({ user, fields, meta }) => {
    const { consultationId, ...link } = fields;
    return linkConsultation(user, typeof consultationId === "string" ? consultationId : "", link, meta);
  },
  {
    done: ({ decisionReference }, { fields }) =>
      goTo(
        decisionReference
          ? `/decisions/${decisionReference}?done=consultation-linked`
          : `/consultations/${String(fields.consultationId)}?done=linked`,
      ),
  },
);
