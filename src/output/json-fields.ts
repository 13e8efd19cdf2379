/**
 * The top-level fields of the JSON some commands print, for `--fields` to check before anything
 * is sent and for each command's `--help` to list. A command not named here still takes
 * `--fields`: its output's own keys are then what is checked. A test holds each list to what the
 * command really prints.
 */
export const JSON_FIELDS: Readonly<Record<string, readonly string[]>> = {
  'bill show': [
    'id',
    'number',
    'account',
    'billDate',
    'period',
    'dueDate',
    'state',
    'currentCharges',
    'totalDue',
    'remainingAmount',
    'sections',
    'taxExcludedAmount',
    'discrepancy',
    'otherCurrencies',
  ],
  'bill list': ['id', 'number', 'account', 'billDate', 'period', 'dueDate', 'state', 'currentCharges', 'totalDue', 'remainingAmount'],
  'account show': ['account', 'name', 'holder', 'state', 'paymentStatus', 'services', 'balance', 'overdue', 'lastBill', 'autopay', 'openTickets'],
  'payment list': ['id', 'account', 'date', 'amount', 'status', 'channel', 'method', 'correlatorId', 'bills'],
  'ticket list': [
    'id',
    'subject',
    'type',
    'severity',
    'priority',
    'status',
    'statusReason',
    'created',
    'updated',
    'resolved',
    'channel',
    'customer',
    'assignee',
    'escalationLevel',
  ],
  'plan show': ['account', 'products', 'monthlyTotal'],
  'usage show': ['account', 'period', 'cycle', 'daysLeft', 'products', 'otherUsage'],
  'profile show': ['id', 'givenName', 'familyName', 'email', 'phone', 'address', 'language'],
  'config list': ['key', 'value', 'allowed', 'overriddenBy'],
};

/** The declared fields of a command path (`bill show`), if it has a list. */
export function jsonFieldsOf(path: string): readonly string[] | undefined {
  return Object.prototype.hasOwnProperty.call(JSON_FIELDS, path) ? JSON_FIELDS[path] : undefined;
}
