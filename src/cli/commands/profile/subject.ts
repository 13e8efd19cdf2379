/** Whose profile a command acts on: the logged-in user's own, or (agents) the one named by --user. */
import type { HttpClient } from '../../../api/http.js';
import { getIdentity } from '../../../api/tmf/userinfo.js';

export async function profileSubject(api: HttpClient, requested: string | undefined): Promise<string> {
  return requested ?? (await getIdentity(api)).subject;
}
