/** The CLI and the sandbox share no code, so the paths they agree on are checked here. */
import { describe, expect, it } from 'vitest';
import { SECURITY } from '../../src/api/security.js';
import { ADDRESS_VALIDATION_PATH as CLI_VALIDATION } from '../../src/api/tmf/geographic-address.js';
import { INDIVIDUAL_PATH as CLI_INDIVIDUAL } from '../../src/api/tmf/party.js';
import { ADDRESS_VALIDATION_PATH, INDIVIDUAL_PATH } from '../../src/sandbox/party/paths.js';
import { SECURITY_PATHS } from '../../src/sandbox/auth/security-paths.js';
import { PROVINCE_POSTAL_LETTERS } from '../../src/domain/postal-code.js';
import { POSTAL_LETTERS } from '../../src/sandbox/party/canadian-address.js';

describe('paths and rules the CLI shares with the sandbox', () => {
  it('security endpoints', () => expect(SECURITY).toEqual(SECURITY_PATHS));
  it('TMF632 and TMF673 paths', () => {
    expect(CLI_INDIVIDUAL).toBe(INDIVIDUAL_PATH);
    expect(CLI_VALIDATION).toBe(ADDRESS_VALIDATION_PATH);
  });
  it('postal code letters of each province', () => expect(PROVINCE_POSTAL_LETTERS).toEqual(POSTAL_LETTERS));
});
