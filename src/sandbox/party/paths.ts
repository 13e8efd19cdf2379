/** TMF632 Party and TMF673 Geographic Address paths, with the base paths their specifications declare. */
export const PARTY_API = '/tmf-api/party/v4';
export const GEOGRAPHIC_ADDRESS_API = '/tmf-api/geographicAddressManagement/v4';

export const INDIVIDUAL_PATH = `${PARTY_API}/individual`;
export const ADDRESS_VALIDATION_PATH = `${GEOGRAPHIC_ADDRESS_API}/geographicAddressValidation`;
