-- CreateTable
CREATE TABLE "share_confirmation" (
    "id" UUID NOT NULL,
    "decision_id" UUID NOT NULL,
    "confirmed_by_id" UUID NOT NULL,
    "shared_on" DATE NOT NULL,
    "method" TEXT NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "share_confirmation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "share_confirmation_decision_id_key" ON "share_confirmation"("decision_id");

-- AddForeignKey
ALTER TABLE "share_confirmation" ADD CONSTRAINT "share_confirmation_decision_id_fkey" FOREIGN KEY ("decision_id") REFERENCES "decision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "share_confirmation" ADD CONSTRAINT "share_confirmation_confirmed_by_id_fkey" FOREIGN KEY ("confirmed_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Append-only (decision 023): a confirmation is evidence that a share happened, so it is never
-- changed or removed, like the decision it belongs to.
CREATE FUNCTION share_confirmation_append_only() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, public
AS $$
BEGIN
    RAISE EXCEPTION 'share_confirmation is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER share_confirmation_append_only
    BEFORE UPDATE OR DELETE ON "share_confirmation"
    FOR EACH ROW EXECUTE FUNCTION share_confirmation_append_only();

-- Grants (decision 014): the app reads and adds confirmations, nothing else.
REVOKE ALL ON "share_confirmation" FROM infoshare_app;
GRANT SELECT, INSERT ON "share_confirmation" TO infoshare_app;
