-- CreateTable
CREATE TABLE "email_outbox" (
    "id" BIGSERIAL NOT NULL,
    "template" TEXT NOT NULL,
    "to_address" TEXT NOT NULL,
    "link_path" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),
    "last_error" TEXT,

    CONSTRAINT "email_outbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "invitation" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "team_id" UUID,
    "invited_by_id" UUID,
    "token_hash" CHAR(64) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "accepted_at" TIMESTAMPTZ(3),
    "accepted_user_id" UUID,
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "invitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "password_reset" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "token_hash" CHAR(64) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "used_at" TIMESTAMPTZ(3),

    CONSTRAINT "password_reset_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "setup_token" (
    "id" UUID NOT NULL,
    "token_hash" CHAR(64) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "used_at" TIMESTAMPTZ(3),

    CONSTRAINT "setup_token_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "email_outbox_sent_at_next_attempt_at_idx" ON "email_outbox"("sent_at", "next_attempt_at");

-- CreateIndex
CREATE UNIQUE INDEX "invitation_token_hash_key" ON "invitation"("token_hash");

-- CreateIndex
CREATE INDEX "invitation_organisation_id_created_at_idx" ON "invitation"("organisation_id", "created_at");

-- CreateIndex
CREATE INDEX "invitation_email_idx" ON "invitation"("email");

-- CreateIndex
CREATE UNIQUE INDEX "password_reset_token_hash_key" ON "password_reset"("token_hash");

-- CreateIndex
CREATE INDEX "password_reset_user_id_idx" ON "password_reset"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "setup_token_token_hash_key" ON "setup_token"("token_hash");

-- Grants (decision 019). The app queues, claims and marks email; it reads and updates invitations,
-- resets and set-up tokens to use them. Nothing here is deleted by the app: a used or revoked link
-- stays as the record that it was used or revoked.
REVOKE ALL ON "email_outbox" FROM infoshare_app;
GRANT SELECT, INSERT ON "email_outbox" TO infoshare_app;
GRANT UPDATE ("link_path", "attempts", "next_attempt_at", "sent_at", "last_error") ON "email_outbox" TO infoshare_app;
GRANT USAGE, SELECT ON SEQUENCE "email_outbox_id_seq" TO infoshare_app;
REVOKE ALL ON "invitation" FROM infoshare_app;
GRANT SELECT, INSERT ON "invitation" TO infoshare_app;
GRANT UPDATE ("token_hash", "expires_at", "accepted_at", "accepted_user_id", "revoked_at") ON "invitation" TO infoshare_app;
REVOKE ALL ON "password_reset" FROM infoshare_app;
GRANT SELECT, INSERT ON "password_reset" TO infoshare_app;
GRANT UPDATE ("used_at") ON "password_reset" TO infoshare_app;
REVOKE ALL ON "setup_token" FROM infoshare_app;
GRANT SELECT, INSERT ON "setup_token" TO infoshare_app;
GRANT UPDATE ("used_at") ON "setup_token" TO infoshare_app;

-- The email channel of THE notification writer (decision 012's seam, decision 019): beside each
-- in-app row, one outbox row to the recipient's address (active accounts only), in the caller's
-- transaction, so a rolled-back change emails nobody and every trigger (record_decision included)
-- emails at once. The row holds the kind and a link, never text about the decision or the child:
-- the message is rendered from the kind when sent. Links go where the in-app notification's do
-- (src/app/notifications/page.tsx).
CREATE OR REPLACE FUNCTION "notify_users"(p_kind text, p_recipient_ids uuid[], p_decision_reference text,
                                          p_escalation_id uuid)
RETURNS integer
LANGUAGE plpgsql SET search_path = public AS $$
DECLARE
    written integer;
BEGIN
    INSERT INTO notification (id, user_id, kind, decision_reference, escalation_id)
    SELECT gen_random_uuid(), r.id, p_kind, p_decision_reference, p_escalation_id
      FROM (SELECT DISTINCT unnest(coalesce(p_recipient_ids, '{}')) AS id) r
     WHERE r.id IS NOT NULL;
    GET DIAGNOSTICS written = ROW_COUNT;
    INSERT INTO email_outbox (template, to_address, link_path)
    SELECT p_kind, u.email,
           CASE
               WHEN p_decision_reference IS NULL THEN '/notifications'
               WHEN p_kind IN ('REVIEW_REQUESTED', 'REPLY_RECEIVED') THEN '/review/' || p_decision_reference
               WHEN p_kind IN ('ESCALATION_RAISED', 'ESCALATION_RESOLVED') AND u.role <> 'PRACTITIONER'
                   THEN '/escalations'
               ELSE '/decisions/' || p_decision_reference
           END
      FROM app_user u
     WHERE u.id IN (SELECT unnest(coalesce(p_recipient_ids, '{}'))) AND u.disabled_at IS NULL
     ORDER BY u.id;
    RETURN written;
END;
$$;
