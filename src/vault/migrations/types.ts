// What a numbered migration is: its version (stored in `user_version`), a name, and the SQL that takes a vault
// from the version before to this one.
export interface Migration {
  version: number;
  name: string;
  sql: string;
}
