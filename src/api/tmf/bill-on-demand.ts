/** TMF678 `customerBillOnDemand`: asks the server to produce an account's next bill now. */
import * as z from 'zod';
import type { HttpClient } from '../http.js';
import { TmfRef, parseResource } from './common.js';

export const BILL_ON_DEMAND_PATH = '/tmf-api/customerBillManagement/v4/customerBillOnDemand';

const CustomerBillOnDemand = z.looseObject({
  id: z.string(),
  state: z.string().optional(),
  customerBill: TmfRef.optional(),
});

export interface BillOnDemand {
  id: string;
  state: string;
  /** The bill produced, once there is one. */
  billId?: string;
}

export async function requestBillOnDemand(client: HttpClient, accountId: string): Promise<BillOnDemand> {
  const response = await client.request({ method: 'POST', path: BILL_ON_DEMAND_PATH, json: { billingAccount: { id: accountId } } });
  const made = parseResource(CustomerBillOnDemand, response, 'CustomerBillOnDemand', BILL_ON_DEMAND_PATH);
  return { id: made.id, state: made.state ?? 'inProgress', ...(made.customerBill ? { billId: made.customerBill.id } : {}) };
}
