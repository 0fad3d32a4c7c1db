// One short-lived PostgreSQL connection, for the scripts, the benchmarks and the fault tests.
import pg from "pg";

export interface WithClientOptions {
  /**
   * Ignore the client's 'error' event (a connection the server drops while idle), which would
   * otherwise be an uncaught error; queries still reject. For harnesses that stop PostgreSQL on purpose.
   */
  ignoreDroppedConnection?: boolean;
}

/** One connection to `url` for `work`, closed afterwards. */
export async function withClient<T>(
  url: string,
  work: (client: pg.Client) => Promise<T>,
  options: WithClientOptions = {},
): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  if (options.ignoreDroppedConnection) client.on("error", () => undefined);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
