-- CreateTable
CREATE TABLE "audit_checkpoint" (
    "id" BIGSERIAL NOT NULL,
    "chain_key" TEXT NOT NULL,
    "seq" BIGINT NOT NULL,
    "from_seq" BIGINT NOT NULL,
    "head_hash" CHAR(64) NOT NULL,
    "event_hashes_digest" CHAR(64) NOT NULL,
    "event_hashes" TEXT[],
    "at" TIMESTAMPTZ(3) NOT NULL,
    "key_id" TEXT NOT NULL,
    "signature" TEXT NOT NULL,

    CONSTRAINT "audit_checkpoint_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "audit_checkpoint_chain_key_seq_key" ON "audit_checkpoint"("chain_key", "seq");

-- ---------------------------------------------------------------------------------------------
-- Hand-written below this line. Checkpoints are evidence: the app's role may read and add them,
-- never change or remove them (the default privileges gave it UPDATE and DELETE).
REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON "audit_checkpoint" FROM infoshare_app;
