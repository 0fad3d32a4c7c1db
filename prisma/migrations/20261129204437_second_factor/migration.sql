-- AlterTable
ALTER TABLE "organisation_settings" ADD COLUMN     "require_second_factor" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "user_session" ADD COLUMN     "second_factor_pending" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "totp_factor" (
    "user_id" UUID NOT NULL,
    "secret" TEXT NOT NULL,
    "confirmed_at" TIMESTAMPTZ(3),
    "last_used_step" BIGINT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "totp_factor_pkey" PRIMARY KEY ("user_id")
);

-- CreateTable
CREATE TABLE "recovery_code" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "code_hash" CHAR(64) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "used_at" TIMESTAMPTZ(3),

    CONSTRAINT "recovery_code_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "passkey" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "credential_id" TEXT NOT NULL,
    "public_key" BYTEA NOT NULL,
    "counter" BIGINT NOT NULL DEFAULT 0,
    "transports" TEXT[],
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),

    CONSTRAINT "passkey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webauthn_challenge" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "purpose" TEXT NOT NULL,
    "challenge" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "webauthn_challenge_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "recovery_code_user_id_code_hash_key" ON "recovery_code"("user_id", "code_hash");

-- CreateIndex
CREATE UNIQUE INDEX "passkey_credential_id_key" ON "passkey"("credential_id");

-- CreateIndex
CREATE INDEX "passkey_user_id_idx" ON "passkey"("user_id");

-- CreateIndex
CREATE INDEX "webauthn_challenge_user_id_purpose_idx" ON "webauthn_challenge"("user_id", "purpose");

-- AddForeignKey
ALTER TABLE "totp_factor" ADD CONSTRAINT "totp_factor_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recovery_code" ADD CONSTRAINT "recovery_code_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "passkey" ADD CONSTRAINT "passkey_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webauthn_challenge" ADD CONSTRAINT "webauthn_challenge_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Grants (decision 021). Default privileges gave the new tables SELECT, INSERT, UPDATE, DELETE;
-- narrow them to what the use cases do. Factors are removed on re-enrolment and on an admin's
-- reset; a recovery code is only ever marked used; a challenge is consumed by deleting it.
REVOKE ALL ON "totp_factor", "recovery_code", "passkey", "webauthn_challenge" FROM infoshare_app;
GRANT SELECT, INSERT, DELETE ON "totp_factor" TO infoshare_app;
GRANT UPDATE ("confirmed_at", "last_used_step") ON "totp_factor" TO infoshare_app;
GRANT SELECT, INSERT, DELETE ON "recovery_code" TO infoshare_app;
GRANT UPDATE ("used_at") ON "recovery_code" TO infoshare_app;
GRANT SELECT, INSERT, DELETE ON "passkey" TO infoshare_app;
GRANT UPDATE ("name", "counter", "last_used_at") ON "passkey" TO infoshare_app;
GRANT SELECT, INSERT, DELETE ON "webauthn_challenge" TO infoshare_app;
-- The session record's new column: cleared when the second factor is given.
GRANT UPDATE ("second_factor_pending") ON "user_session" TO infoshare_app;
