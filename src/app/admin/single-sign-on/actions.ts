"use server";
import { saveSsoConfiguration } from "@/server/sso/save-sso-configuration";
import { testSsoConnection } from "@/server/sso/test-sso-connection";
import { formAction, goTo } from "@/server/pipeline/action";

export const saveSsoConfigurationAction = formAction(
  { access: "sso.manage" },
  ({ user, fields, meta }) => saveSsoConfiguration(user, fields, meta),
  {
    done: () => goTo("/admin/single-sign-on?done=saved"),
    // Never the client secret.
    refill: ({ clientSecret: _secret, ...fields }) => fields,
  },
);

export const testSsoConnectionAction = formAction(
  { access: "sso.manage" },
  ({ user, meta }) => testSsoConnection(user, meta),
  {
    done: ({ authorizationEndpoint }) => ({
      errors: [],
      values: null,
      notice: `Connected. Your identity provider answered and signs people in at ${authorizationEndpoint}`,
    }),
  },
);
