-- CreateTable
CREATE TABLE "organisation_sso" (
    "organisation_id" UUID NOT NULL,
    "issuer" TEXT NOT NULL,
    "client_id" TEXT NOT NULL,
    "client_secret_encrypted" TEXT NOT NULL,
    "allow_join_by_domain" BOOLEAN NOT NULL DEFAULT false,
    "join_role" "Role" NOT NULL DEFAULT 'PRACTITIONER',
    "enforced" BOOLEAN NOT NULL DEFAULT false,
    "break_glass_user_id" UUID,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "organisation_sso_pkey" PRIMARY KEY ("organisation_id")
);

-- CreateTable
CREATE TABLE "sso_email_domain" (
    "domain" TEXT NOT NULL,
    "organisation_id" UUID NOT NULL,

    CONSTRAINT "sso_email_domain_pkey" PRIMARY KEY ("domain")
);

-- CreateTable
CREATE TABLE "sso_sign_in_flow" (
    "state" TEXT NOT NULL,
    "organisation_id" UUID NOT NULL,
    "code_verifier" TEXT NOT NULL,
    "nonce" TEXT NOT NULL,
    "callback_url" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "consumed_at" TIMESTAMPTZ(3),

    CONSTRAINT "sso_sign_in_flow_pkey" PRIMARY KEY ("state")
);

-- CreateIndex
CREATE INDEX "sso_email_domain_organisation_id_idx" ON "sso_email_domain"("organisation_id");

-- CreateIndex
CREATE INDEX "sso_sign_in_flow_organisation_id_idx" ON "sso_sign_in_flow"("organisation_id");

-- AddForeignKey
ALTER TABLE "organisation_sso" ADD CONSTRAINT "organisation_sso_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "organisation_sso" ADD CONSTRAINT "organisation_sso_break_glass_user_id_fkey" FOREIGN KEY ("break_glass_user_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sso_email_domain" ADD CONSTRAINT "sso_email_domain_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sso_sign_in_flow" ADD CONSTRAINT "sso_sign_in_flow_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Grants (decision 022). The admin's page writes the configuration and replaces its domains; a
-- sign-in flow is opened, then marked used once, and never deleted or rewritten by the app.
REVOKE ALL ON "organisation_sso" FROM infoshare_app;
GRANT SELECT, INSERT, UPDATE ON "organisation_sso" TO infoshare_app;
REVOKE ALL ON "sso_email_domain" FROM infoshare_app;
GRANT SELECT, INSERT, DELETE ON "sso_email_domain" TO infoshare_app;
REVOKE ALL ON "sso_sign_in_flow" FROM infoshare_app;
GRANT SELECT, INSERT ON "sso_sign_in_flow" TO infoshare_app;
GRANT UPDATE ("consumed_at") ON "sso_sign_in_flow" TO infoshare_app;
