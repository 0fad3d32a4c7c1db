import type { Metadata } from "next";
import { requirePermission } from "@/server/auth/current-actor";
import { BackLink, InsetText, WarningText } from "@/components/layout-bits";
import { startDraftAction } from "../actions";

export const metadata: Metadata = { title: "Record a decision about sharing information" };

export default async function NewDecisionPage() {
  await requirePermission("decision.record");
  return (
    <div className="max-w-[760px]">
      <BackLink href="/decisions" />
      <h1 className="govuk-heading-l">Record a decision about sharing information</h1>
      <WarningText>
        If a child is in immediate danger, call 999 and follow your safeguarding procedures now. Come back and record
        the decision straight afterwards.
      </WarningText>
      <p className="govuk-body">
        Use this when you have been asked to share information about a child or family, or when you think you should
        share it to keep a child safe. Record your decision whether or not you share.
      </p>
      <p className="govuk-body">We will ask about:</p>
      <ul className="govuk-list-bullet">
        <li>how urgent it is and who is asking</li>
        <li>whether you have a clear purpose, and whether the information is personal or confidential</li>
        <li>consent, and any other lawful reason to share</li>
        <li>what you will share, how, and with whom</li>
      </ul>
      <InsetText>
        Protecting a child comes before keeping information private. Data protection law is not a barrier to sharing
        information to keep a child safe (Information sharing advice, DfE 2024, golden rule 1).
      </InsetText>
      <p className="govuk-body">
        You will need your organisation’s case reference for the child or family. Do not enter names or dates of birth.
        Your answers are saved as you go, so you can stop and come back.
      </p>
      <form action={startDraftAction}>
        <input type="hidden" name="kind" value="ORIGINAL" />
        <button type="submit" className="govuk-button govuk-button-start">
          Start now
          <svg aria-hidden="true" focusable="false" width="17.5" height="19" viewBox="0 0 33 40">
            <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
          </svg>
        </button>
      </form>
    </div>
  );
}
