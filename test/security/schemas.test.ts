/** TMF632 individual and TMF673 address validation answers against the official TMF v4 definitions. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { expectValid, TMF_SPECS_MISSING, validator } from '../helpers/tmf-schema.js';

let sandbox: TestSandbox;

describe.skipIf(TMF_SPECS_MISSING)('profile answers against the official TMF schemas', () => {
  beforeAll(async () => {
    sandbox = await startTestSandbox();
  });
  afterAll(() => sandbox?.close());

  const request = async (path: string, init: RequestInit = {}) => {
    const response = await fetch(`${sandbox.url}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${sandbox.tokens.agent}`, 'content-type': 'application/json', ...init.headers },
    });
    return response.json();
  };

  it('TMF632 Individual', async () => {
    const individual = validator('TMF632-Party-v4.0.0.swagger.json', 'Individual');
    for (const id of ['IND-1001', 'IND-2001', 'IND-9001']) expectValid(individual, await request(`/tmf-api/party/v4/individual/${id}`));
    expect(individual({ givenName: 42 })).toBe(false);
  });

  it('TMF673 GeographicAddressValidation', async () => {
    const validation = validator('TMF673-GeographicAddress-v4.0.1.swagger.json', 'GeographicAddressValidation');
    for (const city of ['Laval', 'Lavall', 'Springfield']) {
      const answer = await request('/tmf-api/geographicAddressManagement/v4/geographicAddressValidation', {
        method: 'POST',
        body: JSON.stringify({
          provideAlternative: true,
          submittedGeographicAddress: {
            streetNr: '455',
            streetName: 'boulevard Saint-Martin Ouest',
            city,
            stateOrProvince: 'QC',
            postcode: 'H7M 1Y8',
            country: 'CA',
          },
        }),
      });
      expectValid(validation, answer);
    }
  });
});
