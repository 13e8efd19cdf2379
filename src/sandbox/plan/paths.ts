/** Base paths of the plan-area APIs, exactly as their TMF v4 specifications declare them. */
export const CATALOG_API = '/tmf-api/productCatalogManagement/v4';
export const INVENTORY_API = '/tmf-api/productInventory/v4';
export const ORDERING_API = '/tmf-api/productOrderingManagement/v4';
export const USAGE_API = '/tmf-api/usageManagement/v4';
export const BILL_ON_DEMAND_PATH = '/tmf-api/customerBillManagement/v4/customerBillOnDemand';
